import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";
import App from "../../App";
import { batch, fakeBackend, gift, staffMember } from "../../test/backend";
import { renderScreen } from "../../test/render";
import { CounterScreen, STAFF_KEY } from "./CounterScreen";

/** A code with the character at `position` (1-based, hyphens not counted) replaced. */
function mistype(code: string, position: number): string {
  const chars = code.replace(/-/g, "").split("");
  chars[position - 1] = chars[position - 1] === "Z" ? "Y" : "Z";
  return chars.join("");
}

function swap(code: string, position: number): string {
  const chars = code.replace(/-/g, "").split("");
  [chars[position - 1], chars[position]] = [chars[position], chars[position - 1]];
  return chars.join("");
}

function giftBatch() {
  return fakeBackend({
    staff: [staffMember({ id: 1, display_name: "Leaf · Amy" }), staffMember({ id: 2, display_name: "Leaf · Bo" })],
    gifts: [gift({ id: 1, name: "Oolong tasting pack", stock: 12, low_stock_at: 10 })],
    batches: [batch({ id: 5, count: 3 })],
  });
}

async function scan(user: ReturnType<typeof userEvent.setup>, code: string) {
  const input = screen.getByTestId("counter-input");
  await user.type(input, `${code}{Enter}`);
}

beforeEach(() => localStorage.clear());

