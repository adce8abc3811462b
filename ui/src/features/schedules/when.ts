// Days and moments as the owner reads them, with dayjs: an instant is first put on
// the shop's wall clock (Intl, zone-exact), then formatted in the UI's language.
import dayjs from "dayjs";
import "dayjs/locale/zh-cn";
import type { Lang } from "../../bindings/Lang";
import { formatDay, wallClock as wallClockOf } from "../../days";
import { parseTime } from "../../format";
import { dayjsLocale } from "../../locale";

/** An instant on the wall clock of `zone`: "YYYY-MM-DDTHH:mm". */
export function wallClock(instant: string, zone: string): string {
  return wallClockOf(parseTime(instant), zone);
}

/** An instant in the shop's zone, formatted with a dayjs pattern in the UI's language. */
export function formatInstant(instant: string, zone: string, pattern: string, lang: Lang): string {
  return dayjs(wallClock(instant, zone)).locale(dayjsLocale(lang)).format(pattern);
}

export { formatDay };
