// The content calendar's week: what is filled and what is empty, posting
// order, what is overdue, and the {placeholders} a draft still holds. Days and
// weeks themselves are ../../days.
import type { ContentItem } from "../../bindings/ContentItem";
import { parseTime } from "../../format";

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
