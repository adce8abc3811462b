import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { Report } from "../../bindings/Report";
import type { ReportRow } from "../../bindings/ReportRow";
import { fakeBackend } from "../../test/backend";
import { renderScreen } from "../../test/render";
import { CampaignReport } from "./CampaignReport";

const row = (day: string, over: Partial<ReportRow> = {}): ReportRow => ({
  day, started: true, sold: 0, issued: 0, redeemed: 0, no_shows: 0, revenue_cents: 0, cost_of_goods_cents: 0, discount_cents: 0, gift_cost_cents: 0, ...over,
});

/** The core's answer for a flash sale of which two of three buyers collected. */
const REPORT: Report = {
  campaign_id: 5, kind: "spike", name: "Flash sale: Tieguanyin", status: "ended",
  sessions: [row("2026-11-23", { sold: 3, issued: 3, redeemed: 2, no_shows: 1, revenue_cents: 3980, cost_of_goods_cents: 3600, discount_cents: 3820 }), row("2026-11-24", { started: false })],
  totals: row("", { sold: 3, issued: 3, redeemed: 2, no_shows: 1, revenue_cents: 3980, cost_of_goods_cents: 3600, discount_cents: 3820 }),
  campaign_cost_cents: 3820, net_cents: -3440, return_percent: -90, by_channel: [],
};

/** A gift-package day whose ten packages were settled, four collected and six never. */
const LADDER: Report = {
  ...REPORT, campaign_id: 6, kind: "ladder", name: "Gift-package day: Tieguanyin",
  sessions: [row("2026-11-27", { sold: 10, issued: 10, redeemed: 4, no_shows: 6, revenue_cents: 81300, cost_of_goods_cents: 48000, discount_cents: 18700 })],
  totals: row("", { sold: 10, issued: 10, redeemed: 4, no_shows: 6, revenue_cents: 81300, cost_of_goods_cents: 48000, discount_cents: 18700 }),
  campaign_cost_cents: 18700, net_cents: 14600, return_percent: 78,
};

describe("a campaign's report", () => {
  it("counts a gift-package day's pickup codes collected and never collected", async () => {
    fakeBackend({}, { campaign_report: () => LADDER });
    renderScreen(<CampaignReport id={6} />);
    const table = await screen.findByTestId("report-table");
    expect(within(table).getAllByRole("columnheader").map((h) => h.textContent)).toContain("Pickup codes");
    expect(within(table).getAllByRole("row")[1]).toHaveTextContent("101046¥813.00¥480.00¥187.00");
    expect(screen.getByTestId("report-formula")).toHaveTextContent("A gift-package day's revenue comes from its settled lists");
  });

  it("shows the totals, the return with its formula, and each session's pickups", async () => {
    fakeBackend({}, { campaign_report: () => REPORT, export_campaign_csv: () => "/home/me/Flash sale (5).csv" });
    const { user } = renderScreen(<CampaignReport id={5} />);
    expect(await screen.findByTestId("report-title")).toHaveTextContent("Flash sale: Tieguanyin");
    expect(screen.getByTestId("report-return")).toHaveTextContent("-90 %");
    expect(screen.getByTestId("report-formula")).toHaveTextContent("Return = (revenue − cost of goods − campaign cost) ÷ campaign cost");
    const first = within(screen.getByTestId("report-table")).getAllByRole("row")[1];
    expect(first).toHaveTextContent("3321¥39.80¥36.00¥38.20");
    await user.click(screen.getByTestId("report-csv"));
    expect(await screen.findByText("Saved to /home/me/Flash sale (5).csv")).toBeInTheDocument();
  });
});
