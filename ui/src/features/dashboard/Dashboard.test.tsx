import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { Dashboard } from "../../bindings/Dashboard";
import type { DashboardQuery } from "../../bindings/DashboardQuery";
import { fakeBackend } from "../../test/backend";
import { renderScreen } from "../../test/render";
import { DashboardPage } from "./DashboardPage";
import { periodDays } from "./period";

const kpis = (over = {}) => ({ joined: 0, left: 0, net: 0, sales_cents: 0, buyers: 0, repeat_percent: null, ...over });

/** The core's answer for the fixture shop's November (worked out in the core's tests). */
const NOVEMBER: Dashboard = {
  from: "2026-11-01", to: "2026-11-30",
  current: kpis({ joined: 4, left: 1, net: 3, sales_cents: 27150, buyers: 3, repeat_percent: 33 }),
  previous: kpis({ joined: 1, net: 1 }),
  funnel: [
    { step: "joined", count: 4, of_previous: null, of_first: 100 },
    { step: "bought", count: 2, of_previous: 50, of_first: 50 },
    { step: "bought_again", count: 1, of_previous: 50, of_first: 25 },
    { step: "referred", count: 1, of_previous: 100, of_first: 25 },
  ],
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
    // The last 30 days by default; "Last 7 days" asks again.
    const first = backend.called("dashboard")[0].args.query as DashboardQuery;
    await user.click(within(screen.getByTestId("dashboard-period")).getByRole("combobox"));
    await user.click(await screen.findByTitle("Last 7 days"));
    await waitFor(() => expect(backend.called("dashboard").length).toBeGreaterThan(1));
    const second = backend.called("dashboard").at(-1)!.args.query as DashboardQuery;
    expect(second.to).toBe(first.to);
    expect(second.from > first.from).toBe(true);
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
