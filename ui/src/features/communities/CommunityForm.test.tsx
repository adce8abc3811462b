import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { community, fakeBackend } from "../../test/backend";
import { renderScreen } from "../../test/render";
import { CommunityForm } from "./CommunityForm";

function fieldOf(testId: string) {
  return screen.getByTestId(testId).closest(".ant-form-item") as HTMLElement;
}

describe("the community form", () => {
  it("sends the chosen kind, the typed plan and the picked rule template", async () => {
    const backend = fakeBackend();
    const { user } = renderScreen(<CommunityForm open onClose={() => {}} />);
    await user.type(await screen.findByTestId("community-name"), "Morning Tea Friends");
    await user.click(screen.getByTestId("community-kind-niche"));
    await user.type(screen.getByTestId("community-purpose"), "Tea tasting notes every week");
    await user.type(screen.getByTestId("community-goal"), "A circle of 50 tea lovers");
    await user.click(await screen.findByTestId("rule-template-no_ads"));
    await user.click(screen.getByTestId("rule-add"));
    await user.type(screen.getByTestId("rule-row-1"), "Photos of your own tea only");
    await user.click(screen.getByTestId("community-save"));

    await waitFor(() => expect(backend.called("create_community")).toHaveLength(1));
    expect(backend.called("create_community")[0].args.input).toEqual({
      name: "Morning Tea Friends",
      kind: "niche",
      stage: "drainage",
      platform: "wechat_group",
      purpose: "Tea tasting notes every week",
      goal: "A circle of 50 tea lovers",
      capacity: null,
      rules: ["No advertising of other businesses or products.", "Photos of your own tea only"],
    });
  });

  it("asks before closing with what was typed, and closes at once when nothing was", async () => {
    fakeBackend();
    const closed = vi.fn();
    const { user, unmount } = renderScreen(<CommunityForm open onClose={closed} />);
    await user.type(await screen.findByTestId("community-name"), "Morning Tea");
    await user.click(screen.getByRole("button", { name: "Cancel" }));
    expect((await screen.findAllByText("Discard your changes?")).length).toBeGreaterThan(0);
    await user.click(screen.getByRole("button", { name: "Keep editing" }));
    expect(closed).not.toHaveBeenCalled();
    expect(screen.getByTestId("community-name")).toHaveValue("Morning Tea");
    await user.click(screen.getByRole("button", { name: "Cancel" }));
    await user.click((await screen.findAllByTestId("discard-changes")).at(-1)!);
    await waitFor(() => expect(closed).toHaveBeenCalledTimes(1));
    unmount();

    const untouched = vi.fn();
    const again = renderScreen(<CommunityForm open onClose={untouched} />);
    await screen.findByTestId("community-name");
    await again.user.click(screen.getByRole("button", { name: "Cancel" }));
    expect(untouched).toHaveBeenCalledTimes(1);
    expect(screen.queryByText("Discard your changes?")).not.toBeInTheDocument();
  });

  it("shows the playbook of the chosen kind", async () => {
    fakeBackend();
    const { user } = renderScreen(<CommunityForm open onClose={() => {}} />);
    await user.click(await screen.findByTestId("community-kind-low_frequency"));
    expect(screen.getByTestId("kind-playbook")).toHaveTextContent(/ally with neighbouring businesses/);
    await user.click(screen.getByTestId("community-kind-high_frequency"));
    expect(screen.getByTestId("kind-playbook")).toHaveTextContent(/stored value, buy-and-give/);
  });

  it("puts the backend's field error under the right field", async () => {
    fakeBackend({}, {
      create_community: () => {
        throw { code: "invalid", message: "Capacity must be between 1 and 10000.", field: "capacity" };
      },
    });
    const { user } = renderScreen(<CommunityForm open onClose={() => {}} />);
    await user.type(await screen.findByTestId("community-name"), "Big group");
    await user.click(screen.getByTestId("community-kind-high_frequency"));
    await user.type(screen.getByTestId("community-capacity"), "99999");
    await user.click(screen.getByTestId("community-save"));
    await waitFor(() => expect(within(fieldOf("community-capacity")).getByText("Capacity must be between 1 and 10000.")).toBeInTheDocument());
    expect(within(fieldOf("community-name")).queryByText(/Capacity/)).not.toBeInTheDocument();
  });

  it("edits an existing community, rules reordered and removed", async () => {
    const backend = fakeBackend();
    const c = community({ id: 4, rules: ["First", "Second", "Third"], capacity: 180 });
    const { user } = renderScreen(<CommunityForm open community={c} onClose={() => {}} />);
    expect(await screen.findByTestId("community-name")).toHaveValue("Morning Tea Friends");
    expect(screen.getByTestId("community-capacity")).toHaveValue("180");
    await user.click(screen.getAllByRole("button", { name: "Move down" })[0]);
    await user.click(screen.getAllByRole("button", { name: "Remove" })[2]);
    await user.click(screen.getByTestId("community-save"));
    await waitFor(() => expect(backend.called("update_community")).toHaveLength(1));
    const { id, input } = backend.called("update_community")[0].args as { id: number; input: { rules: string[]; capacity: number } };
    expect(id).toBe(4);
    expect(input.rules).toEqual(["Second", "First"]);
    expect(input.capacity).toBe(180);
  });

  it("offers the rule templates in the UI language", async () => {
    const backend = fakeBackend();
    renderScreen(<CommunityForm open onClose={() => {}} />, { lang: "zh-CN" });
    expect(await screen.findByTestId("rule-template-no_spam")).toHaveTextContent("禁止刷屏。");
    expect(backend.called("rule_templates")[0].args).toEqual({ language: "zh-CN" });
  });
});
