// The gift-package wizard's form: what the owner types (numbers kept as text,
// see numbers.ts), the method's defaults (every Friday at 20:00, the list
// open until 10:00 the next morning), and the LadderInput the core plans from.
import dayjs, { type Dayjs } from "dayjs";
import type { LadderInput } from "../../bindings/LadderInput";
import type { Tier } from "../../bindings/Tier";
import { fenText, readFen, readNumber } from "../../numbers";
import { weekdayOf } from "../schedules/repeat";

export const PRESET_RULE = "FREQ=WEEKLY;BYDAY=FR";
const ONCE_RULE = "FREQ=DAILY;COUNT=1";
const DAY = "YYYY-MM-DD";

export type LadderValues = {
  items: { productId?: number; quantity: string }[];
  solo: string;
  tiers: { min: string; price: string }[];
  shares: string;
  when: "preset" | "once";
  startDay: Dayjs | null;
  time: string;
  /** How long the 接龙 stays open, in hours. */
  cutoffHours: string;
  endsOn: Dayjs | null;
  communityIds: number[];
  lead: string;
  name: string;
  /** The channel whose code the day's poster carries; none: no poster. */
  posterChannelId?: number;
};

export const LADDER_STEP_FIELDS: (keyof LadderValues)[][] = [
  ["items", "solo", "tiers", "shares"],
  ["when", "startDay", "time", "cutoffHours", "endsOn", "communityIds", "lead"],
  [],
  ["posterChannelId"],
  [],
];

/** A new gift-package day: next Friday at 20:00 for four weeks, the method's three tiers to price. */
export function blankLadder(today: string, communityIds: number[]): LadderValues {
  let friday = dayjs(today).add(1, "day");
  while (weekdayOf(friday.format(DAY)) !== "fr") friday = friday.add(1, "day");
  return {
    items: [{ quantity: "1" }],
    solo: "",
    tiers: [{ min: "2", price: "" }, { min: "3", price: "" }, { min: "5", price: "" }],
    shares: "20",
    when: "preset",
    startDay: friday,
    time: "20:00",
    cutoffHours: "14",
    endsOn: friday.add(27, "day"),
    communityIds: communityIds.slice(0, 1),
    lead: "60",
    name: "",
  };
}

export function toLadderInput(v: LadderValues): LadderInput {
  const start = v.startDay ? v.startDay.format(DAY) : "";
  return {
    name: (v.name ?? "").trim(),
    // Unreadable text goes as 0: the plan refuses it with its reason, and the
    // field's own rule has said so beside the box.
    items: (v.items ?? []).map((i) => ({ product_id: i.productId ?? 0, quantity: readNumber(i.quantity) ?? 0 })),
    solo_cents: readFen(v.solo) ?? 0,
    tiers: (v.tiers ?? []).map((t) => ({ min_shares: readNumber(t.min) ?? 0, price_cents: readFen(t.price) ?? 0 })),
    shares: readNumber(v.shares) ?? 0,
    rule: v.when === "once" ? ONCE_RULE : PRESET_RULE,
    start: `${start} ${(v.time ?? "").trim()}`,
    cutoff_minutes: Math.round((readNumber(v.cutoffHours) ?? 0) * 60),
    ends_on: v.when === "once" ? start : v.endsOn ? v.endsOn.format(DAY) : "",
    community_ids: v.communityIds ?? [],
    lead_minutes: readNumber(v.lead) ?? 0,
    poster_channel_id: v.posterChannelId ?? null,
  };
}

export function fromLadderInput(i: LadderInput): LadderValues {
  const [day, time] = i.start.split(" ");
  return {
    items: i.items.map((x) => ({ productId: x.product_id || undefined, quantity: x.quantity > 0 ? String(x.quantity) : "" })),
    solo: i.solo_cents > 0 ? fenText(i.solo_cents) : "",
    tiers: i.tiers.map(tierValues),
    shares: i.shares > 0 ? String(i.shares) : "",
    when: i.rule === ONCE_RULE ? "once" : "preset",
    startDay: day && dayjs(day).isValid() ? dayjs(day) : null,
    time: time ?? "",
    cutoffHours: String(i.cutoff_minutes / 60),
    endsOn: i.ends_on && dayjs(i.ends_on).isValid() ? dayjs(i.ends_on) : null,
    communityIds: i.community_ids,
    lead: String(i.lead_minutes),
    name: i.name,
    posterChannelId: i.poster_channel_id ?? undefined,
  };
}

/** A tier as the form shows it. */
export function tierValues(t: Tier): { min: string; price: string } {
  return { min: t.min_shares > 0 ? String(t.min_shares) : "", price: t.price_cents > 0 ? fenText(t.price_cents) : "" };
}
