import { describe, expect, it } from "vitest";
import en from "./en";
import zh from "./zh-CN";

function keyPaths(o: object, prefix = ""): string[] {
  return Object.entries(o).flatMap(([k, v]) => (typeof v === "string" ? [prefix + k] : keyPaths(v as object, `${prefix}${k}.`)));
}

describe("the string tables", () => {
  it("hold exactly the same keys in English and Chinese", () => {
    expect(keyPaths(zh).sort()).toEqual(keyPaths(en).sort());
  });

  it("have no empty string in either language", () => {
    const values = (o: object): string[] => Object.values(o).flatMap((v) => (typeof v === "string" ? [v] : values(v)));
    expect(values(en).filter((v) => !v.trim())).toEqual([]);
    expect(values(zh).filter((v) => !v.trim())).toEqual([]);
  });

  it("name every finding, question, verdict, kind, stage and platform of the contract", () => {
    const findings = ["purpose_written", "purpose_too_short", "purpose_missing", "goal_written", "goal_missing", "rules_enough", "rules_enforced", "rules_few", "rules_missing", "staff_and_counts", "no_staff", "no_recent_counts", "no_staff_no_counts"];
    for (const table of [en, zh]) {
      expect(Object.keys(table.health.finding).sort()).toEqual([...findings].sort());
      expect(Object.keys(table.health.question).sort()).toEqual(["clear_rules", "long_term_goal", "real_problem", "uses_tools"]);
      expect(Object.keys(table.health.verdict).sort()).toEqual(["fail", "partial", "pass"]);
      expect(Object.keys(table.kind).sort()).toEqual(["high_frequency", "low_frequency", "niche"]);
      expect(Object.keys(table.playbook).sort()).toEqual(["high_frequency", "low_frequency", "niche"]);
      expect(Object.keys(table.stage).sort()).toEqual(["activation", "drainage", "realization", "value_output"]);
      expect(Object.keys(table.platform).sort()).toEqual(["other", "wechat_group", "wecom_group"]);
    }
  });

  it("title the window as the shell does", () => {
    expect(en.app.title).toBe("ShopCircle — Community planner");
    expect(zh.app.title).toBe("ShopCircle 社群助手");
  });
});
