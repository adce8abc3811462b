import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { Member } from "../../bindings/Member";
import type { MemberFilter } from "../../bindings/MemberFilter";
import type { MemberPage } from "../../bindings/MemberPage";
import { fakeBackend } from "../../test/backend";
import { renderScreen } from "../../test/render";
import { MemberDetail } from "./MemberDetail";
import { DuplicatesPage } from "./DuplicatesPage";
import { MembersPage } from "./MembersPage";

const WANG: Member = {
  id: 7, display_name: "王姐", phone: "13812345678", phone_masked: "138****5678", wechat_nickname: "小王", birthday: "03-07", note: "",
  tags: ["VIP"], referred_by: null, referred_by_name: null, merged_into: null, merged_into_name: null, erased_at: null,
  memberships: [{ id: 1, community_id: 1, community_name: "Morning Tea Friends", channel_id: 2, channel_name: "Counter", staff_id: null, staff_name: null, joined_at: "2025-03-01T08:30:00Z", left_at: null }],
  consents: [
    { purpose: "membership", method: "paper", notice_version: 1, given_at: "2025-03-01T08:30:00Z", recorded_by: "Amy", withdrawn_at: null },
    { purpose: "marketing", method: "paper", notice_version: 1, given_at: "2025-03-01T08:30:00Z", recorded_by: "Amy", withdrawn_at: null },
  ],
  marketing: true, created_at: "2025-03-01T08:30:00Z",
};

const PAGE: MemberPage = {
  total: 1,
  rows: [{ id: 7, display_name: "王姐", phone_masked: "138****5678", wechat_nickname: "小王", tags: ["VIP"], communities: ["Morning Tea Friends"], marketing: true, created_at: "2025-03-01T08:30:00Z" }],
};

