import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import en from "../../i18n/en";
import { community, fakeBackend } from "../../test/backend";
import { schedule } from "../../test/backend-schedules";
import { renderScreen } from "../../test/render";
import { todayIn } from "../../days";
import { SchedulesPage } from "./SchedulesPage";

type User = ReturnType<typeof renderScreen>["user"];

async function pick(user: User, testId: string, option: string) {
  await user.click(within(screen.getByTestId(testId)).getByRole("combobox"));
  await user.click(await screen.findByTitle(option));
}

/** The form item (label, control, messages) that holds a test id. */
function itemOf(testId: string): HTMLElement {
  return screen.getByTestId(testId).closest(".ant-form-item") as HTMLElement;
}

async function openNew(user: User) {
  await user.click(await screen.findByTestId("schedule-add"));
  return screen.findByTestId("schedule-form");
}

function sent(backend: ReturnType<typeof fakeBackend>, cmd = "create_schedule") {
  return backend.called(cmd)[0]?.args.input as Record<string, unknown> | undefined;
}

describe("the schedules page", () => {
  it("saves the spike preset as every Monday to Thursday at 20:00 from today, reminding 30 min before", async () => {
    const backend = fakeBackend();
    const { user } = renderScreen(<SchedulesPage />);
    expect(await screen.findByTestId("schedules-empty")).toHaveTextContent("No schedules yet");
    await openNew(user);
    await user.click(screen.getByTestId("schedule-preset-spike"));
    expect(screen.getByTestId("schedule-title")).toHaveValue("Flash sale");
    for (const d of ["mo", "tu", "we", "th"]) expect(screen.getByTestId(`schedule-day-${d}`)).toHaveAttribute("aria-pressed", "true");
    for (const d of ["fr", "sa", "su"]) expect(screen.getByTestId(`schedule-day-${d}`)).toHaveAttribute("aria-pressed", "false");
    expect(screen.getByTestId("schedule-time")).toHaveValue("20:00");
    expect(screen.getByTestId("schedule-lead")).toHaveValue("30");
    expect(screen.getByTestId("schedule-summary")).toHaveTextContent("Every Mon, Tue, Wed, Thu at 20:00");
    await user.click(screen.getByTestId("schedule-save"));

    await waitFor(() => expect(backend.called("create_schedule")).toHaveLength(1));
    expect(sent(backend)).toEqual({
      title: "Flash sale",
      purpose: "campaign",
      community_id: null,
      rule: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH",
      start: `${todayIn("Asia/Shanghai")} 20:00`,
      zone: "",
      ends_on: null,
      skipped: [],
      lead_minutes: 30,
      message: en.schedules.presets.spike.message,
    });
    const id = backend.state.rhythm.schedules[0].id;
    const row = await screen.findByTestId(`schedule-row-${id}`);
    expect(row).toHaveTextContent("Every Mon, Tue, Wed, Thu at 20:00");
    expect(row).toHaveTextContent("Reminds 30 min before");
    expect(row).toHaveTextContent("Campaign");
    expect(await screen.findByText("Schedule added")).toBeInTheDocument();
  });

  it("builds the rule from the weekday toggles, in Monday-to-Sunday order, with a community and a quick lead", async () => {
    const backend = fakeBackend({ communities: [community({ id: 1 }), community({ id: 2, name: "Tea Lovers VIP" })] });
    const { user } = renderScreen(<SchedulesPage />);
    await openNew(user);
    await user.click(screen.getByTestId("schedule-preset-spike"));
    await user.click(screen.getByTestId("schedule-day-th"));
    await user.click(screen.getByTestId("schedule-day-su"));
    await user.click(screen.getByTestId("schedule-day-sa"));
    expect(screen.getByTestId("schedule-day-th")).toHaveAttribute("aria-pressed", "false");
    expect(screen.getByTestId("schedule-day-sa")).toHaveAttribute("aria-pressed", "true");
    await pick(user, "schedule-community", "Tea Lovers VIP");
    await user.click(screen.getByTestId("schedule-lead-60"));
    expect(screen.getByTestId("schedule-lead")).toHaveValue("60");
    const time = screen.getByTestId("schedule-time");
    await user.clear(time);
    await user.type(time, "9:05");
    await user.click(screen.getByTestId("schedule-save"));

    await waitFor(() => expect(backend.called("create_schedule")).toHaveLength(1));
    expect(sent(backend)).toMatchObject({
      rule: "FREQ=WEEKLY;BYDAY=MO,TU,WE,SA,SU",
      community_id: 2,
      lead_minutes: 60,
      start: `${todayIn("Asia/Shanghai")} 09:05`,
    });
  });

  it("refuses a weekly schedule without a day and a time that is not HH:MM, before sending", async () => {
    const backend = fakeBackend();
    const { user } = renderScreen(<SchedulesPage />);
    await openNew(user);
    await user.type(screen.getByTestId("schedule-title"), "Tasting");
    await user.click(screen.getByTestId("schedule-repeat-weekly"));
    for (const d of ["mo", "tu", "we", "th", "fr", "sa", "su"]) {
      if (screen.getByTestId(`schedule-day-${d}`).getAttribute("aria-pressed") === "true") await user.click(screen.getByTestId(`schedule-day-${d}`));
    }
    const time = screen.getByTestId("schedule-time");
    await user.clear(time);
    await user.type(time, "25:00");
    await user.click(screen.getByTestId("schedule-save"));
    expect(await within(itemOf("schedule-day-mo")).findByText("Pick at least one day")).toBeInTheDocument();
    expect(await within(itemOf("schedule-time")).findByText("Write the time as HH:MM, for example 20:00")).toBeInTheDocument();
    expect(backend.called("create_schedule")).toHaveLength(0);
  });

  it.each([
    ["once", "FREQ=DAILY;COUNT=1"],
    ["daily", "FREQ=DAILY"],
  ])("sends %s as %s", async (kind, rule) => {
    const backend = fakeBackend();
    const { user } = renderScreen(<SchedulesPage />);
    await openNew(user);
    await user.type(screen.getByTestId("schedule-title"), "Autumn tasting");
    await user.click(screen.getByTestId(`schedule-repeat-${kind}`));
    await user.click(screen.getByTestId("schedule-save"));
    await waitFor(() => expect(backend.called("create_schedule")).toHaveLength(1));
    expect(sent(backend)).toMatchObject({ title: "Autumn tasting", rule, ends_on: null, skipped: [] });
  });

  it("sends a day of the month and the last weekday of the month", async () => {
    const backend = fakeBackend();
    const { user } = renderScreen(<SchedulesPage />);
    await openNew(user);
    await user.type(screen.getByTestId("schedule-title"), "Rent reminder");
    await user.click(screen.getByTestId("schedule-repeat-monthly_on_day"));
    const day = screen.getByTestId("schedule-month-day");
    await user.clear(day);
    await user.type(day, "15");
    expect(screen.getByTestId("schedule-summary")).toHaveTextContent("Monthly on the 15th at 20:00");
    await user.click(screen.getByTestId("schedule-save"));
    await waitFor(() => expect(backend.called("create_schedule")).toHaveLength(1));
    expect(sent(backend)?.rule).toBe("FREQ=MONTHLY;BYMONTHDAY=15");

    await openNew(user);
    await user.click(screen.getByTestId("schedule-preset-member-day"));
    expect(screen.getByTestId("schedule-summary")).toHaveTextContent("The last Friday of every month at 20:00");
    await pick(user, "schedule-weekday", "Sunday");
    await user.click(screen.getByTestId("schedule-save"));
    await waitFor(() => expect(backend.called("create_schedule")).toHaveLength(2));
    expect(backend.called("create_schedule")[1].args.input).toMatchObject({
      title: "Member promotion day",
      rule: "FREQ=MONTHLY;BYDAY=-1SU",
      lead_minutes: 120,
    });
  });

  it("starts from a preset in the empty list: the gift-package day on Fridays, and the daily topic at 10:00", async () => {
    const backend = fakeBackend();
    const { user } = renderScreen(<SchedulesPage />);
    await user.click(await screen.findByTestId("schedules-empty-preset-gift-day"));
    await screen.findByTestId("schedule-form");
    expect(screen.getByTestId("schedule-title")).toHaveValue("Member gift-package day");
    expect(screen.getByTestId("schedule-day-fr")).toHaveAttribute("aria-pressed", "true");
    expect(screen.getByTestId("schedule-day-mo")).toHaveAttribute("aria-pressed", "false");
    await user.click(screen.getByTestId("schedule-preset-daily-topic"));
    expect(screen.getByTestId("schedule-title")).toHaveValue("Daily topic");
    await user.click(screen.getByTestId("schedule-save"));
    await waitFor(() => expect(backend.called("create_schedule")).toHaveLength(1));
    expect(sent(backend)).toMatchObject({ purpose: "content", rule: "FREQ=DAILY", start: `${todayIn("Asia/Shanghai")} 10:00`, lead_minutes: 0 });
  });

  it("shows the backend's reason beside the field it names, or above the form", async () => {
    let answer = { code: "invalid_input", message: "The last day is before the first", field: "ends_on" as string | null };
    const backend = fakeBackend({}, {
      create_schedule: () => {
        throw answer;
      },
    });
    const { user } = renderScreen(<SchedulesPage />);
    await openNew(user);
    await user.click(screen.getByTestId("schedule-preset-spike"));
    await user.click(screen.getByTestId("schedule-save"));
    expect(await within(itemOf("schedule-ends")).findByText("The last day is before the first")).toBeInTheDocument();

    answer = { code: "invalid_input", message: "This rule never happens", field: "rule" };
    await user.click(screen.getByTestId("schedule-save"));
    expect(await within(itemOf("schedule-day-mo")).findByText("This rule never happens")).toBeInTheDocument();

    answer = { code: "database", message: "The data file is locked", field: null };
    await user.click(screen.getByTestId("schedule-save"));
    expect(await screen.findByTestId("schedule-form-error")).toHaveTextContent("The data file is locked");
    expect(backend.called("create_schedule")).toHaveLength(3);
    expect(screen.getByTestId("schedule-form")).toBeInTheDocument();
  });

  it("edits a schedule with its values filled in, and keeps a command-line rule untouched", async () => {
    const backend = fakeBackend({
      rhythm: {
        schedules: [
          schedule({ id: 1, title: "Rent day promo", rule: "FREQ=MONTHLY;BYMONTHDAY=15", start: "2026-11-15 19:30", lead_minutes: 60, ends_on: "2027-06-30", skipped: ["2026-12-15"] }),
          schedule({ id: 2, title: "Fortnightly tasting", rule: "FREQ=WEEKLY;INTERVAL=2;BYDAY=SA", repeat: { kind: "custom" }, start: "2026-11-21 15:00" }),
        ],
      },
    });
    const { user } = renderScreen(<SchedulesPage />);
    await user.click(await screen.findByTestId("schedule-edit-1"));
    await screen.findByTestId("schedule-form");
    expect(screen.queryByTestId("schedule-preset-spike")).toBeNull();
    expect(screen.getByTestId("schedule-title")).toHaveValue("Rent day promo");
    expect(screen.getByTestId("schedule-month-day")).toHaveValue("15");
    expect(screen.getByTestId("schedule-time")).toHaveValue("19:30");
    expect(screen.getByTestId("schedule-lead")).toHaveValue("60");
    expect(screen.getByTestId("schedule-skipped")).toHaveTextContent("15 Dec 2026");
    const title = screen.getByTestId("schedule-title");
    await user.clear(title);
    await user.type(title, "Mid-month promo");
    await user.click(screen.getByTestId("schedule-save"));
    await waitFor(() => expect(backend.called("update_schedule")).toHaveLength(1));
    expect(backend.called("update_schedule")[0].args).toEqual({
      id: 1,
      input: {
        title: "Mid-month promo", purpose: "campaign", community_id: 1, rule: "FREQ=MONTHLY;BYMONTHDAY=15", start: "2026-11-15 19:30", zone: "",
        ends_on: "2027-06-30", skipped: ["2026-12-15"], lead_minutes: 60, message: "Tonight at 8: 20 packs at half price!",
      },
    });
    expect(await screen.findByText("Schedule saved")).toBeInTheDocument();

    await user.click(screen.getByTestId("schedule-edit-2"));
    await waitFor(() => expect(screen.getByTestId("schedule-title")).toHaveValue("Fortnightly tasting"));
    expect(screen.getByTestId("schedule-custom-rule")).toHaveValue("FREQ=WEEKLY;INTERVAL=2;BYDAY=SA");
    expect(screen.getByTestId("schedule-custom-rule")).toHaveAttribute("readonly");
    expect(screen.getByTestId("schedule-form")).toHaveTextContent("made from the command line");
    await user.click(screen.getByTestId("schedule-save"));
    await waitFor(() => expect(backend.called("update_schedule")).toHaveLength(2));
    expect(backend.called("update_schedule")[1].args.input).toMatchObject({ rule: "FREQ=WEEKLY;INTERVAL=2;BYDAY=SA", start: "2026-11-21 15:00" });
  });

  it("pauses, resumes and deletes", async () => {
    const backend = fakeBackend({
      rhythm: {
        schedules: [schedule({ id: 1, next_at: "2026-11-23T12:00:00Z" }), schedule({ id: 2, title: "Gift-package day", rule: "FREQ=WEEKLY;BYDAY=FR", paused: true })],
      },
    });
    const { user } = renderScreen(<SchedulesPage />);
    const first = await screen.findByTestId("schedule-row-1");
    expect(first).toHaveTextContent("Mon 23 Nov 2026, 20:00");
    expect(within(screen.getByTestId("schedule-row-2")).getByTestId("schedule-row-paused")).toHaveTextContent("Paused");
    expect(screen.getByTestId("schedule-pause-2")).toHaveTextContent("Resume");

    await user.click(screen.getByTestId("schedule-pause-1"));
    await waitFor(() => expect(backend.called("set_schedule_paused")[0]?.args).toEqual({ id: 1, paused: true }));
    await waitFor(() => expect(within(screen.getByTestId("schedule-row-1")).getByTestId("schedule-row-paused")).toBeInTheDocument());
    await user.click(screen.getByTestId("schedule-pause-2"));
    await waitFor(() => expect(backend.called("set_schedule_paused")[1]?.args).toEqual({ id: 2, paused: false }));
    await waitFor(() => expect(screen.getByTestId("schedule-pause-2")).toHaveTextContent("Pause"));

    await user.click(screen.getByTestId("schedule-delete-1"));
    await user.click(await screen.findByTestId("schedule-delete-confirm"));
    await waitFor(() => expect(backend.called("delete_schedule")[0]?.args).toEqual({ id: 1 }));
    await waitFor(() => expect(screen.queryByTestId("schedule-row-1")).toBeNull());
    expect(screen.getByTestId("schedule-row-2")).toBeInTheDocument();
  });

  it("exports the .ics and names the file; a cancelled dialog says nothing", async () => {
    let path: string | null = "/home/me/ShopCircle schedules.ics";
    const backend = fakeBackend({ rhythm: { schedules: [schedule({ id: 1 })] } }, { export_schedules_ics: () => path });
    const { user } = renderScreen(<SchedulesPage />);
    await screen.findByTestId("schedule-row-1");
    await user.click(screen.getByTestId("schedules-export-ics"));
    expect(await screen.findByText(/Saved ShopCircle schedules\.ics/)).toBeInTheDocument();
    path = null;
    await user.click(screen.getByTestId("schedules-export-ics"));
    await waitFor(() => expect(backend.called("export_schedules_ics")).toHaveLength(2));
    expect(screen.getAllByText(/Saved ShopCircle schedules\.ics/)).toHaveLength(1);
  });

  const ROWS = [
    schedule({ id: 1, community_id: 1 }),
    schedule({ id: 2, rule: "FREQ=MONTHLY;BYMONTHDAY=15", lead_minutes: 90 }),
    schedule({ id: 3, rule: "FREQ=MONTHLY;BYDAY=-1FR", lead_minutes: 1440, community_id: null }),
    schedule({ id: 4, rule: "FREQ=DAILY;COUNT=1", start: "2026-12-12 19:30", lead_minutes: 0 }),
    schedule({ id: 5, rule: "FREQ=DAILY", start: "2026-11-23 10:00" }),
    schedule({ id: 6, rule: "FREQ=WEEKLY;INTERVAL=2;BYDAY=SA", repeat: { kind: "custom" } }),
  ];

  it("reads each repeat in words", async () => {
    fakeBackend({ rhythm: { schedules: ROWS.map((s) => ({ ...s })) } });
    renderScreen(<SchedulesPage />);
    const repeat = async (id: number) => within(await screen.findByTestId(`schedule-row-${id}`)).getByTestId("schedule-row-repeat").textContent;
    expect(await repeat(1)).toBe("Every Mon, Tue, Wed, Thu at 20:00");
    expect(await repeat(2)).toBe("Monthly on the 15th at 20:00");
    expect(await repeat(3)).toBe("The last Friday of every month at 20:00");
    expect(await repeat(4)).toBe("Once, on 12 Dec 2026 at 19:30");
    expect(await repeat(5)).toBe("Every day at 10:00");
    expect(await repeat(6)).toBe("Custom rule at 20:00");
    expect(screen.getByTestId("schedule-row-6")).toHaveTextContent("FREQ=WEEKLY;INTERVAL=2;BYDAY=SA");
    const lead = (id: number) => within(screen.getByTestId(`schedule-row-${id}`)).getByTestId("schedule-row-lead").textContent;
    expect(lead(1)).toBe("Reminds 30 min before");
    expect(lead(2)).toBe("Reminds 1 h 30 min before");
    expect(lead(3)).toBe("Reminds 1 day before");
    expect(lead(4)).toBe("Reminds when it starts");
    await waitFor(() => expect(within(screen.getByTestId("schedule-row-1")).getByTestId("schedule-row-community")).toHaveTextContent("Morning Tea Friends"));
    expect(within(screen.getByTestId("schedule-row-3")).getByTestId("schedule-row-community")).toHaveTextContent("Whole shop");
  });

  it("reads each repeat in words in Chinese", async () => {
    fakeBackend({ rhythm: { schedules: [...ROWS.map((s) => ({ ...s })), schedule({ id: 7, next_at: "2026-11-23T12:00:00Z" })] } });
    renderScreen(<SchedulesPage />, { lang: "zh-CN" });
    const repeat = async (id: number) => within(await screen.findByTestId(`schedule-row-${id}`)).getByTestId("schedule-row-repeat").textContent;
    expect(await repeat(1)).toBe("每周一、二、三、四 20:00");
    expect(await repeat(2)).toBe("每月15日 20:00");
    expect(await repeat(3)).toBe("每月最后一个周五 20:00");
    expect(await repeat(4)).toBe("仅一次：2026年12月12日 19:30");
    expect(await repeat(5)).toBe("每天 10:00");
    expect(await repeat(6)).toBe("自定义规则 20:00");
    const lead = (id: number) => within(screen.getByTestId(`schedule-row-${id}`)).getByTestId("schedule-row-lead").textContent;
    expect(lead(1)).toBe("提前30分钟提醒");
    expect(lead(2)).toBe("提前1小时30分钟提醒");
    expect(lead(4)).toBe("开始时提醒");
    expect(screen.getByTestId("schedule-row-7")).toHaveTextContent("2026年11月23日 周一 20:00");
    expect(screen.getByTestId("schedule-add")).toHaveTextContent("新建日程");
    expect(screen.getByTestId("schedules-export-ics")).toHaveTextContent("导出到手机日历（.ics）");
  });
});
