import { screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { community, fakeBackend } from "../../test/backend";
import { renderScreen } from "../../test/render";
import { CommunityDetail } from "./CommunityDetail";

describe("the community detail", () => {
  afterEach(() => vi.useRealTimers());

  it("shows the plan with its rules", async () => {
    fakeBackend({ communities: [community({ id: 1, rules: ["No ads", "Be kind"] })] });
    renderScreen(<CommunityDetail id={1} />);
    expect(await screen.findByTestId("community-title")).toHaveTextContent("Morning Tea Friends");
    const rules = screen.getByTestId("community-rules");
    expect(rules).toHaveTextContent("No ads");
    expect(rules).toHaveTextContent("Be kind");
  });

  it("renders the health scorecard: each verdict, its advice and the score", async () => {
    fakeBackend();
    renderScreen(<CommunityDetail id={1} />);
    expect(await screen.findByTestId("health-score")).toHaveTextContent("63");
    const verdict = (q: string) => screen.getByTestId(`health-${q}`);
    expect(verdict("real_problem")).toHaveAttribute("data-verdict", "pass");
    expect(within(verdict("real_problem")).getByText("Pass")).toBeInTheDocument();
    expect(within(verdict("long_term_goal")).getByText("Missing")).toBeInTheDocument();
    expect(within(verdict("long_term_goal")).getByText("Set a long-term goal for the community.")).toBeInTheDocument();
    expect(within(verdict("clear_rules")).getByText("Partly")).toBeInTheDocument();
    expect(within(verdict("clear_rules")).getByText("Add at least three rules: ads, spam, conduct.")).toBeInTheDocument();
    expect(within(verdict("uses_tools")).getByText("Assign a staff account to run it.")).toBeInTheDocument();
    expect(screen.getByText("Does it solve a real problem for the customer?")).toBeInTheDocument();
  });

  it("records today's member count in the shop's time zone", async () => {
    // 16:30 UTC is already tomorrow in Shanghai, the sample shop's zone.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-11-22T16:30:00Z"));
    const backend = fakeBackend();
    const { user } = renderScreen(<CommunityDetail id={1} />);
    const input = await screen.findByTestId("member-count-input");
    await user.clear(input);
    await user.type(input, "57");
    await user.click(screen.getByTestId("member-count-save"));
    await waitFor(() => expect(backend.called("record_member_count")).toHaveLength(1));
    expect(backend.called("record_member_count")[0].args).toEqual({ communityId: 1, day: "2026-11-23", count: 57 });
    vi.useRealTimers();
  });

  it("archives after a confirmation that nothing is deleted, then offers Restore", async () => {
    const backend = fakeBackend();
    const { user } = renderScreen(<CommunityDetail id={1} />);
    await user.click(await screen.findByTestId("community-archive"));
    expect(await screen.findByText("Nothing is deleted: you can restore it at any time.")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "OK" }));
    await waitFor(() => expect(backend.called("archive_community")[0]?.args).toEqual({ id: 1 }));
    await user.click(await screen.findByTestId("community-restore"));
    await waitFor(() => expect(backend.called("restore_community")[0]?.args).toEqual({ id: 1 }));
  });

  it("opens the form to edit and shows the new name after saving", async () => {
    const backend = fakeBackend();
    const { user } = renderScreen(<CommunityDetail id={1} />);
    await user.click(await screen.findByTestId("community-edit"));
    const name = await screen.findByTestId("community-name");
    await user.clear(name);
    await user.type(name, "Morning Tea Club");
    await user.click(screen.getByTestId("community-save"));
    await waitFor(() => expect(screen.getByTestId("community-title")).toHaveTextContent("Morning Tea Club"));
    expect(backend.called("update_community")[0].args.id).toBe(1);
  });
});
