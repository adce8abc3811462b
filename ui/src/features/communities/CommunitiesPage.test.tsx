import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { community, fakeBackend } from "../../test/backend";
import { renderScreen } from "../../test/render";
import { CommunitiesPage } from "./CommunitiesPage";

describe("the communities list", () => {
  it("shows each active community with kind, members against capacity and health score", async () => {
    fakeBackend({ communities: [community({ id: 1, members: 120, capacity: 200 })] });
    renderScreen(<CommunitiesPage />);
    const card = await screen.findByTestId("community-card-1");
    expect(within(card).getByText("Morning Tea Friends")).toBeInTheDocument();
    expect(within(card).getByText("High-frequency need")).toBeInTheDocument();
    expect(within(card).getByText("WeChat group")).toBeInTheDocument();
    expect(within(card).getByText("120 / 200")).toBeInTheDocument();
    expect(await within(card).findByText("63")).toBeInTheDocument();
  });

  it("warns that a WeChat group of 200 stops admitting by QR scan", async () => {
    fakeBackend({ communities: [community({ id: 2, members: 200, capacity: 500, platform: "wechat_group" }), community({ id: 3, members: 480, capacity: 500, platform: "wecom_group" })] });
    renderScreen(<CommunitiesPage />);
    const wechat = await screen.findByTestId("community-card-2");
    expect(within(wechat).getByText(/stops admitting by QR scan at 200/)).toBeInTheDocument();
    const wecom = screen.getByTestId("community-card-3");
    expect(within(wecom).queryByText(/stops admitting/)).not.toBeInTheDocument();
    expect(within(wecom).getByText("Nearly full")).toBeInTheDocument();
  });

  it("shows archived communities only with the toggle, each with Restore", async () => {
    const backend = fakeBackend({
      communities: [community({ id: 1 }), community({ id: 7, name: "Old Bakery Club", archived_at: "2025-02-01T00:00:00Z" })],
    });
    const { user } = renderScreen(<CommunitiesPage />);
    await screen.findByTestId("community-card-1");
    expect(screen.queryByTestId("community-card-7")).not.toBeInTheDocument();

    await user.click(screen.getByTestId("show-archived"));
    const archived = await screen.findByTestId("community-card-7");
    expect(within(archived).getByText("Archived")).toBeInTheDocument();
    await user.click(within(archived).getByRole("button", { name: "Restore" }));
    await waitFor(() => expect(backend.called("restore_community")[0]?.args).toEqual({ id: 7 }));
  });

  it("opens a community's detail when its card is clicked", async () => {
    fakeBackend();
    const { user, go } = renderScreen(<CommunitiesPage />);
    await user.click(await screen.findByTestId("community-card-1"));
    expect(go).toHaveBeenCalledWith({ page: "community", id: 1 });
  });

  it("speaks Chinese when the shop does", async () => {
    fakeBackend();
    renderScreen(<CommunitiesPage />, { lang: "zh-CN" });
    const card = await screen.findByTestId("community-card-1");
    expect(within(card).getByText("高频需求")).toBeInTheDocument();
    expect(screen.getByTestId("community-new")).toHaveTextContent("新建社群");
  });
});
