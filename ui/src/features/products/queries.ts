// Server state of the product catalogue: the lists, each product's price
// history and photo.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import type { ProductRole } from "../../bindings/ProductRole";
import { ipc } from "../../ipc";
import { keys } from "../../queries";

export const PRODUCT_ROLES: ProductRole[] = ["traffic", "profit"];

export const ROLE_COLOR: Record<ProductRole, string> = { traffic: "orange", profit: "green" };

export function useProducts(includeArchived: boolean) {
  return useQuery({ queryKey: keys.products(includeArchived), queryFn: () => ipc.listProducts(includeArchived) });
}

export function useProductPrices(id: number | undefined) {
  return useQuery({ queryKey: keys.productPrices(id ?? 0), queryFn: () => ipc.productPrices(id!), enabled: id !== undefined });
}

export function useProductPhoto(id: number, hasPhoto: boolean) {
  return useQuery({ queryKey: keys.productPhoto(id), queryFn: () => ipc.productPhoto(id), enabled: hasPhoto && id > 0 });
}

/** A product changed: its lists, prices and photo are stale. */
export function useInvalidateProducts() {
  const client = useQueryClient();
  return () => {
    for (const key of [keys.productsAll, keys.productPricesAll, keys.productPhotoAll]) {
      void client.invalidateQueries({ queryKey: key });
    }
  };
}

/** Price − cost in fen, and as a share of the price (whole percent), or null without a price. */
export function margin(priceCents: number, costCents: number): { cents: number; percent: number } | null {
  if (priceCents <= 0) return null;
  const cents = priceCents - costCents;
  return { cents, percent: Math.round((cents * 100) / priceCents) };
}
