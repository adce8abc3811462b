import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import App from "../../App";
import { fakeBackend } from "../../test/backend";

describe("settings", () => {
  it("shows where the data lives and the version", async () => {
    fakeBackend();
    const user = userEvent.setup();
    render(<App />);
    await user.click(await screen.findByTestId("nav-settings"));
    expect(await screen.findByTestId("settings-data-path")).toHaveTextContent("/home/me/.local/share/shopcircle.db");
    await waitFor(() => expect(screen.getByTestId("settings-version")).toHaveTextContent("0.1.0"));
    expect(screen.getByTestId("settings-shop-name")).toHaveValue("Leaf & Cup");
  });

  it("lists every export of members' data with whether phones were masked", async () => {
    fakeBackend({}, {
      list_exports: () => [{ id: 3, kind: "members", rows: 120, phones: "masked", file_name: "members-20261128.csv", exported_at: "2026-11-28T02:00:00Z" }],
    });
    const user = userEvent.setup();
    render(<App />);
    await user.click(await screen.findByTestId("nav-settings"));
    const row = await screen.findByTestId("export-3");
    expect(row).toHaveTextContent("Members (CSV)");
    expect(row).toHaveTextContent("120");
    expect(row).toHaveTextContent("Masked");
    expect(row).toHaveTextContent("members-20261128.csv");
  });

  it("picking Chinese switches the whole app at once and saves it, antd components included", async () => {
    const backend = fakeBackend();
    const user = userEvent.setup();
    render(<App />);
    await user.click(await screen.findByTestId("nav-settings"));
    await user.type(await screen.findByTestId("settings-shop-name"), " (unsaved)");
    await user.click(screen.getByTestId("settings-language-zh"));

    await waitFor(() => expect(backend.called("update_shop")).toHaveLength(1));
    expect(backend.called("update_shop")[0].args.input).toMatchObject({ name: "Leaf & Cup", language: "zh-CN", time_zone: "Asia/Shanghai" });
    expect(await screen.findByTestId("nav-communities")).toHaveTextContent("社群");
    // The name being edited is neither saved with the language nor lost.
    expect(screen.getByTestId("settings-shop-name")).toHaveValue("Leaf & Cup (unsaved)");
    expect(screen.getByTestId("nav-staff")).toHaveTextContent("店员账号");
    expect(document.title).toBe("ShopCircle 社群助手");

    await user.click(screen.getByTestId("nav-staff"));
    expect(await screen.findByRole("heading", { name: "店员账号" })).toBeInTheDocument();
    expect(screen.getAllByText("昵称").length).toBeGreaterThan(0);
    // antd's own strings follow too: the Popconfirm's OK button comes from the zh_CN locale.
    await user.click(screen.getByTestId("nav-communities"));
    await user.click(await screen.findByTestId("community-card-1"));
    await user.click(await screen.findByTestId("community-archive"));
    expect(await screen.findByRole("button", { name: "确定" })).toBeInTheDocument();
  });

  it("prices below cost are refused by default, and the owner can choose a warning instead", async () => {
    const backend = fakeBackend();
    const user = userEvent.setup();
    render(<App />);
    await user.click(await screen.findByTestId("nav-settings"));
    await waitFor(() => expect(screen.getByTestId("settings-cost-block")).toBeChecked());
    await user.click(screen.getByTestId("settings-cost-warn"));
    await waitFor(() => expect(backend.called("set_cost_policy")).toHaveLength(1));
    expect(backend.called("set_cost_policy")[0].args).toEqual({ policy: "warn" });
    expect(await screen.findByText("Saved: campaign plans follow it from now on")).toBeInTheDocument();
    expect(screen.getByTestId("settings-cost-warn")).toBeChecked();
  });
});
