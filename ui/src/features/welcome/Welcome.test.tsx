import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import App from "../../App";
import { fakeBackend } from "../../test/backend";

function firstRun(overrides = {}) {
  const backend = fakeBackend({}, overrides);
  backend.state.info = { ...backend.state.info, shop: null, system_language: "en", system_time_zone: "Europe/Berlin" };
  return backend;
}

describe("the welcome screen", () => {
  it("sets up the shop with what the owner typed and opens the main layout", async () => {
    const backend = firstRun();
    const user = userEvent.setup();
    render(<App />);
    await user.type(await screen.findByTestId("welcome-shop-name"), "Leaf & Cup Tea House");
    await user.type(screen.getByTestId("welcome-brand"), "Leaf & Cup");
    await user.type(screen.getByTestId("welcome-industry"), "Tea shop");
    await user.click(screen.getByTestId("welcome-start"));

    expect(await screen.findByTestId("app-ready")).toBeInTheDocument();
    expect(backend.called("set_up_shop")[0].args.input).toEqual({
      name: "Leaf & Cup Tea House",
      brand: "Leaf & Cup",
      industry: "Tea shop",
      time_zone: "Europe/Berlin",
      language: "en",
    });
    expect(screen.getByTestId("shop-name")).toHaveTextContent("Leaf & Cup Tea House");
    expect(document.title).toBe("ShopCircle — Community planner");
  });

  it("creates a sample shop in the chosen language and time zone", async () => {
    const backend = firstRun();
    const user = userEvent.setup();
    render(<App />);
    await user.click(await screen.findByTestId("welcome-language-zh"));
    await user.click(screen.getByTestId("welcome-sample"));
    await screen.findByTestId("app-ready");
    expect(backend.called("create_sample_shop")[0].args).toEqual({ language: "zh-CN", timeZone: "Europe/Berlin" });
    expect(backend.called("set_up_shop")).toHaveLength(0);
  });

  it("switches itself to Chinese as soon as 简体中文 is picked", async () => {
    firstRun();
    const user = userEvent.setup();
    render(<App />);
    expect(await screen.findByText("Welcome to ShopCircle")).toBeInTheDocument();
    await user.click(screen.getByTestId("welcome-language-zh"));
    expect(await screen.findByText("欢迎使用 ShopCircle")).toBeInTheDocument();
    expect(screen.getByTestId("welcome-start")).toHaveTextContent("开始");
    expect(document.title).toBe("ShopCircle 社群助手");
  });

  it("puts the backend's message under the shop name field", async () => {
    firstRun({
      set_up_shop: () => {
        throw { code: "invalid", message: "The shop name is too long.", field: "shop_name" };
      },
    });
    const user = userEvent.setup();
    render(<App />);
    await user.type(await screen.findByTestId("welcome-shop-name"), "X");
    await user.click(screen.getByTestId("welcome-start"));
    const item = screen.getByTestId("welcome-shop-name").closest(".ant-form-item") as HTMLElement;
    await waitFor(() => expect(within(item).getByText("The shop name is too long.")).toBeInTheDocument());
    expect(screen.queryByTestId("app-ready")).not.toBeInTheDocument();
  });
});
