import dayjs from "dayjs";
import { describe, expect, it } from "vitest";
import { blankSpike, fromSpikeInput, PRESET_RULE, toSpikeInput } from "./spikeValues";

describe("the flash-sale wizard's values", () => {
  it("start on the next Monday at 20:00 for four weeks, 30 minutes, 1 each", () => {
    // 2026-11-27 is a Friday.
    const v = blankSpike("2026-11-27", [4, 9]);
    const input = toSpikeInput({ ...v, productId: 3, price: "19.9", quantity: "30" });
    expect(input).toEqual({
      name: "", product_id: 3, price_cents: 1990, quantity: 30, per_customer: 1, rule: PRESET_RULE, start: "2026-11-30 20:00",
      minutes: 30, ends_on: "2026-12-27", community_ids: [4], lead_minutes: 60, pickup_days: 3, pickup_vouchers: true, poster_channel_id: null,
    });
  });

  it("turn chosen days and one date into their rules, and a draft back into the form unchanged", () => {
    const v = { ...blankSpike("2026-11-27", [4]), productId: 3, price: "25", quantity: "10", when: "days" as const, days: ["tu", "sa"] };
    const input = toSpikeInput(v);
    expect(input.rule).toBe("FREQ=WEEKLY;BYDAY=TU,SA");
    expect(toSpikeInput(fromSpikeInput(input))).toEqual(input);
    const without = toSpikeInput({ ...v, pickupVouchers: false });
    expect(toSpikeInput(fromSpikeInput(without)).pickup_vouchers).toBe(false);
    expect(toSpikeInput(fromSpikeInput({ ...input, poster_channel_id: 7 })).poster_channel_id).toBe(7);
    const once = toSpikeInput({ ...v, when: "once", startDay: dayjs("2026-12-05") });
    expect([once.rule, once.start, once.ends_on]).toEqual(["FREQ=DAILY;COUNT=1", "2026-12-05 20:00", "2026-12-05"]);
  });

  it("send what cannot be read as 0, for the plan to refuse with its reason", () => {
    const input = toSpikeInput({ ...blankSpike("2026-11-27", [4]), price: "abc", quantity: "-3" });
    expect([input.price_cents, input.product_id]).toEqual([0, 0]);
    expect(input.quantity).toBe(-3);
  });
});
