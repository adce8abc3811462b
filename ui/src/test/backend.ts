// An in-memory stand-in for the Rust commands, behind mockIPC: tests assert on what was sent.
import { mockIPC } from "@tauri-apps/api/mocks";
import type { CostPolicy } from "../bindings/CostPolicy";
import type { VoucherEvent } from "../bindings/VoucherEvent";
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
import type { Batch } from "../bindings/Batch";
import type { BatchInput } from "../bindings/BatchInput";
import type { Benefit } from "../bindings/Benefit";
import type { Gift } from "../bindings/Gift";
import type { GiftInput } from "../bindings/GiftInput";
import type { GiftKind } from "../bindings/GiftKind";
import type { MoveReason } from "../bindings/MoveReason";
import type { RedeemInput } from "../bindings/RedeemInput";
import type { Redemption } from "../bindings/Redemption";
import type { StockChange } from "../bindings/StockChange";
import type { StockMove } from "../bindings/StockMove";
import type { VoucherInfo } from "../bindings/VoucherInfo";
import { scheduleHandlers, scheduleState, type ScheduleState } from "./backend-schedules";
import { productHandlers, productState, type ProductState } from "./backend-products";

export const T0 = "2025-01-01T00:00:00Z";

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

export function gift(over: Partial<Gift> = {}): Gift {
  const g: Gift = {
    id: 1, name: "Oolong tasting pack", kind: "drainage", unit_cost_cents: 350, value_cents: 1800, stock: 40, low_stock_at: 10,
    low_stock: false, packaging: "Kraft box with our sticker", archived_at: null, created_at: T0, updated_at: T0, ...over,
  };
  return { ...g, low_stock: over.low_stock ?? g.stock <= g.low_stock_at };
}

export function batch(over: Partial<Batch> = {}): Batch {
  return {
    id: 1, name: "Gift: Oolong tasting pack", benefit: { kind: "gift", gift_id: 1, gift_name: "Oolong tasting pack" }, count: 3,
    valid_from: "2025-01-01", valid_until: "2099-12-31", community_id: null, community_name: null, channel_id: null, channel_name: null,
    min_spend_cents: null, holder_name: "", holder_phone: "", voided_at: null, void_reason: "", created_at: T0,
    stats: { issued: 3, redeemed: 0, voided: 0, expired: 0, redemption_rate: 0, gift_cost_cents: 0 }, ...over,
  };
}

/** A voucher as the fake keeps it: its code and what happened to it. */
export type FakeVoucher = { code: string; batchId: number; redeemed_at: string | null; redeemed_by: string; voided_at: string | null; void_reason: string };

const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** The fake's code for serial n: 20 symbols in groups of four, like the real ones. */
export function fakeCode(serial: number): string {
  let x = (serial * 2654435761 + 97) >>> 0;
  let out = "";
  for (let i = 0; i < 20; i++) {
    x = (Math.imul(x ^ (x >>> 13), 1103515245) + 12345 + i) >>> 0;
    out += ALPHABET[(x >>> 7) % 32];
    if (i % 4 === 3 && i < 19) out += "-";
  }
  return out;
}

/** A code as typed, made comparable, as the backend does. */
export function normalise(code: string): string {
  return code.replace(/[\s-]/g, "").toUpperCase().replace(/[IL]/g, "1").replace(/O/g, "0");
}

/** "Today" for the fake's validity checks. */
export const FAKE_TODAY = "2025-03-01";
/** The moment the fake redeems at. */
export const FAKE_NOW = "2025-03-01T08:30:00Z";

/** The one-pixel PNG the fake preview shows. */
export const PIXEL = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

export type Call = { cmd: string; args: Record<string, unknown> };