describe("the counter", () => {
  it("redeems a scanned code: a green answer with the gift to hand over, the input cleared and focused", async () => {
    const backend = giftBatch();
    localStorage.setItem(STAFF_KEY, "Leaf · Amy");
    const { user } = renderScreen(<CounterScreen />);
    const input = await screen.findByTestId("counter-input");
    expect(input).toHaveFocus();
    const code = backend.state.vouchers[0].code;
    await scan(user, code.toLowerCase());

    const answer = await screen.findByTestId("counter-answer");
    expect(answer).toHaveAttribute("data-status", "redeemed");
    expect(within(answer).getByTestId("counter-headline")).toHaveTextContent("Valid — redeemed");
    expect(within(answer).getByTestId("counter-hand-over")).toHaveTextContent("Hand over: Oolong tasting pack");
    expect(within(answer).getByTestId("counter-stock")).toHaveTextContent("11 left in stock");
    expect(backend.called("redeem_voucher")[0].args).toEqual({ input: { code: code.toLowerCase(), staff: "Leaf · Amy", spend_cents: null } });
    expect(input).toHaveValue("");
    expect(input).toHaveFocus();
    expect(screen.getByTestId("counter-recent-item")).toHaveTextContent(code);
    expect(screen.getByTestId("counter-recent-item")).toHaveTextContent("Redeemed");
  });

  it("answers the same code again as already redeemed, with when and by whom", async () => {
    const backend = giftBatch();
    const { user } = renderScreen(<CounterScreen />);
    await user.click(within(await screen.findByTestId("counter-staff")).getByRole("combobox"));
    await user.click(await screen.findByTitle("Leaf · Bo"));
    expect(localStorage.getItem(STAFF_KEY)).toBe("Leaf · Bo");
    await waitFor(() => expect(screen.getByTestId("counter-input")).toHaveFocus());
    const code = backend.state.vouchers[1].code;
    await scan(user, code);
    await waitFor(() => expect(screen.getByTestId("counter-answer")).toHaveAttribute("data-status", "redeemed"));
    await scan(user, code);
    await waitFor(() => expect(screen.getByTestId("counter-answer")).toHaveAttribute("data-status", "already_redeemed"));
    const answer = screen.getByTestId("counter-answer");
    expect(answer).toHaveTextContent("Already redeemed");
    expect(answer).toHaveTextContent("On 1 Mar 2025, 16:30 by Leaf · Bo");
    // Read twice by this counter's scanner: the clerk is told it is the same redemption.
    expect(answer).toHaveTextContent("Redeemed at this counter a moment ago");
    expect(answer).not.toHaveTextContent("Do not hand it over again.");
    expect(screen.getByTestId("counter-input")).toHaveFocus();
    expect(screen.getAllByTestId("counter-recent-item")).toHaveLength(2);
    expect(backend.called("redeem_voucher").map((c) => (c.args.input as { staff: string }).staff)).toEqual(["Leaf · Bo", "Leaf · Bo"]);
  });

  it("tells the clerk not to hand over a voucher redeemed elsewhere", async () => {
    const backend = giftBatch();
    const v = backend.state.vouchers[0];
    v.redeemed_at = "2025-03-01 08:30:00.123456789+00:00";
    v.redeemed_by = "Leaf · Amy";
    const { user } = renderScreen(<CounterScreen />);
    await scan(user, v.code);
    await waitFor(() => expect(screen.getByTestId("counter-answer")).toHaveAttribute("data-status", "already_redeemed"));
    const answer = screen.getByTestId("counter-answer");
    expect(answer).toHaveTextContent("On 1 Mar 2025, 16:30 by Leaf · Amy");
    expect(answer).toHaveTextContent("Do not hand it over again.");
    expect(screen.queryByTestId("counter-just-here")).toBeNull();
  });

  it("names the position of a mistyped character and of two swapped ones, and lets the clerk correct the code", async () => {
    const backend = giftBatch();
    const { user } = renderScreen(<CounterScreen />);
    const code = backend.state.vouchers[0].code;
    await scan(user, mistype(code, 7));
    const answer = await screen.findByTestId("counter-answer");
    expect(answer).toHaveAttribute("data-status", "mistyped");
    expect(within(answer).getByTestId("counter-headline")).toHaveTextContent("Character 7 looks mistyped — check it");
    expect(within(answer).getByTestId("counter-typo-char")).toHaveTextContent(mistype(code, 7)[6]);
    expect(screen.getByTestId("counter-input")).toHaveValue("");
    await user.click(within(answer).getByTestId("counter-fix"));
    expect(screen.getByTestId("counter-input")).toHaveValue(mistype(code, 7));

    await user.clear(screen.getByTestId("counter-input"));
    const swapAt = [...code.replace(/-/g, "")].findIndex((c, i, a) => i >= 9 && c !== a[i + 1]) + 1;
    await scan(user, swap(code, swapAt));
    await waitFor(() => expect(screen.getByTestId("counter-answer")).toHaveAttribute("data-status", "swapped"));
    expect(screen.getByTestId("counter-headline")).toHaveTextContent(`Characters ${swapAt} and ${swapAt + 1} look swapped`);
    expect(screen.getAllByTestId("counter-typo-char")).toHaveLength(2);
    expect(backend.state.vouchers[0].redeemed_at).toBeNull();
  });

  it("says a code was not issued by this shop, and shows the backend's words for text that is no code", async () => {
    giftBatch();
    const { user } = renderScreen(<CounterScreen />);
    await scan(user, "ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ");
    const answer = await screen.findByTestId("counter-answer");
    expect(answer).toHaveAttribute("data-status", "not_ours");
    expect(answer).toHaveTextContent("Not our voucher");
    expect(answer).toHaveTextContent("This code was not issued by this shop");
    await scan(user, "K7QM");
    await waitFor(() => expect(screen.getByTestId("counter-answer")).toHaveAttribute("data-status", "malformed"));
    expect(screen.getByTestId("counter-answer")).toHaveTextContent("A voucher code has 20 characters; this has 4");
  });

  it("does nothing on Enter with an empty box", async () => {
    const backend = giftBatch();
    const { user } = renderScreen(<CounterScreen />);
    await user.type(await screen.findByTestId("counter-input"), "   {Enter}");
    expect(backend.called("redeem_voucher")).toHaveLength(0);
    expect(screen.getByTestId("counter-idle")).toBeInTheDocument();
  });

  it("asks for the spend when a batch needs a minimum, and redeems with it", async () => {
    const backend = fakeBackend({ batches: [batch({ id: 6, count: 1, benefit: { kind: "amount_off", cents: 1000 }, name: "¥10 off", min_spend_cents: 5000 })] });
    const { user } = renderScreen(<CounterScreen />);
    const code = backend.state.vouchers[0].code;
    await scan(user, code);
    const answer = await screen.findByTestId("counter-answer");
    expect(answer).toHaveAttribute("data-status", "below_minimum");
    expect(answer).toHaveTextContent("Needs a spend of ¥50.00");
    const spend = within(answer).getByTestId("counter-spend");
    await waitFor(() => expect(spend).toHaveFocus());
    await user.type(spend, "30{Enter}");
    await waitFor(() => expect(backend.called("redeem_voucher")).toHaveLength(2));
    expect(backend.called("redeem_voucher")[1].args.input).toMatchObject({ code, spend_cents: 3000 });
    expect(await screen.findByText("¥30.00 is below ¥50.00")).toBeInTheDocument();
    await user.type(screen.getByTestId("counter-spend"), "68.5{Enter}");
    await waitFor(() => expect(screen.getByTestId("counter-answer")).toHaveAttribute("data-status", "redeemed"));
    expect(backend.called("redeem_voucher")[2].args.input).toMatchObject({ code, spend_cents: 6850 });
    expect(screen.getByTestId("counter-hand-over")).toHaveTextContent("Take ¥10.00 off the bill");
    expect(screen.getByTestId("counter-input")).toHaveFocus();
  });

  it("warns when the gift runs low, and says when a voucher expired or was voided", async () => {
    const backend = fakeBackend({
      gifts: [gift({ id: 1, stock: 4, low_stock_at: 10 })],
      batches: [
        batch({ id: 5, count: 1, holder_name: "Ms Wang" }),
        batch({ id: 6, count: 1, valid_until: "2025-02-28" }),
        batch({ id: 7, count: 1, voided_at: "2025-02-20T02:00:00Z", void_reason: "Printed twice" }),
      ],
    });
    const { user } = renderScreen(<CounterScreen />);
    const [named, expired, voided] = backend.state.vouchers.map((v) => v.code);
    await scan(user, named);
    const answer = await screen.findByTestId("counter-answer");
    expect(answer).toHaveTextContent("Only for Ms Wang: check it is them");
    expect(within(answer).getByTestId("counter-stock")).toHaveTextContent("Only 3 left: restock soon");
    await scan(user, expired);
    await waitFor(() => expect(screen.getByTestId("counter-answer")).toHaveAttribute("data-status", "expired"));
    expect(screen.getByTestId("counter-answer")).toHaveTextContent("It was valid until 28 Feb 2025");
    await scan(user, voided);
    await waitFor(() => expect(screen.getByTestId("counter-answer")).toHaveAttribute("data-status", "voided"));
    expect(screen.getByTestId("counter-answer")).toHaveTextContent("Voided 20 Feb 2025, 10:00: Printed twice");
  });

  it("undoes the last redemption with a reason and gives the focus back to the code box", async () => {
    const backend = giftBatch();
    localStorage.setItem(STAFF_KEY, "Leaf · Amy");
    const { user } = renderScreen(<CounterScreen />);
    expect(await screen.findByTestId("counter-undo")).toBeDisabled();
    const code = backend.state.vouchers[2].code;
    await scan(user, code);
    await waitFor(() => expect(screen.getByTestId("counter-undo")).toBeEnabled());
    await user.click(screen.getByTestId("counter-undo"));
    const confirm = await screen.findByTestId("counter-undo-confirm");
    await user.click(confirm);
    expect(await screen.findByText("Please give a reason")).toBeInTheDocument();
    expect(backend.called("undo_redemption")).toHaveLength(0);
    await user.type(screen.getByTestId("counter-undo-reason"), "Scanned the wrong voucher");
    await user.click(confirm);
    await waitFor(() => expect(backend.called("undo_redemption")).toHaveLength(1));
    expect(backend.called("undo_redemption")[0].args).toEqual({ code: backend.state.vouchers[2].code, reason: "Scanned the wrong voucher", staff: "Leaf · Amy" });
    const answer = await screen.findByTestId("counter-answer");
    await waitFor(() => expect(answer).toHaveAttribute("data-status", "undone"));
    expect(answer).toHaveTextContent("Redemption undone");
    expect(answer).toHaveTextContent("Take back: Oolong tasting pack");
    expect(backend.state.vouchers[2].redeemed_at).toBeNull();
    await waitFor(() => expect(screen.getByTestId("counter-input")).toHaveFocus());
    expect(screen.getByTestId("counter-undo")).toBeDisabled();
  });

  it("shows the backend's reason when the undo comes too late", async () => {
    const backend = giftBatch();
    fakeBackend(backend.state, {
      undo_redemption: () => {
        throw { code: "undo_too_late", message: "A redemption can be undone only within 10 minutes", field: null };
      },
    });
    const { user } = renderScreen(<CounterScreen />);
    await scan(user, backend.state.vouchers[0].code);
    await waitFor(() => expect(screen.getByTestId("counter-undo")).toBeEnabled());
    await user.click(screen.getByTestId("counter-undo"));
    await user.type(await screen.findByTestId("counter-undo-reason"), "Oops");
    await user.click(screen.getByTestId("counter-undo-confirm"));
    expect(await screen.findByText("A redemption can be undone only within 10 minutes")).toBeInTheDocument();
  });

  it("takes the focus back after a click anywhere on the screen", async () => {
    giftBatch();
    const { user } = renderScreen(<CounterScreen />);
    const input = await screen.findByTestId("counter-input");
    await user.click(screen.getByText("This session"));
    expect(input).toHaveFocus();
    act(() => input.blur());
    expect(input).not.toHaveFocus();
    await user.keyboard("A");
    expect(input).toHaveFocus();
  });

  it("speaks Chinese", async () => {
    const backend = giftBatch();
    const { user } = renderScreen(<CounterScreen />, { lang: "zh-CN" });
    const code = backend.state.vouchers[0].code;
    await scan(user, code);
    const answer = await screen.findByTestId("counter-answer");
    expect(answer).toHaveTextContent("有效，已核销");
    expect(answer).toHaveTextContent("请交付：Oolong tasting pack");
    await scan(user, mistype(backend.state.vouchers[1].code, 7));
    await waitFor(() => expect(screen.getByTestId("counter-headline")).toHaveTextContent("第 7 位可能输错了，请核对"));
    await scan(user, code);
    await waitFor(() => expect(screen.getByTestId("counter-answer")).toHaveTextContent("核销于 2025年3月1日 16:30"));
    await scan(user, "ZZZZZZZZZZZZZZZZZZZZ");
    await waitFor(() => expect(screen.getByTestId("counter-answer")).toHaveTextContent("这不是本店发出的券码"));
    expect(screen.getByTestId("counter-exit")).toHaveTextContent("退出核销台");
  });
});

