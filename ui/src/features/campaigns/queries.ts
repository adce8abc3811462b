// Server state of the campaigns: the list and its filters, and the month a page looks at.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import type { Status } from "../../bindings/Status";
import { useState } from "react";
import { ipc } from "../../ipc";
import { keys } from "../../queries";

export const STATUSES: Status[] = ["draft", "scheduled", "running", "ended", "cancelled"];

export const STATUS_COLOR: Record<Status, string> = {
  draft: "default",
  scheduled: "blue",
  running: "green",
  ended: "default",
  cancelled: "red",
};

export function useCampaigns(status: Status | null) {
  return useQuery({ queryKey: keys.campaigns(status), queryFn: () => ipc.listCampaigns(status) });
}

/** A campaign changed: the lists, and what it created (schedules, content, reminders), are stale. */
export function useInvalidateCampaigns() {
  const client = useQueryClient();
  return () => void client.invalidateQueries();
}

/** A month ("YYYY-MM") a page looks at: the shop's current one until the owner picks another. */
export function useShopMonth(): [string | null, (month: string) => void] {
  const today = useQuery({ queryKey: ["shop-today"], queryFn: ipc.shopToday });
  const [picked, setPicked] = useState<string | null>(null);
  return [picked ?? (today.data ? today.data.slice(0, 7) : null), setPicked];
}
