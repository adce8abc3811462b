// The welcome-gift wizard's form: what the owner types (numbers kept as text,
// see numbers.ts), the defaults (two weeks from tomorrow, the first drainage
// gift in stock, about 30 new members), and the DrainageInput the core plans from.
import dayjs, { type Dayjs } from "dayjs";
import type { DrainageInput } from "../../bindings/DrainageInput";
import { fenText, readFen, readNumber } from "../../numbers";

const DAY = "YYYY-MM-DD";

export type DrainageValues = {
  rewardKind: "gift" | "voucher";
  giftId?: number;
  /** The next-visit voucher, in yuan. */
  voucher: string;
  minSpend: string;
  validDays: string;
  joins: string;
  budget: string;
  communityId?: number;
  channelIds: number[];
  days: [Dayjs, Dayjs] | null;
  giftLine: string;
  name: string;
};

export const DRAINAGE_STEP_FIELDS: (keyof DrainageValues)[][] = [
  ["rewardKind", "giftId", "voucher", "minSpend", "validDays", "joins", "budget"],
  ["communityId", "channelIds", "days", "giftLine"],
  [],
  [],
];

/** A new welcome gift: from tomorrow for two weeks, in the first community, for about 30 new members. */
export function blankDrainage(today: string, communityIds: number[]): DrainageValues {
  const first = dayjs(today).add(1, "day");
  return {
    rewardKind: "gift",
    voucher: "10",
    minSpend: "",
    validDays: "30",
    joins: "30",
    budget: "",
    communityId: communityIds[0],
    channelIds: [],
    days: [first, first.add(13, "day")],
    giftLine: "",
    name: "",
  };
}

export function toDrainageInput(v: DrainageValues): DrainageInput {
  // Unreadable text goes as 0: the plan refuses it with its reason, and the
  // field's own rule has said so beside the box.
  const reward: DrainageInput["reward"] =
    v.rewardKind === "voucher"
      ? { kind: "voucher", cents: readFen(v.voucher) ?? 0, min_spend_cents: v.minSpend?.trim() ? (readFen(v.minSpend) ?? 0) : null, valid_days: readNumber(v.validDays) ?? 0 }
      : { kind: "gift", gift_id: v.giftId ?? 0 };
  return {
    name: (v.name ?? "").trim(),
    community_id: v.communityId ?? 0,
    channel_ids: v.channelIds ?? [],
    reward,
    expected_joins: readNumber(v.joins) ?? 0,
    budget_cents: v.budget?.trim() ? (readFen(v.budget) ?? 0) : null,
    starts_on: v.days ? v.days[0].format(DAY) : "",
    ends_on: v.days ? v.days[1].format(DAY) : "",
    gift_line: v.giftLine ?? "",
  };
}

export function fromDrainageInput(i: DrainageInput): DrainageValues {
  const day = (s: string) => (s && dayjs(s).isValid() ? dayjs(s) : null);
  const [from, until] = [day(i.starts_on), day(i.ends_on)];
  const voucher = i.reward.kind === "voucher" ? i.reward : null;
  return {
    rewardKind: i.reward.kind,
    giftId: i.reward.kind === "gift" && i.reward.gift_id > 0 ? i.reward.gift_id : undefined,
    voucher: voucher && voucher.cents > 0 ? fenText(voucher.cents) : "10",
    minSpend: voucher?.min_spend_cents ? fenText(voucher.min_spend_cents) : "",
    validDays: voucher ? String(voucher.valid_days) : "30",
    joins: i.expected_joins > 0 ? String(i.expected_joins) : "",
    budget: i.budget_cents ? fenText(i.budget_cents) : "",
    communityId: i.community_id > 0 ? i.community_id : undefined,
    channelIds: i.channel_ids,
    days: from && until ? [from, until] : null,
    giftLine: i.gift_line,
    name: i.name,
  };
}
