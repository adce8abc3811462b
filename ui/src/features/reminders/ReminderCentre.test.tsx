import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { community, fakeBackend } from "../../test/backend";
import { emptyCentre, reminder } from "../../test/backend-schedules";
import { renderScreen } from "../../test/render";
import { ReminderCentrePage } from "./ReminderCentrePage";
import { byDay, kindLine, stateOf } from "./words";

// The centre's "now" is Saturday 21 November 2026, 14:30 in Shanghai.
const missedPost = reminder({
  key: "content:3:2026-11-20T02:00:00Z", kind: "content", title: "Tea of the day", body: "Today we brew osmanthus oolong.",
  route: "content:1:2026-11-20", due_at: "2026-11-20T02:00:00Z", subject_at: "2026-11-20T02:00:00Z", delivered_at: "2026-11-21T06:00:00Z", missed: true,
});
const missedQr = reminder({
  key: "qr:4:1d", kind: "qr_expiry", title: "Morning Tea Friends · Counter", body: "", route: "community:1",
  due_at: "2026-11-20T12:00:00Z", subject_at: "2026-11-21T12:00:00Z", delivered_at: "2026-11-21T06:00:00Z", missed: true,
});
const postedToday = reminder({
  key: "content:4:2026-11-21T02:00:00Z", kind: "content", title: "Weekend menu", body: "This weekend: jasmine buns.",
  route: "content:1:2026-11-21", due_at: "2026-11-21T02:00:00Z", subject_at: "2026-11-21T02:00:00Z", delivered_at: "2026-11-21T02:00:03Z",
});
const announce = reminder({
  key: "schedule:1:2026-11-21T12:00:00Z:announce", kind: "announce", title: "Spike: osmanthus oolong", body: "Tonight at 8: 20 packs at half price!",
  route: "calendar:2026-11-21", due_at: "2026-11-21T11:30:00Z", subject_at: "2026-11-21T12:00:00Z",
});
const start = reminder({
  key: "schedule:1:2026-11-21T12:00:00Z:start", kind: "start", title: "Spike: osmanthus oolong", body: "Tonight at 8: 20 packs at half price!",
  route: "calendar:2026-11-21", due_at: "2026-11-21T12:00:00Z", subject_at: "2026-11-21T12:00:00Z",
});
const batchEnds = reminder({
  key: "batch:7:3d", kind: "batch_expiry", title: "Spring gift", body: "", community_id: null, route: "batch:7",
  due_at: "2026-11-23T01:00:00Z", subject_at: "2026-11-25T16:00:00Z",
});
const tuesday = reminder({
  key: "schedule:2:2026-11-24T12:00:00Z:start", kind: "start", title: "Tasting night", body: "",
  route: "calendar:2026-11-24", due_at: "2026-11-24T12:00:00Z", subject_at: "2026-11-24T12:00:00Z",
});
const mondayPost = reminder({
  key: "content:9:2026-11-23T12:30:00Z", kind: "content", title: "Monday quiz", body: "Guess the tea!",
  route: "content:1:2026-11-23", due_at: "2026-11-23T12:30:00Z", subject_at: "2026-11-23T12:30:00Z",
});

function full() {
  return emptyCentre({ missed: [missedPost, missedQr], today_list: [postedToday, announce, start], upcoming: [batchEnds, mondayPost, tuesday] });
}

const row = (key: string) => screen.getByTestId(`reminder-${key}`);

