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
  | { page: "staff" }
  | { page: "settings" };

export type Nav = { route: Route; go: (route: Route) => void };

export const NavContext = createContext<Nav>({ route: { page: "communities" }, go: () => {} });

export function useNav() {
  return useContext(NavContext);
}
