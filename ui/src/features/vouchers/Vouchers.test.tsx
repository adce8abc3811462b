import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { batch, channel, community, fakeBackend, gift } from "../../test/backend";
import { renderScreen } from "../../test/render";
import { addDays, todayIn } from "../../days";
import { BatchDetail } from "./BatchDetail";
import { VouchersPage } from "./VouchersPage";

async function pick(user: ReturnType<typeof renderScreen>["user"], testId: string, option: string) {
  await user.click(within(screen.getByTestId(testId)).getByRole("combobox"));
  await user.click(await screen.findByTitle(option));
}

describe("the vouchers page", () => {
  it("lists each batch with its figures and opens it", async () => {
    fakeBackend(
      { gifts: [gift({ id: 1 })], batches: [batch({ id: 5, count: 4, min_spend_cents: 5000, community_id: 1, community_name: "Morning Tea Friends" })] },
      {},
    );
    const { user, go } = renderScreen(<VouchersPage />);
    const row = await screen.findByTestId("batch-row-5");
    expect(row).toHaveTextContent("Gift: Oolong tasting pack");
    expect(row).toHaveTextContent("Morning Tea Friends");
    expect(row).toHaveTextContent("With a spend of ¥50.00 or more");
    expect(within(row).getByTestId("batch-issued")).toHaveTextContent("4");
    expect(within(row).getByTestId("batch-redeemed")).toHaveTextContent("0");
    expect(row).toHaveTextContent("0%");
    await user.click(row);
    expect(go).toHaveBeenCalledWith({ page: "batch", id: 5 });
    await user.click(screen.getByTestId("voucher-open-counter"));
    expect(go).toHaveBeenCalledWith({ page: "counter" });
  });

  it("issues a gift batch valid for 30 days without touching the dates, then opens it", async () => {
    const backend = fakeBackend({ gifts: [gift({ id: 1, stock: 40 })] });
    const { user, go } = renderScreen(<VouchersPage />);
    await user.click(await screen.findByTestId("voucher-issue"));
    await waitFor(() => expect(screen.getByTestId("voucher-gift")).toHaveTextContent("Oolong tasting pack"));
    const count = screen.getByTestId("voucher-count");
    await user.clear(count);
    await user.type(count, "50");
    expect(await screen.findByTestId("voucher-stock-short")).toHaveTextContent("Only 40 of this gift in stock");
    await user.clear(count);
    await user.type(count, "30");
    await waitFor(() => expect(screen.queryByTestId("voucher-stock-short")).toBeNull());
    expect(screen.getByTestId("voucher-name")).toHaveAttribute("placeholder", "Gift: Oolong tasting pack");
    await user.click(screen.getByTestId("voucher-issue-submit"));

    await waitFor(() => expect(backend.called("issue_batch")).toHaveLength(1));
    expect(backend.called("issue_batch")[0].args.input).toEqual({
      name: "",
      benefit: { kind: "gift", gift_id: 1 },
      count: 30,
      valid_until: addDays(todayIn("Asia/Shanghai"), 30),
      community_id: null,
      channel_id: null,
      min_spend_cents: null,
      holder_name: "",
      holder_phone: "",
    });
    const id = backend.state.batches[0].id;
    await waitFor(() => expect(go).toHaveBeenCalledWith({ page: "batch", id }));
    expect(backend.state.vouchers.filter((v) => v.batchId === id)).toHaveLength(30);
  });

  it("issues an amount off for one named customer in a community's channel, with a minimum spend", async () => {
    const backend = fakeBackend({ communities: [community({ id: 1 })], channels: [channel({ id: 7, name: "Counter" })] });
    const { user } = renderScreen(<VouchersPage />);
    await user.click(await screen.findByTestId("voucher-issue"));
    await user.click(await screen.findByTestId("voucher-benefit-amount_off"));
    await user.type(screen.getByTestId("voucher-amount"), "10.5");
    await user.type(screen.getByTestId("voucher-min-spend"), "50");
    await pick(user, "voucher-community", "Morning Tea Friends");
    await pick(user, "voucher-channel", "Counter");
    await user.click(screen.getByTestId("voucher-holder-named"));
    expect(screen.getByTestId("voucher-count")).toHaveValue("1");
    await user.type(await screen.findByTestId("voucher-holder-name"), "Ms Wang");
    await user.type(screen.getByTestId("voucher-holder-phone"), "138 0000 1111");
    await user.type(screen.getByTestId("voucher-name"), "Birthday treat");
    await user.click(screen.getByTestId("voucher-issue-submit"));

    await waitFor(() => expect(backend.called("issue_batch")).toHaveLength(1));
    expect(backend.called("issue_batch")[0].args.input).toMatchObject({
      name: "Birthday treat",
      benefit: { kind: "amount_off", cents: 1050 },
      count: 1,
      community_id: 1,
      channel_id: 7,
      min_spend_cents: 5000,
      holder_name: "Ms Wang",
      holder_phone: "138 0000 1111",
    });
  });

  it("sends a percentage off and shows the backend's reason on the field it names", async () => {
    const backend = fakeBackend({}, {
      issue_batch: () => {
        throw { code: "in_past", message: "The last day is already past", field: "valid_until" };
      },
    });
    const { user } = renderScreen(<VouchersPage />);
    await user.click(await screen.findByTestId("voucher-issue"));
    await user.click(await screen.findByTestId("voucher-benefit-percent_off"));
    await user.type(screen.getByTestId("voucher-percent"), "15");
    expect(screen.getByText("The customer pays 85% of the price")).toBeInTheDocument();
    await user.click(screen.getByTestId("voucher-issue-submit"));
    await waitFor(() => expect(backend.called("issue_batch")[0]?.args.input).toMatchObject({ benefit: { kind: "percent_off", percent: 15 }, count: 100 }));
    const box = screen.getByTestId("voucher-valid-until").closest(".ant-form-item") as HTMLElement;
    expect(await within(box).findByText("The last day is already past")).toBeInTheDocument();
  });

  it("speaks Chinese", async () => {
    fakeBackend({ batches: [batch({ id: 5, benefit: { kind: "percent_off", percent: 10 }, name: "会员日 9 折" })] });
    renderScreen(<VouchersPage />, { lang: "zh-CN" });
    const row = await screen.findByTestId("batch-row-5");
    expect(row).toHaveTextContent("会员日 9 折");
    expect(screen.getByTestId("voucher-issue")).toHaveTextContent("发券");
    expect(screen.getByTestId("voucher-open-counter")).toHaveTextContent("打开核销台");
    expect(screen.getAllByText("核销率").length).toBeGreaterThan(0);
  });
});