describe("the member list", () => {
  it("shows members with the phone masked, searches by the last four digits and opens a member", async () => {
    const backend = fakeBackend({}, { list_members: () => PAGE });
    const { user, go } = renderScreen(<MembersPage />);
    const row = await screen.findByTestId("member-row-7");
    expect(row).toHaveTextContent("王姐");
    expect(row).toHaveTextContent("138****5678");
    expect(row).not.toHaveTextContent("13812345678");
    expect(row).toHaveTextContent("Morning Tea Friends");
    expect(screen.getByText("1 member")).toBeInTheDocument();

    await user.type(screen.getByTestId("member-search"), "5678{Enter}");
    await waitFor(() => expect((backend.called("list_members").at(-1)!.args.filter as MemberFilter).search).toBe("5678"));
    await user.click(within(screen.getByTestId("member-filter-marketing")).getByRole("combobox"));
    await user.click(await screen.findByTitle("No marketing"));
    await waitFor(() => expect((backend.called("list_members").at(-1)!.args.filter as MemberFilter).marketing).toBe(false));

    row.focus();
    await user.keyboard("{Enter}");
    expect(go).toHaveBeenCalledWith({ page: "member", id: 7 });
  });

  it("opened from a dashboard segment, lists that segment as on the dashboard's day until another is picked", async () => {
    const backend = fakeBackend({}, { list_members: () => PAGE });
    const { user } = renderScreen(<MembersPage segment="at_risk" segmentOn="2026-11-30" communityId={3} />);
    await waitFor(() => expect(backend.called("list_members").length).toBeGreaterThan(0));
    expect(backend.called("list_members")[0].args.filter).toMatchObject({ segment: "at_risk", segment_on: "2026-11-30", community_id: 3 });
    expect(screen.getByTestId("member-segment-on")).toHaveTextContent("Segments as on 2026-11-30");
    await user.click(within(screen.getByTestId("member-filter-segment")).getByRole("combobox"));
    await user.click(await screen.findByTitle("Hibernating"));
    await waitFor(() => expect(backend.called("list_members").at(-1)!.args.filter).toMatchObject({ segment: "hibernating", segment_on: undefined }));
    expect(screen.queryByTestId("member-segment-on")).toBeNull();
  });

  it("exports the filtered list as CSV with phones masked unless unticked", async () => {
    const backend = fakeBackend({}, { list_members: () => PAGE, export_members_csv: () => "/home/amy/Documents/members.csv", export_purchases_csv: () => null });
    const { user } = renderScreen(<MembersPage segment="at_risk" segmentOn="2026-11-30" />);
    await user.click(await screen.findByTestId("member-export-csv"));
    expect(await screen.findByTestId("export-mask")).toBeChecked();
    await user.click(screen.getByRole("button", { name: "Export…" }));
    await waitFor(() => expect(backend.called("export_members_csv")).toHaveLength(1));
    expect(backend.called("export_members_csv")[0].args).toMatchObject({ maskPhones: true, filter: { segment: "at_risk", segment_on: "2026-11-30", limit: undefined } });
    expect(await screen.findByText("Saved to /home/amy/Documents/members.csv")).toBeInTheDocument();
    await user.click(screen.getByTestId("member-export-csv"));
    await user.click(await screen.findByTestId("export-purchases"));
    await user.click(screen.getByTestId("export-mask"));
    await user.click(screen.getByRole("button", { name: "Export…" }));
    await waitFor(() => expect(backend.called("export_purchases_csv")[0].args).toMatchObject({ maskPhones: false }));
  });

  it("filters by the channel they joined through (once a community is chosen) and the staff account that added them", async () => {
    const backend = fakeBackend(
      { staff: [{ id: 4, display_name: "茶香-Amy", role: "clerk", account_id: "", note: "", communities: [], archived_at: null, created_at: "2026-11-01T00:00:00Z", updated_at: "2026-11-01T00:00:00Z" }] as never },
      { list_members: () => PAGE, list_channels: () => [{ id: 9, community_id: 3, kind: "counter", name: "Counter poster", qr: null, archived_at: null, created_at: "2026-11-01T00:00:00Z" }] },
    );
    const { user } = renderScreen(<MembersPage communityId={3} />);
    await user.click(within(await screen.findByTestId("member-filter-channel")).getByRole("combobox"));
    await user.click(await screen.findByTitle("Counter poster"));
    await waitFor(() => expect(backend.called("list_members").at(-1)!.args.filter).toMatchObject({ community_id: 3, channel_id: 9 }));
    await user.click(within(screen.getByTestId("member-filter-staff")).getByRole("combobox"));
    await user.click(await screen.findByTitle("茶香-Amy"));
    await waitFor(() => expect(backend.called("list_members").at(-1)!.args.filter).toMatchObject({ staff_id: 4 }));
  });

  it("prints the privacy notice from the new member's form", async () => {
    const backend = fakeBackend({}, { list_members: () => PAGE, print_member_notice: () => null });
    const { user } = renderScreen(<MembersPage />);
    await user.click(await screen.findByTestId("member-new"));
    await user.click(await screen.findByTestId("member-print-notice"));
    await waitFor(() => expect(backend.called("print_member_notice")).toHaveLength(1));
  });

  it("says what to do when there is nobody yet", async () => {
    fakeBackend({}, { list_members: () => ({ total: 0, rows: [] }) });
    renderScreen(<MembersPage />, { lang: "zh-CN" });
    expect(await screen.findByText("还没有会员。顾客在门店入群时，添加第一位吧。")).toBeInTheDocument();
  });

  it("adds a member with how they agreed, marketing as a separate yes, and shows the core's refusal at the field", async () => {
    let refused = true;
    const backend = fakeBackend({}, {
      list_members: () => ({ total: 0, rows: [] }),
      list_channels: () => [],
      create_member: () => {
        if (refused) {
          refused = false;
          throw { code: "invalid_input", field: "phone", message: "Mobile number: “138123456789” is not one we know" };
        }
        return WANG;
      },
    });
    const { user, go } = renderScreen(<MembersPage />);
    await user.click(await screen.findByTestId("member-new"));
    await user.type(await screen.findByTestId("member-name"), "王姐");
    await user.type(screen.getByTestId("member-phone"), "138123456789");
    await user.click(screen.getByLabelText("Signed the printed notice"));
    await user.click(screen.getByTestId("member-marketing"));
    await user.click(screen.getByTestId("member-save"));
    expect(await screen.findByText("Mobile number: “138123456789” is not one we know")).toBeInTheDocument();
    expect(screen.getByTestId("member-phone")).toHaveValue("138123456789");
    const sent = backend.called("create_member")[0].args.input as Record<string, unknown>;
    expect(sent.display_name).toBe("王姐");
    expect(sent.consent).toEqual({ method: "paper", marketing: true, recorded_by: "" });

    await user.clear(screen.getByTestId("member-phone"));
    await user.type(screen.getByTestId("member-phone"), "13812345678");
    await user.click(screen.getByTestId("member-save"));
    await waitFor(() => expect(go).toHaveBeenCalledWith({ page: "member", id: 7 }));
  });
});

