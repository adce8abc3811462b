// The lucky draw's third step: when the list freezes, when the draw happens
// (the public number mixed in must be unknown at the freeze), until when
// prizes are claimed, which public number, and how to reach the organiser.
import { DatePicker, Form, Input } from "antd";
import { useTranslation } from "react-i18next";
import type { DrawPlan } from "../../bindings/DrawPlan";
import { PlanChecks } from "./PlanChecks";
import { LIMITS } from "../../bindings/limits";
import { lengthRule, limited } from "../../components/textLimit";

const TIME = /^([01]?\d|2[0-3]):[0-5]\d$/;

export function DrawWhen({ plan }: { plan: DrawPlan | undefined }) {
  const { t } = useTranslation();
  const time = [{ required: true, pattern: TIME, message: t("content.form.timeFormat") }];
  const day = [{ required: true, message: t("drawWizard.dayRequired") }];
  return (
    <>
      <div className="sc-grid-2">
        <Form.Item name="freezeDay" label={t("drawWizard.freezeDay")} extra={t("drawWizard.freezeHelp")} rules={day}>
          <DatePicker style={{ width: "100%" }} allowClear={false} data-testid="draw-freeze-day" aria-label={t("drawWizard.freezeDay")} />
        </Form.Item>
        <Form.Item name="freezeTime" label={t("drawWizard.freezeTime")} rules={time}>
          <Input data-testid="draw-freeze-time" placeholder="22:00" />
        </Form.Item>
        <Form.Item name="drawDay" label={t("drawWizard.drawDay")} rules={day}>
          <DatePicker style={{ width: "100%" }} allowClear={false} data-testid="draw-draw-day" aria-label={t("drawWizard.drawDay")} />
        </Form.Item>
        <Form.Item name="drawTime" label={t("drawWizard.drawTime")} rules={time}>
          <Input data-testid="draw-draw-time" placeholder="20:00" />
        </Form.Item>
      </div>
      <Form.Item name="publicValueSource" label={t("drawWizard.publicValueSource")} extra={t("drawWizard.publicValueHelp")} rules={[{ required: true, whitespace: true, message: t("drawWizard.publicValueRequired") }, lengthRule(t, LIMITS.publicValue)]}>
        <Input data-testid="draw-public-value-source" {...limited(LIMITS.publicValue)} />
      </Form.Item>
      <div className="sc-grid-2">
        <Form.Item name="claimUntil" label={t("drawWizard.claimUntil")} extra={t("drawWizard.claimHelp")} rules={day}>
          <DatePicker style={{ width: "100%" }} allowClear={false} data-testid="draw-claim-until" aria-label={t("drawWizard.claimUntil")} />
        </Form.Item>
        <Form.Item name="contact" label={t("drawWizard.contact")} rules={[lengthRule(t, LIMITS.drawContact)]}>
          <Input data-testid="draw-contact" {...limited(LIMITS.drawContact)} />
        </Form.Item>
      </div>
      <Form.Item name="name" label={t("drawWizard.name")} extra={t("drawWizard.nameHelp")} rules={[lengthRule(t, LIMITS.drawName)]}>
        <Input data-testid="draw-name" {...limited(LIMITS.drawName)} />
      </Form.Item>
      {plan && <PlanChecks checks={plan.checks} rules={["when", "claim", "public_value", "contact", "name"]} />}
    </>
  );
}
