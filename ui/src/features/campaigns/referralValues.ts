// The referral-day wizard's form: what the owner types (numbers kept as text,
// see numbers.ts), the method's defaults (next month, the 18th as the member
// promotion day, a ¥10 first-purchase voucher for the friend, rewards at 1, 3
// and 5 friends, at most 5 a month), and the ReferralInput the core plans from.
import dayjs, { type Dayjs } from "dayjs";
import type { ReferralInput } from "../../bindings/ReferralInput";
import { fenText, readFen, readNumber } from "../../numbers";

const DAY = "YYYY-MM-DD";

export type TierValues = { friends: string; reward: string };

export type ReferralValues = {
  name: string;
  communityIds: number[];
  days: [Dayjs, Dayjs] | null;
  promotionDay: string;
  promotionTime: string;
  welcomeKind: "gift" | "voucher";
  giftId?: number;
  welcome: string;
  welcomeMinSpend: string;
  welcomeDays: string;
  tiers: TierValues[];
  rewardDays: string;
  monthlyCap: string;
  qualifyDays: string;
};

export const REFERRAL_STEP_FIELDS: (keyof ReferralValues)[][] = [
  ["welcomeKind", "giftId", "welcome", "welcomeMinSpend", "welcomeDays", "tiers", "rewardDays", "monthlyCap", "qualifyDays"],
  ["communityIds", "days", "promotionDay", "promotionTime", "name"],
  [],
  [],
];

/** A new referral day: from today to the end of next month, in every community. */
export function blankReferral(today: string, communityIds: number[]): ReferralValues {
  const start = dayjs(today);
  return {
    name: "",
    communityIds,
    days: [start, start.add(1, "month").endOf("month").startOf("day")],
    promotionDay: "18",
    promotionTime: "10:00",
    welcomeKind: "voucher",
    welcome: "10",
    welcomeMinSpend: "",
    welcomeDays: "30",
    tiers: [
      { friends: "1", reward: "5" },
      { friends: "3", reward: "15" },
      { friends: "5", reward: "30" },
    ],
    rewardDays: "60",
    monthlyCap: "5",
    qualifyDays: "30",
  };
}

export function toReferralInput(v: ReferralValues): ReferralInput {
  // Unreadable text goes as 0: the plan refuses it with its reason, and the
  // field's own rule has said so beside the box.
  const welcome: ReferralInput["welcome"] =
    v.welcomeKind === "gift"
      ? { kind: "gift", gift_id: v.giftId ?? 0 }
      : {
          kind: "voucher",
          cents: readFen(v.welcome) ?? 0,
          min_spend_cents: v.welcomeMinSpend?.trim() ? (readFen(v.welcomeMinSpend) ?? 0) : null,
          valid_days: readNumber(v.welcomeDays) ?? 0,
        };
  return {
    name: (v.name ?? "").trim(),
    community_ids: v.communityIds ?? [],
    first_day: v.days ? v.days[0].format(DAY) : "",
    last_day: v.days ? v.days[1].format(DAY) : "",
    promotion_day: readNumber(v.promotionDay) ?? 0,
    promotion_time: (v.promotionTime ?? "").trim(),
    welcome,
    tiers: (v.tiers ?? []).map((t) => ({ friends: readNumber(t?.friends) ?? 0, cents: readFen(t?.reward) ?? 0 })),
    reward_days: readNumber(v.rewardDays) ?? 0,
    monthly_cap: readNumber(v.monthlyCap) ?? 0,
    qualify_days: readNumber(v.qualifyDays) ?? 0,
  };
}

export function fromReferralInput(i: ReferralInput): ReferralValues {
  const day = (s: string) => (s && dayjs(s).isValid() ? dayjs(s) : null);
  const [first, last] = [day(i.first_day), day(i.last_day)];
  const voucher = i.welcome.kind === "voucher" ? i.welcome : null;
  return {
    name: i.name,
    communityIds: i.community_ids,
    days: first && last ? [first, last] : null,
    promotionDay: String(i.promotion_day),
    promotionTime: i.promotion_time,
    welcomeKind: i.welcome.kind,
    giftId: i.welcome.kind === "gift" && i.welcome.gift_id > 0 ? i.welcome.gift_id : undefined,
    welcome: voucher && voucher.cents > 0 ? fenText(voucher.cents) : "",
    welcomeMinSpend: voucher?.min_spend_cents ? fenText(voucher.min_spend_cents) : "",
    welcomeDays: voucher ? String(voucher.valid_days) : "30",
    tiers: i.tiers.map((t) => ({ friends: String(t.friends), reward: t.cents > 0 ? fenText(t.cents) : "" })),
    rewardDays: String(i.reward_days),
    monthlyCap: String(i.monthly_cap),
    qualifyDays: String(i.qualify_days),
  };
}
