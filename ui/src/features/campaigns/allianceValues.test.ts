import { describe, expect, it } from "vitest";
import { blankAlliance, fromAllianceInput, toAllianceInput } from "./allianceValues";

describe("the alliance wizard's values", () => {
  it("give ¥10 off on ¥30 to the end of next month, in fen, and survive a draft", () => {
    const input = toAllianceInput({ ...blankAlliance("2026-11-27", [4, 9]), partnerIds: [2, 3] });
    expect(input).toEqual({
      name: "",
      community_id: 4,
      partner_ids: [2, 3],
      benefit: { kind: "amount_off", cents: 1000 },
      min_spend_cents: 3000,
      vouchers_per_partner: 50,
      first_day: "2026-11-27",
      last_day: "2026-12-31",
    });
    expect(toAllianceInput(fromAllianceInput(input))).toEqual(input);
  });

  it("send a discount or a gift, and unreadable numbers as 0 for the plan to refuse", () => {
    const v = blankAlliance("2026-11-27", [4]);
    expect(toAllianceInput({ ...v, benefitKind: "percent_off", percent: "15" }).benefit).toEqual({ kind: "percent_off", percent: 15 });
    expect(toAllianceInput({ ...v, benefitKind: "gift", giftId: 7 }).benefit).toEqual({ kind: "gift", gift_id: 7 });
    expect(toAllianceInput({ ...v, perPartner: "lots" }).vouchers_per_partner).toBe(0);
  });
});