type State = {
  info: AppInfo;
  communities: Community[];
  staff: Staff[];
  counts: MemberCount[];
  health: HealthCheck;
  channels: Channel[];
  expiring: ExpiringQr[];
  posters: Poster[];
  outputs: { posterId: number; output: PosterOutput }[];
  gifts: Gift[];
  moves: { giftId: number; move: StockMove }[];
  batches: Batch[];
  vouchers: FakeVoucher[];
  /** The counter log batch_events answers with, per batch. */
  events: (VoucherEvent & { batchId: number })[];
  /** Schedules, content items, the reminder centre, autostart. */
  rhythm: ScheduleState;
  /** Products, their price histories and photos. */
  catalogue: ProductState;
};

type Override = (args: Record<string, unknown>) => unknown;

function voucherOf(batchId: number, serial: number): FakeVoucher {
  return { code: fakeCode(serial), batchId, redeemed_at: null, redeemed_by: "", voided_at: null, void_reason: "" };
}

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
  // Batches given without vouchers get theirs, numbered from their id.
  let serial = 1;
  for (const b of state.batches) {
    if (!state.vouchers.some((v) => v.batchId === b.id)) {
      for (let i = 0; i < b.count; i++) state.vouchers.push(voucherOf(b.id, serial++));
    }
  }
  serial = Math.max(serial, state.vouchers.length + 1);
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

  const findGift = (id: unknown) => {
    const g = state.gifts.find((x) => x.id === id);
    if (!g) throw { code: "not_found", message: "This gift no longer exists", field: null };
    return g;
  };
  const setStock = (g: Gift, stock: number, reason: MoveReason, note: string, code: string | null) => {
    const move: StockMove = { id: nextId++, change: stock - g.stock, stock_after: stock, reason, code, note, made_at: reason === "redeemed" || reason === "redemption_undone" ? FAKE_NOW : now };
    state.moves.unshift({ giftId: g.id, move });
    return Object.assign(g, { stock, low_stock: stock <= g.low_stock_at });
  };
  const toGift = (i: GiftInput, base: Gift) => {
    const g = { ...base, name: i.name, kind: i.kind as GiftKind, unit_cost_cents: i.unit_cost_cents, value_cents: i.value_cents, low_stock_at: i.low_stock_at ?? 10, packaging: i.packaging };
    return { ...g, low_stock: g.stock <= g.low_stock_at };
  };
  const findBatch = (id: unknown) => {
    const b = state.batches.find((x) => x.id === id);
    if (!b) throw { code: "not_found", message: "This batch no longer exists", field: null };
    return withStats(b);
  };
  const withStats = (b: Batch): Batch => {
    const vs = state.vouchers.filter((v) => v.batchId === b.id);
    const redeemed = vs.filter((v) => v.redeemed_at).length;
    const voided = vs.filter((v) => !v.redeemed_at && (v.voided_at || b.voided_at)).length;
    const expired = b.valid_until < FAKE_TODAY ? vs.length - redeemed - voided : 0;
    const cost = b.benefit.kind === "gift" ? (state.gifts.find((g) => b.benefit.kind === "gift" && g.id === b.benefit.gift_id)?.unit_cost_cents ?? 0) : 0;
    b.stats = { issued: vs.length, redeemed, voided, expired, redemption_rate: vs.length ? redeemed / vs.length : 0, gift_cost_cents: redeemed * cost };
    return b;
  };
  const infoOf = (v: FakeVoucher): VoucherInfo => {
    const b = state.batches.find((x) => x.id === v.batchId)!;
    return { code: v.code, batch_id: b.id, batch_name: b.name, benefit: b.benefit, holder_name: b.holder_name, valid_from: b.valid_from, valid_until: b.valid_until, min_spend_cents: b.min_spend_cents };
  };
  const benefitOf = (i: BatchInput): Benefit => {
    const b = i.benefit;
    if (b.kind === "gift") return { kind: "gift", gift_id: b.gift_id, gift_name: findGift(b.gift_id).name };
    if (b.kind === "pickup") return { kind: "pickup", product_id: b.product_id, product_name: `Product ${b.product_id}`, unit: "", price_cents: b.price_cents };
    return b;
  };
  const describe = (b: Benefit) =>
    b.kind === "gift" ? `Gift: ${b.gift_name}` : b.kind === "amount_off" ? `¥${b.cents / 100} off` : b.kind === "pickup" ? `Pickup: ${b.product_name}` : b.kind === "package" ? `Gift package: ${b.campaign_name}` : `${b.percent}% off`;
  const redeem = (input: RedeemInput): Redemption => {
    const typed = normalise(input.code);
    if (typed.length !== 20) return { status: "malformed", message: `A voucher code has 20 characters; this has ${typed.length}` };
    const v = state.vouchers.find((x) => normalise(x.code) === typed);
    if (!v) {
      for (const other of state.vouchers.map((x) => normalise(x.code))) {
        const diff = [...typed].flatMap((c, i) => (c === other[i] ? [] : [i]));
        if (diff.length === 1) return { status: "mistyped", position: diff[0] + 1 };
        if (diff.length === 2 && diff[1] === diff[0] + 1 && typed[diff[0]] === other[diff[1]] && typed[diff[1]] === other[diff[0]]) {
          return { status: "swapped", position: diff[0] + 1 };
        }
      }
      return { status: "not_ours" };
    }
    const voucher = infoOf(v);
    const b = state.batches.find((x) => x.id === v.batchId)!;
    if (v.redeemed_at) return { status: "already_redeemed", voucher, redeemed_at: v.redeemed_at, redeemed_by: v.redeemed_by };
    if (v.voided_at) return { status: "voided", voucher, voided_at: v.voided_at, reason: v.void_reason };
    if (b.voided_at) return { status: "voided", voucher, voided_at: b.voided_at, reason: b.void_reason };
    if (FAKE_TODAY < b.valid_from) return { status: "not_yet_valid", voucher };
    if (FAKE_TODAY > b.valid_until) return { status: "expired", voucher };
    if (b.min_spend_cents != null && (input.spend_cents == null || input.spend_cents < b.min_spend_cents)) {
      return { status: "below_minimum", voucher, spend_cents: input.spend_cents ?? null };
    }
    v.redeemed_at = FAKE_NOW;
    v.redeemed_by = input.staff;
    let stock_left: number | null = null;
    if (b.benefit.kind === "gift") {
      const g = findGift(b.benefit.gift_id);
      stock_left = setStock(g, g.stock - 1, "redeemed", "", v.code).stock;
    }
    return { status: "redeemed", voucher, redeemed_at: FAKE_NOW, stock_left };
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
    list_gifts: (a) => state.gifts.filter((g) => a.includeArchived || !g.archived_at),
    low_stock_gifts: () => state.gifts.filter((g) => !g.archived_at && g.stock <= g.low_stock_at),
    create_gift: (a) => {
      const i = a.input as GiftInput;
      if (!i.name.trim()) throw { code: "invalid_input", message: "Please enter a name", field: "name" };
      const g = toGift(i, gift({ id: nextId++, stock: 0 }));
      state.gifts.push(g);
      return setStock(g, a.stock as number, "added", "", null);
    },
    update_gift: (a) => {
      const i = state.gifts.findIndex((g) => g.id === a.id);
      return (state.gifts[i] = toGift(a.input as GiftInput, findGift(a.id)));
    },
    change_gift_stock: (a) => {
      const g = findGift(a.id);
      const c = a.change as StockChange;
      return setStock(g, c.kind === "restocked" ? g.stock + c.count : c.count, c.kind, a.note as string, null);
    },
    set_gift_archived: (a) => Object.assign(findGift(a.id), { archived_at: a.archived ? now : null }),
    gift_moves: (a) => state.moves.filter((m) => m.giftId === a.id).map((m) => m.move),
    list_batches: () => state.batches.map(withStats),
    get_batch: (a) => findBatch(a.id),
    issue_batch: (a) => {
      const i = a.input as BatchInput;
      const benefit = benefitOf(i);
      const b = batch({
        id: nextId++, name: i.name || describe(benefit), benefit, count: i.count, valid_from: i.valid_from || FAKE_TODAY, valid_until: i.valid_until,
        community_id: i.community_id ?? null, community_name: state.communities.find((c) => c.id === i.community_id)?.name ?? null,
        channel_id: i.channel_id ?? null, channel_name: state.channels.find((c) => c.id === i.channel_id)?.name ?? null,
        min_spend_cents: i.min_spend_cents ?? null, holder_name: i.holder_name, holder_phone: i.holder_phone,
      });
      state.batches.unshift(b);
      for (let n = 0; n < i.count; n++) state.vouchers.push(voucherOf(b.id, serial++));
      return withStats(b);
    },
    batch_events: (a) => state.events.filter((e) => e.batchId === a.id).map(({ batchId: _, ...e }) => e),
    batch_vouchers: (a) =>
      state.vouchers.filter((v) => v.batchId === a.id).map(({ code, redeemed_at, redeemed_by, voided_at, void_reason }) => ({ code, redeemed_at, redeemed_by, voided_at, void_reason })),
    void_batch: (a) => {
      const b = findBatch(a.id);
      if (!String(a.reason).trim()) throw { code: "invalid_input", message: "Please give a reason", field: "reason" };
      return withStats(Object.assign(b, { voided_at: now, void_reason: a.reason as string }));
    },
    void_voucher: (a) => {
      const v = state.vouchers.find((x) => normalise(x.code) === normalise(a.code as string));
      if (!v) throw { code: "invalid_input", message: "This code was not issued by this shop", field: "code" };
      Object.assign(v, { voided_at: now, void_reason: a.reason as string });
      return infoOf(v);
    },
    redeem_voucher: (a) => redeem(a.input as RedeemInput),
    undo_redemption: (a) => {
      const v = state.vouchers.find((x) => x.code === String(a.code).toUpperCase());
      if (!v || !v.redeemed_at) throw { code: "nothing_to_undo", message: "There is no redemption to undo", field: null };
      v.redeemed_at = null;
      v.redeemed_by = "";
      const b = state.batches.find((x) => x.id === v.batchId)!;
      let stock_left: number | null = null;
      if (b.benefit.kind === "gift") {
        const g = findGift(b.benefit.gift_id);
        stock_left = setStock(g, g.stock + 1, "redemption_undone", "", v.code).stock;
      }
      return { voucher: infoOf(v), stock_left };
    },
    voucher_preview: (a) => {
      const code = (a.code as string | null) ?? state.vouchers.find((v) => v.batchId === a.batchId)?.code ?? "";
      return { code, png: PIXEL.replace("data:image/png;base64,", "") };
    },
    save_voucher_sheet: (a) => `/home/me/${findBatch(a.id).name}.pdf`,
    print_voucher_sheet: () => null,
    save_voucher_image: (a) => `/home/me/${a.code as string}.png`,
    export_batch_csv: (a) => `/home/me/${findBatch(a.id).name}.csv`,
    get_cost_policy: () => costPolicy,
    set_cost_policy: (a) => (costPolicy = a.policy as CostPolicy),
    list_exports: () => [],
    backup_status: () => ({
      data_file: state.info.data_path,
      backup_folder: "/home/me/.local/share/backups",
      second_folder: null,
      backups: [],
      in_second_folder: 0,
      last_error: null,
      disk: { available: 50 * 1024 ** 3, total: 200 * 1024 ** 3 },
      disk_low: false,
      stale: false,
      data_bytes: 2 * 1024 * 1024,
    }),
    about: () => ({ version: state.info.version, schema_version: 28, data_file: state.info.data_path, log_folder: "/home/me/.local/share/logs", system: "Debian, x86_64" }),
    data_problem: () => null,
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
