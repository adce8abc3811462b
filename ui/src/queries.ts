// Query keys shared across features, and the one query every screen reads: app_info.
import { useQuery } from "@tanstack/react-query";
import { ipc } from "./ipc";

export const keys = {
  appInfo: ["app-info"] as const,
  communities: (includeArchived: boolean) => ["communities", { includeArchived }] as const,
  communitiesAll: ["communities"] as const,
  community: (id: number) => ["community", id] as const,
  health: (id: number) => ["health", id] as const,
  healthAll: ["health"] as const,
  memberCounts: (id: number) => ["member-counts", id] as const,
  ruleTemplates: (lang: string) => ["rule-templates", lang] as const,
  staff: (includeArchived: boolean) => ["staff", { includeArchived }] as const,
  staffAll: ["staff"] as const,
  members: (filter: object) => ["members", filter] as const,
  member: (id: number) => ["members", "one", id] as const,
  membersAll: ["members"] as const,
  channels: (communityId: number) => ["channels", communityId] as const,
  expiringQrs: ["expiring-qrs"] as const,
  postersAll: ["posters"] as const,
  posters: (channelId: number | null) => ["posters", { channelId }] as const,
  poster: (id: number) => ["poster", id] as const,
  posterHistory: (id: number) => ["poster-history", id] as const,
  campaignsAll: ["campaigns"] as const,
  campaigns: (status: string | null) => ["campaigns", { status }] as const,
  spikeConsole: (id: number, sessionId: number | null) => ["campaigns", "console", id, sessionId] as const,
  productsAll: ["products"] as const,
  products: (includeArchived: boolean) => ["products", { includeArchived }] as const,
  productPricesAll: ["product-prices"] as const,
  productPrices: (id: number) => ["product-prices", id] as const,
  productPhotoAll: ["product-photo"] as const,
  productPhoto: (id: number) => ["product-photo", id] as const,
  giftsAll: ["gifts"] as const,
  gifts: (includeArchived: boolean) => ["gifts", { includeArchived }] as const,
  lowStockGifts: ["low-stock-gifts"] as const,
  giftMovesAll: ["gift-moves"] as const,
  giftMoves: (id: number) => ["gift-moves", id] as const,
  batches: ["batches"] as const,
  batchAll: ["batch"] as const,
  batch: (id: number) => ["batch", id] as const,
  batchVouchersAll: ["batch-vouchers"] as const,
  batchVouchers: (id: number) => ["batch-vouchers", id] as const,
  batchEvents: (id: number) => ["batch-events", id] as const,
  batchEventsAll: ["batch-events"] as const,
  voucherPreview: (batchId: number, code: string | null) => ["voucher-preview", batchId, code] as const,
  schedules: ["schedules"] as const,
  occurrencesAll: ["occurrences"] as const,
  occurrences: (from: string, to: string) => ["occurrences", from, to] as const,
  contentAll: ["content"] as const,
  content: (from: string, to: string, communityId: number | null) => ["content", from, to, communityId] as const,
  contentImage: (id: number) => ["content-image", id] as const,
  topicIdeas: (communityId: number) => ["topic-ideas", communityId] as const,
  reminderCentre: ["reminder-centre"] as const,
  autostart: ["autostart"] as const,
};

export function useAppInfo() {
  return useQuery({ queryKey: keys.appInfo, queryFn: ipc.appInfo, staleTime: Infinity });
}

/** The shop, once set up; screens inside the layout can rely on it. */
export function useShop() {
  const { data } = useAppInfo();
  return data?.shop ?? null;
}
