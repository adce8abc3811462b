import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { Dashboard } from "../../bindings/Dashboard";
import type { DashboardQuery } from "../../bindings/DashboardQuery";
import { fakeBackend } from "../../test/backend";
import { renderScreen } from "../../test/render";
import { DashboardPage } from "./DashboardPage";
import { periodDays } from "./period";

const kpis = (over = {}) => ({
  joined: 0, left: 0, net: 0, sales_cents: 0, buyers: 0, repeat_percent: null,
  vouchers_issued: 0, voucher_redemption_percent: null, gift_cost_cents: 0, attributed_sales_cents: 0, gift_cost_percent: null,
  ...over,
});
const SEGMENTS = ["core", "loyal", "new", "potential", "cant_lose", "at_risk", "hibernating", "never_bought"] as const;

/** The core's answer for the fixture shop's November (worked out in the core's tests). */
const NOVEMBER: Dashboard = {
  from: "2026-11-01", to: "2026-11-30",
  current: kpis({
    joined: 4, left: 1, net: 3, sales_cents: 27150, buyers: 3, repeat_percent: 33,
    vouchers_issued: 10, voucher_redemption_percent: 40, gift_cost_cents: 1200, attributed_sales_cents: 6000, gift_cost_percent: 20,
  }),
  previous: kpis({ joined: 1, net: 1 }),
  funnel: [
    { step: "joined", count: 4, of_previous: null, of_first: 100 },
    { step: "bought", count: 2, of_previous: 50, of_first: 50 },
    { step: "bought_again", count: 1, of_previous: 50, of_first: 25 },
    { step: "referred", count: 1, of_previous: 100, of_first: 25 },
  ],
  series: [
    { day: "2026-11-01", joined: 0, left: 0, total: 1 },
    { day: "2026-11-02", joined: 1, left: 0, total: 2 },
    { day: "2026-11-03", joined: 3, left: 1, total: 4 },
  ],
  channels: [
    {
      channel_id: 7, name: "收银台海报", kind: "counter", community_id: 1, community_name: "老街茶友群",
      joins: 1, buyers: 1, first_purchase_percent: 100, sales_cents: 10650, gift_cost_cents: 0, cost_per_buyer_cents: 0,
    },
  ],
  segments: SEGMENTS.map((segment) => ({ segment, members: segment === "new" ? 3 : segment === "never_bought" ? 2 : 0, marketing: segment === "new" ? 2 : 0 })),
  thresholds: { recent_days: 30, lapsing_days: 90, lost_days: 180, repeat_days: 2, regular_days: 4 },
};

