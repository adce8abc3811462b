import { describe, expect, it } from "vitest";
import { routeFromReminder } from "./nav";

describe("a reminder's link", () => {
  it("opens the page it names", () => {
    expect(routeFromReminder("calendar:2026-11-24")).toEqual({ page: "calendar", day: "2026-11-24" });
    expect(routeFromReminder("content:3:2026-11-25")).toEqual({ page: "content", communityId: 3, day: "2026-11-25" });
    expect(routeFromReminder("community:3")).toEqual({ page: "community", id: 3 });
    expect(routeFromReminder("batch:7")).toEqual({ page: "batch", id: 7 });
  });

  it("falls back to the reminder centre for anything it does not know", () => {
    for (const odd of ["reminders", "", "batch:", "batch:-1", "community:x", "poster:4"]) {
      expect(routeFromReminder(odd)).toEqual({ page: "reminders" });
    }
  });
});
