import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { Campaign } from "../../bindings/Campaign";
import { fakeBackend } from "../../test/backend";
import { renderScreen } from "../../test/render";
import { CampaignsPage } from "./CampaignsPage";

function campaign(over: Partial<Campaign>): Campaign {
  return {
    id: 1, kind: "spike", name: "Flash sale: Tieguanyin", status: "scheduled", community_ids: [1], starts_at: "2026-11-30T12:00:00+00:00",
    ends_at: "2026-12-03T12:30:00+00:00", next_at: "2026-11-30T12:00:00+00:00", sessions: 4, cancel_reason: "", created_at: "2026-11-21T06:30:00+00:00",
    figures: { done: 0, planned: 40, money_cents: 0 }, ...over,
  };
}

describe("the campaigns page", () => {
  it("shows each campaign's figures so far, and offers what fits its kind and status", async () => {
    fakeBackend({}, {
      list_campaigns: () => [
        campaign({}),
        campaign({ id: 2, kind: "drainage", name: "Welcome gift: Morning Tea Friends", status: "running", sessions: 1, next_at: null, ends_at: "2026-12-05T16:00:00+00:00", figures: { done: 2, planned: 30, money_cents: 360 } }),
        campaign({ id: 3, kind: "ladder", name: "Gift-package day", status: "ended", figures: { done: 10, planned: 40, money_cents: 81300 } }),
      ],
    });
    const { user, go } = renderScreen(<CampaignsPage />);
    expect(await screen.findByTestId("campaign-figures-1")).toHaveTextContent("0 of 40 sold¥0.00 taken");
    expect(screen.getByTestId("campaign-figures-2")).toHaveTextContent("2 of about 30 claimed¥3.60 spent");
    expect(screen.getByTestId("campaign-figures-3")).toHaveTextContent("10 of 40 packages¥813.00 taken");
    // A welcome gift runs to its last day: that, not sessions.
    expect(within(screen.getByTestId("campaign-row-2")).getByText(/Until 5 Dec 2026, 23:59/)).toBeInTheDocument();
    // Only a campaign still to start can be edited; a running welcome gift takes claims.
    expect(screen.getByTestId("campaign-edit-1")).toBeInTheDocument();
    expect(screen.queryByTestId("campaign-edit-2")).toBeNull();
    expect(screen.queryByTestId("campaign-edit-3")).toBeNull();
    await user.click(screen.getByTestId("campaign-edit-1"));
    expect(go).toHaveBeenCalledWith({ page: "spike", draftId: undefined, editId: 1 });
    await user.click(screen.getByTestId("campaign-claims-2"));
    expect(go).toHaveBeenCalledWith({ page: "drainageClaims", id: 2 });
  });
});
