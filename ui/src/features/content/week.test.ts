import { describe, expect, it } from "vitest";
import { contentItem } from "../../test/backend-schedules";
import i18n from "../../i18n";
import { daysFrom, isDay, mondayOf, weekTitle } from "../../days";
import { isOverdue, normaliseTime, placeholders, summarise } from "./week";

const weekDays = (monday: string) => daysFrom(monday, 7);
const weekRange = (monday: string, lang: "en" | "zh-CN") => weekTitle(i18n.getFixedT(lang), lang, monday);

describe("the content calendar's weeks", () => {
  it("start on Monday, whatever day is asked", () => {
    expect(mondayOf("2026-11-23")).toBe("2026-11-23");
    expect(mondayOf("2026-11-25")).toBe("2026-11-23");
    expect(mondayOf("2026-11-29")).toBe("2026-11-23");
    expect(mondayOf("2026-11-30")).toBe("2026-11-30");
    expect(mondayOf("2027-01-02")).toBe("2026-12-28");
    expect(weekDays("2026-12-28")).toEqual(["2026-12-28", "2026-12-29", "2026-12-30", "2026-12-31", "2027-01-01", "2027-01-02", "2027-01-03"]);
  });

  it("name their range in both languages", () => {
    expect(weekRange("2026-11-23", "en")).toBe("23 – 29 Nov 2026");
    expect(weekRange("2026-11-30", "en")).toBe("30 Nov – 6 Dec 2026");
    expect(weekRange("2026-12-28", "en")).toBe("28 Dec 2026 – 3 Jan 2027");
    expect(weekRange("2026-11-23", "zh-CN")).toBe("2026年11月23日 – 29日");
    expect(weekRange("2026-11-30", "zh-CN")).toBe("2026年11月30日 – 12月6日");
    expect(weekRange("2026-12-28", "zh-CN")).toBe("2026年12月28日 – 2027年1月3日");
  });

  it("count the days with a topic and list the empty ones", () => {
    const days = weekDays("2026-11-23");
    const items = [contentItem({ id: 1, day: "2026-11-23" }), contentItem({ id: 2, day: "2026-11-23" }), contentItem({ id: 3, day: "2026-11-29" })];
    expect(summarise(days, items)).toEqual({ filled: 2, empty: 5, emptyDays: ["2026-11-24", "2026-11-25", "2026-11-26", "2026-11-27", "2026-11-28"] });
  });

  it("call a past item overdue only while it is not posted", () => {
    const now = new Date("2026-11-24T02:00:00Z");
    expect(isOverdue(contentItem({ day: "2026-11-24", time: "09:59" }), now)).toBe(true);
    expect(isOverdue(contentItem({ day: "2026-11-24", time: "10:01" }), now)).toBe(false);
    expect(isOverdue(contentItem({ day: "2026-11-23", posted: true }), now)).toBe(false);
  });

  it("find the blanks a draft still holds, and tidy a typed time", () => {
    expect(placeholders("Today we brew {tea}: {tea} from {place}.")).toEqual(["{tea}", "{place}"]);
    expect(placeholders("No blanks here")).toEqual([]);
    expect(normaliseTime("9:05")).toBe("09:05");
    expect(normaliseTime(" 19：30 ")).toBe("19:30");
    expect(normaliseTime("noon")).toBe("noon");
    expect(isDay("2026-11-24")).toBe(true);
    expect(isDay("24/11/2026")).toBe(false);
    expect(isDay(undefined)).toBe(false);
  });
});
