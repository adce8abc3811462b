import { describe, expect, it } from "vitest";
import { todayIn } from "./days";

describe("todayIn", () => {
  it("gives the shop's calendar day as YYYY-MM-DD, whatever the zone of the machine", () => {
    const evening = new Date("2026-11-24T17:00:00Z");
    expect(todayIn("Asia/Shanghai", evening)).toBe("2026-11-25");
    expect(todayIn("UTC", evening)).toBe("2026-11-24");
    expect(todayIn("America/Los_Angeles", evening)).toBe("2026-11-24");
  });

  it("falls back to the machine's zone for a zone it does not know", () => {
    expect(todayIn("Not/AZone", new Date("2026-01-05T12:00:00Z"))).toMatch(/^2026-01-0[456]$/);
  });
});
