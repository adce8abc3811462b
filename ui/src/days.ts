// Days as the backend sends them ("YYYY-MM-DD", already the shop's days: no
// zone is involved), weeks that start on Monday, and the shop's wall clock.
// The one calendar module: the calendar, the content weeks, the reminder
// centre and the forms all count days here.
import type { TFunction } from "i18next";
import dayjs from "dayjs";
import "dayjs/locale/zh-cn";
import type { Lang } from "./bindings/Lang";
import { intlLocale, dayjsLocale } from "./locale";

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Noon UTC of a day: far from any edge, so formatting in UTC gives that day. */
function utcNoon(day: string): Date {
  const m = DAY_RE.exec(day);
  if (!m) return new Date(NaN);
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12));
}

/** Whether `s` is a real day "YYYY-MM-DD" (not 2026-02-30). */
export function isDay(s: string | undefined): s is string {
  if (!s || !DAY_RE.test(s)) return false;
  const [y, m, d] = s.split("-").map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** "2025-03-31" plus n days. */
export function addDays(s: string, n: number): string {
  const [y, mo, d] = s.split("-").map(Number);
  const t = new Date(Date.UTC(y, mo - 1, d + n));
  return t.toISOString().slice(0, 10);
}

/** 0 for Monday … 6 for Sunday. */
export function weekdayIndex(day: string): number {
  return (utcNoon(day).getUTCDay() + 6) % 7;
}

/** The Monday of the week holding `day`. */
export function mondayOf(day: string): string {
  return isDay(day) ? addDays(day, -weekdayIndex(day)) : day;
}

/** `count` days from `from` on. */
export function daysFrom(from: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => addDays(from, i));
}

/** The first day of the month `n` months from the month of `day`. */
export function monthStart(day: string, n = 0): string {
  const [y, m] = day.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1 + n, 1)).toISOString().slice(0, 10);
}

/** A day formatted with a dayjs pattern in the owner's language. */
export function formatDay(day: string, pattern: string, lang: Lang): string {
  return dayjs(day).locale(dayjsLocale(lang)).format(pattern);
}

/** "23 – 29 Nov 2026", "30 Nov – 6 Dec 2026" / "2026年11月23日 – 29日": the week from `monday`,
 * with the patterns of the translations (nothing here knows 年, 月 or 日). */
export function weekTitle(t: TFunction, lang: Lang, monday: string): string {
  const sunday = addDays(monday, 6);
  const [a, b] =
    monday.slice(0, 7) === sunday.slice(0, 7)
      ? (["sameMonthFrom", "sameMonthTo"] as const)
      : monday.slice(0, 4) === sunday.slice(0, 4)
        ? (["sameYearFrom", "sameYearTo"] as const)
        : (["from", "to"] as const);
  return `${formatDay(monday, t(`calendar.fmt.${a}`), lang)} – ${formatDay(sunday, t(`calendar.fmt.${b}`), lang)}`;
}

/** "November 2026" / "2026年11月". */
export function monthTitle(t: TFunction, lang: Lang, day: string): string {
  return formatDay(monthStart(day), t("calendar.fmt.month"), lang);
}

function inUtc(lang: Lang, opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(intlLocale(lang), { ...opts, timeZone: "UTC" });
}

/** The short weekday of a day: "Mon" / "周一". */
export function weekdayShort(day: string, lang: Lang): string {
  return inUtc(lang, { weekday: "short" }).format(utcNoon(day));
}

/** Day and month: "23 Nov" / "11月23日". */
export function dayMonth(day: string, lang: Lang): string {
  return inUtc(lang, { day: "numeric", month: "short" }).format(utcNoon(day));
}

/** Weekday, day and month: "Mon 23 Nov" / "11月23日周一". */
export function weekdayDate(day: string, lang: Lang): string {
  return inUtc(lang, { weekday: "short", day: "numeric", month: "short" }).format(utcNoon(day));
}

/** A moment on the wall clock of `zone`: "YYYY-MM-DDTHH:mm". Built from
 * formatToParts rather than a locale's own format: WebKitGTK without full ICU
 * data formats "en-CA" as 11/24/2026, not 2026-11-24. An unknown zone falls
 * back to the machine's. */
export function wallClock(moment: Date, zone: string): string {
  const opts: Intl.DateTimeFormatOptions = {
    year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23",
  };
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat("en-US", { ...opts, timeZone: zone });
  } catch {
    format = new Intl.DateTimeFormat("en-US", opts);
  }
  const parts = format.formatToParts(moment);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "00";
  // Some engines still say "24" for midnight.
  const hour = part("hour") === "24" ? "00" : part("hour");
  return `${part("year")}-${part("month")}-${part("day")}T${hour}:${part("minute")}`;
}

/** "Today" in the shop's time zone, as the YYYY-MM-DD the backend expects. */
export function todayIn(zone: string, now: Date = new Date()): string {
  return wallClock(now, zone).slice(0, 10);
}
