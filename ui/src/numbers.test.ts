import { describe, expect, it } from "vitest";
import i18n from "./i18n";
import { fenText, numberRules, readFen, readNumber } from "./numbers";
import { countChars, lengthRule } from "./components/textLimit";

async function problem(text: string, spec: Parameters<typeof numberRules>[1]): Promise<string | null> {
  const rule = numberRules(i18n.t, spec)[0] as { validator: (r: unknown, v: string) => Promise<void> };
  try {
    await rule.validator({}, text);
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}

describe("numbers as typed", () => {
  it("reads yuan into fen exactly, including full-width digits", () => {
    expect(readFen("12.5")).toBe(1250);
    expect(readFen("0.1")).toBe(10);
    expect(readFen("１２．３４")).toBe(1234);
    expect(readFen("1000000")).toBe(100_000_000);
    expect(readFen("")).toBeNull();
    expect(readNumber(" 40 ")).toBe(40);
    expect(fenText(1250)).toBe("12.50");
    expect(fenText(5)).toBe("0.05");
  });

  it("refuses what is out of range, not a number or too precise, with the reason", async () => {
    await i18n.changeLanguage("en");
    expect(await problem("-5", { min: 1, max: 100 })).toBe("Enter a number from 1 to 100");
    expect(await problem("2.5", { min: 1, max: 100 })).toBe("Enter a whole number");
    expect(await problem("abc", { min: 1, max: 100 })).toBe("Enter a number, such as 12");
    expect(await problem("12.345", { min: 0, max: 100, decimals: 2 })).toBe("At most two decimal places (fen)");
    expect(await problem("", { min: 1, max: 100, required: "Needed" })).toBe("Needed");
    expect(await problem("", { min: 1, max: 100 })).toBeNull();
    expect(await problem("100", { min: 1, max: 100 })).toBeNull();
    await i18n.changeLanguage("zh-CN");
    expect(await problem("0", { min: 1, max: 100 })).toBe("请输入 1 到 100 之间的数");
    await i18n.changeLanguage("en");
  });

  it("counts characters as the core does, so an emoji is one", async () => {
    expect(countChars("茶🍵")).toBe(2);
    const rule = lengthRule(i18n.t, 2) as { validator: (r: unknown, v: string) => Promise<void> };
    await expect(rule.validator({}, "茶🍵")).resolves.toBeUndefined();
    await expect(rule.validator({}, "茶🍵茶")).rejects.toThrow("At most 2 characters (now 3)");
  });
});
