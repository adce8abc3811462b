// What a reminder says, in the shop's zone and the owner's language: the time
// it is due, the line for its kind, its state, and the day it belongs to.
import type { TFunction } from "i18next";
import type { Lang } from "../../bindings/Lang";
import type { Reminder } from "../../bindings/Reminder";
import { dateTime, parseTime, timeOnly } from "../../format";
import { todayIn } from "../../days";
import { intlLocale } from "../../locale";

export type ReminderState = "missed" | "delivered" | "coming";

export function stateOf(r: Reminder): ReminderState {
  if (r.missed) return "missed";
  return r.delivered_at ? "delivered" : "coming";
}

/** The shop's day ("YYYY-MM-DD") an instant falls on. */
export function dayOf(instant: string, zone: string): string {
  return todayIn(zone, parseTime(instant));
}

/** "20:00": the time of an instant in the shop's zone. */
export function hhmm(instant: string, lang: Lang, zone: string): string {
  return timeOnly(instant, lang, zone);
}

function dayIn(instant: Date, lang: Lang, zone: string): string {
  try {
    return new Intl.DateTimeFormat(intlLocale(lang), { dateStyle: "medium", timeZone: zone }).format(instant);
  } catch {
    return new Intl.DateTimeFormat(intlLocale(lang), { dateStyle: "medium" }).format(instant);
  }
}

/**
 * The line under the title, per kind: "Post the announcement — starts at 20:00",
 * "Starts now", "Time to post", "Group QR expires …", "Vouchers expire on …".
 */
export function kindLine(t: TFunction, r: Reminder, lang: Lang, zone: string): string {
  const subject = r.subject_at ?? r.due_at;
  switch (r.kind) {
    case "announce":
      return t("reminders.kind.announce", { time: hhmm(subject, lang, zone) });
    case "start":
      return t("reminders.kind.start");
    case "content":
      return t("reminders.kind.content");
    case "qr_expiry":
      return t("reminders.kind.qr_expiry", { when: dateTime(subject, lang, zone) });
    case "batch_expiry": {
      // The subject is the moment the vouchers stop working: the start of the
      // day after their last day. The owner thinks in that last day.
      const last = new Date(parseTime(subject).getTime() - 1000);
      return t("reminders.kind.batch_expiry", { date: dayIn(last, lang, zone) });
    }
  }
}

/** Reminders grouped by the shop's day they are due on, in order. */
export function byDay(list: Reminder[], zone: string): { day: string; items: Reminder[] }[] {
  const groups = new Map<string, Reminder[]>();
  for (const r of [...list].sort((a, b) => parseTime(a.due_at).getTime() - parseTime(b.due_at).getTime())) {
    const d = dayOf(r.due_at, zone);
    groups.set(d, [...(groups.get(d) ?? []), r]);
  }
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([day, items]) => ({ day, items }));
}

