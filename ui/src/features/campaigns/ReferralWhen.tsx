// The referral day's second step: where it is announced, the days friend
// cards are taken, the member promotion day each month and its post's time,
// and its name.
import { DatePicker, Form, Input, Select } from "antd";
import { useTranslation } from "react-i18next";
import type { ReferralPlan } from "../../bindings/ReferralPlan";
import { NumberInput } from "../../components/NumberInput";
import { chosenSome } from "../../components/selectRules";
import { numberRules } from "../../numbers";
import { useCommunities } from "../communities/queries";
import { PlanChecks } from "./PlanChecks";
import { LIMITS } from "../../bindings/limits";
import { lengthRule, limited } from "../../components/textLimit";

const TIME = /^([01]?\d|2[0-3]):[0-5]\d$/;

export function ReferralWhen({ plan }: { plan: ReferralPlan | undefined }) {
  const { t } = useTranslation();
  const communities = useCommunities(false);
  const required = t("numbers.required");
  return (
    <>
      <Form.Item name="communityIds" label={t("referralWizard.communities")} extra={t("referralWizard.communitiesHelp")} rules={[chosenSome(t("spike.communitiesRequired"))]}>
        <Select mode="multiple" data-testid="referral-communities" aria-label={t("referralWizard.communities")} options={(communities.data ?? []).map((c) => ({ value: c.id, label: c.name }))} />
      </Form.Item>
      <Form.Item name="days" label={t("referralWizard.days")} extra={t("referralWizard.daysHelp")} rules={[{ required: true, message: t("referralWizard.daysRequired") }]}>
        <DatePicker.RangePicker style={{ width: "100%" }} allowClear={false} data-testid="referral-days" aria-label={t("referralWizard.days")} />
      </Form.Item>
      <div className="sc-grid-2">
        <Form.Item name="promotionDay" label={t("referralWizard.promotionDay")} extra={t("referralWizard.promotionDayHelp")} rules={numberRules(t, { min: 1, max: 28, required })}>
          <NumberInput data-testid="referral-promotion-day" />
        </Form.Item>
        <Form.Item name="promotionTime" label={t("referralWizard.promotionTime")} rules={[{ required: true, pattern: TIME, message: t("content.form.timeFormat") }]}>
          <Input data-testid="referral-promotion-time" placeholder="10:00" />
        </Form.Item>
      </div>
      <Form.Item name="name" label={t("referralWizard.name")} extra={t("referralWizard.nameHelp")} rules={[lengthRule(t, LIMITS.referralName)]}>
        <Input data-testid="referral-name" {...limited(LIMITS.referralName)} />
      </Form.Item>
      {plan && <PlanChecks checks={plan.checks} rules={["communities", "when", "overlap", "promotion_day", "name"]} />}
    </>
  );
}
