// In-app navigation: a few areas and their detail pages need no router.
import type { Segment } from "./bindings/Segment";
import { createContext, useContext, useEffect, useRef } from "react";

export type Route =
  | { page: "communities" }
  | { page: "community"; id: number }
  | { page: "posters" }
  /** The poster designer: an existing poster, or a new one for a channel. */
  | { page: "poster"; id: number }
  | { page: "poster"; channelId: number; communityId: number }
  | { page: "products" }
  | { page: "campaigns" }
  /** The flash-sale wizard: new, resuming draft `draftId`, or editing published `editId` before it starts. */
  | { page: "spike"; draftId?: number; editId?: number }
  /** The flash sale's evening: buyers in order, what is left, the pickup codes. */
  | { page: "spikeConsole"; id: number }
  /** The gift-package wizard: new, or resuming draft `draftId`. */
  | { page: "ladder"; draftId?: number; editId?: number }
  /** Settling a gift-package day from its 接龙. */
  | { page: "ladderSettle"; id: number }
  /** The welcome-gift (drainage) wizard: new, or resuming draft `draftId`. */
  | { page: "drainageWizard"; draftId?: number; editId?: number }
  /** A welcome-gift campaign's claims at the counter. */
  | { page: "drainageClaims"; id: number }
  /** The lucky-draw wizard: new, or resuming draft `draftId`. */
  | { page: "drawWizard"; draftId?: number }
  /** A lucky draw's page: freeze the list, run the draw, the result and its check. */
  | { page: "drawConsole"; id: number }
  /** The referral-day wizard: new, or resuming draft `draftId`. */
  | { page: "referralWizard"; draftId?: number }
  /** A referral day's page: referrals to review, rewards, the month's leaderboard, friend cards. */
  | { page: "referralConsole"; id: number }
  /** The alliance wizard: new, or resuming draft `draftId`. */
  | { page: "allianceWizard"; draftId?: number }
  /** An alliance's page: each partner's figures and monthly settlement. */
  | { page: "allianceConsole"; id: number }
  /** A campaign's figures per session and its return. */
  | { page: "campaignReport"; id: number }
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
  | { page: "dashboard" }
  /** The member list; from the dashboard, filtered to an RFM segment as on `segmentOn`. */
  | { page: "members"; segment?: Segment; segmentOn?: string; communityId?: number }
  /** Probable duplicate members, merging two, and the merges that can be undone. */
  | { page: "duplicates" }
  /** Importing orders from a till's or a spreadsheet's export. */
  | { page: "imports" }
  /** One member: their details, communities, consents. */
  | { page: "member"; id: number }
  | { page: "staff" }
  | { page: "settings" };

export type Nav = {
  route: Route;
  /** Opens `route`, after asking when the page being left has unsaved changes. */
  go: (route: Route) => void;
  /** The page's question "are there unsaved changes?", asked before leaving it. */
  setLeaveGuard: (guard: (() => boolean) | null) => void;
};

export const NavContext = createContext<Nav>({ route: { page: "communities" }, go: () => {}, setLeaveGuard: () => {} });

export function useNav() {
  return useContext(NavContext);
}

/** While the page is shown, leaving it asks first when `unsaved()` says so. */
export function useLeaveGuard(unsaved: () => boolean) {
  const { setLeaveGuard } = useNav();
  const latest = useRef(unsaved);
  useEffect(() => {
    latest.current = unsaved;
  });
  useEffect(() => {
    setLeaveGuard(() => latest.current());
    return () => setLeaveGuard(null);
  }, [setLeaveGuard]);
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
