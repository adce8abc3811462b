// The lucky draw's first step: the prizes in rank order (from the gift
// catalogue or money off), the consolation voucher everyone else gets, the
// budget, and what it may cost as the owner types: the maximum (everything
// claimed) against the budget, and the expected cost at the assumed rate.
import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { Alert, Button, Form, Input, Select, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { DrawPlan } from "../../bindings/DrawPlan";
import { LIMITS } from "../../bindings/limits";
import { NumberInput } from "../../components/NumberInput";
import { money } from "../../format";
import { fenText, numberRules } from "../../numbers";
import { useGifts } from "../gifts/queries";
import { blankPrize } from "./drawValues";
import { PlanChecks } from "./PlanChecks";
import { lengthRule, limited } from "../../components/textLimit";

const MONEY = { min: 0.01, max: LIMITS.moneyMaxFen / 100, decimals: 2 } as const;
/** China's promotion rules: a draw's top prize is worth at most ¥50,000. */
const PRIZE = { min: 0.01, max: LIMITS.prizeMaxFen / 100, decimals: 2 } as const;
const MAX_PRIZES = 10;

export function DrawPrizes({ plan }: { plan: DrawPlan | undefined }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const gifts = useGifts(false);
  const required = t("numbers.required");
  const giftOptions = [{ value: 0, label: t("drawWizard.moneyOff") }, ...(gifts.data ?? []).map((g) => ({ value: g.id, label: t("drawWizard.giftOption", { name: g.name, value: money(g.value_cents), stock: g.stock }) }))];
  // A gift from the catalogue brings its name, value and cost; each stays editable.
  const pickGift = (index: number, id: number) => {
    const g = gifts.data?.find((x) => x.id === id);
    const prizes = [...(form.getFieldValue("prizes") ?? [])];
    prizes[index] = g ? { ...prizes[index], giftId: g.id, name: g.name, value: fenText(g.value_cents), cost: fenText(g.unit_cost_cents) } : { ...prizes[index], giftId: undefined };
    form.setFieldValue("prizes", prizes);
  };
  return (
    <>
      <Typography.Paragraph type="secondary">{t("drawWizard.prizesHint")}</Typography.Paragraph>
      <Form.List name="prizes">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, i) => (
              <fieldset key={field.key} className="sc-draw-prize" data-testid={`draw-prize-${i}`}>
                <legend>{t("drawWizard.rank", { rank: i + 1 })}</legend>
                <Form.Item label={t("drawWizard.prizeFrom")} name={[field.name, "giftId"]} getValueProps={(v) => ({ value: v ?? 0 })}>
                  <Select aria-label={t("drawWizard.prizeFrom")} options={giftOptions} onChange={(v: number) => pickGift(i, v)} data-testid={`draw-prize-gift-${i}`} />
                </Form.Item>
                <Form.Item label={t("drawWizard.prizeName")} name={[field.name, "name"]} rules={[{ required: true, whitespace: true, message: t("drawWizard.prizeNameRequired") }, lengthRule(t, LIMITS.prizeName)]}>
                  <Input data-testid={`draw-prize-name-${i}`} placeholder={t("drawWizard.prizeNamePlaceholder")} {...limited(LIMITS.prizeName)} />
                </Form.Item>
                <Form.Item label={t("drawWizard.quantity")} name={[field.name, "quantity"]} rules={numberRules(t, { min: 1, max: LIMITS.prizeQuantityMax, required })}>
                  <NumberInput data-testid={`draw-prize-quantity-${i}`} />
                </Form.Item>
                <Form.Item label={t("drawWizard.value")} name={[field.name, "value"]} rules={numberRules(t, { ...PRIZE, required })}>
                  <NumberInput money data-testid={`draw-prize-value-${i}`} />
                </Form.Item>
                <Form.Item label={t("drawWizard.cost")} name={[field.name, "cost"]} rules={numberRules(t, { ...PRIZE, min: 0 })}>
                  <NumberInput money data-testid={`draw-prize-cost-${i}`} placeholder={t("drawWizard.costSameAsValue")} />
                </Form.Item>
                <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)} disabled={fields.length <= 1} aria-label={t("drawWizard.removePrize", { rank: i + 1 })} data-testid={`draw-prize-remove-${i}`} />
              </fieldset>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add(blankPrize())} disabled={fields.length >= MAX_PRIZES} data-testid="draw-prize-add" style={{ marginBottom: 16 }}>
              {t("drawWizard.addPrize")}
            </Button>
          </>
        )}
      </Form.List>
      <div className="sc-grid-3">
        <Form.Item name="consolation" label={t("drawWizard.consolation")} extra={t("drawWizard.consolationHelp")} rules={numberRules(t, { ...MONEY, required })}>
          <NumberInput money data-testid="draw-consolation" />
        </Form.Item>
        <Form.Item name="consolationMinSpend" label={t("vouchers.form.minSpend")} rules={numberRules(t, MONEY)}>
          <NumberInput money data-testid="draw-consolation-min-spend" placeholder={t("vouchers.form.none")} />
        </Form.Item>
        <Form.Item name="consolationCost" label={t("drawWizard.consolationCost")} rules={numberRules(t, { ...MONEY, min: 0 })}>
          <NumberInput money data-testid="draw-consolation-cost" placeholder={t("drawWizard.costSameAsValue")} />
        </Form.Item>
      </div>
      <div className="sc-grid-2">
        <Form.Item name="budget" label={t("drawWizard.budget")} extra={t("drawWizard.budgetHelp")} rules={numberRules(t, { ...MONEY, required })}>
          <NumberInput money data-testid="draw-budget" />
        </Form.Item>
        <Form.Item name="redemption" label={t("drawWizard.redemption")} extra={t("drawWizard.redemptionHelp")} rules={numberRules(t, { min: 0, max: 100, required })}>
          <NumberInput data-testid="draw-redemption" suffix="%" />
        </Form.Item>
      </div>
      {plan && plan.max_cost_cents > 0 && (
        <Alert
          type={plan.budget_cents > 0 && plan.max_cost_cents > plan.budget_cents ? "error" : "info"}
          style={{ marginBottom: 16 }}
          data-testid="draw-cost"
          message={t("drawWizard.costLine", { max: money(plan.max_cost_cents), expected: money(plan.expected_cost_cents), entrants: plan.entrants_at_most, budget: money(plan.budget_cents) })}
        />
      )}
      {plan && <PlanChecks checks={plan.checks} rules={["prizes", "consolation", "budget", "redemption"]} />}
    </>
  );
}
