import { screen, waitFor } from "@testing-library/react";
import dayjs from "dayjs";
import { describe, expect, it } from "vitest";
import type { Claims } from "../../bindings/Claims";
import { fakeBackend } from "../../test/backend";
import { renderScreen } from "../../test/render";
import { DrainageClaims } from "./DrainageClaims";
import { blankDrainage, fromDrainageInput, toDrainageInput } from "./drainageValues";

/** A tea-bag welcome gift running now, before anyone claimed. */
function claims(over: Partial<Claims> = {}): Claims {
  return {
    campaign_id: 7, name: "Welcome gift: Tea friends", reward_name: "Tea bag", gift_line: "Join the group: Tea bag, free", status: "running",
    starts_on: "2026-11-22", ends_on: "2026-12-05", expected_joins: 50, stock: 30, claims: [],
    channels: [{ id: 1, name: "Counter" }, { id: 2, name: "Window" }], ...over,
  };
}

const amy = { id: 1, phone: "138****1234", channel_name: "Window", code: null, claimed_at: "2026-11-22T06:30:00+00:00" };

describe("welcome-gift claims at the counter", () => {
  it("records a claim by mobile number, names a bad number at the box and a second claim above it", async () => {
    let attempt = 0;
    let current = claims();
    const backend = fakeBackend({}, {
      drainage_claims: () => current,
      claim_drainage_gift: (a) => {
        attempt += 1;
        if (attempt === 1) throw { code: "invalid_input", message: "Mobile number \"1381234\" is not known", field: "phone" };
        if (attempt === 3) throw { code: "already_claimed", message: "138****1234 already claimed this gift on 22 Nov 14:30: one per mobile number", field: null };
        expect(a).toEqual({ id: 7, phone: "138 1234 1234", channelId: 2 });
        current = claims({ stock: 29, claims: [amy] });
        return current;
      },
    });
    const { user } = renderScreen(<DrainageClaims id={7} />);
    expect(await screen.findByTestId("claims-stock")).toHaveTextContent("30");
    expect(screen.getByTestId("claims-count")).toHaveTextContent("0 of about 50");

    await user.type(screen.getByTestId("claims-phone"), "1381234");
    await user.click(screen.getByTestId("claims-submit"));
    expect(await screen.findByText("Mobile number \"1381234\" is not known")).toBeInTheDocument();
    expect(screen.getByTestId("claims-phone")).toHaveValue("1381234");

    await user.clear(screen.getByTestId("claims-phone"));
    await user.type(screen.getByTestId("claims-phone"), "138 1234 1234");
    await user.click(screen.getByRole("combobox", { name: "Came through" }));
    await user.click(await screen.findByTitle("Window"));
    await user.click(screen.getByTestId("claims-submit"));
    expect(await screen.findByTestId("claims-done")).toHaveTextContent("138****1234: hand over Tea bag");
    expect(screen.getByTestId("claims-stock")).toHaveTextContent("29");
    expect(screen.getByTestId("claims-row-phone")).toHaveTextContent("138****1234");
    expect(screen.getByTestId("claims-phone")).toHaveValue("");

    await user.type(screen.getByTestId("claims-phone"), "13812341234");
    await user.click(screen.getByTestId("claims-submit"));
    expect(await screen.findByTestId("claims-refused")).toHaveTextContent("already claimed this gift on 22 Nov 14:30");
    expect(backend.called("claim_drainage_gift")).toHaveLength(3);
  });

  it("refuses claims before the first day and says when they open", async () => {
    fakeBackend({}, { drainage_claims: () => claims({ status: "scheduled" }) });
    renderScreen(<DrainageClaims id={7} />);
    expect(await screen.findByTestId("claims-closed")).toHaveTextContent("Claims open on");
    await waitFor(() => expect(screen.getByTestId("claims-submit")).toBeDisabled());
  });
});

describe("the welcome-gift wizard's values", () => {
  it("go to the core as typed and come back from a draft unchanged", () => {
    const blank = blankDrainage("2026-11-21", [3, 4]);
    expect(blank.communityId).toBe(3);
    expect(blank.days?.map((d) => d.format("YYYY-MM-DD"))).toEqual(["2026-11-22", "2026-12-05"]);
    const values = { ...blank, rewardKind: "voucher" as const, voucher: "12.5", minSpend: "", budget: "300", joins: "40", channelIds: [9], days: [dayjs("2026-11-23"), dayjs("2026-11-30")] as [dayjs.Dayjs, dayjs.Dayjs] };
    const input = toDrainageInput(values);
    expect(input).toMatchObject({
      community_id: 3, channel_ids: [9], expected_joins: 40, budget_cents: 30000, starts_on: "2026-11-23", ends_on: "2026-11-30",
      reward: { kind: "voucher", cents: 1250, min_spend_cents: null, valid_days: 30 },
    });
    expect(toDrainageInput(fromDrainageInput(input))).toEqual(input);
  });
});
