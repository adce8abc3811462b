// A card that opens a page when clicked is a link for the keyboard and for
// screen readers too: reachable with Tab, opened with Enter, named by what it
// shows (its whole text, so a screen reader reads what the eye sees).
// (A link, not a button: a card may hold buttons of its own, and a button
// may not contain other controls.)
import type { HTMLAttributes, KeyboardEvent } from "react";

export function openable(onOpen: () => void): HTMLAttributes<HTMLElement> {
  return {
    role: "link",
    tabIndex: 0,
    onClick: onOpen,
    onKeyDown: (e: KeyboardEvent<HTMLElement>) => {
      // Enter on the card itself; a button inside the card handles its own keys.
      if (e.key === "Enter" && e.target === e.currentTarget) {
        e.preventDefault();
        onOpen();
      }
    },
  };
}
