// The welcome-gift wizard's first step: a gift from the catalogue (or money
// off the next visit), how many new members the owner expects, the budget,
// and what it all costs as the owner types.
import { Alert, Form, Radio, Select, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { DrainagePlan } from "../../bindings/DrainagePlan";
import { NumberInput } from "../../components/NumberInput";
import { chosen } from "../../components/selectRules";
import { money } from "../../format";
import { LIMITS } from "../../bindings/limits";
import { numberRules } from "../../numbers";
import { useGifts } from "../gifts/queries";
import { Locked } from "./Locked";
import { PlanChecks } from "./PlanChecks";

const MONEY = { min: 0.01, max: LIMITS.moneyMaxFen / 100, decimals: 2 } as const;

export function DrainageGift({ plan }: { plan: DrainagePlan | undefined }) {
  const { t } = useTranslation();
  const gifts = useGifts(false);
  const kind = Form.useWatch<"gift" | "voucher">("rewardKind");
  const required = t("numbers.required");
  // Drainage gifts first: the catalogue's own word for what pulls new members in.
  const options = [...(gifts.data ?? [])]
    .sort((a, b) => Number(b.kind === "drainage") - Number(a.kind === "drainage"))
    .map((g) => ({ value: g.id, label: t("drainageWizard.giftOption", { name: g.name, cost: money(g.unit_cost_cents), stock: g.stock }) }));
  return (
    <>
      <Locked>
        <Form.Item name="rewardKind" label={t("drainageWizard.rewardKind")}>
          <Radio.Group optionType="button" buttonStyle="solid" aria-label={t("drainageWizard.rewardKind")}>
            <Radio.Button value="gift"><span data-testid="drainage-kind-gift">{t("drainageWizard.gift")}</span></Radio.Button>
            <Radio.Button value="voucher"><span data-testid="drainage-kind-voucher">{t("drainageWizard.voucher")}</span></Radio.Button>
          </Radio.Group>
        </Form.Item>
        {kind === "voucher" ? (
          <div style={{ display: "grid", gridTemplateColumns: "1fr 1fr 1fr", gap: 16 }}>
            <Form.Item name="voucher" label={t("drainageWizard.voucherAmount")} rules={numberRules(t, { ...MONEY, required })}>
              <NumberInput money data-testid="drainage-voucher" />
            </Form.Item>
            <Form.Item name="minSpend" label={t("vouchers.form.minSpend")} rules={numberRules(t, MONEY)}>
              <NumberInput money data-testid="drainage-min-spend" placeholder={t("vouchers.form.none")} />
            </Form.Item>
            <Form.Item name="validDays" label={t("drainageWizard.validDays")} extra={t("drainageWizard.validDaysHelp")} rules={numberRules(t, { min: 1, max: 365, required })}>
              <NumberInput data-testid="drainage-valid-days" />
            </Form.Item>
          </div>
        ) : (
          <Form.Item name="giftId" label={t("drainageWizard.giftPick")} rules={[chosen(t("drainageWizard.giftRequired"))]} extra={options.length === 0 ? t("drainageWizard.noGifts") : undefined}>
            <Select data-testid="drainage-gift" aria-label={t("drainageWizard.giftPick")} options={options} showSearch optionFilterProp="label" />
          </Form.Item>
        )}
      </Locked>
      <div style={{ display: "grid", gridTemplateColumns: "1fr 1fr", gap: 16 }}>
        <Form.Item name="joins" label={t("drainageWizard.joins")} extra={t("drainageWizard.joinsHelp")} rules={numberRules(t, { min: 1, max: 10000, required })}>
          <NumberInput data-testid="drainage-joins" />
        </Form.Item>
        <Form.Item name="budget" label={t("drainageWizard.budget")} extra={t("drainageWizard.budgetHelp")} rules={numberRules(t, MONEY)}>
          <NumberInput money data-testid="drainage-budget" placeholder={t("vouchers.form.none")} />
        </Form.Item>
      </div>
      {plan && plan.unit_cost_cents > 0 && plan.expected_joins > 0 && (
        <Alert
          type="info"
          data-testid="drainage-cost"
          style={{ marginBottom: 16 }}
          message={
            <Typography.Text>
              {t(kind === "voucher" ? "drainageWizard.costVoucher" : "drainageWizard.costGift", {
                joins: plan.expected_joins,
                unit: money(plan.unit_cost_cents),
                total: money(plan.cost_cents),
              })}
              {plan.budget_cents !== null && ` ${t("drainageWizard.ofBudget", { budget: money(plan.budget_cents) })}`}
            </Typography.Text>
          }
        />
      )}
      {plan && <PlanChecks checks={plan.checks} rules={["gift", "stock", "voucher", "joins", "budget"]} />}
    </>
  );
}