describe("a batch's page", () => {
  it("says a gift-package day's codes collect the day's package", async () => {
    const benefit = { kind: "package" as const, campaign_id: 3, campaign_name: "Friday gift package", items: "1× Black tea · 1× Osmanthus cake", price_cents: null };
    fakeBackend({ batches: [batch({ id: 6, count: 10, name: "Friday gift package · 2026-11-27", benefit })] });
    renderScreen(<BatchDetail id={6} />);
    const detail = await screen.findByTestId("batch-detail");
    expect(within(detail).getAllByText(/Gift package: Friday gift package/).length).toBeGreaterThan(0);
  });

  it("shows the figures, the card as it prints and every code with its status", async () => {
    const backend = fakeBackend({ gifts: [gift({ id: 1 })], batches: [batch({ id: 5, count: 3 })] });
    backend.state.vouchers[0].redeemed_at = "2025-03-01T08:30:00Z";
    backend.state.vouchers[0].redeemed_by = "Leaf · Amy";
    renderScreen(<BatchDetail id={5} />);
    const detail = await screen.findByTestId("batch-detail");
    expect(within(detail).getByTestId("batch-title")).toHaveTextContent("Gift: Oolong tasting pack");
    const figures = screen.getByTestId("batch-figures");
    expect(figures).toHaveTextContent("Issued3");
    expect(figures).toHaveTextContent("Redeemed1");
    expect(figures).toHaveTextContent("33.3%");
    expect(figures).toHaveTextContent("¥3.50");
    const preview = await screen.findByTestId("voucher-preview");
    expect(preview).toHaveAttribute("src", expect.stringMatching(/^data:image\/png;base64,iVBOR/));
    expect(backend.called("voucher_preview")[0].args).toEqual({ batchId: 5, code: null });

    const codes = await screen.findAllByTestId("voucher-code");
    expect(codes.map((c) => c.textContent)).toEqual(backend.state.vouchers.map((v) => v.code));
    expect(codes[0].textContent).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/);
    const first = screen.getByTestId(`voucher-row-${codes[0].textContent}`);
    expect(first).toHaveTextContent("Redeemed");
    expect(first).toHaveTextContent("by Leaf · Amy");
    expect(screen.getByTestId(`voucher-row-${codes[1].textContent}`)).toHaveTextContent("Not used");
  });

  it("shows the counter log, with who undid a redemption and why", async () => {
    const backend = fakeBackend({ gifts: [gift({ id: 1 })], batches: [batch({ id: 5, count: 3 })] });
    const code = backend.state.vouchers[0].code;
    backend.state.events = [
      { batchId: 5, id: 2, code, action: "undone", staff: "Leaf · Bo", reason: "Scanned the wrong card", at: "2025-03-01 08:35:00.5+00:00" },
      { batchId: 5, id: 1, code, action: "redeemed", staff: "Leaf · Amy", reason: "", at: "2025-03-01 08:30:00.5+00:00" },
    ];
    renderScreen(<BatchDetail id={5} />);
    const rows = await within(await screen.findByTestId("counter-log")).findAllByTestId("counter-log-row");
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent("Undone");
    expect(rows[0]).toHaveTextContent("Leaf · Bo");
    expect(rows[0]).toHaveTextContent("Scanned the wrong card");
    expect(rows[0]).toHaveTextContent("1 Mar 2025, 16:35");
    expect(rows[1]).toHaveTextContent("Redeemed");
    expect(rows[1]).toHaveTextContent(code);
  });

  it("saves the sheet, prints it, exports the CSV and saves one voucher as an image", async () => {
    const backend = fakeBackend({ gifts: [gift({ id: 1 })], batches: [batch({ id: 5, count: 2, name: "Spring gift" })] });
    const { user } = renderScreen(<BatchDetail id={5} />);
    await user.click(await screen.findByTestId("batch-save-pdf"));
    expect(await screen.findByText("Saved to /home/me/Spring gift.pdf")).toBeInTheDocument();
    expect(backend.called("save_voucher_sheet")[0].args).toEqual({ id: 5 });
    await user.click(screen.getByTestId("batch-print"));
    expect(await screen.findByText("Opened in your PDF viewer: print from there.")).toBeInTheDocument();
    await user.click(screen.getByTestId("batch-export-csv"));
    expect(await screen.findByText("Saved to /home/me/Spring gift.csv")).toBeInTheDocument();
    const code = backend.state.vouchers[1].code;
    await user.click(within(await screen.findByTestId(`voucher-row-${code}`)).getByTestId("voucher-save-image"));
    await waitFor(() => expect(backend.called("save_voucher_image")[0]?.args).toEqual({ code }));
    await user.click(within(screen.getByTestId(`voucher-row-${code}`)).getByTestId("voucher-show-card"));
    await waitFor(() => expect(screen.getByTestId("voucher-preview")).toHaveAttribute("data-code", code));
  });

  it("says nothing when the owner cancels the save dialog", async () => {
    fakeBackend({ batches: [batch({ id: 5, benefit: { kind: "amount_off", cents: 1000 }, name: "¥10 off" })] }, { save_voucher_sheet: () => null });
    const { user } = renderScreen(<BatchDetail id={5} />);
    await user.click(await screen.findByTestId("batch-save-pdf"));
    await waitFor(() => expect(screen.getByTestId("batch-save-pdf")).not.toHaveClass("ant-btn-loading"));
    expect(screen.queryByText(/Saved to/)).toBeNull();
  });

  it("voids the batch only with a reason", async () => {
    const backend = fakeBackend({ gifts: [gift({ id: 1 })], batches: [batch({ id: 5, count: 3 })] });
    const { user } = renderScreen(<BatchDetail id={5} />);
    await user.click(await screen.findByTestId("batch-void"));
    expect(await screen.findByText("Its 3 unused vouchers can no longer be redeemed. Redeemed ones stay counted.")).toBeInTheDocument();
    await user.click(screen.getByTestId("batch-void-confirm"));
    expect(await screen.findByText("Please give a reason")).toBeInTheDocument();
    expect(backend.called("void_batch")).toHaveLength(0);
    await user.type(screen.getByTestId("batch-void-reason"), "Printed with the wrong date");
    await user.click(screen.getByTestId("batch-void-confirm"));
    await waitFor(() => expect(backend.called("void_batch")[0]?.args).toEqual({ id: 5, reason: "Printed with the wrong date" }));
    expect(await screen.findByTestId("batch-voided-banner")).toHaveTextContent("Printed with the wrong date");
    expect(screen.queryByTestId("batch-void")).toBeNull();
    await waitFor(() => expect(screen.getAllByTestId("voucher-status").map((s) => s.textContent)).toEqual(["Voided", "Voided", "Voided"]));
  });

  it("voids one voucher with a reason", async () => {
    const backend = fakeBackend({ gifts: [gift({ id: 1 })], batches: [batch({ id: 5, count: 2 })] });
    const { user } = renderScreen(<BatchDetail id={5} />);
    const code = backend.state.vouchers[0].code;
    await user.click(within(await screen.findByTestId(`voucher-row-${code}`)).getByTestId("voucher-void"));
    await user.type(await screen.findByTestId("voucher-void-reason"), "Torn");
    await user.click(screen.getByTestId("voucher-void-confirm"));
    await waitFor(() => expect(backend.called("void_voucher")[0]?.args).toEqual({ code, reason: "Torn" }));
    await waitFor(() => expect(screen.getByTestId(`voucher-row-${code}`)).toHaveTextContent("Voided"));
    expect(screen.getByTestId(`voucher-row-${code}`)).toHaveTextContent("Torn");
  });

  it("speaks Chinese", async () => {
    fakeBackend({ batches: [batch({ id: 5, benefit: { kind: "percent_off", percent: 15 }, name: "会员日" })] });
    renderScreen(<BatchDetail id={5} />, { lang: "zh-CN" });
    await screen.findByTestId("batch-detail");
    expect(screen.getByTestId("batch-save-pdf")).toHaveTextContent("保存为 PDF 券页");
    expect(screen.getAllByText(/8\.5 折/).length).toBeGreaterThan(0);
    expect((await screen.findAllByTestId("voucher-status"))[0]).toHaveTextContent("未使用");
  });
});
