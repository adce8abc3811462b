// The flash-sale wizard's form: what the owner types (numbers kept as text,
// see numbers.ts), the defaults from the method, and the SpikeInput the core
// plans from. A draft round-trips through these without losing anything.
import dayjs, { type Dayjs } from "dayjs";
import type { SpikeInput } from "../../bindings/SpikeInput";
import { readFen, readNumber, fenText } from "../../numbers";
import { ruleOf, weekdayOf } from "../schedules/repeat";

/** The method's evenings: every Monday to Thursday. */
export const PRESET_RULE = "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH";
const ONCE_RULE = "FREQ=DAILY;COUNT=1";
const DAY = "YYYY-MM-DD";

export type When = "preset" | "days" | "once";

export type SpikeValues = {
  productId?: number;
  price: string;
  quantity: string;
  limit: string;
  when: When;
  days: string[];
  startDay: Dayjs | null;
  time: string;
  minutes: string;
  endsOn: Dayjs | null;
  communityIds: number[];
  lead: string;
  pickupDays: string;
  /** A pickup voucher for each unit on sale, handed to the buyers the console records. */
  pickupVouchers: boolean;
  /** The channel whose code the sale's poster carries; none: no poster. */
  posterChannelId?: number;
  name: string;
};

/** Which fields each step holds, for checking one step at a time. */
export const STEP_FIELDS: (keyof SpikeValues)[][] = [
  ["productId", "price", "quantity", "limit"],
  ["when", "days", "startDay", "time", "minutes", "endsOn", "communityIds", "lead", "pickupDays", "pickupVouchers"],
  [],
  ["posterChannelId"],
  [],
];

/** A new flash sale: next Monday at 20:00 for four weeks, 30 minutes, 1 each, pickup within 3 days. */
export function blankSpike(today: string, communityIds: number[]): SpikeValues {
  let monday = dayjs(today).add(1, "day");
  while (weekdayOf(monday.format(DAY)) !== "mo") monday = monday.add(1, "day");
  return {
    price: "", quantity: "", limit: "1", when: "preset", days: ["mo", "tu", "we", "th"], startDay: monday, time: "20:00",
    minutes: "30", endsOn: monday.add(27, "day"), communityIds: communityIds.slice(0, 1), lead: "60", pickupDays: "3", pickupVouchers: true, name: "",
  };
}

export function toSpikeInput(v: SpikeValues): SpikeInput {
  const start = v.startDay ? v.startDay.format(DAY) : "";
  const rule = v.when === "preset" ? PRESET_RULE : v.when === "once" ? ONCE_RULE : ruleOf({ kind: "weekly", days: v.days, monthDay: "1", weekday: "mo", customRule: "" });
  return {
    name: (v.name ?? "").trim(),
    product_id: v.productId ?? 0,
    // Unreadable text is sent as 0: the plan refuses it with its reason, and
    // the field's own rule has already said so beside the box.
    price_cents: readFen(v.price) ?? 0,
    quantity: readNumber(v.quantity) ?? 0,
    per_customer: readNumber(v.limit) ?? 0,
    rule,
    start: `${start} ${(v.time ?? "").trim()}`,
    minutes: readNumber(v.minutes) ?? 0,
    ends_on: v.when === "once" ? start : v.endsOn ? v.endsOn.format(DAY) : "",
    community_ids: v.communityIds ?? [],
    lead_minutes: readNumber(v.lead) ?? 0,
    pickup_days: readNumber(v.pickupDays) ?? 0,
    pickup_vouchers: v.pickupVouchers ?? true,
    poster_channel_id: v.posterChannelId ?? null,
  };
}

/** A saved draft back in the form. */
export function fromSpikeInput(i: SpikeInput): SpikeValues {
  const [day, time] = i.start.split(" ");
  const when: When = i.rule === PRESET_RULE ? "preset" : i.rule === ONCE_RULE ? "once" : "days";
  const days = /BYDAY=([A-Z,]+)/.exec(i.rule)?.[1].toLowerCase().split(",") ?? ["mo", "tu", "we", "th"];
  return {
    productId: i.product_id || undefined,
    price: i.price_cents > 0 ? fenText(i.price_cents) : "",
    quantity: i.quantity > 0 ? String(i.quantity) : "",
    limit: i.per_customer > 0 ? String(i.per_customer) : "",
    when,
    days,
    startDay: day && dayjs(day).isValid() ? dayjs(day) : null,
    time: time ?? "",
    minutes: String(i.minutes),
    endsOn: i.ends_on && dayjs(i.ends_on).isValid() ? dayjs(i.ends_on) : null,
    communityIds: i.community_ids,
    lead: String(i.lead_minutes),
    pickupDays: String(i.pickup_days),
    pickupVouchers: i.pickup_vouchers,
    posterChannelId: i.poster_channel_id ?? undefined,
    name: i.name,
  };
}
