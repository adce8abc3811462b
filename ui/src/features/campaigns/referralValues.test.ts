import { describe, expect, it } from "vitest";
import { blankReferral, fromReferralInput, toReferralInput } from "./referralValues";

describe("the referral wizard's values", () => {
  it("run to the end of next month, rewards at 1, 3 and 5 friends in fen, and survive a draft", () => {
    const v = blankReferral("2026-11-27", [4]);
    const input = toReferralInput(v);
    expect(input).toEqual({
      name: "",
      community_ids: [4],
      first_day: "2026-11-27",
      last_day: "2026-12-31",
      promotion_day: 18,
      promotion_time: "10:00",
      welcome: { kind: "voucher", cents: 1000, min_spend_cents: null, valid_days: 30 },
      tiers: [
        { friends: 1, cents: 500 },
        { friends: 3, cents: 1500 },
        { friends: 5, cents: 3000 },
      ],
      reward_days: 60,
      monthly_cap: 5,
      qualify_days: 30,
    });
    expect(toReferralInput(fromReferralInput(input))).toEqual(input);
  });

  it("send a gift welcome by its id, and unreadable numbers as 0 for the plan to refuse", () => {
    const v = { ...blankReferral("2026-11-27", [4]), welcomeKind: "gift" as const, giftId: 7, monthlyCap: "five", tiers: [{ friends: "x", reward: "abc" }] };
    const input = toReferralInput(v);
    expect(input.welcome).toEqual({ kind: "gift", gift_id: 7 });
    expect(input.monthly_cap).toBe(0);
    expect(input.tiers).toEqual([{ friends: 0, cents: 0 }]);
  });
});
