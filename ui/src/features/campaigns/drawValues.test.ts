import { describe, expect, it } from "vitest";
import { blankDraw, fromDrawInput, toDrawInput } from "./drawValues";

describe("the lucky-draw wizard's values", () => {
  it("freeze a week on at 22:00, draw the next evening, money in fen, and survive a draft", () => {
    const v = blankDraw("2026-11-27", [4, 9], "开奖当日上证指数收盘价");
    const input = toDrawInput({
      ...v,
      prizes: [
        { name: " 茶具一套 ", giftId: 3, quantity: "1", value: "299", cost: "150" },
        { name: "¥30 代金券", quantity: "5", value: "30", cost: "" },
      ],
      budget: "600",
    });
    expect(input).toEqual({
      name: "",
      community_ids: [4, 9],
      prizes: [
        { name: "茶具一套", gift_id: 3, quantity: 1, value_cents: 29900, cost_cents: 15000 },
        { name: "¥30 代金券", gift_id: null, quantity: 5, value_cents: 3000, cost_cents: 3000 },
      ],
      consolation: { cents: 500, min_spend_cents: 3000, cost_cents: 500 },
      budget_cents: 60000,
      redemption_percent: 60,
      condition: { kind: "everyone" },
      freeze_at: "2026-12-04 22:00",
      draw_at: "2026-12-05 20:00",
      claim_until: "2026-12-19",
      public_value_source: "开奖当日上证指数收盘价",
      contact: "",
    });
    expect(toDrawInput(fromDrawInput(input))).toEqual(input);
  });

  it("send the spending condition's days and what cannot be read as 0", () => {
    const v = blankDraw("2026-11-27", [4]);
    const input = toDrawInput({ ...v, conditionKind: "spent", minSpend: "abc", budget: "" });
    expect(input.condition).toEqual({ kind: "spent", min_cents: 0, from: "2026-11-27", to: "2026-12-04" });
    expect(input.budget_cents).toBe(0);
    expect(toDrawInput(fromDrawInput(input)).condition).toEqual(input.condition);
  });
});
