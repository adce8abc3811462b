// In-app navigation: three areas and one detail page need no router.
import { createContext, useContext } from "react";

export type Route =
  | { page: "communities" }
  | { page: "community"; id: number }
  | { page: "staff" }
  | { page: "settings" };

export type Nav = { route: Route; go: (route: Route) => void };

export const NavContext = createContext<Nav>({ route: { page: "communities" }, go: () => {} });

export function useNav() {
  return useContext(NavContext);
}