describe("the dashboard", () => {
  it("shows each figure against the period before with its definition, and the funnel's shares", async () => {
    const backend = fakeBackend({}, { dashboard: () => NOVEMBER });
    const { user } = renderScreen(<DashboardPage />);
    const sales = await screen.findByTestId("kpi-sales_cents");
    expect(sales).toHaveTextContent("¥271.50");
    expect(sales).toHaveTextContent("¥0.00 the period before");
    expect(sales).toHaveTextContent("less the refunds given in it");
    expect(screen.getByTestId("kpi-repeat_percent")).toHaveTextContent("33 %");
    expect(screen.getByTestId("funnel-bought")).toHaveTextContent("Bought within 90 days: 2");
    expect(screen.getByTestId("funnel-bought")).toHaveTextContent("50 % of the step before · 50 % of all who joined");
    expect(screen.queryByTestId("dashboard-empty")).toBeNull();
    expect(screen.getByTestId("kpi-voucher_redemption_percent")).toHaveTextContent("40 %");
    expect(screen.getByTestId("kpi-voucher_redemption_percent")).toHaveTextContent("issued in the period (10)");
    expect(screen.getByTestId("kpi-gift_cost_percent")).toHaveTextContent("(¥12.00) of the sales that came with a voucher or a campaign (¥60.00)");
    expect(screen.getByTestId("members-over-time")).toHaveAccessibleName(
      "Members over time, 2026-11-01 to 2026-11-03: 4 joined, 1 left, 4 at the end.",
    );
    expect(screen.getByTestId("channel-figures-7")).toHaveTextContent("1 (100 %)");
    expect(screen.getByTestId("channel-figures-7")).toHaveTextContent("¥106.50");
    expect(screen.getByTestId("segment-new")).toHaveTextContent("3 members · 2 may receive offers");
    expect(screen.getByTestId("segment-core")).toBeDisabled();
    // The last 30 days by default; "Last 7 days" asks again.
    const first = backend.called("dashboard")[0].args.query as DashboardQuery;
    await user.click(within(screen.getByTestId("dashboard-period")).getByRole("combobox"));
    await user.click(await screen.findByTitle("Last 7 days"));
    await waitFor(() => expect(backend.called("dashboard").length).toBeGreaterThan(1));
    const second = backend.called("dashboard").at(-1)!.args.query as DashboardQuery;
    expect(second.to).toBe(first.to);
    expect(second.from > first.from).toBe(true);
  });

  it("opens a segment's members as counted on the period's last day", async () => {
    fakeBackend({}, { dashboard: () => NOVEMBER });
    const { user, go } = renderScreen(<DashboardPage />);
    const segment = await screen.findByTitle("Show the 3 members in “New”");
    expect(segment).toHaveAccessibleName(/^New/);
    await user.click(segment);
    expect(go).toHaveBeenCalledWith({ page: "members", segment: "new", segmentOn: "2026-11-30", communityId: undefined });
  });

  it("refuses thresholds out of order at the field, with the core's message, and keeps what was typed", async () => {
    const backend = fakeBackend({}, {
      dashboard: () => NOVEMBER,
      set_rfm_thresholds: () => {
        throw { code: "invalid", field: "lapsing_days", message: "Lapsing after (days): enter a number from 31 to 3649" };
      },
    });
    const { user } = renderScreen(<DashboardPage />);
    await user.click(await screen.findByTestId("rfm-thresholds"));
    const lapsing = await screen.findByTestId("rfm-lapsing_days");
    await user.clear(lapsing);
    await user.type(lapsing, "20");
    await user.click(screen.getByRole("button", { name: "Save" }));
    expect(await screen.findByText("Lapsing after (days): enter a number from 31 to 3649")).toBeInTheDocument();
    expect(lapsing).toHaveValue("20");
    expect(backend.called("set_rfm_thresholds")[0].args.thresholds).toMatchObject({ recent_days: 30, lapsing_days: 20 });
  });

  it("says what to do when the period is empty, in Chinese", async () => {
    fakeBackend({}, { dashboard: () => ({ ...NOVEMBER, current: kpis(), previous: kpis(), funnel: NOVEMBER.funnel.map((s) => ({ ...s, count: 0, of_previous: null, of_first: null })) }) });
    renderScreen(<DashboardPage />, { lang: "zh-CN" });
    expect(await screen.findByTestId("dashboard-empty")).toHaveTextContent("在门店添加会员或导入收银订单后，数据就会出现。");
  });
});

describe("a period", () => {
  it("is its days in the shop's calendar, both ends included", () => {
    expect(periodDays("today", "2026-11-27", ["", ""])).toEqual(["2026-11-27", "2026-11-27"]);
    expect(periodDays("d7", "2026-11-27", ["", ""])).toEqual(["2026-11-21", "2026-11-27"]);
    expect(periodDays("d30", "2026-03-01", ["", ""])).toEqual(["2026-01-31", "2026-03-01"]);
    expect(periodDays("month", "2026-11-27", ["", ""])).toEqual(["2026-11-01", "2026-11-27"]);
    expect(periodDays("custom", "2026-11-27", ["2026-10-01", "2026-10-31"])).toEqual(["2026-10-01", "2026-10-31"]);
  });
});
