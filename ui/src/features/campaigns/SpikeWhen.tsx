// The flash sale's second step: which evenings (the method's Monday to
// Thursday, chosen days, or one date), how long, until when, in which groups.
import { Checkbox, DatePicker, Form, Input, Radio, Select } from "antd";
import { useTranslation } from "react-i18next";
import type { SpikePlan } from "../../bindings/SpikePlan";
import { NumberInput } from "../../components/NumberInput";
import { chosenSome } from "../../components/selectRules";
import { numberRules } from "../../numbers";
import { useCommunities } from "../communities/queries";
import { WeekdayToggles } from "../schedules/ScheduleFields";
import { Locked } from "./Locked";
import { PlanChecks } from "./PlanChecks";
import type { When } from "./spikeValues";
import { LIMITS } from "../../bindings/limits";

export function SpikeWhen({ plan }: { plan: SpikePlan | undefined }) {
  const { t } = useTranslation();
  const communities = useCommunities(false);
  const when = Form.useWatch<When>("when");
  const required = t("numbers.required");
  return (
    <>
      <Form.Item name="when" label={t("spike.steps.when")} extra={when === "preset" ? t("spike.presetHint") : undefined}>
        <Radio.Group optionType="button" buttonStyle="solid" aria-label={t("spike.steps.when")}>
          <Radio.Button value="preset"><span data-testid="spike-when-preset">{t("spike.preset")}</span></Radio.Button>
          <Radio.Button value="days"><span data-testid="spike-when-days">{t("spike.chosenDays")}</span></Radio.Button>
          <Radio.Button value="once"><span data-testid="spike-when-once">{t("spike.oneDate")}</span></Radio.Button>
        </Radio.Group>
      </Form.Item>
      {when === "days" && (
        <Form.Item name="days" label={t("spike.days")}>
          <WeekdayToggles />
        </Form.Item>
      )}
      <div style={{ display: "grid", gridTemplateColumns: "1fr 1fr 1fr", gap: 16 }}>
        <Form.Item name="startDay" label={t("spike.startDay")} rules={[{ required: true, message: required }]}>
          <DatePicker style={{ width: "100%" }} data-testid="spike-start-day" allowClear={false} />
        </Form.Item>
        <Form.Item name="time" label={t("spike.time")} rules={[{ required: true, pattern: /^([01]?\d|2[0-3]):[0-5]\d$/, message: t("content.form.timeFormat") }]}>
          <Input data-testid="spike-time" placeholder="20:00" />
        </Form.Item>
        <Form.Item name="minutes" label={t("spike.minutes")} extra={t("spike.minutesHelp")} rules={numberRules(t, { min: 1, max: 1440, required })}>
          <NumberInput data-testid="spike-minutes" />
        </Form.Item>
      </div>
      <div style={{ display: "grid", gridTemplateColumns: "1fr 1fr 1fr", gap: 16 }}>
        {when !== "once" && (
          <Form.Item name="endsOn" label={t("spike.endsOn")} rules={[{ required: true, message: t("spike.endsOnRequired") }]}>
            <DatePicker style={{ width: "100%" }} data-testid="spike-ends-on" allowClear={false} />
          </Form.Item>
        )}
        <Form.Item name="lead" label={t("spike.lead")} rules={numberRules(t, { min: 0, max: LIMITS.leadMax, required })}>
          <NumberInput data-testid="spike-lead" />
        </Form.Item>
        <Locked>
          <Form.Item name="pickupDays" label={t("spike.pickupDays")} rules={numberRules(t, { min: 1, max: 30, required })}>
            <NumberInput data-testid="spike-pickup-days" />
          </Form.Item>
        </Locked>
      </div>
      <Locked>
        <Form.Item name="pickupVouchers" valuePropName="checked" extra={t("spike.pickupVouchersHelp")}>
          <Checkbox data-testid="spike-pickup-vouchers">{t("spike.pickupVouchers")}</Checkbox>
        </Form.Item>
      </Locked>
      <Form.Item name="communityIds" label={t("spike.chooseCommunities")} rules={[chosenSome(t("spike.communitiesRequired"))]}>
        <Select
          mode="multiple"
          data-testid="spike-communities"
          aria-label={t("spike.chooseCommunities")}
          options={(communities.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
        />
      </Form.Item>
      {plan && <PlanChecks checks={plan.checks} rules={["when", "duration", "pickup", "communities", "clash", "product_busy"]} />}
    </>
  );
}
