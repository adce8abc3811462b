// The content calendar's arithmetic: weeks that start on Monday, the days of a
// week, what is filled and what is empty, and the {placeholders} a draft still holds.
import type { ContentItem } from "../../bindings/ContentItem";
import type { Lang } from "../../bindings/Lang";
import { addDays, day as dayText, parseTime } from "../../format";

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

function utcNoon(day: string): Date {
  const m = DAY_RE.exec(day);
  if (!m) return new Date(NaN);
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12));
}

/** The Monday of the week holding `day` ("YYYY-MM-DD"). */
export function mondayOf(day: string): string {
  const d = utcNoon(day);
  if (Number.isNaN(d.getTime())) return day;
  const back = (d.getUTCDay() + 6) % 7;
  return addDays(day, -back);
}

/** Monday to Sunday of the week that starts on `monday`. */
export function weekDays(monday: string): string[] {
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
}

/** Whether `s` is a day the calendar can show. */
export function isDay(s: string | undefined): s is string {
  return !!s && DAY_RE.test(s) && !Number.isNaN(utcNoon(s).getTime()) && addDays(s, 0) === s;
}

export type WeekSummary = { filled: number; empty: number; emptyDays: string[] };

/** How many of the week's days have at least one topic, and which have none. */
export function summarise(days: string[], items: ContentItem[]): WeekSummary {
  const has = new Set(items.map((i) => i.day));
  const emptyDays = days.filter((d) => !has.has(d));
  return { filled: days.length - emptyDays.length, empty: emptyDays.length, emptyDays };
}

/** The items of one day, in posting order. */
export function itemsOn(items: ContentItem[], day: string): ContentItem[] {
  return items.filter((i) => i.day === day).sort((a, b) => a.time.localeCompare(b.time) || a.id - b.id);
}

/** A planned item whose moment has passed without being marked posted. */
export function isOverdue(item: ContentItem, now: Date): boolean {
  return !item.posted && parseTime(item.at).getTime() < now.getTime();
}

/** The {placeholders} a draft still holds, each once, in order: ["{tea}"]. */
export function placeholders(text: string): string[] {
  const found = text.match(/\{[^{}\n]{1,30}\}/g) ?? [];
  return [...new Set(found)];
}

/** "9:5" or " 9:05 " as "09:05"; anything else unchanged (the backend judges it). */
export function normaliseTime(s: string): string {
  const m = /^\s*(\d{1,2})\s*[:：]\s*(\d{1,2})\s*$/.exec(s);
  if (!m) return s.trim();
  return `${m[1].padStart(2, "0")}:${m[2].padStart(2, "0")}`;
}

function intl(lang: Lang, opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(lang === "zh-CN" ? "zh-CN" : "en-GB", { ...opts, timeZone: "UTC" });
}

/** "23 – 29 Nov 2026", "30 Nov – 6 Dec 2026" / "2026年11月23日 – 29日", "2026年11月30日 – 12月6日". */
export function weekRange(monday: string, lang: Lang): string {
  const sunday = addDays(monday, 6);
  const a = DAY_RE.exec(monday);
  const b = DAY_RE.exec(sunday);
  if (!a || !b) return `${dayText(monday, lang)} – ${dayText(sunday, lang)}`;
  const [, y1, m1, d1] = a.map(Number);
  const [, y2, m2, d2] = b.map(Number);
  if (lang === "zh-CN") {
    const end = y1 !== y2 ? `${y2}年${m2}月${d2}日` : m1 !== m2 ? `${m2}月${d2}日` : `${d2}日`;
    return `${y1}年${m1}月${d1}日 – ${end}`;
  }
  const mon = (day: string) => intl(lang, { month: "short" }).format(utcNoon(day));
  if (y1 !== y2) return `${d1} ${mon(monday)} ${y1} – ${d2} ${mon(sunday)} ${y2}`;
  if (m1 !== m2) return `${d1} ${mon(monday)} – ${d2} ${mon(sunday)} ${y2}`;
  return `${d1} – ${d2} ${mon(sunday)} ${y2}`;
}

/** The short weekday of a day: "Mon" / "周一". */
export function weekdayShort(day: string, lang: Lang): string {
  return intl(lang, { weekday: "short" }).format(utcNoon(day));
}

/** Day and month: "23 Nov" / "11月23日". */
export function dayMonth(day: string, lang: Lang): string {
  return intl(lang, { day: "numeric", month: "short" }).format(utcNoon(day));
}

/** Weekday, day and month: "Mon 23 Nov" / "11月23日周一". */
export function weekdayDate(day: string, lang: Lang): string {
  return intl(lang, { weekday: "short", day: "numeric", month: "short" }).format(utcNoon(day));
}
