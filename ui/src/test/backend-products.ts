// The fake backend's product catalogue: the commands products use, with a
// price history kept as the core keeps it (a new price joins it; the same
// price does not) and the 7-day low reported as the core reports it.
import type { PriceChange } from "../bindings/PriceChange";
import type { Product } from "../bindings/Product";
import type { ProductInput } from "../bindings/ProductInput";

export type ProductState = { products: Product[]; prices: Record<number, PriceChange[]>; photos: Record<number, string> };

export function product(over: Partial<Product> = {}): Product {
  return {
    id: 1, name: "Tieguanyin 250 g", unit: "tin", price_cents: 3900, cost_cents: 1800, stock: 40, role: "traffic",
    reference_price_cents: 3900, has_photo: false, archived_at: null, created_at: "2025-01-01T00:00:00Z", updated_at: "2025-01-01T00:00:00Z", ...over,
  };
}

export function productState(init: Partial<ProductState> = {}): ProductState {
  return { products: [], prices: {}, photos: {}, ...init };
}

export function productHandlers(state: ProductState, nextId: () => number, now: string) {
  const find = (id: number) => {
    const p = state.products.find((x) => x.id === id);
    if (!p) throw { code: "not_found", message: "This product no longer exists", field: null };
    return p;
  };
  const record = (id: number, cents: number) => {
    state.prices[id] = [{ price_cents: cents, from_at: now }, ...(state.prices[id] ?? [])];
  };
  const lowest = (id: number) => Math.min(...(state.prices[id] ?? []).map((c) => c.price_cents));
  const photo = (id: number, base64: unknown, remove: unknown) => {
    if (typeof base64 === "string") state.photos[id] = `data:image/png;base64,${base64}`;
    else if (remove) delete state.photos[id];
    return id in state.photos;
  };
  return {
    list_products: (a: Record<string, unknown>) => state.products.filter((p) => a.includeArchived || !p.archived_at),
    create_product: (a: Record<string, unknown>) => {
      const input = a.input as ProductInput;
      const id = nextId();
      record(id, input.price_cents);
      const p = product({ ...input, role: input.role as Product["role"], id, reference_price_cents: input.price_cents, has_photo: photo(id, a.photo, false) });
      state.products.push(p);
      return p;
    },
    update_product: (a: Record<string, unknown>) => {
      const p = find(a.id as number);
      const input = a.input as ProductInput;
      if (input.price_cents !== p.price_cents) record(p.id, input.price_cents);
      return Object.assign(p, input, { reference_price_cents: lowest(p.id), has_photo: photo(p.id, a.photo, a.removePhoto) });
    },
    set_product_archived: (a: Record<string, unknown>) => Object.assign(find(a.id as number), { archived_at: a.archived ? now : null }),
    product_prices: (a: Record<string, unknown>) => state.prices[a.id as number] ?? [],
    product_photo: (a: Record<string, unknown>) => state.photos[a.id as number] ?? null,
  };
}
