// A schedule's repeat: the form's choices as RRULE text, and the rule's shape
// (as the backend reports it) in the owner's words.
import type { TFunction } from "i18next";
import type { Lang } from "../../bindings/Lang";
import type { Purpose } from "../../bindings/Purpose";
import type { Repeat } from "../../bindings/Repeat";
import { day as dayText } from "../../format";
import { readNumber } from "../../numbers";

/** The week as the shop reads it: Monday first. RRULE's two-letter names, lower case. */
export const WEEK = ["mo", "tu", "we", "th", "fr", "sa", "su"] as const;
export type Weekday = (typeof WEEK)[number];

export type RepeatKind = Repeat["kind"];
/** What the form offers; "custom" only appears for a rule made on the command line. */
export const REPEAT_KINDS: RepeatKind[] = ["once", "daily", "weekly", "monthly_on_day", "monthly_last_weekday"];

/** The repeat as the form holds it. */
export type RepeatChoice = {
  kind: RepeatKind;
  days: string[];
  /** The day of the month as typed (see numbers.ts). */
  monthDay: string;
  weekday: string;
  /** The rule text kept as it is for a custom repeat. */
  customRule: string;
};

/** The RRULE text the backend stores for a choice. */
export function ruleOf(c: RepeatChoice): string {
  switch (c.kind) {
    case "once":
      return "FREQ=DAILY;COUNT=1";
    case "daily":
      return "FREQ=DAILY";
    case "weekly":
      return `FREQ=WEEKLY;BYDAY=${WEEK.filter((d) => c.days.includes(d)).map((d) => d.toUpperCase()).join(",")}`;
    case "monthly_on_day":
      return `FREQ=MONTHLY;BYMONTHDAY=${readNumber(c.monthDay) ?? 1}`;
    case "monthly_last_weekday":
      return `FREQ=MONTHLY;BYDAY=-1${c.weekday.toUpperCase()}`;
    case "custom":
      return c.customRule;
  }
}

/** The weekday of a day "YYYY-MM-DD" (a calendar day: no zone involved). */
export function weekdayOf(day: string): Weekday {
  const [y, m, d] = day.split("-").map(Number);
  return WEEK[(new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7];
}

/** 1 → "1st", 22 → "22nd": English ordinals (the Chinese strings use the bare number). */
export function ordinal(n: number): string {
  const suffix: Record<string, string> = { one: "st", two: "nd", few: "rd", other: "th" };
  return `${n}${suffix[new Intl.PluralRules("en", { type: "ordinal" }).select(n)] ?? "th"}`;
}

/** The repeat in words: "Every Mon, Tue, Wed, Thu" / "每周一、二、三、四". */
export function repeatWords(t: TFunction, repeat: Repeat, start: string, lang: Lang): string {
  switch (repeat.kind) {
    case "once":
      return t("schedules.repeatWords.once", { date: dayText(start.slice(0, 10), lang) });
    case "daily":
      return t("schedules.repeatWords.daily");
    case "weekly": {
      const days = WEEK.filter((d) => repeat.days.includes(d));
      const key = days.join(",");
      if (days.length === 7) return t("schedules.repeatWords.daily");
      if (key === "mo,tu,we,th,fr") return t("schedules.repeatWords.weekdays");
      if (key === "sa,su") return t("schedules.repeatWords.weekends");
      return t("schedules.repeatWords.weekly", { days: days.map((d) => t(`schedules.dayInList.${d}`)).join(t("schedules.listSeparator")) });
    }
    case "monthly_on_day":
      return t("schedules.repeatWords.monthlyOnDay", { day: repeat.day, nth: ordinal(repeat.day) });
    case "monthly_last_weekday":
    {
      const weekday = WEEK.find((d) => d === repeat.weekday);
      return t("schedules.repeatWords.monthlyLast", { weekday: weekday ? t(`schedules.dayLong.${weekday}`) : repeat.weekday });
    }
    case "custom":
      return t("schedules.repeatWords.custom");
  }
}

/** The repeat and its time: "Every day at 10:00" / "每天 10:00". */
export function repeatAt(t: TFunction, repeat: Repeat, start: string, time: string, lang: Lang): string {
  return t("schedules.repeatAt", { repeat: repeatWords(t, repeat, start, lang), time });
}

/** The shape the backend would report for a choice, to read a form's choice in words. */
export function repeatOfChoice(c: RepeatChoice): Repeat {
  switch (c.kind) {
    case "weekly":
      return { kind: "weekly", days: WEEK.filter((d) => c.days.includes(d)) };
    case "monthly_on_day":
      return { kind: "monthly_on_day", day: readNumber(c.monthDay) ?? 1 };
    case "monthly_last_weekday":
      return { kind: "monthly_last_weekday", weekday: c.weekday };
    default:
      return { kind: c.kind };
  }
}

/** A number of minutes as "30 min", "1 h", "1 h 30 min", "1 day" / "30分钟", "1小时". */
export function durationText(t: TFunction, minutes: number, lang: Lang): string {
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  const parts: string[] = [];
  if (days) parts.push(t("schedules.duration.days", { count: days }));
  if (hours) parts.push(t("schedules.duration.hours", { count: hours }));
  if (mins || parts.length === 0) parts.push(t("schedules.duration.minutes", { count: mins }));
  return parts.join(lang === "zh-CN" ? "" : " ");
}

/** "Reminds 30 min before" / "提前30分钟提醒"; 0 is a reminder at the time only. */
export function leadText(t: TFunction, minutes: number, lang: Lang): string {
  return minutes > 0 ? t("schedules.lead.before", { lead: durationText(t, minutes, lang) }) : t("schedules.lead.atTime");
}

/** "9:5"-like typing made "HH:MM"; null when it is not a time of day. Full-width colons are fine. */
export function normaliseTime(text: string): string | null {
  const m = /^\s*(\d{1,2})\s*[:：.]\s*(\d{2})\s*$/.exec(text ?? "");
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h > 23 || min > 59) return null;
  return `${String(h).padStart(2, "0")}:${String(min).padStart(2, "0")}`;
}

/** The tag colour of each purpose, the same on every page. */
export const PURPOSE_COLOR: Record<Purpose, string> = { campaign: "volcano", content: "blue", custom: "default" };

export type PresetKey = "spike" | "gift-day" | "member-day" | "daily-topic";

export type Preset = {
  key: PresetKey;
  /** Its strings under schedules.presets. */
  name: "spike" | "giftDay" | "memberDay" | "dailyTopic";
  purpose: Purpose;
  repeat: Pick<RepeatChoice, "kind"> & Partial<RepeatChoice>;
  time: string;
  lead: number;
};

/** The method's regular days, ready to adjust. */
export const PRESETS: Preset[] = [
  { key: "spike", name: "spike", purpose: "campaign", repeat: { kind: "weekly", days: ["mo", "tu", "we", "th"] }, time: "20:00", lead: 30 },
  { key: "gift-day", name: "giftDay", purpose: "campaign", repeat: { kind: "weekly", days: ["fr"] }, time: "20:00", lead: 60 },
  { key: "member-day", name: "memberDay", purpose: "campaign", repeat: { kind: "monthly_last_weekday", weekday: "fr" }, time: "20:00", lead: 120 },
  { key: "daily-topic", name: "dailyTopic", purpose: "content", repeat: { kind: "daily" }, time: "10:00", lead: 0 },
];
