// The flash sale's first step: which product, at what price, how many, how
// many each; the product's figures and the margin shown as the owner types.
import { Form, Select, Space, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { LIMITS } from "../../bindings/limits";
import type { SpikePlan } from "../../bindings/SpikePlan";
import { NumberInput } from "../../components/NumberInput";
import { PageLink } from "../../components/PageLink";
import { chosen } from "../../components/selectRules";
import { money } from "../../format";
import { useNav } from "../../nav";
import { numberRules } from "../../numbers";
import { useProducts } from "../products/queries";
import { Locked } from "./Locked";
import { PlanChecks } from "./PlanChecks";

const PRICE = { min: 0.01, max: LIMITS.productMoneyMaxFen / 100, decimals: 2 } as const;
const COUNT = { min: 1, max: LIMITS.productStockMax } as const;

export function SpikeWhat({ plan }: { plan: SpikePlan | undefined }) {
  const { t } = useTranslation();
  const products = useProducts(false);
  const { go } = useNav();
  const productId = Form.useWatch<number | undefined>("productId");
  const picked = products.data?.find((p) => p.id === productId);
  if (products.data && products.data.length === 0) {
    return (
      <Space direction="vertical">
        <Typography.Text>{t("spike.noProducts")}</Typography.Text>
        <PageLink onOpen={() => go({ page: "products" })} testId="spike-open-products">
          {t("spike.openProducts")}
        </PageLink>
      </Space>
    );
  }
  const required = t("numbers.required");
  return (
    <Locked>
      <Form.Item name="productId" label={t("spike.product")} rules={[chosen(t("spike.productRequired"))]}>
        <Select
          data-testid="spike-product"
          aria-label={t("spike.product")}
          placeholder={t("spike.productPick")}
          loading={products.isPending}
          options={(products.data ?? []).map((p) => ({ value: p.id, label: `${p.name} · ${money(p.price_cents)} · ${t(`products.roles.${p.role}`)}` }))}
        />
      </Form.Item>
      {picked && (
        <Typography.Paragraph type="secondary" data-testid="spike-figures" style={{ marginTop: -12 }}>
          {t("spike.figures", {
            price: money(picked.price_cents).slice(1),
            reference: money(picked.reference_price_cents).slice(1),
            cost: money(picked.cost_cents).slice(1),
            stock: picked.stock,
          })}
        </Typography.Paragraph>
      )}
      <div style={{ display: "grid", gridTemplateColumns: "1fr 1fr 1fr", gap: 16 }}>
        <Form.Item name="price" label={t("spike.price")} rules={numberRules(t, { ...PRICE, required })}>
          <NumberInput money data-testid="spike-price" placeholder="0.00" />
        </Form.Item>
        <Form.Item name="quantity" label={t("spike.quantity")} rules={numberRules(t, { ...COUNT, required })} extra={plan && picked ? t("spike.available", { count: plan.available }) : undefined}>
          <NumberInput data-testid="spike-quantity" />
        </Form.Item>
        <Form.Item name="limit" label={t("spike.limit")} rules={numberRules(t, { ...COUNT, required })}>
          <NumberInput data-testid="spike-limit" />
        </Form.Item>
      </div>
      {plan && picked && plan.price_cents > 0 && (
        <Typography.Paragraph type={plan.margin_cents < 0 ? "danger" : undefined} data-testid="spike-margin">
          {t("spike.margin", { amount: money(plan.margin_cents), percent: plan.margin_percent })}
        </Typography.Paragraph>
      )}
      {plan && <PlanChecks checks={plan.checks} rules={["product", "price", "reference", "below_cost", "quantity", "limit"]} />}
    </Locked>
  );
}
