// Money and dates as the owner reads them: fen shown as ¥12.50, typed yuan sent
// as fen, days and times in the shop's language and time zone.
import type { Lang } from "./bindings/Lang";
import { intlLocale } from "./locale";

/** 1250 fen as "¥12.50"; thousands grouped. */
export function money(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(Math.round(cents));
  const yuan = Math.floor(abs / 100).toLocaleString("en-US");
  return `${sign}¥${yuan}.${String(abs % 100).padStart(2, "0")}`;
}

/** Typed yuan (12.5) as fen (1250); rounding keeps 0.1 + 0.2 honest. */
export function toFen(yuan: number): number {
  return Math.round(yuan * 100);
}

/** Fen as yuan for an input box. */
export function toYuan(cents: number): number {
  return cents / 100;
}

/** A timestamp from the backend ("2025-01-01 08:00:00.123456+00:00" or ISO) as a Date. */
export function parseTime(s: string): Date {
  let iso = s.trim().replace(" ", "T");
  // More than three fractional digits is not ISO; some engines refuse it.
  iso = iso.replace(/(\.\d{3})\d+/, "$1");
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? new Date(s) : d;
}

function zoned(opts: Intl.DateTimeFormatOptions, lang: Lang, zone?: string): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat(intlLocale(lang), zone ? { ...opts, timeZone: zone } : opts);
  } catch {
    return new Intl.DateTimeFormat(intlLocale(lang), opts);
  }
}

/** A moment, in the shop's zone: "1 Mar 2025, 16:30" / "2025年3月1日 16:30". */
export function dateTime(s: string, lang: Lang, zone?: string): string {
  return zoned({ dateStyle: "medium", timeStyle: "short" }, lang, zone).format(parseTime(s));
}

/** Just the time of a moment: "16:30". */
export function timeOnly(s: string | Date, lang: Lang, zone?: string): string {
  return zoned({ timeStyle: "short" }, lang, zone).format(typeof s === "string" ? parseTime(s) : s);
}

/** A day "2025-03-31" (no zone: it already is the shop's day) as "31 Mar 2025" / "2025年3月31日". */
export function day(s: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
  if (!m) return s;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12));
  return zoned({ dateStyle: "medium" }, lang, "UTC").format(d);
}
