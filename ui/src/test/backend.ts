// An in-memory stand-in for the Rust commands, behind mockIPC: tests assert on what was sent.
import { mockIPC } from "@tauri-apps/api/mocks";
import type { CostPolicy } from "../bindings/CostPolicy";
import type { AppInfo } from "../bindings/AppInfo";
import type { Channel } from "../bindings/Channel";
import type { ChannelInput } from "../bindings/ChannelInput";
import type { ExpiringQr } from "../bindings/ExpiringQr";
import type { OutputFormat } from "../bindings/OutputFormat";
import type { Poster } from "../bindings/Poster";
import type { PosterInput } from "../bindings/PosterInput";
import type { PosterOutput } from "../bindings/PosterOutput";
import type { QrKind } from "../bindings/QrKind";
import type { QrSource } from "../bindings/QrSource";
import type { Community } from "../bindings/Community";
import type { CommunityInput } from "../bindings/CommunityInput";
import type { HealthCheck } from "../bindings/HealthCheck";
import type { MemberCount } from "../bindings/MemberCount";
import type { Shop } from "../bindings/Shop";
import type { ShopInput } from "../bindings/ShopInput";
import type { Staff } from "../bindings/Staff";
import type { StaffInput } from "../bindings/StaffInput";
import { scheduleHandlers, scheduleState, type ScheduleState } from "./backend-schedules";
import { productHandlers, productState, type ProductState } from "./backend-products";
import { PIXEL, T0 } from "./backend-fixed";
import { dataHandlers } from "./backend-data";
import { voucherHandlers, type VoucherState } from "./backend-vouchers";

export { FAKE_NOW, FAKE_TODAY, PIXEL, T0 } from "./backend-fixed";
export { batch, fakeCode, gift, normalise, type FakeVoucher } from "./backend-vouchers";


export function shop(over: Partial<Shop> = {}): Shop {
  return { name: "Leaf & Cup", brand: "Leaf", industry: "Tea shop", time_zone: "Asia/Shanghai", language: "en", created_at: T0, updated_at: T0, ...over };
}

export function community(over: Partial<Community> = {}): Community {
  return {
    id: 1, name: "Morning Tea Friends", kind: "high_frequency", stage: "activation", platform: "wechat_group",
    purpose: "A tea of the day", goal: "300 regulars", capacity: 200, rules: ["No ads"], members: 120,
    archived_at: null, created_at: T0, updated_at: T0, ...over,
  };
}

export function staffMember(over: Partial<Staff> = {}): Staff {
  return {
    id: 1, display_name: "Leaf · Amy", role: "manager", account_id: "amy01", note: "", community_ids: [1],
    missing_brand: false, archived_at: null, created_at: T0, updated_at: T0, ...over,
  };
}

export const HEALTH: HealthCheck = {
  community_id: 1,
  score: 63,
  items: [
    { question: "real_problem", verdict: "pass", finding: "purpose_written" },
    { question: "long_term_goal", verdict: "fail", finding: "goal_missing" },
    { question: "clear_rules", verdict: "partial", finding: "rules_few" },
    { question: "uses_tools", verdict: "partial", finding: "no_staff" },
  ],
};

export const TEMPLATES = {
  en: [
    { key: "no_ads", text: "No advertising of other businesses or products." },
    { key: "no_spam", text: "No spam or flooding the chat." },
    { key: "respect", text: "Be respectful to everyone." },
  ],
  "zh-CN": [
    { key: "no_ads", text: "禁止发布其他商家或产品的广告。" },
    { key: "no_spam", text: "禁止刷屏。" },
    { key: "respect", text: "尊重每一位群友。" },
  ],
};

export function channel(over: Partial<Channel> = {}): Channel {
  return { id: 7, community_id: 1, kind: "counter", name: "Counter", qr: null, archived_at: null, created_at: T0, ...over };
}

export function groupQr(over: Partial<QrSource> = {}): QrSource {
  return {
    id: 30, channel_id: 7, kind: "group_qr", payload: "https://weixin.qq.com/g/tea", staff_id: null, has_image: true,
    made_at: T0, expires_at: "2099-01-08T00:00:00Z", created_at: T0, ...over,
  };
}

export function poster(over: Partial<Poster> = {}): Poster {
  return {
    id: 4, channel_id: 7, channel_name: "Counter", community_id: 1, community_name: "Morning Tea Friends", template: "counter",
    headline: "Join our tea friends", subline: "", gift: "", address: "", hours: "", brand_color: "#2f7d5b", has_logo: false, campaign_id: null,
    last_output: null, qr_expires_at: null, stale: null, archived_at: null, created_at: T0, updated_at: T0, ...over,
  };
}


