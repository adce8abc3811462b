import { describe, expect, it } from "vitest";
import i18n from "../../i18n";
import { isDay, mondayOf, monthStart } from "../../days";
import { rangeOf, rangeTitle, step } from "./dates";
import { communityColor, NEUTRAL } from "./palette";

describe("calendar days", () => {
  it("start weeks on Monday and months on a 6×7 grid", () => {
    expect(mondayOf("2026-11-29")).toBe("2026-11-23");
    expect(mondayOf("2026-11-23")).toBe("2026-11-23");
    expect(rangeOf("week", "2026-11-25")).toEqual({ from: "2026-11-23", to: "2026-11-29" });
    expect(rangeOf("month", "2026-11-25")).toEqual({ from: "2026-10-26", to: "2026-12-06" });
    expect(rangeOf("month", "2026-02-10")).toEqual({ from: "2026-01-26", to: "2026-03-08" });
  });

  it("step by a week or to the first of a month", () => {
    expect(step("week", "2026-11-25", 1)).toBe("2026-12-02");
    expect(step("week", "2026-11-25", -1)).toBe("2026-11-18");
    expect(step("month", "2026-12-31", 1)).toBe("2027-01-01");
    expect(step("month", "2026-03-31", -1)).toBe("2026-02-01");
    expect(monthStart("2026-11-25")).toBe("2026-11-01");
  });

  it("refuse what is not a day", () => {
    expect(isDay("2026-11-23")).toBe(true);
    expect(isDay("2026-02-30")).toBe(false);
    expect(isDay("23/11/2026")).toBe(false);
    expect(isDay(undefined)).toBe(false);
  });

  it("title a week across months and years, and a month, in both languages", () => {
    const en = i18n.getFixedT("en");
    const zh = i18n.getFixedT("zh-CN");
    expect(rangeTitle(en, "en", "week", "2026-11-25")).toBe("23 – 29 Nov 2026");
    expect(rangeTitle(zh, "zh-CN", "week", "2026-11-25")).toBe("2026年11月23日 – 29日");
    expect(rangeTitle(en, "en", "week", "2026-12-02")).toBe("30 Nov – 6 Dec 2026");
    expect(rangeTitle(zh, "zh-CN", "week", "2026-12-02")).toBe("2026年11月30日 – 12月6日");
    expect(rangeTitle(en, "en", "week", "2026-12-30")).toBe("28 Dec 2026 – 3 Jan 2027");
    expect(rangeTitle(zh, "zh-CN", "week", "2026-12-30")).toBe("2026年12月28日 – 2027年1月3日");
    expect(rangeTitle(en, "en", "month", "2026-11-25")).toBe("November 2026");
    expect(rangeTitle(zh, "zh-CN", "month", "2026-11-25")).toBe("2026年11月");
  });

  it("give each community a fixed colour and the whole shop grey", () => {
    expect(communityColor(3)).toBe(communityColor(3));
    expect(communityColor(1)).not.toBe(communityColor(2));
    expect(communityColor(null)).toBe(NEUTRAL);
  });
});
