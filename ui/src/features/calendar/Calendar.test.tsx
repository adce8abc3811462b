import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { community, fakeBackend } from "../../test/backend";
import { contentItem, schedule, shanghai } from "../../test/backend-schedules";
import { renderScreen } from "../../test/render";
import { todayIn } from "../../days";
import { CalendarPage } from "./CalendarPage";

const SPIKE_DAYS = ["2026-11-23", "2026-11-24", "2026-11-25", "2026-11-26"];

function rhythm() {
  return {
    schedules: [schedule({ id: 1, title: "Spike: osmanthus oolong", community_id: 1 })],
    content: [contentItem({ id: 5, community_id: 2, day: "2026-11-25", time: "10:00", topic: "Tea of the day" })],
  };
}

const COMMUNITIES = [community({ id: 1 }), community({ id: 2, name: "Tea Lovers VIP" })];

describe("the calendar", () => {
  it("shows a spike's four Monday-to-Thursday occurrences and a content item in their day columns", async () => {
    const backend = fakeBackend({ communities: COMMUNITIES, rhythm: rhythm() });
    renderScreen(<CalendarPage day="2026-11-23" />);
    expect(await screen.findByTestId("calendar-range")).toHaveTextContent("23 – 29 Nov 2026");
    for (const day of SPIKE_DAYS) {
      const chip = await within(screen.getByTestId(`calendar-day-${day}`)).findByTestId(`occurrence-1-${day}`);
      expect(chip).toHaveTextContent("20:00");
      expect(chip).toHaveTextContent("Spike: osmanthus oolong");
    }
    for (const day of ["2026-11-27", "2026-11-28", "2026-11-29"]) {
      const column = screen.getByTestId(`calendar-day-${day}`);
      expect(within(column).queryByRole("button")).toBeNull();
      expect(column).toHaveTextContent("—");
    }
    const chip = within(screen.getByTestId("calendar-day-2026-11-25")).getByTestId("content-chip-5");
    expect(chip).toHaveTextContent("10:00");
    expect(chip).toHaveTextContent("Tea of the day");
    // The content item comes first that day: 10:00 before 20:00.
    const order = within(screen.getByTestId("calendar-day-2026-11-25")).getAllByRole("button").map((b) => b.dataset.testid);
    expect(order).toEqual(["content-chip-5", "occurrence-1-2026-11-25"]);
    expect(screen.getByTestId("calendar-day-2026-11-23")).toHaveAttribute("data-focus", "true");
    expect(backend.called("list_occurrences").at(-1)?.args).toEqual({ from: "2026-11-23", to: "2026-11-29" });
    expect(backend.called("list_content").at(-1)?.args).toEqual({ from: "2026-11-23", to: "2026-11-29", communityId: null });
    expect(screen.queryByTestId("calendar-empty")).toBeNull();
    const legend = screen.getByTestId("calendar-legend");
    await waitFor(() => expect(legend).toHaveTextContent("Tea Lovers VIP"));
    expect(legend).toHaveTextContent("Whole shop");
  });

  it("opens an occurrence, copies its text and marks it done with its instant", async () => {
    const backend = fakeBackend({ communities: COMMUNITIES, rhythm: rhythm() });
    const { user, go } = renderScreen(<CalendarPage day="2026-11-23" />);
    await user.click(await screen.findByTestId("occurrence-1-2026-11-24"));
    const drawer = await screen.findByTestId("occurrence-drawer");
    expect(drawer).toHaveTextContent("Tuesday 24 November 2026");
    expect(drawer).toHaveTextContent("20:00");
    expect(drawer).toHaveTextContent("Morning Tea Friends");
    expect(drawer).toHaveTextContent("Campaign");
    expect(drawer).toHaveTextContent("Reminds 30 min before");
    expect(within(drawer).getByTestId("occurrence-state")).toHaveTextContent("Planned");
    expect(screen.queryByTestId("occurrence-planned")).toBeNull();

    await user.click(screen.getByTestId("occurrence-copy"));
    expect(await screen.findByText("Copied — paste it into the group chat")).toBeInTheDocument();
    await expect(navigator.clipboard.readText()).resolves.toBe("Tonight at 8: 20 packs at half price!");

    await user.click(screen.getByTestId("occurrence-done"));
    await waitFor(() => expect(backend.called("mark_occurrence")).toHaveLength(1));
    expect(backend.called("mark_occurrence")[0].args).toEqual({ scheduleId: 1, at: shanghai("2026-11-24", "20:00"), state: "done" });
    expect(backend.called("mark_occurrence")[0].args.at).toBe("2026-11-24T12:00:00Z");
    await waitFor(() => expect(screen.getByTestId("occurrence-1-2026-11-24")).toHaveAttribute("data-state", "done"));
    expect(within(screen.getByTestId("occurrence-1-2026-11-24")).getByTestId("chip-done")).toBeInTheDocument();

    // Done: it can go back to planned; the schedule is one click away.
    await user.click(screen.getByTestId("occurrence-1-2026-11-24"));
    await user.click(await screen.findByTestId("occurrence-planned"));
    await waitFor(() => expect(backend.called("mark_occurrence")[1]?.args).toEqual({ scheduleId: 1, at: "2026-11-24T12:00:00Z", state: "planned" }));
    await user.click(screen.getByTestId("occurrence-1-2026-11-25"));
    await user.click(await screen.findByTestId("occurrence-skip"));
    await waitFor(() => expect(backend.called("mark_occurrence")[2]?.args).toEqual({ scheduleId: 1, at: "2026-11-25T12:00:00Z", state: "skipped" }));
    await waitFor(() => expect(screen.getByTestId("occurrence-1-2026-11-25")).toHaveAttribute("data-state", "skipped"));

    await user.click(screen.getByTestId("occurrence-1-2026-11-26"));
    await user.click(await screen.findByTestId("occurrence-edit-schedule"));
    expect(go).toHaveBeenCalledWith({ page: "schedules" });
  });

  it("opens the content calendar for a content item's community and day", async () => {
    fakeBackend({ communities: COMMUNITIES, rhythm: rhythm() });
    const { user, go } = renderScreen(<CalendarPage day="2026-11-23" />);
    await user.click(await screen.findByTestId("content-chip-5"));
    expect(go).toHaveBeenCalledWith({ page: "content", communityId: 2, day: "2026-11-25" });
  });

  it("moves a week at a time, and says so when nothing is planned", async () => {
    const backend = fakeBackend({ rhythm: rhythm() });
    const { user, go } = renderScreen(<CalendarPage day="2026-11-23" />);
    await screen.findByTestId("occurrence-1-2026-11-23");
    await user.click(screen.getByTestId("calendar-next"));
    expect(screen.getByTestId("calendar-range")).toHaveTextContent("30 Nov – 6 Dec 2026");
    expect(await within(screen.getByTestId("calendar-day-2026-11-30")).findByTestId("occurrence-1-2026-11-30")).toBeInTheDocument();
    expect(within(screen.getByTestId("calendar-day-2026-12-03")).getByTestId("occurrence-1-2026-12-03")).toBeInTheDocument();
    expect(backend.called("list_occurrences").at(-1)?.args).toEqual({ from: "2026-11-30", to: "2026-12-06" });

    await user.click(screen.getByTestId("calendar-prev"));
    await user.click(screen.getByTestId("calendar-prev"));
    expect(screen.getByTestId("calendar-range")).toHaveTextContent("16 – 22 Nov 2026");
    expect(await screen.findByTestId("calendar-empty")).toHaveTextContent("Nothing is planned this week.");
    expect(backend.called("list_occurrences").at(-1)?.args).toEqual({ from: "2026-11-16", to: "2026-11-22" });
    await user.click(screen.getByTestId("calendar-empty-schedules"));
    expect(go).toHaveBeenCalledWith({ page: "schedules" });
  });

  it("shows the month as a grid with every occurrence, and opens a busy day's week from \"+N more\"", async () => {
    const backend = fakeBackend({
      rhythm: {
        schedules: [
          schedule({ id: 1 }),
          schedule({ id: 2, title: "Morning topic", rule: "FREQ=DAILY;COUNT=1", start: "2026-11-24 09:00", community_id: 2 }),
          schedule({ id: 3, title: "Lunch special", rule: "FREQ=DAILY;COUNT=1", start: "2026-11-24 11:30", community_id: null }),
        ],
        content: [contentItem({ id: 5, day: "2026-11-24", time: "10:00" })],
      },
    });
    const { user } = renderScreen(<CalendarPage day="2026-11-23" />);
    await screen.findByTestId("occurrence-1-2026-11-23");
    await user.click(screen.getByTestId("calendar-view-month"));
    expect(screen.getByTestId("calendar-range")).toHaveTextContent("November 2026");
    await waitFor(() => expect(backend.called("list_occurrences").at(-1)?.args).toEqual({ from: "2026-10-26", to: "2026-12-06" }));
    for (const day of ["2026-11-23", "2026-11-25", "2026-11-26", "2026-11-30", "2026-12-01", "2026-12-02", "2026-12-03"]) {
      expect(await within(screen.getByTestId(`calendar-day-${day}`)).findByTestId(`occurrence-1-${day}`)).toBeInTheDocument();
    }
    expect(screen.getByTestId("calendar-day-2026-10-26")).toBeInTheDocument();
    expect(screen.getByTestId("calendar-day-2026-12-06")).toBeInTheDocument();
    // Four entries on the 24th: two shown, "+2 more" opens its week.
    const busy = screen.getByTestId("calendar-day-2026-11-24");
    expect(within(busy).getAllByRole("button", { name: /^\d\d:\d\d / })).toHaveLength(2);
    await user.click(within(busy).getByTestId("calendar-more-2026-11-24"));
    expect(screen.getByTestId("calendar-range")).toHaveTextContent("23 – 29 Nov 2026");
    const column = screen.getByTestId("calendar-day-2026-11-24");
    expect(column).toHaveAttribute("data-focus", "true");
    expect(within(column).getByTestId("occurrence-2-2026-11-24")).toBeInTheDocument();
    expect(within(column).getByTestId("occurrence-3-2026-11-24")).toBeInTheDocument();
    expect(within(column).getByTestId("content-chip-5")).toBeInTheDocument();
    expect(within(column).getByTestId("occurrence-1-2026-11-24")).toBeInTheDocument();

    await user.click(screen.getByTestId("calendar-view-month"));
    await user.click(screen.getByTestId("calendar-next"));
    expect(screen.getByTestId("calendar-range")).toHaveTextContent("December 2026");
    await waitFor(() => expect(backend.called("list_occurrences").at(-1)?.args).toEqual({ from: "2026-11-30", to: "2027-01-10" }));
  });

  it("marks done and skipped occurrences and posted content", async () => {
    const backend = fakeBackend({
      rhythm: { schedules: [schedule({ id: 1 })], content: [contentItem({ id: 5, day: "2026-11-23", posted: true })] },
    });
    backend.state.rhythm.marks.push(
      { scheduleId: 1, at: "2026-11-23T12:00:00Z", state: "done" },
      { scheduleId: 1, at: "2026-11-24T12:00:00Z", state: "skipped" },
    );
    renderScreen(<CalendarPage day="2026-11-23" />);
    const done = await screen.findByTestId("occurrence-1-2026-11-23");
    expect(done).toHaveAttribute("data-state", "done");
    expect(within(done).getByTestId("chip-done")).toBeInTheDocument();
    const skipped = screen.getByTestId("occurrence-1-2026-11-24");
    expect(skipped).toHaveAttribute("data-state", "skipped");
    expect(within(skipped).getByText("Spike: osmanthus oolong")).toHaveStyle({ textDecoration: "line-through" });
    expect(within(screen.getByTestId("content-chip-5")).getByTestId("chip-done")).toBeInTheDocument();
    expect(within(screen.getByTestId("occurrence-1-2026-11-25")).queryByTestId("chip-done")).toBeNull();
  });

  it("speaks Chinese", async () => {
    fakeBackend({ rhythm: rhythm() });
    const { user } = renderScreen(<CalendarPage day="2026-11-23" />, { lang: "zh-CN" });
    expect(await screen.findByTestId("calendar-range")).toHaveTextContent("2026年11月23日 – 29日");
    expect(screen.getByTestId("calendar-day-2026-11-23")).toHaveTextContent("周一");
    expect(screen.getByTestId("calendar-view-week")).toHaveTextContent("周");
    await user.click(await screen.findByTestId("occurrence-1-2026-11-23"));
    const drawer = await screen.findByTestId("occurrence-drawer");
    expect(drawer).toHaveTextContent("2026年11月23日 星期一");
    expect(drawer).toHaveTextContent("提前30分钟提醒");
    expect(screen.getByTestId("occurrence-done")).toHaveTextContent("标记完成");
    expect(screen.getByTestId("occurrence-skip")).toHaveTextContent("本次跳过");
  });

  it("starts on the week of today in the shop's zone when no day is asked for", async () => {
    fakeBackend();
    renderScreen(<CalendarPage />);
    const today = todayIn("Asia/Shanghai");
    const column = await screen.findByTestId(`calendar-day-${today}`);
    expect(column).toHaveAttribute("aria-current", "date");
    expect(column).toHaveTextContent("Today");
  });
});
