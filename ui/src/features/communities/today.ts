// "Today" in the shop's time zone, as the YYYY-MM-DD the backend expects.
// Built from formatToParts rather than a locale's own date format: WebKitGTK
// without full ICU data formats "en-CA" as 11/24/2026, not 2026-11-24.
export function todayIn(zone: string, now: Date = new Date()): string {
  const opts: Intl.DateTimeFormatOptions = { year: "numeric", month: "2-digit", day: "2-digit" };
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat("en-US", { ...opts, timeZone: zone });
  } catch {
    format = new Intl.DateTimeFormat("en-US", opts);
  }
  const part = (type: string) => format.formatToParts(now).find((p) => p.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")}`;
}
