import { describe, expect, it } from "vitest";
import i18n from "../../i18n";
import { durationText, normaliseTime, ordinal, repeatWords, ruleOf, weekdayOf, type RepeatChoice } from "./repeat";
import { formatInstant, wallClock } from "./when";

const choice = (over: Partial<RepeatChoice>): RepeatChoice => ({ kind: "weekly", days: [], monthDay: "", weekday: "fr", customRule: "", ...over });

describe("a repeat as RRULE text", () => {
  it("builds each kind the backend knows", () => {
    expect(ruleOf(choice({ kind: "once" }))).toBe("FREQ=DAILY;COUNT=1");
    expect(ruleOf(choice({ kind: "daily" }))).toBe("FREQ=DAILY");
    expect(ruleOf(choice({ kind: "weekly", days: ["th", "mo", "we", "tu"] }))).toBe("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH");
    expect(ruleOf(choice({ kind: "weekly", days: ["su", "sa"] }))).toBe("FREQ=WEEKLY;BYDAY=SA,SU");
    expect(ruleOf(choice({ kind: "monthly_on_day", monthDay: "15" }))).toBe("FREQ=MONTHLY;BYMONTHDAY=15");
    expect(ruleOf(choice({ kind: "monthly_last_weekday", weekday: "fr" }))).toBe("FREQ=MONTHLY;BYDAY=-1FR");
    expect(ruleOf(choice({ kind: "custom", customRule: "FREQ=WEEKLY;INTERVAL=2;BYDAY=SA" }))).toBe("FREQ=WEEKLY;INTERVAL=2;BYDAY=SA");
  });

  it("knows the weekday of a day, Monday first", () => {
    expect(weekdayOf("2026-11-23")).toBe("mo");
    expect(weekdayOf("2026-11-21")).toBe("sa");
    expect(weekdayOf("2026-11-29")).toBe("su");
  });

  it("reads typed times kindly", () => {
    expect(normaliseTime("20:00")).toBe("20:00");
    expect(normaliseTime("9:05")).toBe("09:05");
    expect(normaliseTime("20：30")).toBe("20:30");
    expect(normaliseTime(" 7.15 ")).toBe("07:15");
    expect(normaliseTime("24:00")).toBeNull();
    expect(normaliseTime("12:60")).toBeNull();
    expect(normaliseTime("noon")).toBeNull();
  });
});

describe("a repeat in words", () => {
  const en = i18n.getFixedT("en");
  const zh = i18n.getFixedT("zh-CN");

  it("speaks English and Chinese", () => {
    expect(repeatWords(en, { kind: "weekly", days: ["mo", "tu", "we", "th"] }, "2026-11-23 20:00", "en")).toBe("Every Mon, Tue, Wed, Thu");
    expect(repeatWords(zh, { kind: "weekly", days: ["mo", "tu", "we", "th"] }, "2026-11-23 20:00", "zh-CN")).toBe("每周一、二、三、四");
    expect(repeatWords(en, { kind: "weekly", days: ["mo", "tu", "we", "th", "fr"] }, "", "en")).toBe("Every weekday (Mon–Fri)");
    expect(repeatWords(en, { kind: "weekly", days: ["mo", "tu", "we", "th", "fr", "sa", "su"] }, "", "en")).toBe("Every day");
    expect(repeatWords(en, { kind: "monthly_on_day", day: 1 }, "", "en")).toBe("Monthly on the 1st");
    expect(repeatWords(en, { kind: "monthly_on_day", day: 22 }, "", "en")).toBe("Monthly on the 22nd");
    expect(repeatWords(zh, { kind: "monthly_on_day", day: 22 }, "", "zh-CN")).toBe("每月22日");
    expect(repeatWords(en, { kind: "monthly_last_weekday", weekday: "fr" }, "", "en")).toBe("The last Friday of every month");
    expect(repeatWords(zh, { kind: "monthly_last_weekday", weekday: "fr" }, "", "zh-CN")).toBe("每月最后一个周五");
    expect(repeatWords(en, { kind: "once" }, "2026-12-12 19:30", "en")).toBe("Once, on 12 Dec 2026");
    expect(repeatWords(zh, { kind: "once" }, "2026-12-12 19:30", "zh-CN")).toBe("仅一次：2026年12月12日");
    expect(repeatWords(zh, { kind: "daily" }, "", "zh-CN")).toBe("每天");
  });

  it("says durations the short way", () => {
    expect(ordinal(3)).toBe("3rd");
    expect(ordinal(11)).toBe("11th");
    expect(durationText(en, 15, "en")).toBe("15 min");
    expect(durationText(en, 60, "en")).toBe("1 h");
    expect(durationText(en, 150, "en")).toBe("2 h 30 min");
    expect(durationText(en, 1440, "en")).toBe("1 day");
    expect(durationText(zh, 90, "zh-CN")).toBe("1小时30分钟");
    expect(durationText(zh, 1440, "zh-CN")).toBe("1天");
  });
});

describe("moments in the shop's zone", () => {
  it("puts an instant on the shop's wall clock", () => {
    expect(wallClock("2026-11-23T12:00:00Z", "Asia/Shanghai")).toBe("2026-11-23T20:00");
    expect(wallClock("2026-11-23T16:30:00Z", "Asia/Shanghai")).toBe("2026-11-24T00:30");
    expect(wallClock("2026-07-01T12:00:00Z", "Europe/London")).toBe("2026-07-01T13:00");
  });

  it("formats it in the UI's language", () => {
    expect(formatInstant("2026-11-23T12:00:00Z", "Asia/Shanghai", "ddd D MMM YYYY, HH:mm", "en")).toBe("Mon 23 Nov 2026, 20:00");
    expect(formatInstant("2026-11-23T12:00:00Z", "Asia/Shanghai", "YYYY年M月D日 ddd HH:mm", "zh-CN")).toBe("2026年11月23日 周一 20:00");
  });
});
