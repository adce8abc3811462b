import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fakeBackend, gift } from "../../test/backend";
import { renderScreen } from "../../test/render";
import { CommunitiesPage } from "../communities/CommunitiesPage";
import { GiftsPage } from "./GiftsPage";

describe("the gift catalogue", () => {
  it("adds a gift with money sent in fen and lists it with its values", async () => {
    const backend = fakeBackend();
    const { user } = renderScreen(<GiftsPage />);
    expect(await screen.findByText("No gifts yet")).toBeInTheDocument();
    await user.click(screen.getByTestId("gift-add"));
    await user.type(await screen.findByTestId("gift-name"), "Oolong tasting pack");
    await user.click(screen.getByTestId("gift-kind-lottery"));
    expect(screen.getByText("Prizes for games and lucky draws in the group.")).toBeInTheDocument();
    await user.type(screen.getByTestId("gift-cost"), "3.5");
    await user.type(screen.getByTestId("gift-value"), "18");
    expect(await screen.findByTestId("gift-ratio")).toHaveTextContent("Looks worth 5.1× what it costs");
    await user.type(screen.getByTestId("gift-stock"), "40");
    await user.clear(screen.getByTestId("gift-low-stock"));
    await user.type(screen.getByTestId("gift-low-stock"), "5");
    await user.type(screen.getByTestId("gift-packaging"), "Kraft box");
    await user.click(screen.getByTestId("gift-save"));

    await waitFor(() => expect(backend.called("create_gift")).toHaveLength(1));
    expect(backend.called("create_gift")[0].args).toEqual({
      input: { name: "Oolong tasting pack", kind: "lottery", unit_cost_cents: 350, value_cents: 1800, low_stock_at: 5, packaging: "Kraft box" },
      stock: 40,
    });
    const id = backend.state.gifts[0].id;
    const row = await screen.findByTestId(`gift-row-${id}`);
    expect(row).toHaveTextContent("Oolong tasting pack");
    expect(row).toHaveTextContent("Kraft box");
    expect(row).toHaveTextContent("Lottery gift");
    expect(within(row).getByTestId("gift-row-cost")).toHaveTextContent("¥3.50");
    expect(within(row).getByTestId("gift-row-value")).toHaveTextContent("¥18.00");
    expect(within(row).getByTestId("gift-row-stock")).toHaveTextContent("40");
    expect(within(row).queryByTestId("gift-low")).toBeNull();
  });

  it("refuses a negative cost, a value that is not a number and a negative stock at the field, keeping what was typed", async () => {
    const backend = fakeBackend();
    const { user } = renderScreen(<GiftsPage />);
    await user.click(await screen.findByTestId("gift-add"));
    await user.type(await screen.findByTestId("gift-name"), "Mug");
    await user.type(screen.getByTestId("gift-cost"), "-5");
    await user.type(screen.getByTestId("gift-value"), "abc");
    await user.type(screen.getByTestId("gift-stock"), "-3");
    await user.click(screen.getByTestId("gift-save"));
    const field = (id: string) => screen.getByTestId(id).closest(".ant-form-item") as HTMLElement;
    expect(await within(field("gift-cost")).findByText("Enter a number from 0.00 to 1000000.00")).toBeInTheDocument();
    expect(within(field("gift-value")).getByText("Enter an amount, such as 12.50")).toBeInTheDocument();
    expect(within(field("gift-stock")).getByText("Enter a number from 0 to 1000000")).toBeInTheDocument();
    expect(screen.getByTestId("gift-cost")).toHaveValue("-5");
    expect(screen.getByTestId("gift-value")).toHaveValue("abc");
    expect(screen.getByTestId("gift-stock")).toHaveValue("-3");
    expect(backend.called("create_gift")).toHaveLength(0);
  });

  it("puts the backend's reason beside the field it names", async () => {
    fakeBackend({}, {
      create_gift: () => {
        throw { code: "out_of_range", message: "The unit cost must be at most ¥1,000,000.00", field: "unit_cost" };
      },
    });
    const { user } = renderScreen(<GiftsPage />);
    await user.click(await screen.findByTestId("gift-add"));
    await user.type(await screen.findByTestId("gift-name"), "Mug");
    await user.click(screen.getByTestId("gift-save"));
    const box = await waitFor(() => {
      const b = screen.getByTestId("gift-cost").closest(".ant-form-item") as HTMLElement;
      expect(b).toHaveClass("ant-form-item-has-error");
      return b;
    });
    expect(await within(box).findByText("The unit cost must be at most ¥1,000,000.00")).toBeInTheDocument();
  });

  it("marks low stock, restocks with a note and shows the history with the voucher code of a redemption", async () => {
    const backend = fakeBackend({
      gifts: [gift({ id: 3, stock: 4, low_stock_at: 10 })],
      moves: [{ giftId: 3, move: { id: 9, change: -1, stock_after: 4, reason: "redeemed", code: "K7QM-3XPA-9D2F-ABCD-EFGH", note: "", made_at: "2025-03-01T08:30:00Z" } }],
    });
    const { user } = renderScreen(<GiftsPage />);
    const row = await screen.findByTestId("gift-row-3");
    expect(within(row).getByTestId("gift-low")).toHaveTextContent("Low");

    await user.click(within(row).getByTestId("gift-stock-3"));
    await user.type(await screen.findByTestId("gift-stock-count"), "20");
    expect(screen.getByTestId("gift-stock-after")).toHaveTextContent("Stock 4 → 24");
    await user.type(screen.getByTestId("gift-stock-note"), "Monday delivery");
    await user.click(screen.getByTestId("gift-stock-save"));
    await waitFor(() => expect(backend.called("change_gift_stock")).toHaveLength(1));
    expect(backend.called("change_gift_stock")[0].args).toEqual({ id: 3, change: { kind: "restocked", count: 20 }, note: "Monday delivery" });
    await waitFor(() => expect(within(screen.getByTestId("gift-row-3")).getByTestId("gift-row-stock")).toHaveTextContent("24"));
    expect(within(screen.getByTestId("gift-row-3")).queryByTestId("gift-low")).toBeNull();

    await user.click(screen.getByTestId("gift-history-3"));
    const moves = await screen.findAllByTestId(/^gift-move-\d+$/);
    expect(moves[0]).toHaveTextContent("Restocked");
    expect(moves[0]).toHaveTextContent("Monday delivery");
    expect(moves[0]).toHaveTextContent("+20");
    expect(moves[1]).toHaveTextContent("Voucher redeemed");
    expect(within(moves[1]).getByTestId("gift-move-code")).toHaveTextContent("K7QM-3XPA-9D2F-ABCD-EFGH");
    expect(moves[1]).toHaveTextContent("−1");
  });

  it("counts the shelf, setting the stock to what was counted", async () => {
    const backend = fakeBackend({ gifts: [gift({ id: 3, stock: 12 })] });
    const { user } = renderScreen(<GiftsPage />);
    await user.click(await screen.findByTestId("gift-stock-3"));
    await user.click(await screen.findByTestId("gift-stock-counted"));
    await user.type(screen.getByTestId("gift-stock-count"), "9");
    expect(screen.getByTestId("gift-stock-after")).toHaveTextContent("Stock 12 → 9");
    await user.click(screen.getByTestId("gift-stock-save"));
    await waitFor(() => expect(backend.called("change_gift_stock")[0]?.args).toEqual({ id: 3, change: { kind: "counted", count: 9 }, note: "" }));
  });

  it("edits a gift without touching its stock, archives and restores it", async () => {
    const backend = fakeBackend({ gifts: [gift({ id: 3 })] });
    const { user } = renderScreen(<GiftsPage />);
    await user.click(await screen.findByTestId("gift-edit-3"));
    expect(await screen.findByTestId("gift-name")).toHaveValue("Oolong tasting pack");
    expect(screen.getByTestId("gift-cost")).toHaveValue("3.50");
    expect(screen.queryByTestId("gift-stock")).toBeNull();
    await user.clear(screen.getByTestId("gift-value"));
    await user.type(screen.getByTestId("gift-value"), "25");
    await user.click(screen.getByTestId("gift-save"));
    await waitFor(() => expect(backend.called("update_gift")).toHaveLength(1));
    expect(backend.called("update_gift")[0].args).toEqual({
      id: 3,
      input: { name: "Oolong tasting pack", kind: "drainage", unit_cost_cents: 350, value_cents: 2500, low_stock_at: 10, packaging: "Kraft box with our sticker" },
    });

    await user.click(screen.getByTestId("gift-archive-3"));
    await user.click(await screen.findByRole("button", { name: "OK" }));
    await waitFor(() => expect(backend.called("set_gift_archived")[0]?.args).toEqual({ id: 3, archived: true }));
    await waitFor(() => expect(screen.queryByTestId("gift-row-3")).toBeNull());
    await user.click(screen.getByTestId("gift-show-archived"));
    await user.click(await screen.findByTestId("gift-restore-3"));
    await waitFor(() => expect(backend.called("set_gift_archived")[1]?.args).toEqual({ id: 3, archived: false }));
  });

  it("speaks Chinese: kinds, stock words and the add button", async () => {
    fakeBackend({ gifts: [gift({ id: 3, kind: "reward", stock: 0 })] });
    renderScreen(<GiftsPage />, { lang: "zh-CN" });
    const row = await screen.findByTestId("gift-row-3");
    expect(row).toHaveTextContent("裂变奖励");
    expect(within(row).getByTestId("gift-out")).toHaveTextContent("已无库存");
    expect(screen.getByTestId("gift-add")).toHaveTextContent("添加礼品");
  });
});

