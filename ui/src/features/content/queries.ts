// Server state of the content calendar: a week of one community, an item's
// image, starter ideas, and what to refresh after a change.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { ipc } from "../../ipc";
import { keys } from "../../queries";

export function useContentWeek(monday: string, sunday: string, communityId: number | null) {
  return useQuery({
    queryKey: keys.content(monday, sunday, communityId),
    queryFn: () => ipc.listContent(monday, sunday, communityId),
    enabled: communityId !== null,
  });
}

export function useContentImage(id: number, hasImage: boolean) {
  return useQuery({
    queryKey: keys.contentImage(id),
    queryFn: () => ipc.contentImage(id),
    enabled: hasImage,
    staleTime: Infinity,
  });
}

export function useTopicIdeas(communityId: number | null) {
  return useQuery({
    queryKey: keys.topicIdeas(communityId ?? 0),
    queryFn: () => ipc.topicIdeas(communityId!),
    enabled: communityId !== null,
  });
}

/** An item changed: every week, the calendar and the reminders that show it are stale. */
export function useInvalidateContent() {
  const client = useQueryClient();
  return (imageOf?: number) => {
    void client.invalidateQueries({ queryKey: keys.contentAll });
    void client.invalidateQueries({ queryKey: keys.occurrencesAll });
    void client.invalidateQueries({ queryKey: keys.reminderCentre });
    if (imageOf !== undefined) void client.invalidateQueries({ queryKey: keys.contentImage(imageOf) });
  };
}

/** The image types and size the backend takes. */
export const IMAGE_TYPES = ["image/png", "image/jpeg"];
export const IMAGE_MAX_BYTES = 5 * 1024 * 1024;
