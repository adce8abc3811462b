// The gift-package day's first step: what each package holds, its price
// alone and on the group-buy ladder (the method's tiers a click away), how
// many packages a session sells; every price's margin shown as it is typed.
import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Form, Select, Table, Typography } from "antd";
import { useContext } from "react";
import { useTranslation } from "react-i18next";
import { LIMITS } from "../../bindings/limits";
import type { LadderPlan } from "../../bindings/LadderPlan";
import type { TierLine } from "../../bindings/TierLine";
import { NumberInput } from "../../components/NumberInput";
import { chosen } from "../../components/selectRules";
import { money } from "../../format";
import { numberRules } from "../../numbers";
import { useProducts } from "../products/queries";
import { tierValues } from "./ladderValues";
import { Locked, WizardEditing } from "./Locked";
import { PlanChecks } from "./PlanChecks";

const PRICE = { min: 0.01, max: LIMITS.productMoneyMaxFen / 100, decimals: 2 } as const;
const COUNT = { min: 1, max: LIMITS.productStockMax } as const;

export function LadderPackage({ plan }: { plan: LadderPlan | undefined }) {
  const { t } = useTranslation();
  const products = useProducts(false);
  const form = Form.useFormInstance();
  // A published day's package is locked: its remove buttons too (they set their own disabled).
  const editing = useContext(WizardEditing);
  const required = t("numbers.required");
  const options = (products.data ?? []).map((p) => ({ value: p.id, label: `${p.name} · ${money(p.price_cents)} · ${t(`products.roles.${p.role}`)}` }));
  return (
    <Locked>
      <Typography.Title level={5} style={{ marginTop: 0 }}>{t("ladder.items")}</Typography.Title>
      <Form.List name="items">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f, i) => (
              <div key={f.key} style={{ display: "grid", gridTemplateColumns: "1fr 120px 40px", gap: 12, alignItems: "start" }}>
                <Form.Item name={[f.name, "productId"]} label={i === 0 ? t("ladder.product") : undefined} rules={[chosen(t("ladder.productRequired"))]}>
                  <Select data-testid={`ladder-item-product-${i}`} aria-label={t("ladder.product")} options={options} loading={products.isPending} />
                </Form.Item>
                <Form.Item name={[f.name, "quantity"]} label={i === 0 ? t("ladder.quantity") : undefined} rules={numberRules(t, { ...COUNT, required })}>
                  <NumberInput data-testid={`ladder-item-quantity-${i}`} aria-label={t("ladder.quantity")} />
                </Form.Item>
                <Button type="text" icon={<DeleteOutlined />} aria-label={t("ladder.remove")} disabled={editing || fields.length === 1} onClick={() => remove(f.name)} style={{ marginTop: i === 0 ? 30 : 0 }} />
              </div>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add({ quantity: "1" })} style={{ marginBottom: 16 }} data-testid="ladder-add-item">
              {t("ladder.addItem")}
            </Button>
          </>
        )}
      </Form.List>
      {plan && plan.items.length > 0 && (
        <Typography.Paragraph type="secondary" data-testid="ladder-figures">
          {t("ladder.figures", { value: money(plan.value_cents), cost: money(plan.cost_cents) })}
        </Typography.Paragraph>
      )}
      <div style={{ display: "grid", gridTemplateColumns: "1fr 1fr", gap: 16 }}>
        <Form.Item name="solo" label={t("ladder.solo")} rules={numberRules(t, { ...PRICE, required })}>
          <NumberInput money data-testid="ladder-solo" placeholder="0.00" />
        </Form.Item>
        <Form.Item name="shares" label={t("ladder.shares")} rules={numberRules(t, { ...COUNT, required })} extra={plan && plan.items.length > 0 ? t("ladder.sharesHelp", { count: plan.available }) : undefined}>
          <NumberInput data-testid="ladder-shares" />
        </Form.Item>
      </div>
      <Typography.Title level={5}>{t("ladder.tiers")}</Typography.Title>
      <Form.List name="tiers">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f, i) => (
              <div key={f.key} style={{ display: "grid", gridTemplateColumns: "140px 1fr 40px", gap: 12, alignItems: "start" }}>
                <Form.Item name={[f.name, "min"]} label={i === 0 ? t("ladder.tierMin") : undefined} rules={numberRules(t, { min: 2, max: LIMITS.productStockMax, required })}>
                  <NumberInput data-testid={`ladder-tier-min-${i}`} aria-label={t("ladder.tierMin")} />
                </Form.Item>
                <Form.Item name={[f.name, "price"]} label={i === 0 ? t("ladder.tierPrice") : undefined} rules={numberRules(t, { ...PRICE, required })}>
                  <NumberInput money data-testid={`ladder-tier-price-${i}`} aria-label={t("ladder.tierPrice")} placeholder="0.00" />
                </Form.Item>
                <Button type="text" icon={<DeleteOutlined />} aria-label={t("ladder.remove")} disabled={editing || fields.length === 1} onClick={() => remove(f.name)} style={{ marginTop: i === 0 ? 30 : 0 }} />
              </div>
            ))}
            <div style={{ display: "flex", gap: 8, flexWrap: "wrap", alignItems: "center", marginBottom: 16 }}>
              <Button icon={<PlusOutlined />} onClick={() => add({ min: "", price: "" })} data-testid="ladder-add-tier">
                {t("ladder.addTier")}
              </Button>
              <Button
                disabled={!plan || plan.suggested.length === 0}
                onClick={() => plan && form.setFieldsValue({ tiers: plan.suggested.map(tierValues) })}
                data-testid="ladder-use-method"
              >
                {t("ladder.useMethod")}
              </Button>
              <Typography.Text type="secondary">{t("ladder.methodHint")}</Typography.Text>
            </div>
          </>
        )}
      </Form.List>
      {plan && plan.items.length > 0 && <PriceTable prices={plan.prices} />}
      {plan && <PlanChecks checks={plan.checks} rules={["bundle", "mix", "solo", "tiers", "dearer", "below_cost", "shares"]} />}
    </Locked>
  );
}

function PriceTable({ prices }: { prices: TierLine[] }) {
  const { t } = useTranslation();
  return (
    <Table<TierLine>
      size="small"
      rowKey="min_shares"
      pagination={false}
      style={{ marginBottom: 16 }}
      title={() => <Typography.Text strong>{t("ladder.priceTable")}</Typography.Text>}
      dataSource={prices.filter((p) => p.price_cents > 0)}
      data-testid="ladder-prices"
      columns={[
        { title: t("ladder.colShares"), key: "n", render: (_: unknown, p: TierLine) => (p.min_shares === 1 ? t("ladder.alone") : t("ladder.from", { count: p.min_shares })) },
        { title: t("ladder.colPrice"), key: "price", render: (_: unknown, p: TierLine) => money(p.price_cents) },
        {
          title: t("ladder.colMargin"),
          key: "margin",
          render: (_: unknown, p: TierLine) => (
            <Typography.Text type={p.margin_cents < 0 ? "danger" : undefined}>
              {money(p.margin_cents)} · {p.margin_percent} %
            </Typography.Text>
          ),
        },
      ]}
    />
  );
}
