// The one place that turns the owner's language into the locale names the
// formatting libraries want: Intl (dates, numbers) and dayjs (patterns).
import type { Lang } from "./bindings/Lang";

/** "zh-CN" or "en-GB" (day before month, as the shop's English speakers read dates). */
export function intlLocale(lang: Lang): string {
  return lang === "zh-CN" ? "zh-CN" : "en-GB";
}

/** dayjs's name for the language ("zh-cn", "en"). */
export function dayjsLocale(lang: Lang): string {
  return lang === "zh-CN" ? "zh-cn" : "en";
}
