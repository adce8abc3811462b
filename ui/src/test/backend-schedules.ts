// The fake's schedules, content calendar and reminders: enough of the real
// rules for screens to be tested (weekly days, a day of the month, the last
// weekday, once), with Shanghai's fixed +08:00 as the shop's zone.
import type { CalendarOccurrence } from "../bindings/CalendarOccurrence";
import type { ContentInput } from "../bindings/ContentInput";
import type { ContentItem } from "../bindings/ContentItem";
import type { OccurrenceState } from "../bindings/OccurrenceState";
import type { Reminder } from "../bindings/Reminder";
import type { ReminderCentre } from "../bindings/ReminderCentre";
import type { Repeat } from "../bindings/Repeat";
import type { Schedule } from "../bindings/Schedule";
import type { ScheduleInput } from "../bindings/ScheduleInput";
import type { TopicIdea } from "../bindings/TopicIdea";

export const SCHEDULE_T0 = "2026-11-21T06:30:00Z";
/** The fake's "today" in the shop's zone (a Saturday). */
export const SCHEDULE_TODAY = "2026-11-21";

export type ScheduleState = {
  schedules: Schedule[];
  marks: { scheduleId: number; at: string; state: OccurrenceState }[];
  content: ContentItem[];
  images: Record<number, string>;
  centre: ReminderCentre;
  autostart: boolean;
};

const DAYS = ["su", "mo", "tu", "we", "th", "fr", "sa"];

function invalid(field: string, message: string): never {
  throw { code: "invalid_input", message, field };
}

/** "YYYY-MM-DD HH:MM" in +08:00 as an RFC 3339 UTC instant. */
export function shanghai(day: string, time: string): string {
  return new Date(`${day}T${time}:00+08:00`).toISOString().replace(".000Z", "Z");
}

function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

function repeatOf(rule: string): Repeat {
  const parts = Object.fromEntries(rule.split(";").map((p) => p.split("=")));
  if (parts.COUNT === "1") return { kind: "once" };
  if (parts.FREQ === "DAILY") return { kind: "daily" };
  if (parts.FREQ === "WEEKLY" && parts.BYDAY) return { kind: "weekly", days: parts.BYDAY.toLowerCase().split(",") };
  if (parts.FREQ === "MONTHLY" && parts.BYMONTHDAY) return { kind: "monthly_on_day", day: Number(parts.BYMONTHDAY) };
  if (parts.FREQ === "MONTHLY" && parts.BYDAY?.startsWith("-1")) return { kind: "monthly_last_weekday", weekday: parts.BYDAY.slice(2).toLowerCase() };
  return { kind: "custom" };
}

function falls(s: Schedule, day: string): boolean {
  const first = s.start.slice(0, 10);
  if (day < first || (s.ends_on && day > s.ends_on) || s.skipped.includes(day)) return false;
  const d = new Date(`${day}T00:00:00Z`);
  const r = s.repeat;
  switch (r.kind) {
    case "once":
      return day === first;
    case "daily":
      return true;
    case "weekly":
      return r.days.includes(DAYS[d.getUTCDay()]);
    case "monthly_on_day":
      return d.getUTCDate() === r.day;
    case "monthly_last_weekday":
      return DAYS[d.getUTCDay()] === r.weekday && addDays(day, 7).slice(5, 7) !== day.slice(5, 7);
    default:
      return false;
  }
}

export function schedule(over: Partial<Schedule> = {}): Schedule {
  const rule = over.rule ?? "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH";
  const start = over.start ?? "2026-11-23 20:00";
  return {
    id: 1, title: "Spike: osmanthus oolong", purpose: "campaign", community_id: 1, rule, repeat: repeatOf(rule), start,
    time: start.slice(11), zone: "Asia/Shanghai", starts_at: shanghai(start.slice(0, 10), start.slice(11)), ends_on: null,
    skipped: [], lead_minutes: 30, message: "Tonight at 8: 20 packs at half price!", paused: false, next_at: null,
    created_at: SCHEDULE_T0, updated_at: SCHEDULE_T0, ...over,
  };
}

