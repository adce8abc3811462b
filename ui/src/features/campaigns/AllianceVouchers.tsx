// The alliance's second step: what each voucher gives here (money off, a
// discount or a gift), its minimum spend, how many each partner hands out,
// and the days it is valid (within every partner's agreement).
import { DatePicker, Form, Input, Radio, Select } from "antd";
import { useTranslation } from "react-i18next";
import type { AlliancePlan } from "../../bindings/AlliancePlan";
import { LIMITS } from "../../bindings/limits";
import { NumberInput } from "../../components/NumberInput";
import { chosen } from "../../components/selectRules";
import { numberRules } from "../../numbers";
import { useGifts } from "../gifts/queries";
import { Locked } from "./Locked";
import { PlanChecks } from "./PlanChecks";
import { lengthRule, limited } from "../../components/textLimit";

const MONEY = { min: 0.01, max: LIMITS.moneyMaxFen / 100, decimals: 2 } as const;

export function AllianceVouchers({ plan }: { plan: AlliancePlan | undefined }) {
  const { t } = useTranslation();
  const gifts = useGifts(false);
  const kind = Form.useWatch<"amount_off" | "percent_off" | "gift">("benefitKind");
  const required = t("numbers.required");
  return (
    <>
      <Locked>
        <Form.Item name="benefitKind" label={t("alliance.benefit")}>
          <Radio.Group optionType="button" buttonStyle="solid" aria-label={t("alliance.benefit")}>
            <Radio.Button value="amount_off"><span data-testid="alliance-kind-amount">{t("alliance.amountOff")}</span></Radio.Button>
            <Radio.Button value="percent_off"><span data-testid="alliance-kind-percent">{t("alliance.percentOff")}</span></Radio.Button>
            <Radio.Button value="gift"><span data-testid="alliance-kind-gift">{t("alliance.gift")}</span></Radio.Button>
          </Radio.Group>
        </Form.Item>
        <div className="sc-grid-2">
          {kind === "gift" ? (
            <Form.Item name="giftId" label={t("drainageWizard.giftPick")} rules={[chosen(t("drainageWizard.giftRequired"))]}>
              <Select data-testid="alliance-gift" aria-label={t("drainageWizard.giftPick")} options={(gifts.data ?? []).map((g) => ({ value: g.id, label: g.name }))} />
            </Form.Item>
          ) : kind === "percent_off" ? (
            <Form.Item name="percent" label={t("alliance.percent")} rules={numberRules(t, { min: 1, max: LIMITS.percentOffMax, required })}>
              <NumberInput data-testid="alliance-percent" suffix="%" />
            </Form.Item>
          ) : (
            <Form.Item name="amount" label={t("alliance.amount")} rules={numberRules(t, { ...MONEY, required })}>
              <NumberInput money data-testid="alliance-amount" />
            </Form.Item>
          )}
          <Form.Item name="minSpend" label={t("vouchers.form.minSpend")} rules={numberRules(t, MONEY)}>
            <NumberInput money data-testid="alliance-min-spend" placeholder={t("vouchers.form.none")} />
          </Form.Item>
        </div>
      </Locked>
      <div className="sc-grid-2">
        <Form.Item name="perPartner" label={t("alliance.perPartner")} extra={t("alliance.perPartnerHelp")} rules={numberRules(t, { min: 1, max: LIMITS.allianceVouchersMax, required })}>
          <NumberInput data-testid="alliance-per-partner" />
        </Form.Item>
        <Form.Item name="days" label={t("alliance.days")} extra={t("alliance.daysHelp")} rules={[{ required: true, message: t("alliance.daysRequired") }]}>
          <DatePicker.RangePicker style={{ width: "100%" }} allowClear={false} data-testid="alliance-days" aria-label={t("alliance.days")} />
        </Form.Item>
      </div>
      <Form.Item name="name" label={t("referralWizard.name")} extra={t("alliance.nameHelp")} rules={[lengthRule(t, LIMITS.allianceName)]}>
        <Input data-testid="alliance-name" {...limited(LIMITS.allianceName)} />
      </Form.Item>
      {plan && <PlanChecks checks={plan.checks} rules={["benefit", "vouchers", "when", "name"]} />}
    </>
  );
}
