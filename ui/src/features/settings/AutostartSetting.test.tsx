import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fakeBackend } from "../../test/backend";
import { renderScreen } from "../../test/render";
import { AutostartSetting } from "./AutostartSetting";
import { SettingsPage } from "./SettingsPage";

describe("start at login", () => {
  it("reads the system's setting and turns it on and off", async () => {
    const backend = fakeBackend({ rhythm: { autostart: false } });
    const { user } = renderScreen(<SettingsPage />);
    const toggle = await screen.findByTestId("settings-autostart");
    await waitFor(() => expect(backend.called("autostart_enabled")).toHaveLength(1));
    await waitFor(() => expect(toggle).toHaveAttribute("aria-checked", "false"));
    expect(screen.getByText("Start ShopCircle when I log in")).toBeInTheDocument();
    expect(screen.getByText(/Reminders need ShopCircle running/)).toBeInTheDocument();

    await user.click(toggle);
    await waitFor(() => expect(backend.called("set_autostart")[0]?.args).toEqual({ enabled: true }));
    await waitFor(() => expect(toggle).toHaveAttribute("aria-checked", "true"));
    expect(backend.state.rhythm.autostart).toBe(true);
    expect(await screen.findByText("ShopCircle will start when you log in")).toBeInTheDocument();

    await user.click(toggle);
    await waitFor(() => expect(backend.called("set_autostart")[1]?.args).toEqual({ enabled: false }));
    await waitFor(() => expect(toggle).toHaveAttribute("aria-checked", "false"));
  });

  it("shows it on when the system says so", async () => {
    fakeBackend({ rhythm: { autostart: true } });
    renderScreen(<AutostartSetting />);
    await waitFor(() => expect(screen.getByTestId("settings-autostart")).toHaveAttribute("aria-checked", "true"));
  });

  it("shows the system's refusal and keeps the switch as it was", async () => {
    fakeBackend({ rhythm: { autostart: false } }, {
      set_autostart: () => {
        throw { code: "autostart", message: "The login setting could not be changed: permission denied", field: null };
      },
    });
    const { user } = renderScreen(<AutostartSetting />);
    const toggle = await screen.findByTestId("settings-autostart");
    await waitFor(() => expect(toggle).not.toHaveClass("ant-switch-loading"));
    await user.click(toggle);
    expect(await screen.findByText("The login setting could not be changed: permission denied")).toBeInTheDocument();
    await waitFor(() => expect(toggle).toHaveAttribute("aria-checked", "false"));
  });

  it("speaks Chinese", async () => {
    fakeBackend();
    renderScreen(<AutostartSetting />, { lang: "zh-CN" });
    expect(await screen.findByText("登录电脑时自动启动 ShopCircle")).toBeInTheDocument();
    expect(screen.getByText("开机启动")).toBeInTheDocument();
  });
});