export function contentItem(over: Partial<ContentItem> = {}): ContentItem {
  const day = over.day ?? "2026-11-22";
  const time = over.time ?? "10:00";
  return {
    id: 1, community_id: 1, day, time, at: shanghai(day, time), topic: "Tea of the day", body: "Today we brew osmanthus oolong.",
    has_image: false, posted: false, posted_at: null, created_at: SCHEDULE_T0, updated_at: SCHEDULE_T0, ...over,
  };
}

export function reminder(over: Partial<Reminder> = {}): Reminder {
  return {
    key: "schedule:1:2026-11-23T12:00:00Z:start", kind: "start", title: "Spike: osmanthus oolong", body: "Tonight at 8!", community_id: 1,
    route: "calendar:2026-11-23", due_at: "2026-11-23T12:00:00Z", subject_at: "2026-11-23T12:00:00Z", delivered_at: null, missed: false, ...over,
  };
}

export function emptyCentre(over: Partial<ReminderCentre> = {}): ReminderCentre {
  return { now: SCHEDULE_T0, today: SCHEDULE_TODAY, missed: [], today_list: [], upcoming: [], paused_until: null, ...over };
}

export const IDEAS: TopicIdea[] = [
  { topic: "Tea of the day", body: "Today we brew {tea}: where it grows, how it tastes." },
  { topic: "Today's special", body: "Today only: {special}. Reply 1 to reserve one." },
];

export function scheduleState(init: Partial<ScheduleState> = {}): ScheduleState {
  return { schedules: [], marks: [], content: [], images: {}, centre: emptyCentre(), autostart: false, ...init };
}