export type Call = { cmd: string; args: Record<string, unknown> };

type State = VoucherState & {
  info: AppInfo;
  staff: Staff[];
  counts: MemberCount[];
  health: HealthCheck;
  expiring: ExpiringQr[];
  posters: Poster[];
  outputs: { posterId: number; output: PosterOutput }[];
  /** Schedules, content items, the reminder centre, autostart. */
  rhythm: ScheduleState;
  /** Products, their price histories and photos. */
  catalogue: ProductState;
};

type Override = (args: Record<string, unknown>) => unknown;

/** Installs the fake backend; `overrides` replace single commands (throw to reject). */
export function fakeBackend(
  init: Partial<Omit<State, "rhythm" | "catalogue">> & { rhythm?: Partial<ScheduleState>; catalogue?: Partial<ProductState> } = {},
  overrides: Record<string, Override> = {}) {
  const state: State = {
    info: { shop: shop(), system_time_zone: "Asia/Shanghai", system_language: "en", data_path: "/home/me/.local/share/shopcircle.db", version: "0.1.0" },
    communities: [community()],
    staff: [],
    counts: [],
    health: HEALTH,
    channels: [],
    expiring: [],
    posters: [],
    outputs: [],
    gifts: [],
    moves: [],
    batches: [],
    vouchers: [],
    events: [],
    ...init,
    rhythm: scheduleState(init.rhythm),
    catalogue: productState(init.catalogue),
  };
  const calls: Call[] = [];
  let nextId = 100;
  const now = T0;
  const fromInput = (i: CommunityInput, base?: Community): Community => ({
    ...(base ?? community({ id: nextId++, members: null })),
    name: i.name, kind: i.kind, stage: i.stage ?? "drainage", platform: i.platform ?? "wechat_group",
    purpose: i.purpose ?? "", goal: i.goal ?? "", capacity: i.capacity ?? 200, rules: i.rules ?? [],
  });
  const toShop = (i: ShopInput): Shop => ({ ...shop(), ...i, brand: i.brand || i.name });
  const toStaff = (i: StaffInput, base?: Staff): Staff => ({
    ...(base ?? staffMember({ id: nextId++ })),
    display_name: i.display_name, role: i.role, account_id: i.account_id ?? "", note: i.note ?? "", community_ids: i.community_ids ?? [],
  });

  const findPoster = (id: unknown) => {
    const p = state.posters.find((x) => x.id === id);
    if (!p) throw { code: "not_found", message: "This poster no longer exists", field: null };
    return p;
  };
  const output = (id: number, format: OutputFormat, dpi: number | null, reason: PosterOutput["reason"]) => {
    const p = findPoster(id);
    const o: PosterOutput = { id: nextId++, qr_source_id: 30, format, dpi, path: `/home/me/${p.headline}.${format}`, reason, made_at: now };
    state.outputs.push({ posterId: id, output: o });
    return Object.assign(p, { last_output: o, stale: null });
  };

  let costPolicy: CostPolicy = "block";
  const handlers: Record<string, Override> = {
    app_info: () => state.info,
    shop_today: () => "2026-11-27",
    ui_painted: () => null,
    set_up_shop: (a) => (state.info = { ...state.info, shop: toShop(a.input as ShopInput) }).shop,
    create_sample_shop: (a) => (state.info = { ...state.info, shop: shop({ name: "Sample", language: a.language as Shop["language"] }) }).shop,
    update_shop: (a) => (state.info = { ...state.info, shop: toShop(a.input as ShopInput) }).shop,
    list_communities: (a) => state.communities.filter((c) => a.includeArchived || !c.archived_at),
    get_community: (a) => state.communities.find((c) => c.id === a.id),
    create_community: (a) => {
      const c = fromInput(a.input as CommunityInput);
      state.communities.push(c);
      return c;
    },
    update_community: (a) => {
      const i = state.communities.findIndex((c) => c.id === a.id);
      state.communities[i] = fromInput(a.input as CommunityInput, state.communities[i]);
      return state.communities[i];
    },
    archive_community: (a) => Object.assign(state.communities.find((c) => c.id === a.id)!, { archived_at: now }),
    restore_community: (a) => Object.assign(state.communities.find((c) => c.id === a.id)!, { archived_at: null }),
    rule_templates: (a) => TEMPLATES[a.language as "en" | "zh-CN"],
    community_health: (a) => ({ ...state.health, community_id: a.id }),
    list_staff: (a) => state.staff.filter((s) => a.includeArchived || !s.archived_at),
    // No welcome-gift campaign runs unless a test says so.
    running_drainage: () => [],
    create_staff: (a) => {
      const s = toStaff(a.input as StaffInput);
      state.staff.push(s);
      return s;
    },
    update_staff: (a) => {
      const i = state.staff.findIndex((s) => s.id === a.id);
      return (state.staff[i] = toStaff(a.input as StaffInput, state.staff[i]));
    },
    set_staff_archived: (a) => Object.assign(state.staff.find((s) => s.id === a.id)!, { archived_at: a.archived ? now : null }),
    list_member_counts: (a) => state.counts.filter((c) => c.community_id === a.communityId),
    record_member_count: (a) => {
      const m = { community_id: a.communityId as number, recorded_on: a.day as string, count: a.count as number };
      state.counts.push(m);
      return m;
    },
    list_channels: (a) => state.channels.filter((c) => c.community_id === a.communityId),
    channel_figures: () => [],
    create_channel: (a) => {
      const i = a.input as ChannelInput;
      const c: Channel = { id: nextId++, community_id: a.communityId as number, kind: i.kind, name: i.name, qr: null, archived_at: null, created_at: now };
      state.channels.push(c);
      return c;
    },
    import_qr: (a) => {
      const c = state.channels.find((x) => x.id === a.channelId)!;
      c.qr = {
        id: nextId++, channel_id: c.id, kind: a.kind as QrKind, payload: `decoded:${String(a.image).length}`, staff_id: null,
        has_image: true, made_at: now, expires_at: a.kind === "group_qr" ? "2099-01-08T00:00:00Z" : null, created_at: now,
      };
      return { qr: c.qr, rerendered: [] };
    },
    set_qr_link: (a) => {
      const c = state.channels.find((x) => x.id === a.channelId)!;
      c.qr = { id: nextId++, channel_id: c.id, kind: "link", payload: a.link as string, staff_id: null, has_image: false, made_at: null, expires_at: null, created_at: now };
      return { qr: c.qr, rerendered: [] };
    },
    expiring_qrs: () => state.expiring,
    list_posters: (a) => state.posters.filter((p) => !p.archived_at && (a.channelId == null || p.channel_id === a.channelId)),
    get_poster: (a) => findPoster(a.id),
    poster_history: (a) => state.outputs.filter((o) => o.posterId === a.id).map((o) => o.output).reverse(),
    create_poster: (a) => {
      const c = state.channels.find((x) => x.id === a.channelId)!;
      const p = poster({ id: nextId++, channel_id: c.id, channel_name: c.name, ...(a.input as PosterInput), has_logo: a.logo != null });
      state.posters.unshift(p);
      return p;
    },
    update_poster: (a) => {
      const p = findPoster(a.id);
      return Object.assign(p, a.input as PosterInput, { has_logo: a.logo != null || (p.has_logo && !a.removeLogo) });
    },
    archive_poster: (a) => {
      findPoster(a.id).archived_at = now;
      return null;
    },
    preview_poster: (a) => {
      const c = state.channels.find((x) => x.id === a.channelId);
      if (!c?.qr) throw { code: "no_qr_code", message: "This channel has no QR code yet", field: null };
      if (!(a.input as PosterInput).headline.trim()) throw { code: "invalid_input", message: "Please write a headline", field: "headline" };
      return { image: PIXEL, width_mm: 210, height_mm: 297, payload: c.qr.payload };
    },
    export_poster: (a) => output(a.id as number, a.format as OutputFormat, a.dpi as number, "saved"),
    print_poster: (a) => output(a.id as number, "pdf", null, "printed"),
    reveal_poster_file: () => null,
    get_cost_policy: () => costPolicy,
    set_cost_policy: (a) => (costPolicy = a.policy as CostPolicy),
    ...voucherHandlers(state, () => nextId++, now),
    ...dataHandlers(() => state.info),
    ...scheduleHandlers(state.rhythm, () => nextId++),
    ...productHandlers(state.catalogue, () => nextId++, now),
    ...overrides,
  };

  mockIPC((cmd, payload) => {
    const args = (payload ?? {}) as Record<string, unknown>;
    calls.push({ cmd, args });
    const h = handlers[cmd];
    if (!h) throw { code: "internal", message: `no fake for ${cmd}`, field: null };
    // A copy, as the real IPC gives: the screen never holds the fake's own objects.
    const answer = h(args);
    return answer instanceof Promise || answer === undefined ? answer : structuredClone(answer);
  }, { shouldMockEvents: true });

  return { state, calls, called: (cmd: string) => calls.filter((c) => c.cmd === cmd) };
}