describe("a member's page", () => {
  it("shows the whole phone, where they joined and each consent, and withdraws marketing after asking", async () => {
    const withdrawn: Member = { ...WANG, marketing: false, consents: [WANG.consents[0], { ...WANG.consents[1], withdrawn_at: "2025-03-02T08:30:00Z" }] };
    let current = WANG;
    const sale = { id: 3, member_id: 7, member_name: "王姐", occurred_at: "2025-03-01T08:30:00Z", amount_cents: 3850, refunded_cents: 0, items: "Oolong 250 g", source: "counter", voucher_code: null, campaign_id: null, campaign_name: null, staff: "", refunds: [] };
    const backend = fakeBackend({}, {
      get_member: () => current,
      set_member_marketing: () => (current = withdrawn),
      list_purchases: () => [sale],
      refund_purchase: (a) => ({ ...sale, refunded_cents: a.amountCents as number }),
    });
    const { user } = renderScreen(<MemberDetail id={7} />);
    expect(await screen.findByTestId("member-title")).toHaveTextContent("王姐");
    expect(screen.getByTestId("member-facts")).toHaveTextContent("13812345678");
    expect(screen.getByTestId("member-memberships")).toHaveTextContent("through Counter");
    expect(screen.getByTestId("member-consents")).toHaveTextContent("Keeping their details");
    await waitFor(() => expect(screen.getByTestId("member-purchases")).toHaveTextContent("Oolong 250 g"));
    expect(screen.getByTestId("member-purchases")).toHaveTextContent("¥38.50");
    // A refund starts from what is left, and is refused above it at the field.
    await user.click(screen.getByTestId("purchase-refund-3"));
    const amount = await screen.findByTestId("refund-amount");
    expect(amount).toHaveValue("38.50");
    await user.clear(amount);
    await user.type(amount, "40");
    await user.type(screen.getByTestId("refund-reason"), "one box short");
    await user.click(screen.getByTestId("refund-save"));
    expect(await screen.findByText("Enter a number from 0.01 to 38.50")).toBeInTheDocument();
    expect(backend.called("refund_purchase")).toHaveLength(0);
    await user.clear(amount);
    await user.type(amount, "8.50");
    await user.click(screen.getByTestId("refund-save"));
    await waitFor(() => expect(backend.called("refund_purchase")[0].args).toEqual({ id: 3, amountCents: 850, reason: "one box short", staff: null }));

    await user.click(screen.getByTestId("member-withdraw"));
    await user.click(await screen.findByRole("button", { name: "Withdraw" }));
    await waitFor(() => expect(backend.called("set_member_marketing")[0].args).toEqual({ id: 7, method: null, recordedBy: null }));
    // The record stays, marked; marketing consent can be recorded again.
    expect(await screen.findByTestId("member-give")).toBeInTheDocument();
    expect(screen.getByTestId("member-consents")).toHaveTextContent(/Marketing.*withdrawn/);
  });

  it("erases a member only after saying what goes and what stays, then shows the record closed", async () => {
    let current = WANG;
    const backend = fakeBackend({}, {
      get_member: () => current,
      list_purchases: () => [],
      erase_member: () => {
        current = { ...WANG, display_name: "—", phone: null, phone_masked: null, wechat_nickname: "", erased_at: "2025-03-05T08:30:00Z", marketing: false };
        return null;
      },
    });
    const { user } = renderScreen(<MemberDetail id={7} />);
    await user.click(await screen.findByTestId("member-erase"));
    expect(await screen.findByText(/Their purchases stay as anonymous sales/)).toBeInTheDocument();
    await user.click(screen.getByTestId("member-erase-ok"));
    await waitFor(() => expect(backend.called("erase_member")[0].args).toEqual({ id: 7 }));
    expect(await screen.findByTestId("member-erased")).toHaveTextContent("erased on request");
    expect(screen.queryByTestId("member-erase")).toBeNull();
    expect(screen.queryByTestId("member-give")).toBeNull();
  });
});

describe("possible duplicates", () => {
  const OTHER: Member = { ...WANG, id: 9, phone: null, phone_masked: null, tags: [], marketing: false, consents: [WANG.consents[0]] };
  const PAIR = {
    a: { id: 7, display_name: "王姐", phone_masked: "138****5678", wechat_nickname: "小王", created_at: "2025-03-01T08:30:00Z" },
    b: { id: 9, display_name: "王姐", phone_masked: null, wechat_nickname: "小王", created_at: "2025-04-01T08:30:00Z" },
    reason: "same_name_and_nickname" as const,
  };

  it("compares a pair side by side, keeps the older by default, merges on the owner's word and undoes it", async () => {
    const backend = fakeBackend({}, {
      list_member_duplicates: () => [PAIR],
      list_member_merges: () => [{ id: 4, kept_id: 7, kept_name: "王姐", merged_id: 9, merged_name: "王姐", staff: "", merged_at: "2025-04-02T08:30:00Z", undone_at: null }],
      get_member: (a) => (a.id === 7 ? WANG : OTHER),
      list_purchases: () => [],
      merge_members: () => WANG,
      undo_member_merge: () => OTHER,
    });
    const { user } = renderScreen(<DuplicatesPage />);
    expect(await screen.findByTestId("duplicate-7-9")).toHaveTextContent("Same name and WeChat nickname");
    expect(backend.called("merge_members")).toHaveLength(0);
    await user.click(screen.getByTestId("compare-7-9"));
    const kept = await screen.findByTestId("merge-side-7");
    expect(kept).toHaveTextContent("Keep this record");
    expect(screen.getByTestId("merge-side-9")).toHaveTextContent("Merge into the other");
    // The other way round, then back: the owner decides.
    await user.click(within(screen.getByTestId("merge-side-9")).getByRole("radio"));
    expect(screen.getByTestId("merge-side-9")).toHaveTextContent("Keep this record");
    await user.click(within(kept).getByRole("radio"));
    await user.click(screen.getByTestId("merge-ok"));
    await waitFor(() => expect(backend.called("merge_members")[0].args).toEqual({ keptId: 7, mergedId: 9 }));
    await user.click(screen.getByTestId("undo-merge-4"));
    await user.click((await screen.findAllByRole("button", { name: "Undo merge" })).at(-1)!);
    await waitFor(() => expect(backend.called("undo_member_merge")[0].args).toEqual({ mergeId: 4 }));
  });
});

