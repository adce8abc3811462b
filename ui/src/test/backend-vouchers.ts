// The fake backend's gifts, voucher batches and the counter: stock moves kept as
// the core keeps them, codes shaped like the real ones, and a redemption that
// answers every status the counter shows.
import type { Batch } from "../bindings/Batch";
import type { BatchInput } from "../bindings/BatchInput";
import type { Benefit } from "../bindings/Benefit";
import type { Channel } from "../bindings/Channel";
import type { Community } from "../bindings/Community";
import type { Gift } from "../bindings/Gift";
import type { GiftInput } from "../bindings/GiftInput";
import type { GiftKind } from "../bindings/GiftKind";
import type { MoveReason } from "../bindings/MoveReason";
import type { RedeemInput } from "../bindings/RedeemInput";
import type { Redemption } from "../bindings/Redemption";
import type { StockChange } from "../bindings/StockChange";
import type { StockMove } from "../bindings/StockMove";
import type { VoucherEvent } from "../bindings/VoucherEvent";
import type { VoucherInfo } from "../bindings/VoucherInfo";
import { FAKE_NOW, FAKE_TODAY, PIXEL, T0 } from "./backend-fixed";

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

export type VoucherState = {
  communities: Community[];
  channels: Channel[];
  gifts: Gift[];
  moves: { giftId: number; move: StockMove }[];
  batches: Batch[];
  vouchers: FakeVoucher[];
  /** The counter log batch_events answers with, per batch. */
  events: (VoucherEvent & { batchId: number })[];
};

function voucherOf(batchId: number, serial: number): FakeVoucher {
  return { code: fakeCode(serial), batchId, redeemed_at: null, redeemed_by: "", voided_at: null, void_reason: "" };
}

/** The commands for gifts, voucher batches and the counter, on `state`. */
export function voucherHandlers(state: VoucherState, nextId: () => number, now: string) {
  // Batches given without vouchers get theirs, numbered from their id.
  let serial = 1;
  for (const b of state.batches) {
    if (!state.vouchers.some((v) => v.batchId === b.id)) {
      for (let i = 0; i < b.count; i++) state.vouchers.push(voucherOf(b.id, serial++));
    }
  }
  serial = Math.max(serial, state.vouchers.length + 1);

  const findGift = (id: unknown) => {
    const g = state.gifts.find((x) => x.id === id);
    if (!g) throw { code: "not_found", message: "This gift no longer exists", field: null };
    return g;
  };
  const setStock = (g: Gift, stock: number, reason: MoveReason, note: string, code: string | null) => {
    const move: StockMove = { id: nextId(), change: stock - g.stock, stock_after: stock, reason, code, note, made_at: reason === "redeemed" || reason === "redemption_undone" ? FAKE_NOW : now };
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

  const handlers: Record<string, (a: Record<string, unknown>) => unknown> = {
    list_gifts: (a) => state.gifts.filter((g) => a.includeArchived || !g.archived_at),
    low_stock_gifts: () => state.gifts.filter((g) => !g.archived_at && g.stock <= g.low_stock_at),
    create_gift: (a) => {
      const i = a.input as GiftInput;
      if (!i.name.trim()) throw { code: "invalid_input", message: "Please enter a name", field: "name" };
      const g = toGift(i, gift({ id: nextId(), stock: 0 }));
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
        id: nextId(), name: i.name || describe(benefit), benefit, count: i.count, valid_from: i.valid_from || FAKE_TODAY, valid_until: i.valid_until,
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
  };
  return handlers;
}
