// The system's "reduce motion" setting (prefers-reduced-motion; on Linux, GTK's
// gtk-enable-animations), followed as it changes: dialogs, drawers and menus
// then appear and go without sliding or zooming.
import { useSyncExternalStore } from "react";

const QUERY = "(prefers-reduced-motion: reduce)";

function subscribe(changed: () => void) {
  const list = window.matchMedia?.(QUERY);
  list?.addEventListener?.("change", changed);
  return () => list?.removeEventListener?.("change", changed);
}

export function useReducedMotion(): boolean {
  return useSyncExternalStore(subscribe, () => window.matchMedia?.(QUERY).matches ?? false);
}
