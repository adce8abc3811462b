// Calendar arithmetic on plain days "YYYY-MM-DD" (already the shop's days: no
// zone is involved), weeks starting on Monday.
import type { TFunction } from "i18next";
import type { Lang } from "../../bindings/Lang";
import { addDays } from "../../format";
import { formatDay } from "../schedules/when";

export type View = "week" | "month";

export function isDay(s: string | undefined): s is string {
  if (!s || !/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const [y, m, d] = s.split("-").map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** 0 for Monday … 6 for Sunday. */
export function weekdayIndex(day: string): number {
  const [y, m, d] = day.split("-").map(Number);
  return (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
}

export function mondayOf(day: string): string {
  return addDays(day, -weekdayIndex(day));
}

/** The first day of the month `n` months from the month of `day`. */
export function monthStart(day: string, n = 0): string {
  const [y, m] = day.split("-").map(Number);
  const d = new Date(Date.UTC(y, m - 1 + n, 1));
  return d.toISOString().slice(0, 10);
}

/** The days a view shows around `anchor`: its week, or the month's 6×7 grid. */
export function rangeOf(view: View, anchor: string): { from: string; to: string } {
  const from = view === "week" ? mondayOf(anchor) : mondayOf(monthStart(anchor));
  return { from, to: addDays(from, view === "week" ? 6 : 41) };
}

export function daysFrom(from: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => addDays(from, i));
}

/** Where prev/next go: a week, or the first of the month before/after. */
export function step(view: View, anchor: string, n: number): string {
  return view === "week" ? addDays(anchor, 7 * n) : monthStart(anchor, n);
}

/** "23 – 29 Nov 2026" / "2026年11月23日 – 29日"; a month as "November 2026" / "2026年11月". */
export function rangeTitle(t: TFunction, lang: Lang, view: View, anchor: string): string {
  if (view === "month") return formatDay(monthStart(anchor), t("calendar.fmt.month"), lang);
  const { from, to } = rangeOf("week", anchor);
  const [a, b] =
    from.slice(0, 7) === to.slice(0, 7)
      ? ["sameMonthFrom", "sameMonthTo"]
      : from.slice(0, 4) === to.slice(0, 4)
        ? ["sameYearFrom", "sameYearTo"]
        : ["from", "to"];
  return `${formatDay(from, t(`calendar.fmt.${a}`), lang)} – ${formatDay(to, t(`calendar.fmt.${b}`), lang)}`;
}
