import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import App from "../../App";
import { fakeBackend } from "../../test/backend";

describe("the main layout", () => {
  it("is ready with the shop's name, the English title and only the areas that exist", async () => {
    fakeBackend();
    render(<App />);
    expect(await screen.findByTestId("app-ready")).toBeInTheDocument();
    expect(screen.getByTestId("shop-name")).toHaveTextContent("Leaf & Cup");
    expect(document.title).toBe("ShopCircle — Community planner");
    expect(screen.getAllByRole("menuitem").map((m) => m.textContent)).toEqual([
      "Dashboard", "Communities", "Members", "Campaigns", "Reminders", "Calendar", "Schedules", "Content", "Posters", "Products", "Gifts", "Vouchers", "Counter", "Staff accounts", "Settings",
    ]);
  });

  it("shows how many reminders were missed beside the menu's Reminders", async () => {
    const { reminder, emptyCentre } = await import("../../test/backend-schedules");
    fakeBackend({ rhythm: { centre: emptyCentre({ missed: [reminder({ key: "a", missed: true }), reminder({ key: "b", missed: true })] }) } });
    render(<App />);
    expect(await screen.findByTestId("missed-badge")).toHaveTextContent("2");
  });

  it("opens the page a clicked notification points to", async () => {
    const { emit } = await import("@tauri-apps/api/event");
    fakeBackend();
    render(<App />);
    expect(await screen.findByTestId("app-ready")).toBeInTheDocument();
    await emit("navigate", "reminders");
    expect(await screen.findByTestId("reminders-today")).toBeInTheDocument();
  });

  it("navigates between communities, a community's detail and staff", async () => {
    fakeBackend();
    const user = userEvent.setup();
    render(<App />);
    await user.click(await screen.findByTestId("community-card-1"));
    expect(await screen.findByTestId("community-title")).toHaveTextContent("Morning Tea Friends");
    await user.click(screen.getByTestId("nav-staff"));
    expect(await screen.findByRole("heading", { name: "Staff accounts" })).toBeInTheDocument();
    await user.click(screen.getByTestId("nav-communities"));
    expect(await screen.findByTestId("community-new")).toBeInTheDocument();
  });

  it("shows the backend's message when the app cannot start", async () => {
    fakeBackend({}, {
      app_info: () => {
        throw { code: "db_locked", message: "The data file is used by another program.", field: null };
      },
    });
    render(<App />);
    expect(await screen.findByText("The data file is used by another program.")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Try again" })).toBeInTheDocument();
  });
  it("asks before leaving the poster designer with unsaved changes, and stays when asked to", async () => {
    const { poster } = await import("../../test/backend");
    fakeBackend({ posters: [poster({ id: 5, headline: "Join us" })] });
    const user = userEvent.setup();
    render(<App />);
    await user.click(await screen.findByTestId("nav-posters"));
    await user.click(await screen.findByTestId("poster-card-5"));
    const headline = await screen.findByTestId("poster-headline");
    await user.type(headline, " today");
    await user.click(screen.getByTestId("nav-communities"));
    expect((await screen.findAllByText("Leave without saving?")).length).toBeGreaterThan(0);
    await user.click(screen.getByTestId("leave-stay"));
    expect(screen.getByTestId("poster-headline")).toHaveValue("Join us today");
    await user.click(screen.getByTestId("nav-communities"));
    // The first question may still be fading out: answer the newest.
    await user.click((await screen.findAllByTestId("leave-confirm")).at(-1)!);
    expect(await screen.findByTestId("community-new")).toBeInTheDocument();
  });

  it("leaves a designer without changes at once", async () => {
    const { poster } = await import("../../test/backend");
    fakeBackend({ posters: [poster({ id: 5, headline: "Join us" })] });
    const user = userEvent.setup();
    render(<App />);
    await user.click(await screen.findByTestId("nav-posters"));
    await user.click(await screen.findByTestId("poster-card-5"));
    await screen.findByTestId("poster-headline");
    await user.click(screen.getByTestId("nav-communities"));
    expect(await screen.findByTestId("community-new")).toBeInTheDocument();
    expect(screen.queryByText("Leave without saving?")).not.toBeInTheDocument();
  });
});