describe("a sale at the counter", () => {
  it("is recorded right after a redemption, with the voucher and what the customer paid", async () => {
    const backend = fakeBackend(
      { gifts: [gift({ id: 1, name: "Oolong tasting pack", stock: 12 })], batches: [batch({ id: 5, count: 1 })] },
      { record_purchase: (a) => ({ id: 1, amount_cents: (a.input as { amount_cents: number }).amount_cents }), list_members: () => ({ total: 0, rows: [] }) },
    );
    localStorage.setItem(STAFF_KEY, "Leaf · Amy");
    const { user } = renderScreen(<CounterScreen />);
    const code = backend.state.vouchers[0].code;
    await scan(user, code);
    await user.click(await screen.findByTestId("counter-record-sale"));
    expect(await screen.findByTestId("sale-voucher")).toHaveTextContent(code);
    const amount = screen.getByTestId("sale-amount");
    await waitFor(() => expect(amount).toHaveFocus());
    await user.type(amount, "abc");
    await user.click(screen.getByTestId("sale-save"));
    expect(await screen.findByText("Enter an amount, such as 12.50")).toBeInTheDocument();
    expect(backend.called("record_purchase")).toHaveLength(0);
    await user.clear(amount);
    await user.type(amount, "38.50");
    await user.type(screen.getByTestId("sale-items"), "Oolong 250 g");
    await user.click(screen.getByTestId("sale-save"));
    await waitFor(() => expect(backend.called("record_purchase")).toHaveLength(1));
    expect(backend.called("record_purchase")[0].args.input).toEqual({
      amount_cents: 3850, member_id: null, items: "Oolong 250 g", voucher_code: code, campaign_id: null, staff: "Leaf · Amy",
    });
    expect(await screen.findByText("Sale of ¥38.50 recorded")).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId("counter-input")).toHaveFocus());
  });

  it("is recorded without a voucher from the header, in Chinese", async () => {
    const backend = fakeBackend({}, { record_purchase: (a) => ({ id: 2, amount_cents: (a.input as { amount_cents: number }).amount_cents }) });
    const { user } = renderScreen(<CounterScreen />, { lang: "zh-CN" });
    await user.click(await screen.findByTestId("counter-new-sale"));
    expect(screen.queryByTestId("sale-voucher")).toBeNull();
    await user.type(await screen.findByTestId("sale-amount"), "１２");
    await user.click(screen.getByTestId("sale-save"));
    await waitFor(() => expect((backend.called("record_purchase")[0].args.input as { amount_cents: number }).amount_cents).toBe(1200));
    expect(await screen.findByText("已记录销售 ¥12.00")).toBeInTheDocument();
  });

  it("carries the running campaign it came from, when the clerk picks one", async () => {
    const backend = fakeBackend({}, {
      record_purchase: (a) => ({ id: 3, amount_cents: (a.input as { amount_cents: number }).amount_cents }),
      list_campaigns: () => [{ id: 12, kind: "spike", name: "Friday flash sale", status: "running", community_ids: [1], starts_at: null, ends_at: null }],
    });
    const { user } = renderScreen(<CounterScreen />);
    await user.click(await screen.findByTestId("counter-new-sale"));
    await user.type(await screen.findByTestId("sale-amount"), "20");
    await user.click(within(await screen.findByTestId("sale-campaign")).getByRole("combobox"));
    await user.click(await screen.findByTitle("Friday flash sale"));
    await user.click(screen.getByTestId("sale-save"));
    await waitFor(() => expect((backend.called("record_purchase")[0].args.input as { campaign_id: number }).campaign_id).toBe(12));
  });
});

