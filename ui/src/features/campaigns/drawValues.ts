// The lucky-draw wizard's form: what the owner types (numbers kept as text,
// see numbers.ts), the method's defaults (the list freezes a week from today
// at 22:00, the draw is the next evening at 20:00, prizes claimed within two
// weeks, a ¥5 voucher for everyone else), and the DrawInput the core plans from.
import dayjs, { type Dayjs } from "dayjs";
import type { DrawInput } from "../../bindings/DrawInput";
import { fenText, readFen, readNumber } from "../../numbers";

const DAY = "YYYY-MM-DD";

export type PrizeValues = { name: string; giftId?: number; quantity: string; value: string; cost: string };

export type ConditionKind = "everyone" | "spent" | "pasted";

export type DrawValues = {
  name: string;
  communityIds: number[];
  prizes: PrizeValues[];
  consolation: string;
  consolationMinSpend: string;
  consolationCost: string;
  budget: string;
  redemption: string;
  conditionKind: ConditionKind;
  minSpend: string;
  spentDays: [Dayjs, Dayjs] | null;
  pasted: string;
  freezeDay: Dayjs | null;
  freezeTime: string;
  drawDay: Dayjs | null;
  drawTime: string;
  claimUntil: Dayjs | null;
  publicValueSource: string;
  contact: string;
};

export const DRAW_STEP_FIELDS: (keyof DrawValues)[][] = [
  ["prizes", "consolation", "consolationMinSpend", "consolationCost", "budget", "redemption"],
  ["communityIds", "conditionKind", "minSpend", "spentDays", "pasted"],
  ["freezeDay", "freezeTime", "drawDay", "drawTime", "claimUntil", "publicValueSource", "contact", "name"],
  [],
  [],
];

export const blankPrize = (): PrizeValues => ({ name: "", quantity: "1", value: "", cost: "" });

/** A new draw: freezes a week from today at 22:00, drawn the next evening, in every community. */
export function blankDraw(today: string, communityIds: number[], publicValueSource = ""): DrawValues {
  const freeze = dayjs(today).add(7, "day");
  return {
    name: "",
    communityIds,
    prizes: [blankPrize()],
    consolation: "5",
    consolationMinSpend: "30",
    consolationCost: "",
    budget: "",
    redemption: "60",
    conditionKind: "everyone",
    minSpend: "",
    spentDays: [dayjs(today), freeze],
    pasted: "",
    freezeDay: freeze,
    freezeTime: "22:00",
    drawDay: freeze.add(1, "day"),
    drawTime: "20:00",
    claimUntil: freeze.add(15, "day"),
    publicValueSource,
    contact: "",
  };
}

const at = (day: Dayjs | null, time: string) => (day ? `${day.format(DAY)} ${(time ?? "").trim()}` : "");

export function toDrawInput(v: DrawValues): DrawInput {
  // Unreadable text goes as 0: the plan refuses it with its reason, and the
  // field's own rule has said so beside the box.
  const consolation = readFen(v.consolation) ?? 0;
  const condition: DrawInput["condition"] =
    v.conditionKind === "spent"
      ? { kind: "spent", min_cents: readFen(v.minSpend) ?? 0, from: v.spentDays ? v.spentDays[0].format(DAY) : "", to: v.spentDays ? v.spentDays[1].format(DAY) : "" }
      : v.conditionKind === "pasted"
        ? { kind: "pasted", text: v.pasted ?? "" }
        : { kind: "everyone" };
  return {
    name: (v.name ?? "").trim(),
    community_ids: v.communityIds ?? [],
    prizes: (v.prizes ?? []).map((p) => {
      const value = readFen(p?.value) ?? 0;
      return {
        name: (p?.name ?? "").trim(),
        gift_id: p?.giftId ?? null,
        quantity: readNumber(p?.quantity) ?? 0,
        value_cents: value,
        // An empty cost is the value: a voucher costs what it takes off.
        cost_cents: p?.cost?.trim() ? (readFen(p.cost) ?? 0) : value,
      };
    }),
    consolation: {
      cents: consolation,
      min_spend_cents: v.consolationMinSpend?.trim() ? (readFen(v.consolationMinSpend) ?? 0) : null,
      cost_cents: v.consolationCost?.trim() ? (readFen(v.consolationCost) ?? 0) : consolation,
    },
    budget_cents: readFen(v.budget) ?? 0,
    redemption_percent: readNumber(v.redemption) ?? 0,
    condition,
    freeze_at: at(v.freezeDay, v.freezeTime),
    draw_at: at(v.drawDay, v.drawTime),
    claim_until: v.claimUntil ? v.claimUntil.format(DAY) : "",
    public_value_source: v.publicValueSource ?? "",
    contact: v.contact ?? "",
  };
}

export function fromDrawInput(i: DrawInput): DrawValues {
  const day = (s: string) => (s && dayjs(s.slice(0, 10)).isValid() ? dayjs(s.slice(0, 10)) : null);
  const time = (s: string) => s.slice(11, 16);
  const spent = i.condition.kind === "spent" ? i.condition : null;
  const [from, to] = spent ? [day(spent.from), day(spent.to)] : [null, null];
  return {
    name: i.name,
    communityIds: i.community_ids,
    prizes: i.prizes.map((p) => ({
      name: p.name,
      giftId: p.gift_id ?? undefined,
      quantity: p.quantity > 0 ? String(p.quantity) : "",
      value: p.value_cents > 0 ? fenText(p.value_cents) : "",
      cost: p.cost_cents !== p.value_cents ? fenText(p.cost_cents) : "",
    })),
    consolation: i.consolation.cents > 0 ? fenText(i.consolation.cents) : "",
    consolationMinSpend: i.consolation.min_spend_cents ? fenText(i.consolation.min_spend_cents) : "",
    consolationCost: i.consolation.cost_cents !== i.consolation.cents ? fenText(i.consolation.cost_cents) : "",
    budget: i.budget_cents > 0 ? fenText(i.budget_cents) : "",
    redemption: String(i.redemption_percent),
    conditionKind: i.condition.kind,
    minSpend: spent && spent.min_cents > 0 ? fenText(spent.min_cents) : "",
    spentDays: from && to ? [from, to] : null,
    pasted: i.condition.kind === "pasted" ? i.condition.text : "",
    freezeDay: day(i.freeze_at),
    freezeTime: time(i.freeze_at),
    drawDay: day(i.draw_at),
    drawTime: time(i.draw_at),
    claimUntil: day(i.claim_until),
    publicValueSource: i.public_value_source,
    contact: i.contact,
  };
}
