// The dashboard's periods as days of the shop's calendar ("YYYY-MM-DD", both ends included).
import { addDays } from "../../days";

export type PeriodKey = "today" | "d7" | "d30" | "month" | "custom";

export const PERIODS: PeriodKey[] = ["today", "d7", "d30", "month", "custom"];

/** The first and last day of `key` ending on `today`; custom keeps what the owner picked. */
export function periodDays(key: PeriodKey, today: string, custom: [string, string]): [string, string] {
  switch (key) {
    case "today":
      return [today, today];
    case "d7":
      return [addDays(today, -6), today];
    case "d30":
      return [addDays(today, -29), today];
    case "month":
      return [`${today.slice(0, 8)}01`, today];
    case "custom":
      return custom;
  }
}