describe("a gift package's pickup code", () => {
  const packageBatch = () =>
    fakeBackend({
      batches: [
        batch({
          id: 7,
          count: 2,
          name: "Friday gift package · 2025-02-28",
          benefit: { kind: "package", campaign_id: 3, campaign_name: "Friday gift package", items: "1× Black tea · 1× Osmanthus cake", price_cents: 8500 },
          holder_name: "3栋2单元501",
        }),
      ],
    });

  it("says what to hand over, what to collect and for which address", async () => {
    const backend = packageBatch();
    const { user } = renderScreen(<CounterScreen />);
    await scan(user, backend.state.vouchers[0].code);
    const answer = await screen.findByTestId("counter-answer");
    expect(answer).toHaveAttribute("data-status", "redeemed");
    expect(within(answer).getByTestId("counter-hand-over")).toHaveTextContent("Hand over 1 gift package (1× Black tea · 1× Osmanthus cake), collect ¥85.00");
    expect(answer).toHaveTextContent("Ordered for 3栋2单元501: check the address with them");
    expect(within(answer).queryByTestId("counter-stock")).toBeNull();
  });

  it("speaks Chinese", async () => {
    const backend = packageBatch();
    const { user } = renderScreen(<CounterScreen />, { lang: "zh-CN" });
    await scan(user, backend.state.vouchers[0].code);
    const answer = await screen.findByTestId("counter-answer");
    expect(within(answer).getByTestId("counter-hand-over")).toHaveTextContent("请交付礼包 1 份（1× Black tea · 1× Osmanthus cake），收款 ¥85.00");
    expect(answer).toHaveTextContent("接龙地址：3栋2单元501，请与顾客核对");
  });
});

