// Server state of posters: the list, one poster, its history, and the preview.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import type { Poster } from "../../bindings/Poster";
import type { PosterInput } from "../../bindings/PosterInput";
import type { PosterTemplate } from "../../bindings/PosterTemplate";
import { ipc } from "../../ipc";
import { keys } from "../../queries";

export const TEMPLATES: PosterTemplate[] = ["counter", "table_tent", "window", "stickers"];

/** The core's default brand colour, shown when a poster has none of its own. */
export const DEFAULT_COLOR = "#2f7d5b";

export function usePosters(channelId: number | null = null) {
  return useQuery({ queryKey: keys.posters(channelId), queryFn: () => ipc.listPosters(channelId) });
}

export function usePoster(id: number | undefined) {
  return useQuery({ queryKey: keys.poster(id ?? 0), queryFn: () => ipc.getPoster(id!), enabled: id !== undefined });
}

export function usePosterHistory(id: number | undefined) {
  return useQuery({ queryKey: keys.posterHistory(id ?? 0), queryFn: () => ipc.posterHistory(id!), enabled: id !== undefined });
}

/** A poster or a channel's code changed: lists, the poster, its history, its
 * preview (which shows the channel's code) and the watch are stale. */
export function useInvalidatePosters() {
  const client = useQueryClient();
  return () => {
    for (const key of [keys.postersAll, ["poster"], ["poster-history"], ["poster-preview"], keys.expiringQrs]) {
      void client.invalidateQueries({ queryKey: key });
    }
  };
}

/** The logo as the designer holds it until saved. */
export type LogoState = { kind: "keep" } | { kind: "remove" } | { kind: "set"; image: string; name: string };

export function toInput(p: Poster): PosterInput {
  return { template: p.template, headline: p.headline, subline: p.subline, gift: p.gift, address: p.address, hours: p.hours, brand_color: p.brand_color };
}

export function samePosterInput(a: PosterInput, b: PosterInput): boolean {
  return (Object.keys(a) as (keyof PosterInput)[]).every((k) => (a[k] ?? "") === (b[k] ?? ""));
}

/** The designer's live preview of unsaved settings; refetched when they settle,
 * and whenever the designer opens, since the channel's code may have changed. */
export function usePreview(channelId: number | undefined, input: PosterInput, posterId: number | undefined, logo: LogoState) {
  const logoKey = logo.kind === "set" ? logo.name + logo.image.length : logo.kind;
  return useQuery({
    queryKey: ["poster-preview", channelId, input, posterId, logoKey],
    queryFn: () =>
      ipc.previewPoster(channelId!, input, posterId ?? null, logo.kind === "set" ? logo.image : null, logo.kind === "remove"),
    enabled: channelId !== undefined,
    placeholderData: (previous) => previous,
  });
}
