import { screen, waitFor } from "@testing-library/react";
import dayjs from "dayjs";
import { describe, expect, it } from "vitest";
import type { Claims } from "../../bindings/Claims";
import type { DrainagePlan } from "../../bindings/DrainagePlan";
import { channel, fakeBackend, gift, groupQr } from "../../test/backend";
import { renderScreen } from "../../test/render";
import { DrainageClaims } from "./DrainageClaims";
import { DrainageWizard } from "./DrainageWizard";
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

describe("the welcome-gift wizard editing a published campaign", () => {
  const published = {
    name: "", community_id: 1, channel_ids: [7], reward: { kind: "gift" as const, gift_id: 1 }, expected_joins: 20,
    budget_cents: null, starts_on: "2026-11-22", ends_on: "2026-12-05", gift_line: "",
  };
  const plan: DrainagePlan = {
    name: "Welcome gift: Morning Tea Friends", community_id: 1, community_name: "Morning Tea Friends",
    channels: [{ id: 7, name: "Counter", kind: "counter", template: "counter", code_expires_at: null, replace_on: [] }],
    reward_name: "Oolong tasting pack", unit_cost_cents: 350, stock: 40, expected_joins: 20, cost_cents: 7000, budget_cents: null,
    gift_line: "Join the group: Oolong tasting pack, free", starts_on: "2026-11-22", ends_on: "2026-12-05", vouchers: 0,
    vouchers_valid_until: null, sessions: [], schedules: [], posts: [], checks: [], refused: false,
  };

  it("locks the gift, saves no draft on the way, and Finish edits the same campaign", async () => {
    const backend = fakeBackend({ gifts: [gift()], channels: [channel({ qr: groupQr() })] }, {
      drainage_for_edit: () => published,
      preview_drainage_edit: () => plan,
      edit_drainage: () => ({ id: 5, poster_ids: [9], schedule_ids: [], content_ids: [11], batch_id: null }),
    });
    const { user, go } = renderScreen(<DrainageWizard editId={5} />);
    expect(await screen.findByTestId("drainage-title")).toHaveTextContent("Edit the welcome gift");
    expect(screen.getByTestId("drainage-editing")).toHaveTextContent("Its price, quantities and gift were published");
    // The gift is locked; how many the owner expects is not.
    await waitFor(() => expect(screen.getByRole("combobox", { name: "Gift" })).toBeDisabled());
    expect(screen.getByTestId("drainage-joins")).toBeEnabled();
    for (let i = 0; i < 3; i += 1) await user.click(screen.getByTestId("drainage-next"));
    expect(backend.called("save_drainage_draft")).toHaveLength(0);
    await user.click(await screen.findByTestId("drainage-finish"));
    await waitFor(() => expect(backend.called("edit_drainage")).toHaveLength(1));
    expect(backend.called("edit_drainage")[0].args).toMatchObject({ id: 5, input: { reward: { kind: "gift", gift_id: 1 } } });
    expect(backend.called("preview_drainage")).toHaveLength(0);
    await waitFor(() => expect(go).toHaveBeenCalledWith({ page: "campaigns" }));
  });
});
