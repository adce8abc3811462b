// Days and moments as the owner reads them, with dayjs: an instant is first put on
// the shop's wall clock (Intl, zone-exact), then formatted in the UI's language.
import dayjs from "dayjs";
import "dayjs/locale/zh-cn";
import type { Lang } from "../../bindings/Lang";
import { parseTime } from "../../format";

function dayjsLocale(lang: Lang): string {
  return lang === "zh-CN" ? "zh-cn" : "en";
}

/** An instant on the wall clock of `zone`: "YYYY-MM-DDTHH:mm". */
export function wallClock(instant: string, zone: string): string {
  const opts: Intl.DateTimeFormatOptions = {
    year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23",
  };
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat("en-US", { ...opts, timeZone: zone });
  } catch {
    format = new Intl.DateTimeFormat("en-US", opts);
  }
  const parts = format.formatToParts(parseTime(instant));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "00";
  // Some engines still say "24" for midnight.
  const hour = part("hour") === "24" ? "00" : part("hour");
  return `${part("year")}-${part("month")}-${part("day")}T${hour}:${part("minute")}`;
}

/** An instant in the shop's zone, formatted with a dayjs pattern in the UI's language. */
export function formatInstant(instant: string, zone: string, pattern: string, lang: Lang): string {
  return dayjs(wallClock(instant, zone)).locale(dayjsLocale(lang)).format(pattern);
}

/** A day "YYYY-MM-DD" (already the shop's), formatted with a dayjs pattern. */
export function formatDay(day: string, pattern: string, lang: Lang): string {
  return dayjs(day).locale(dayjsLocale(lang)).format(pattern);
}
