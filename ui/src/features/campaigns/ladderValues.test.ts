import { describe, expect, it } from "vitest";
import { blankLadder, fromLadderInput, PRESET_RULE, toLadderInput } from "./ladderValues";

describe("the gift-package wizard's values", () => {
  it("start on the next Friday at 20:00 with the list open 14 hours, and money in fen", () => {
    // 2026-11-27 is a Friday: the next one is a week on.
    const v = blankLadder("2026-11-27", [4, 9]);
    const input = toLadderInput({
      ...v,
      items: [{ productId: 3, quantity: "1" }, { productId: 5, quantity: "2" }],
      solo: "98",
      tiers: [{ min: "2", price: "90" }, { min: "3", price: "85.5" }],
    });
    expect(input).toEqual({
      name: "", items: [{ product_id: 3, quantity: 1 }, { product_id: 5, quantity: 2 }], solo_cents: 9800,
      tiers: [{ min_shares: 2, price_cents: 9000 }, { min_shares: 3, price_cents: 8550 }], shares: 20, rule: PRESET_RULE,
      start: "2026-12-04 20:00", cutoff_minutes: 840, ends_on: "2026-12-31", community_ids: [4], lead_minutes: 60, poster_channel_id: null,
    });
    expect(toLadderInput(fromLadderInput(input))).toEqual(input);
  });

  it("send a tier that cannot be read as 0, for the plan to refuse with its reason", () => {
    const input = toLadderInput({ ...blankLadder("2026-11-27", [4]), tiers: [{ min: "two", price: "abc" }] });
    expect(input.tiers).toEqual([{ min_shares: 0, price_cents: 0 }]);
  });
});
