// The gift-package day's second step: every Friday (the method's member
// day) or one date, when the list closes, until when, in which groups.
import { DatePicker, Form, Input, Radio, Select } from "antd";
import { useTranslation } from "react-i18next";
import type { LadderPlan } from "../../bindings/LadderPlan";
import { NumberInput } from "../../components/NumberInput";
import { chosenSome } from "../../components/selectRules";
import { numberRules } from "../../numbers";
import { useCommunities } from "../communities/queries";
import { PlanChecks } from "./PlanChecks";
import { LIMITS } from "../../bindings/limits";

export function LadderWhen({ plan }: { plan: LadderPlan | undefined }) {
  const { t } = useTranslation();
  const communities = useCommunities(false);
  const when = Form.useWatch<"preset" | "once">("when");
  const required = t("numbers.required");
  return (
    <>
      <Form.Item name="when" label={t("ladder.steps.when")} extra={when === "preset" ? t("ladder.presetHint") : undefined}>
        <Radio.Group optionType="button" buttonStyle="solid" aria-label={t("ladder.steps.when")}>
          <Radio.Button value="preset"><span data-testid="ladder-when-preset">{t("ladder.preset")}</span></Radio.Button>
          <Radio.Button value="once"><span data-testid="ladder-when-once">{t("ladder.oneDate")}</span></Radio.Button>
        </Radio.Group>
      </Form.Item>
      <div style={{ display: "grid", gridTemplateColumns: "1fr 1fr 1fr", gap: 16 }}>
        <Form.Item name="startDay" label={t("spike.startDay")} rules={[{ required: true, message: required }]}>
          <DatePicker style={{ width: "100%" }} data-testid="ladder-start-day" allowClear={false} />
        </Form.Item>
        <Form.Item name="time" label={t("spike.time")} rules={[{ required: true, pattern: /^([01]?\d|2[0-3]):[0-5]\d$/, message: t("content.form.timeFormat") }]}>
          <Input data-testid="ladder-time" placeholder="20:00" />
        </Form.Item>
        <Form.Item name="cutoffHours" label={t("ladder.cutoffHours")} extra={t("ladder.cutoffHelp")} rules={numberRules(t, { min: 1, max: 168, required })}>
          <NumberInput data-testid="ladder-cutoff" />
        </Form.Item>
      </div>
      <div style={{ display: "grid", gridTemplateColumns: "1fr 1fr 1fr", gap: 16 }}>
        {when !== "once" && (
          <Form.Item name="endsOn" label={t("spike.endsOn")} rules={[{ required: true, message: t("spike.endsOnRequired") }]}>
            <DatePicker style={{ width: "100%" }} data-testid="ladder-ends-on" allowClear={false} />
          </Form.Item>
        )}
        <Form.Item name="lead" label={t("spike.lead")} rules={numberRules(t, { min: 0, max: LIMITS.leadMax, required })}>
          <NumberInput data-testid="ladder-lead" />
        </Form.Item>
      </div>
      <Form.Item name="communityIds" label={t("spike.chooseCommunities")} rules={[chosenSome(t("spike.communitiesRequired"))]}>
        <Select
          mode="multiple"
          data-testid="ladder-communities"
          aria-label={t("spike.chooseCommunities")}
          options={(communities.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
        />
      </Form.Item>
      {plan && <PlanChecks checks={plan.checks} rules={["when", "cutoff", "communities"]} />}
    </>
  );
}
