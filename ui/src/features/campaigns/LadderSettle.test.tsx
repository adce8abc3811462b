import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { Settlement } from "../../bindings/Settlement";
import { fakeBackend } from "../../test/backend";
import { renderScreen } from "../../test/render";
import { LadderSettle } from "./LadderSettle";

const CODES = ["AAAA-BBBB-CCCC-DDDD-EEE1", "AAAA-BBBB-CCCC-DDDD-EEE2", "AAAA-BBBB-CCCC-DDDD-EEE3"];

/** The core's answer for a Friday settled: 3栋2单元501 with two packages (one collected), 7栋303 with one. */
const SETTLED: Settlement = {
  campaign_id: 4, session_id: 9, day: "2026-11-27", days: ["2026-11-27"],
  addresses: [
    { address: "3栋2单元501", lines: [], shares: 2, tier: 2, price_cents: 9000, total_cents: 18000, codes: [{ code: CODES[0], collected: true }, { code: CODES[1], collected: false }] },
    { address: "7栋303", lines: [], shares: 1, tier: 1, price_cents: 9800, total_cents: 9800, codes: [{ code: CODES[2], collected: false }] },
  ],
  unreadable: [], shares: 3, revenue_cents: 27800, cost_cents: 14400, margin_cents: 13400, over_by: 0,
  collected: 1, collect_until: "2026-12-04",
};

describe("a settled gift-package day", () => {
  it("lists each address's pickup codes, marks the collected ones and copies the message for the address", async () => {
    fakeBackend({}, { ladder_settlement: () => SETTLED });
    const { user } = renderScreen(<LadderSettle id={4} />);
    const table = await screen.findByTestId("settle-table");
    const [first, second] = within(table).getAllByTestId("settle-codes");
    expect(within(first).getAllByTestId("settle-code").map((e) => e.textContent)).toEqual(CODES.slice(0, 2));
    expect(within(first).getAllByTestId("settle-code-collected")).toHaveLength(1);
    expect(within(second).queryByTestId("settle-code-collected")).toBeNull();
    expect(screen.getByTestId("settle-codes-summary")).toHaveTextContent("Pickup codes: 1 of 3 collected · to collect by");
    expect(screen.getByTestId("settle-codes-summary")).toHaveTextContent("not in the group");

    // The codes go to the address privately, never in the group's price list.
    await user.click(screen.getByRole("button", { name: "Copy the message for 3栋2单元501" }));
    expect(await navigator.clipboard.readText()).toBe(
      `3栋2单元501: 2 gift packages at ¥90.00 each, ¥180.00 in all. Show these pickup codes at the counter by ${screen.getByTestId("settle-codes-summary").textContent?.match(/by (.+?)\./)?.[1]}, one per package: ${CODES[0]} ${CODES[1]}`,
    );
    await user.click(screen.getByRole("button", { name: "Copy the message for 7栋303" }));
    expect(await navigator.clipboard.readText()).toMatch(new RegExp(`^7栋303: 1 gift package at ¥98\\.00\\. Show this pickup code at the counter by .+: ${CODES[2]}$`));
    await user.click(screen.getByTestId("settle-copy"));
    expect(await navigator.clipboard.readText()).not.toContain(CODES[0]);
  });

  it("speaks Chinese", async () => {
    fakeBackend({}, { ladder_settlement: () => SETTLED });
    const { user } = renderScreen(<LadderSettle id={4} />, { lang: "zh-CN" });
    expect(await screen.findByTestId("settle-codes-summary")).toHaveTextContent("提货码：已取 1 / 3 份");
    expect(screen.getAllByTestId("settle-code-collected")[0]).toHaveTextContent("已取货");
    await user.click(screen.getByRole("button", { name: "复制给 7栋303 的消息" }));
    expect(await navigator.clipboard.readText()).toMatch(new RegExp(`^7栋303：礼包 1 份，每份 ¥98\\.00，共 ¥98\\.00。请在 .+ 前到店出示提货码，每份一个：${CODES[2]}$`));
  });
});