export function scheduleHandlers(state: ScheduleState, nextId: () => number) {
  const find = (id: unknown) => {
    const s = state.schedules.find((x) => x.id === id);
    if (!s) throw { code: "not_found", message: "This schedule no longer exists", field: null };
    return s;
  };
  const findItem = (id: unknown) => {
    const c = state.content.find((x) => x.id === id);
    if (!c) throw { code: "not_found", message: "This content item no longer exists", field: null };
    return c;
  };
  const fromInput = (i: ScheduleInput, base: Schedule): Schedule => {
    if (!i.title.trim()) invalid("title", "Title cannot be empty");
    if (!/^\d{4}-\d{2}-\d{2} ([01]\d|2[0-3]):[0-5]\d$/.test(i.start)) invalid("start", `First day and time "${i.start}" is not known`);
    if (!i.rule.startsWith("FREQ=")) invalid("rule", `Repeat rule "${i.rule}" is not known`);
    if (i.ends_on && i.ends_on < i.start.slice(0, 10)) invalid("ends_on", "End date is before the start");
    return schedule({
      ...base, title: i.title.trim(), purpose: i.purpose, community_id: i.community_id, rule: i.rule, repeat: repeatOf(i.rule), start: i.start,
      time: i.start.slice(11), starts_at: shanghai(i.start.slice(0, 10), i.start.slice(11)), ends_on: i.ends_on || null, skipped: [...i.skipped].sort(),
      lead_minutes: i.lead_minutes, message: i.message, updated_at: SCHEDULE_T0,
    });
  };
  const occurrences = (from: string, to: string): CalendarOccurrence[] => {
    const out: CalendarOccurrence[] = [];
    for (let day = from; day <= to; day = addDays(day, 1)) {
      for (const s of state.schedules) {
        if (s.paused || !falls(s, day)) continue;
        const at = shanghai(day, s.time);
        const mark = state.marks.find((m) => m.scheduleId === s.id && m.at === at);
        out.push({
          schedule_id: s.id, title: s.title, purpose: s.purpose, community_id: s.community_id, day, time: s.time, at,
          state: mark?.state ?? "planned", lead_minutes: s.lead_minutes, message: s.message,
        });
      }
    }
    return out.sort((a, b) => a.at.localeCompare(b.at));
  };
  const toItem = (i: ContentInput, base: ContentItem): ContentItem => {
    if (!i.topic.trim()) invalid("topic", "Topic cannot be empty");
    if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(i.time)) invalid("time", `Time "${i.time}" is not known`);
    return { ...base, community_id: i.community_id, day: i.day, time: i.time, at: shanghai(i.day, i.time), topic: i.topic.trim(), body: i.body, updated_at: SCHEDULE_T0 };
  };

  // The image travels with the topic's own save, as the backend takes it.
  const setImage = (c: ContentItem, data: string | null, remove: boolean): ContentItem => {
    if (data) state.images[c.id] = `data:image/png;base64,${data}`;
    else if (remove) delete state.images[c.id];
    return Object.assign(c, { has_image: !!state.images[c.id] });
  };

  return {
    list_schedules: () => state.schedules,
    create_schedule: (a: Record<string, unknown>) => {
      const s = fromInput(a.input as ScheduleInput, schedule({ id: nextId() }));
      state.schedules.push(s);
      return s;
    },
    update_schedule: (a: Record<string, unknown>) => Object.assign(find(a.id), fromInput(a.input as ScheduleInput, find(a.id))),
    set_schedule_paused: (a: Record<string, unknown>) => Object.assign(find(a.id), { paused: a.paused as boolean }),
    delete_schedule: (a: Record<string, unknown>) => {
      find(a.id);
      state.schedules = state.schedules.filter((s) => s.id !== a.id);
      return null;
    },
    list_occurrences: (a: Record<string, unknown>) => occurrences(a.from as string, a.to as string),
    mark_occurrence: (a: Record<string, unknown>) => {
      const at = a.at as string;
      const o = occurrences(SCHEDULE_TODAY.slice(0, 4) + "-01-01", "2027-12-31").find((x) => x.schedule_id === a.scheduleId && x.at === at);
      if (!o) invalid("occurrence", "Occurrence is not known");
      state.marks = state.marks.filter((m) => !(m.scheduleId === a.scheduleId && m.at === at));
      if (a.state !== "planned") state.marks.push({ scheduleId: a.scheduleId as number, at, state: a.state as OccurrenceState });
      return { ...o, state: a.state as OccurrenceState };
    },
    export_schedules_ics: () => "/home/me/ShopCircle schedules.ics",

    list_content: (a: Record<string, unknown>) =>
      state.content
        .filter((c) => c.day >= (a.from as string) && c.day <= (a.to as string) && (a.communityId == null || c.community_id === a.communityId))
        .sort((x, y) => (x.day + x.time).localeCompare(y.day + y.time)),
    create_content: (a: Record<string, unknown>) => {
      const c = toItem(a.input as ContentInput, contentItem({ id: nextId() }));
      state.content.push(c);
      return setImage(c, (a.image as string | null) ?? null, false);
    },
    update_content: (a: Record<string, unknown>) =>
      setImage(Object.assign(findItem(a.id), toItem(a.input as ContentInput, findItem(a.id))), (a.image as string | null) ?? null, !!a.removeImage),
    delete_content: (a: Record<string, unknown>) => {
      findItem(a.id);
      state.content = state.content.filter((c) => c.id !== a.id);
      return null;
    },
    set_content_posted: (a: Record<string, unknown>) =>
      Object.assign(findItem(a.id), { posted: a.posted as boolean, posted_at: a.posted ? SCHEDULE_T0 : null }),
    content_image: (a: Record<string, unknown>) => state.images[findItem(a.id).id] ?? null,
    topic_ideas: () => IDEAS,

    reminder_centre: () => state.centre,
    dismiss_reminders: (a: Record<string, unknown>) => {
      const keys = a.keys as string[] | null;
      state.centre.missed = keys ? state.centre.missed.filter((r) => !keys.includes(r.key)) : [];
      return state.centre;
    },
    pause_reminders: (a: Record<string, unknown>) => {
      const minutes = a.minutes as number;
      state.centre.paused_until = minutes > 0 ? new Date(Date.parse(SCHEDULE_T0) + minutes * 60_000).toISOString() : null;
      return state.centre;
    },
    autostart_enabled: () => state.autostart,
    set_autostart: (a: Record<string, unknown>) => (state.autostart = a.enabled as boolean),
  };
}
