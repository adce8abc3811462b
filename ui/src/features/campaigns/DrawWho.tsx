// The lucky draw's second step: which communities' members take part (only
// those who agreed to hear about offers), and on what condition — everyone,
// a spend between two days, or the names pasted from the group's 接龙.
import { DatePicker, Form, Input, Radio, Select, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { DrawPlan } from "../../bindings/DrawPlan";
import { LIMITS } from "../../bindings/limits";
import { NumberInput } from "../../components/NumberInput";
import { chosenSome } from "../../components/selectRules";
import { numberRules } from "../../numbers";
import { useCommunities } from "../communities/queries";
import type { ConditionKind } from "./drawValues";
import { PlanChecks } from "./PlanChecks";

export function DrawWho({ plan }: { plan: DrawPlan | undefined }) {
  const { t } = useTranslation();
  const communities = useCommunities(false);
  const kind = Form.useWatch<ConditionKind>("conditionKind");
  const required = t("numbers.required");
  return (
    <>
      <Form.Item name="communityIds" label={t("drawWizard.communities")} extra={t("drawWizard.consentHelp")} rules={[chosenSome(t("spike.communitiesRequired"))]}>
        <Select mode="multiple" data-testid="draw-communities" aria-label={t("drawWizard.communities")} options={(communities.data ?? []).map((c) => ({ value: c.id, label: c.name }))} />
      </Form.Item>
      <Form.Item name="conditionKind" label={t("drawWizard.condition")}>
        <Radio.Group aria-label={t("drawWizard.condition")}>
          <Radio value="everyone" data-testid="draw-condition-everyone">{t("drawWizard.everyone")}</Radio>
          <Radio value="spent" data-testid="draw-condition-spent">{t("drawWizard.spent")}</Radio>
          <Radio value="pasted" data-testid="draw-condition-pasted">{t("drawWizard.pasted")}</Radio>
        </Radio.Group>
      </Form.Item>
      {kind === "spent" && (
        <div className="sc-grid-2">
          <Form.Item name="minSpend" label={t("drawWizard.minSpend")} rules={numberRules(t, { min: 0.01, max: LIMITS.moneyMaxFen / 100, decimals: 2, required })}>
            <NumberInput money data-testid="draw-min-spend" />
          </Form.Item>
          <Form.Item name="spentDays" label={t("drawWizard.spentDays")} rules={[{ required: true, message: t("drawWizard.spentDaysRequired") }]}>
            <DatePicker.RangePicker style={{ width: "100%" }} allowClear={false} data-testid="draw-spent-days" aria-label={t("drawWizard.spentDays")} />
          </Form.Item>
        </div>
      )}
      {kind === "pasted" && (
        <Form.Item name="pasted" label={t("drawWizard.pastedList")} extra={t("drawWizard.pastedHelp")} rules={[{ required: true, whitespace: true, message: t("drawWizard.pastedRequired") }]}>
          <Input.TextArea rows={8} data-testid="draw-pasted" />
        </Form.Item>
      )}
      {plan && (
        <Typography.Paragraph data-testid="draw-entrants">
          {t("drawWizard.entrantsNow", { count: plan.entrants })}
        </Typography.Paragraph>
      )}
      {plan && <PlanChecks checks={plan.checks} rules={["communities", "condition", "entrants"]} />}
    </>
  );
}
