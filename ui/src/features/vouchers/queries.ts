// Server state of vouchers: the batches, one batch, its vouchers and its card preview;
// and the words for what a voucher gives.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import type { TFunction } from "i18next";
import type { Batch } from "../../bindings/Batch";
import type { Benefit } from "../../bindings/Benefit";
import type { VoucherRow } from "../../bindings/VoucherRow";
import { money } from "../../format";
import { ipc } from "../../ipc";
import { keys } from "../../queries";

export function useBatches() {
  return useQuery({ queryKey: keys.batches, queryFn: ipc.listBatches });
}

export function useBatch(id: number) {
  return useQuery({ queryKey: keys.batch(id), queryFn: () => ipc.getBatch(id) });
}

export function useBatchVouchers(id: number) {
  return useQuery({ queryKey: keys.batchVouchers(id), queryFn: () => ipc.batchVouchers(id) });
}

/** The card as it prints; never kept across visits (the shop's name or colour may change). */
export function useBatchEvents(id: number) {
  return useQuery({ queryKey: keys.batchEvents(id), queryFn: () => ipc.batchEvents(id) });
}

export function useVoucherPreview(batchId: number, code: string | null) {
  return useQuery({ queryKey: keys.voucherPreview(batchId, code), queryFn: () => ipc.voucherPreview(batchId, code), gcTime: 0 });
}

/** Something was redeemed, undone or voided: figures, lists and gift stock are stale. */
export function useInvalidateVouchers() {
  const client = useQueryClient();
  return () => {
    for (const key of [keys.batches, keys.batchAll, keys.batchVouchersAll, keys.batchEventsAll, keys.giftsAll, keys.lowStockGifts, keys.giftMovesAll]) {
      void client.invalidateQueries({ queryKey: key });
    }
  };
}

/** 10% off as Chinese shops say it: "9"; 15% off: "8.5". */
export function zhe(percentOff: number): string {
  const tenths = 100 - percentOff;
  return tenths % 10 === 0 ? String(tenths / 10) : (tenths / 10).toFixed(1);
}

/** What a voucher gives, in a few words: "Gift: Oolong pack", "¥10.00 off", "10% off". */
export function benefitText(t: TFunction, b: Benefit): string {
  switch (b.kind) {
    case "gift":
      return t("vouchers.benefit.gift", { name: b.gift_name });
    case "amount_off":
      return t("vouchers.benefit.amount_off", { amount: money(b.cents) });
    case "percent_off":
      return t("vouchers.benefit.percent_off", { percent: b.percent, zhe: zhe(b.percent) });
    case "pickup":
      return t("vouchers.benefit.pickup", { name: b.product_name, amount: money(b.price_cents) });
    case "package":
      // A batch's addresses reached different tiers; one code knows its price.
      return b.price_cents == null
        ? t("vouchers.benefit.package", { name: b.campaign_name })
        : t("vouchers.benefit.packageAt", { items: b.items, amount: money(b.price_cents) });
  }
}

/** What the clerk hands over or takes off: the gift's name alone, or the discount. */
export function handOverText(t: TFunction, b: Benefit): string {
  return b.kind === "gift" ? b.gift_name : b.kind === "pickup" ? b.product_name : b.kind === "package" ? b.items : benefitText(t, b);
}

export type VoucherStatus = "unused" | "redeemed" | "voided" | "expired" | "not_yet_valid";

export const STATUS_COLOR: Record<VoucherStatus, string> = {
  unused: "blue",
  redeemed: "green",
  voided: "default",
  expired: "orange",
  not_yet_valid: "cyan",
};

/** Where one voucher stands today (a day in the shop's zone). */
export function voucherStatus(v: VoucherRow, b: Batch, today: string): VoucherStatus {
  if (v.redeemed_at) return "redeemed";
  if (v.voided_at || b.voided_at) return "voided";
  if (today > b.valid_until) return "expired";
  if (today < b.valid_from) return "not_yet_valid";
  return "unused";
}
