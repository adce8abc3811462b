// What the shell tells the window about reminders: "navigate" (a clicked
// notification, the tray's "Today's list") and "reminders-delivered" (the
// reminder task wrote new ones), and the missed count the menu shows.
import { listen } from "@tauri-apps/api/event";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { ipc } from "../../ipc";
import { routeFromReminder, type Route } from "../../nav";
import { keys } from "../../queries";

export function useReminderEvents(go: (route: Route) => void) {
  const qc = useQueryClient();
  useEffect(() => {
    const stops: Promise<() => void>[] = [
      listen<string>("navigate", (e) => go(routeFromReminder(e.payload))),
      listen("reminders-delivered", () => {
        void qc.invalidateQueries({ queryKey: keys.reminderCentre });
        void qc.invalidateQueries({ queryKey: keys.occurrencesAll });
        void qc.invalidateQueries({ queryKey: keys.contentAll });
      }),
    ];
    return () => {
      for (const stop of stops) void stop.then((f) => f()).catch(() => {});
    };
  }, [go, qc]);
}

/** Missed reminders not yet dismissed, for the menu's badge. */
export function useMissedCount(): number {
  const { data } = useQuery({ queryKey: keys.reminderCentre, queryFn: ipc.reminderCentre });
  return data?.missed.length ?? 0;
}
