// The alliance wizard's form: what the owner types (numbers kept as text, see
// numbers.ts), the defaults (¥10 off on ¥30 or more, 50 vouchers a partner,
// valid from today to the end of next month), and the AllianceInput the core
// plans from.
import dayjs, { type Dayjs } from "dayjs";
import type { AllianceInput } from "../../bindings/AllianceInput";
import { fenText, readFen, readNumber } from "../../numbers";

const DAY = "YYYY-MM-DD";

export type AllianceValues = {
  name: string;
  communityId?: number;
  partnerIds: number[];
  benefitKind: "amount_off" | "percent_off" | "gift";
  amount: string;
  percent: string;
  giftId?: number;
  minSpend: string;
  perPartner: string;
  days: [Dayjs, Dayjs] | null;
};

export const ALLIANCE_STEP_FIELDS: (keyof AllianceValues)[][] = [
  ["communityId", "partnerIds"],
  ["benefitKind", "amount", "percent", "giftId", "minSpend", "perPartner", "days", "name"],
  [],
  [],
];

export function blankAlliance(today: string, communityIds: number[]): AllianceValues {
  const start = dayjs(today);
  return {
    name: "",
    communityId: communityIds[0],
    partnerIds: [],
    benefitKind: "amount_off",
    amount: "10",
    percent: "",
    minSpend: "30",
    perPartner: "50",
    days: [start, start.add(1, "month").endOf("month").startOf("day")],
  };
}

export function toAllianceInput(v: AllianceValues): AllianceInput {
  // Unreadable text goes as 0: the plan refuses it with its reason, and the
  // field's own rule has said so beside the box.
  const benefit: AllianceInput["benefit"] =
    v.benefitKind === "gift"
      ? { kind: "gift", gift_id: v.giftId ?? 0 }
      : v.benefitKind === "percent_off"
        ? { kind: "percent_off", percent: readNumber(v.percent) ?? 0 }
        : { kind: "amount_off", cents: readFen(v.amount) ?? 0 };
  return {
    name: (v.name ?? "").trim(),
    community_id: v.communityId ?? 0,
    partner_ids: v.partnerIds ?? [],
    benefit,
    min_spend_cents: v.minSpend?.trim() ? (readFen(v.minSpend) ?? 0) : null,
    vouchers_per_partner: readNumber(v.perPartner) ?? 0,
    first_day: v.days ? v.days[0].format(DAY) : "",
    last_day: v.days ? v.days[1].format(DAY) : "",
  };
}

export function fromAllianceInput(i: AllianceInput): AllianceValues {
  const day = (s: string) => (s && dayjs(s).isValid() ? dayjs(s) : null);
  const [first, last] = [day(i.first_day), day(i.last_day)];
  const b = i.benefit;
  return {
    name: i.name,
    communityId: i.community_id > 0 ? i.community_id : undefined,
    partnerIds: i.partner_ids,
    benefitKind: b.kind === "gift" ? "gift" : b.kind === "percent_off" ? "percent_off" : "amount_off",
    amount: b.kind === "amount_off" && b.cents > 0 ? fenText(b.cents) : "",
    percent: b.kind === "percent_off" && b.percent > 0 ? String(b.percent) : "",
    giftId: b.kind === "gift" && b.gift_id > 0 ? b.gift_id : undefined,
    minSpend: i.min_spend_cents ? fenText(i.min_spend_cents) : "",
    perPartner: String(i.vouchers_per_partner),
    days: first && last ? [first, last] : null,
  };
}