describe("the low-stock watch on the home screen", () => {
  it("lists gifts at or below their level and opens the gifts page", async () => {
    fakeBackend({ gifts: [gift({ id: 1, name: "Oolong tasting pack", stock: 3, low_stock_at: 10 }), gift({ id: 2, name: "Tote bag", stock: 50 })] });
    const { user, go } = renderScreen(<CommunitiesPage />);
    const watch = await screen.findByTestId("low-stock-watch");
    expect(watch).toHaveTextContent("1 gift running low: restock it");
    expect(watch).toHaveTextContent("Oolong tasting pack");
    expect(watch).toHaveTextContent("3 left (warning at 10)");
    expect(watch).not.toHaveTextContent("Tote bag");
    await user.click(screen.getByTestId("low-stock-open"));
    expect(go).toHaveBeenCalledWith({ page: "gifts" });
  });

  it("is not shown when every gift has enough", async () => {
    const backend = fakeBackend({ gifts: [gift({ id: 2, stock: 50 })] });
    renderScreen(<CommunitiesPage />);
    await screen.findByTestId("community-card-1");
    await waitFor(() => expect(backend.called("low_stock_gifts")).toHaveLength(1));
    expect(screen.queryByTestId("low-stock-watch")).toBeNull();
  });

  it("speaks Chinese", async () => {
    fakeBackend({ gifts: [gift({ id: 1, stock: 2, low_stock_at: 5 })] });
    renderScreen(<CommunitiesPage />, { lang: "zh-CN" });
    const watch = await screen.findByTestId("low-stock-watch");
    expect(watch).toHaveTextContent("有 1 个礼品库存不足");
    expect(watch).toHaveTextContent("剩 2 件（预警 5 件）");
  });
});
