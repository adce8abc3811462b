// Server state of schedules, and what a change to one makes stale.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { ipc } from "../../ipc";
import { keys } from "../../queries";

export function useSchedules() {
  return useQuery({ queryKey: keys.schedules, queryFn: ipc.listSchedules });
}

/** A schedule saved, paused or deleted: its list, the calendar and the reminders change. */
export function useInvalidateSchedules() {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: keys.schedules });
    void client.invalidateQueries({ queryKey: keys.occurrencesAll });
    void client.invalidateQueries({ queryKey: keys.reminderCentre });
  };
}
