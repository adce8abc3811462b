import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { community, fakeBackend, shop, staffMember } from "../../test/backend";
import { renderScreen } from "../../test/render";
import { StaffPage } from "./StaffPage";

describe("the staff accounts", () => {
  it("lists staff with role, account and the communities they run", async () => {
    fakeBackend({ staff: [staffMember({ id: 1, community_ids: [1] })] });
    renderScreen(<StaffPage />);
    const row = await screen.findByTestId("staff-row-1");
    expect(within(row).getByText("Leaf · Amy")).toBeInTheDocument();
    expect(within(row).getByText("Manager")).toBeInTheDocument();
    expect(within(row).getByText("amy01")).toBeInTheDocument();
    expect(await within(row).findByText("Morning Tea Friends")).toBeInTheDocument();
  });

  it("warns when a nickname does not carry the brand", async () => {
    const info = { shop: shop({ brand: "Leaf" }), system_time_zone: "Asia/Shanghai", system_language: "en" as const, data_path: "/x", version: "0.1.0" };
    fakeBackend({ info, staff: [staffMember({ id: 1 }), staffMember({ id: 2, display_name: "Bob", missing_brand: true })] });
    const { user } = renderScreen(<StaffPage />);
    const warning = await screen.findByTestId("staff-brand-warning-2");
    expect(warning).toHaveAttribute("aria-label", expect.stringContaining('does not contain your brand "Leaf"'));
    expect(screen.queryByTestId("staff-brand-warning-1")).not.toBeInTheDocument();

    await user.click(within(screen.getByTestId("staff-row-2")).getByRole("button", { name: "Edit" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("the method advises nicknames tied to the brand");
  });

  it("adds a staff account running the chosen communities", async () => {
    const backend = fakeBackend({ communities: [community({ id: 1 }), community({ id: 2, name: "Weekend Bakers" })] });
    const { user } = renderScreen(<StaffPage />);
    await user.click(await screen.findByTestId("staff-new"));
    await user.type(await screen.findByTestId("staff-display-name"), "Leaf · Coco");
    await user.type(screen.getByTestId("staff-account-id"), "coco88");
    await user.click(screen.getByRole("combobox"));
    await user.click(await screen.findByTitle("Weekend Bakers"));
    await user.click(screen.getByTestId("staff-save"));
    await waitFor(() => expect(backend.called("create_staff")).toHaveLength(1));
    expect(backend.called("create_staff")[0].args.input).toEqual({
      display_name: "Leaf · Coco",
      role: "clerk",
      account_id: "coco88",
      note: "",
      community_ids: [2],
    });
  });

  it("archives a staff account and restores it from the archived view", async () => {
    const backend = fakeBackend({ staff: [staffMember({ id: 3 })] });
    const { user } = renderScreen(<StaffPage />);
    await user.click(within(await screen.findByTestId("staff-row-3")).getByRole("button", { name: "Archive" }));
    await user.click(await screen.findByRole("button", { name: "OK" }));
    await waitFor(() => expect(backend.called("set_staff_archived")[0]?.args).toEqual({ id: 3, archived: true }));
    await waitFor(() => expect(screen.queryByTestId("staff-row-3")).not.toBeInTheDocument());
    await user.click(screen.getByTestId("staff-show-archived"));
    await user.click(within(await screen.findByTestId("staff-row-3")).getByRole("button", { name: "Restore" }));
    await waitFor(() => expect(backend.called("set_staff_archived")[1]?.args).toEqual({ id: 3, archived: false }));
  });
});
