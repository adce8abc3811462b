// Server state of the gift catalogue: the lists, the low-stock watch and each gift's stock moves.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import type { GiftKind } from "../../bindings/GiftKind";
import { ipc } from "../../ipc";
import { keys } from "../../queries";

export const GIFT_KINDS: GiftKind[] = ["drainage", "lottery", "reward"];

export const GIFT_KIND_COLOR: Record<GiftKind, string> = {
  drainage: "green",
  lottery: "purple",
  reward: "gold",
};

/** The core's warning level when the owner sets none. */
export const DEFAULT_LOW_STOCK_AT = 10;

export function useGifts(includeArchived: boolean) {
  return useQuery({ queryKey: keys.gifts(includeArchived), queryFn: () => ipc.listGifts(includeArchived) });
}

export function useLowStockGifts() {
  return useQuery({ queryKey: keys.lowStockGifts, queryFn: ipc.lowStockGifts });
}

export function useGiftMoves(id: number | undefined) {
  return useQuery({ queryKey: keys.giftMoves(id ?? 0), queryFn: () => ipc.giftMoves(id!), enabled: id !== undefined });
}

/** A gift or its stock changed: the lists, the watch and the moves are stale. */
export function useInvalidateGifts() {
  const client = useQueryClient();
  return () => {
    for (const key of [keys.giftsAll, keys.lowStockGifts, keys.giftMovesAll]) {
      void client.invalidateQueries({ queryKey: key });
    }
  };
}