describe("the counter in the app", () => {
  it("fills the whole window without the menu, and Exit goes back to the vouchers", async () => {
    fakeBackend();
    const user = userEvent.setup();
    render(<App />);
    await user.click(await screen.findByTestId("nav-counter"));
    expect(await screen.findByTestId("counter-input")).toHaveFocus();
    expect(screen.queryByRole("menu")).toBeNull();
    expect(screen.queryByTestId("shop-name")).toBeNull();
    await user.click(screen.getByTestId("counter-exit"));
    expect(await screen.findByRole("heading", { name: "Vouchers" })).toBeInTheDocument();
    await user.click(screen.getByTestId("voucher-open-counter"));
    expect(await screen.findByTestId("counter-input")).toBeInTheDocument();
  });
});

describe("a friend card at the counter", () => {
  const check = { campaign_id: 3, campaign: "Bring a friend: December 2026", referrer_id: 7, referrer: "M* (1001)", welcome: "¥10 off their first purchase" };

  it("opens on a 12-symbol code, welcomes the friend by phone, and offers their first sale with the welcome voucher", async () => {
    const backend = fakeBackend(
      {},
      {
        check_friend_card: () => check,
        welcome_friend: () => ({ referral_id: 1, friend_id: 9, referrer: check.referrer, welcome: check.welcome, voucher_code: "ABCD-EFGH-JKMN-PQRS-TVWX" }),
        running_drainage: () => [],
        list_campaigns: () => [],
      },
    );
    const { user } = renderScreen(<CounterScreen />);
    await screen.findByTestId("counter-input");
    await scan(user, "SCRG-C599-5DW0");
    expect(await screen.findByTestId("friend-card-check")).toHaveTextContent("M* (1001)");
    expect(screen.getByTestId("friend-card-check")).toHaveTextContent("¥10 off their first purchase");
    expect(backend.called("redeem_voucher")).toHaveLength(0);
    await user.type(screen.getByTestId("friend-card-phone"), "139 0000 3001");
    await user.click(screen.getByTestId("friend-card-marketing"));
    await user.click(screen.getByTestId("friend-card-welcome"));
    expect(await screen.findByTestId("friend-card-voucher")).toHaveTextContent("ABCD-EFGH-JKMN-PQRS-TVWX");
    expect(backend.called("welcome_friend")[0].args).toEqual({ input: { code: "SCRG-C599-5DW0", phone: "139 0000 3001", name: "", marketing: true, staff: "" } });
    await user.click(screen.getByTestId("friend-card-sale"));
    expect(await screen.findByTestId("sale-voucher")).toHaveTextContent("ABCD-EFGH-JKMN-PQRS-TVWX");
  });

  it("shows the reason a card is refused, and the friend's number refused at its field", async () => {
    fakeBackend(
      {},
      {
        check_friend_card: () => check,
        welcome_friend: () => {
          throw { code: "invalid_input", message: "This is the card holder's own number: a member cannot refer themselves", field: "phone" };
        },
        running_drainage: () => [],
      },
    );
    const { user } = renderScreen(<CounterScreen />);
    await screen.findByTestId("counter-input");
    await scan(user, "SCRG-C599-5DW0");
    await user.type(await screen.findByTestId("friend-card-phone"), "13800001001");
    await user.click(screen.getByTestId("friend-card-welcome"));
    expect(await screen.findByText("This is the card holder's own number: a member cannot refer themselves")).toBeInTheDocument();
    expect(screen.queryByTestId("friend-card-voucher")).toBeNull();
  });
});
