// The calendar's views: a week or a month's 6×7 grid around a day, stepping
// between them, and their titles. Day arithmetic itself is ../../days.
import type { TFunction } from "i18next";
import type { Lang } from "../../bindings/Lang";
import { addDays, mondayOf, monthStart, monthTitle, weekTitle } from "../../days";

export type View = "week" | "month";

/** The days a view shows around `anchor`: its week, or the month's 6×7 grid. */
export function rangeOf(view: View, anchor: string): { from: string; to: string } {
  const from = view === "week" ? mondayOf(anchor) : mondayOf(monthStart(anchor));
  return { from, to: addDays(from, view === "week" ? 6 : 41) };
}

/** Where prev/next go: a week, or the first of the month before/after. */
export function step(view: View, anchor: string, n: number): string {
  return view === "week" ? addDays(anchor, 7 * n) : monthStart(anchor, n);
}

/** "23 – 29 Nov 2026" / "2026年11月23日 – 29日"; a month as "November 2026" / "2026年11月". */
export function rangeTitle(t: TFunction, lang: Lang, view: View, anchor: string): string {
  return view === "month" ? monthTitle(t, lang, anchor) : weekTitle(t, lang, mondayOf(anchor));
}