describe("the reminder centre", () => {
  it("lists missed, today and the next 7 days, each with the words for its kind", async () => {
    fakeBackend({ communities: [community({ id: 1 })], rhythm: { centre: full() } });
    renderScreen(<ReminderCentrePage />);

    const missed = await screen.findByTestId("reminders-missed");
    expect(missed).toHaveTextContent("2 missed");
    expect(within(missed).getByTestId(`reminder-${missedPost.key}`)).toHaveTextContent("10:00");
    expect(row(missedPost.key)).toHaveTextContent("Fri 20 Nov");
    expect(row(missedPost.key)).toHaveTextContent("Tea of the day");
    expect(row(missedPost.key)).toHaveTextContent("Time to post");
    expect(row(missedPost.key)).toHaveTextContent("Missed");
    expect(row(missedPost.key)).toHaveTextContent("Morning Tea Friends");
    expect(row(missedQr.key)).toHaveTextContent("Group QR expires 21 Nov 2026, 20:00 — replace it and reprint posters");
    expect(screen.queryByTestId(`reminder-copy-${missedQr.key}`)).toBeNull();

    // Today is the shop's day from the centre, not the computer's clock.
    const today = screen.getByTestId("reminders-today");
    expect(today).toHaveTextContent("Sat 21 Nov");
    expect(within(today).getAllByTestId(/^reminder-(content|schedule)/).map((e) => e.getAttribute("data-testid"))).toEqual(
      [postedToday, announce, start].map((r) => `reminder-${r.key}`),
    );
    expect(row(postedToday.key)).toHaveTextContent("Delivered");
    expect(row(announce.key)).toHaveTextContent("19:30");
    expect(row(announce.key)).toHaveTextContent("Post the announcement — starts at 20:00");
    expect(row(announce.key)).toHaveTextContent("Coming");
    expect(within(row(start.key)).getByTestId("reminder-words")).toHaveTextContent("Starts now");

    const upcoming = screen.getByTestId("reminders-upcoming");
    const monday = within(upcoming).getByTestId("reminders-day-2026-11-23");
    expect(monday).toHaveTextContent("Mon 23 Nov");
    expect(within(monday).getAllByTestId(/^reminder-(batch|content)/).map((e) => e.getAttribute("data-testid"))).toEqual([`reminder-${batchEnds.key}`, `reminder-${mondayPost.key}`]);
    expect(row(batchEnds.key)).toHaveTextContent("09:00");
    expect(row(batchEnds.key)).toHaveTextContent("Vouchers expire on 25 Nov 2026 — remind the group");
    expect(within(upcoming).getByTestId("reminders-day-2026-11-24")).toHaveTextContent("Tasting night");
    expect(screen.getByTestId("reminders-note")).toHaveTextContent("Reminders arrive as desktop notifications, even when the window is closed to the tray.");
  });

  it("says so kindly when a section is empty, and shows no missed section without any", async () => {
    fakeBackend({ rhythm: { centre: emptyCentre() } });
    const { user, go } = renderScreen(<ReminderCentrePage />);
    expect(await screen.findByTestId("reminders-today")).toHaveTextContent("Nothing else today.");
    expect(screen.getByTestId("reminders-upcoming")).toHaveTextContent("Nothing in the next 7 days.");
    expect(screen.queryByTestId("reminders-missed")).toBeNull();
    await user.click(screen.getByTestId("reminders-plan-content"));
    expect(go).toHaveBeenCalledWith({ page: "content" });
  });

  it("dismisses one missed reminder, then all of them", async () => {
    const backend = fakeBackend({ rhythm: { centre: full() } });
    const { user } = renderScreen(<ReminderCentrePage />);
    await user.click(await screen.findByTestId(`reminder-dismiss-${missedQr.key}`));
    await waitFor(() => expect(backend.called("dismiss_reminders")[0]?.args).toEqual({ keys: [missedQr.key] }));
    await waitFor(() => expect(screen.queryByTestId(`reminder-${missedQr.key}`)).toBeNull());
    expect(screen.getByTestId("reminders-missed")).toHaveTextContent("1 missed");

    await user.click(screen.getByTestId("reminders-dismiss-all"));
    await waitFor(() => expect(backend.called("dismiss_reminders")[1]?.args).toEqual({ keys: null }));
    await waitFor(() => expect(screen.queryByTestId("reminders-missed")).toBeNull());
    expect(screen.getByTestId("reminders-today")).toBeInTheDocument();
  });

  it("pauses notifications for an hour and resumes them", async () => {
    const backend = fakeBackend({ rhythm: { centre: full() } });
    const { user } = renderScreen(<ReminderCentrePage />);
    await user.click(await screen.findByTestId("reminders-pause"));
    await waitFor(() => expect(backend.called("pause_reminders")[0]?.args).toEqual({ minutes: 60 }));
    expect(await screen.findByText("Notifications paused until 15:30")).toBeInTheDocument();
    expect(screen.queryByTestId("reminders-pause")).toBeNull();

    await user.click(screen.getByTestId("reminders-resume"));
    await waitFor(() => expect(backend.called("pause_reminders")[1]?.args).toEqual({ minutes: 0 }));
    expect(await screen.findByTestId("reminders-pause")).toHaveTextContent("Pause reminders for 1 hour");
    expect(screen.queryByTestId("reminders-paused")).toBeNull();
  });

  it("opens what a reminder is about and copies its text", async () => {
    fakeBackend({ rhythm: { centre: full() } });
    const { user, go } = renderScreen(<ReminderCentrePage />);
    await user.click(await screen.findByTestId(`reminder-open-${missedPost.key}`));
    expect(go).toHaveBeenLastCalledWith({ page: "content", communityId: 1, day: "2026-11-20" });
    await user.click(screen.getByTestId(`reminder-open-${batchEnds.key}`));
    expect(go).toHaveBeenLastCalledWith({ page: "batch", id: 7 });
    await user.click(screen.getByTestId(`reminder-open-${announce.key}`));
    expect(go).toHaveBeenLastCalledWith({ page: "calendar", day: "2026-11-21" });

    await user.click(screen.getByTestId(`reminder-copy-${announce.key}`));
    expect(await navigator.clipboard.readText()).toBe("Tonight at 8: 20 packs at half price!");
    expect(await screen.findByText("Copied: paste it into the group")).toBeInTheDocument();
  });

  it("shows a pause already set when the page opens", async () => {
    fakeBackend({ rhythm: { centre: emptyCentre({ paused_until: "2026-11-21T07:30:00Z" }) } });
    renderScreen(<ReminderCentrePage />);
    expect(await screen.findByTestId("reminders-paused")).toHaveTextContent("Notifications paused until 15:30");
    expect(screen.getByTestId("reminders-resume")).toBeInTheDocument();
  });

  it("speaks Chinese", async () => {
    fakeBackend({ rhythm: { centre: full() } });
    renderScreen(<ReminderCentrePage />, { lang: "zh-CN" });
    expect(await screen.findByTestId("reminders-missed")).toHaveTextContent("错过 2 条");
    expect(screen.getByTestId("reminders-dismiss-all")).toHaveTextContent("全部清除");
    expect(row(missedPost.key)).toHaveTextContent("该发布了");
    expect(row(missedPost.key)).toHaveTextContent("已错过");
    expect(row(missedQr.key)).toHaveTextContent("群二维码将于 2026年11月21日 20:00 过期 — 请更换并重新打印海报");
    expect(row(postedToday.key)).toHaveTextContent("已提醒");
    expect(row(announce.key)).toHaveTextContent("发预告 — 20:00 开始");
    expect(row(announce.key)).toHaveTextContent("待提醒");
    expect(row(start.key)).toHaveTextContent("现在开始");
    expect(row(batchEnds.key)).toHaveTextContent("券将于 2026年11月25日 过期 — 提醒群友尽快使用");
    expect(screen.getByTestId("reminders-pause")).toHaveTextContent("暂停提醒 1 小时");
    expect(screen.getByTestId(`reminder-open-${announce.key}`)).toHaveTextContent("打开");
    expect(screen.getByTestId(`reminder-copy-${announce.key}`)).toHaveTextContent("复制文案");
    expect(screen.getByTestId("reminders-today")).toHaveTextContent("11月21日周六");
  });
});

describe("a reminder's words", () => {
  it("tell the state and group by the shop's day", () => {
    expect(stateOf(missedPost)).toBe("missed");
    expect(stateOf(postedToday)).toBe("delivered");
    expect(stateOf(start)).toBe("coming");
    // 23:30 UTC on the 23rd is already the 24th in Shanghai.
    const late = reminder({ key: "late", due_at: "2026-11-23T16:30:00Z" });
    expect(byDay([tuesday, late, batchEnds], "Asia/Shanghai").map((g) => [g.day, g.items.map((r) => r.key)])).toEqual([
      ["2026-11-23", [batchEnds.key]],
      ["2026-11-24", [late.key, tuesday.key]],
    ]);
  });

  it("fall back to the due time when there is no subject", () => {
    const t = ((k: string, o?: Record<string, string>) => `${k}:${o?.time ?? ""}`) as unknown as Parameters<typeof kindLine>[0];
    expect(kindLine(t, { ...announce, subject_at: null }, "en", "Asia/Shanghai")).toBe("reminders.kind.announce:19:30");
  });
});
