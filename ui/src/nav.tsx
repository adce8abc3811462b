// In-app navigation: a few areas and their detail pages need no router.
import { createContext, useContext } from "react";

export type Route =
  | { page: "communities" }
  | { page: "community"; id: number }
  | { page: "posters" }
  /** The poster designer: an existing poster, or a new one for a channel. */
  | { page: "poster"; id: number }
  | { page: "poster"; channelId: number; communityId: number }
  | { page: "gifts" }
  | { page: "vouchers" }
  /** One voucher batch: its figures, the card, the files and every voucher. */
  | { page: "batch"; id: number }
  /** The counter: a full-window screen without the menu. */
  | { page: "counter" }
  /** Month and week views of every occurrence and content item; `day` picks the week or month shown. */
  | { page: "calendar"; day?: string }
  | { page: "schedules" }
  /** The content calendar: a week per community; `day` picks the week, `communityId` the community. */
  | { page: "content"; communityId?: number; day?: string }
  /** Missed, today and the next 7 days. */
  | { page: "reminders" }
  | { page: "staff" }
  | { page: "settings" };

export type Nav = { route: Route; go: (route: Route) => void };

export const NavContext = createContext<Nav>({ route: { page: "communities" }, go: () => {} });

export function useNav() {
  return useContext(NavContext);
}

/**
 * Where a reminder (or its notification) points: `calendar:2026-11-24`,
 * `content:3:2026-11-25`, `community:3`, `batch:7`, `reminders`. Anything
 * unknown opens the reminder centre.
 */
export function routeFromReminder(target: string): Route {
  const [kind, a, b] = target.split(":");
  const id = Number(a);
  switch (kind) {
    case "calendar":
      return a ? { page: "calendar", day: a } : { page: "calendar" };
    case "content":
      return Number.isInteger(id) && id > 0 ? { page: "content", communityId: id, day: b } : { page: "content" };
    case "community":
      if (Number.isInteger(id) && id > 0) return { page: "community", id };
      break;
    case "batch":
      if (Number.isInteger(id) && id > 0) return { page: "batch", id };
      break;
  }
  return { page: "reminders" };
}
