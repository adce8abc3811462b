// Add or edit a gift in a modal. Money is typed in yuan and sent in fen; the
// stock is typed only when adding (later it moves by restocks, counts and redemptions).
import { useMutation } from "@tanstack/react-query";
import { App as AntApp, Form, Input, InputNumber, Radio, Typography } from "antd";
import { FormDialog } from "../../components/FormDialog";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import type { Gift } from "../../bindings/Gift";
import type { GiftInput } from "../../bindings/GiftInput";
import type { GiftKind } from "../../bindings/GiftKind";
import { MoneyInput } from "../../components/MoneyInput";
import { showFormError, type FieldMap } from "../../errors";
import { toFen, toYuan } from "../../format";
import { ipc } from "../../ipc";
import { DEFAULT_LOW_STOCK_AT, GIFT_KINDS, useInvalidateGifts } from "./queries";

type Values = {
  name: string;
  kind: GiftKind;
  cost: number | null;
  value: number | null;
  stock: number | null;
  low_stock_at: number | null;
  packaging: string;
};

const FIELDS: FieldMap = {
  name: "name",
  kind: "kind",
  unit_cost: "cost",
  perceived_value: "value",
  stock: "stock",
  low_stock_at: "low_stock_at",
  packaging: "packaging",
};

function toValues(g?: Gift): Values {
  if (!g) return { name: "", kind: "drainage", cost: null, value: null, stock: null, low_stock_at: DEFAULT_LOW_STOCK_AT, packaging: "" };
  return {
    name: g.name,
    kind: g.kind,
    cost: toYuan(g.unit_cost_cents),
    value: toYuan(g.value_cents),
    stock: g.stock,
    low_stock_at: g.low_stock_at,
    packaging: g.packaging,
  };
}

export function toGiftInput(v: Values): GiftInput {
  return {
    name: v.name.trim(),
    kind: v.kind,
    unit_cost_cents: toFen(v.cost ?? 0),
    value_cents: toFen(v.value ?? 0),
    low_stock_at: v.low_stock_at ?? null,
    packaging: (v.packaging ?? "").trim(),
  };
}

/** The method's test of a good gift: it looks worth far more than it costs. */
function Ratio() {
  const { t } = useTranslation();
  const cost = Form.useWatch<number | null>("cost");
  const value = Form.useWatch<number | null>("value");
  if (!cost || !value || cost <= 0 || value <= 0) return null;
  const ratio = value / cost;
  return (
    <Typography.Text type={ratio >= 2 ? "success" : "warning"} data-testid="gift-ratio">
      {t(ratio >= 2 ? "gifts.ratioGood" : "gifts.ratioLow", { ratio: ratio.toFixed(1) })}
    </Typography.Text>
  );
}

type Props = { open: boolean; gift?: Gift; onClose: () => void };

export function GiftForm({ open, gift, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const invalidate = useInvalidateGifts();

  useEffect(() => {
    if (open) form.setFieldsValue(toValues(gift));
  }, [open, gift, form]);

  const save = useMutation({
    mutationFn: (v: Values) => (gift ? ipc.updateGift(gift.id, toGiftInput(v)) : ipc.createGift(toGiftInput(v), v.stock ?? 0)),
    onSuccess: () => {
      invalidate();
      void message.success(gift ? t("gifts.saved") : t("gifts.created"));
      onClose();
    },
    onError: (e) => showFormError(form, e, FIELDS, message),
  });

  const kind = Form.useWatch("kind", form);

  return (
    <FormDialog
      open={open}
      title={gift ? t("gifts.editTitle") : t("gifts.newTitle")}
      form={form}
      saving={save.isPending}
      saveTestId="gift-save"
      width={600}
      onClose={onClose}
    >
      <Form<Values> form={form} layout="vertical" requiredMark={false} initialValues={toValues(gift)} onFinish={(v) => save.mutate(v)}>
        <Form.Item name="name" label={t("gifts.name")} rules={[{ required: true, whitespace: true, message: t("gifts.nameRequired") }]}>
          <Input data-testid="gift-name" placeholder={t("gifts.namePlaceholder")} maxLength={40} />
        </Form.Item>
        <Form.Item name="kind" label={t("gifts.kind")} extra={kind ? t(`gifts.kindHint.${kind}`) : undefined}>
          <Radio.Group optionType="button" buttonStyle="solid">
            {GIFT_KINDS.map((k) => (
              <Radio.Button key={k} value={k}>
                <span data-testid={`gift-kind-${k}`}>{t(`gifts.kinds.${k}`)}</span>
              </Radio.Button>
            ))}
          </Radio.Group>
        </Form.Item>
        <div style={{ display: "grid", gridTemplateColumns: "1fr 1fr", gap: 16 }}>
          <Form.Item name="cost" label={t("gifts.cost")} extra={t("gifts.costHelp")}>
            <MoneyInput data-testid="gift-cost" placeholder="0.00" />
          </Form.Item>
          <Form.Item name="value" label={t("gifts.value")} extra={t("gifts.valueHelp")}>
            <MoneyInput data-testid="gift-value" placeholder="0.00" />
          </Form.Item>
        </div>
        <div style={{ marginTop: -8, marginBottom: 12, minHeight: 22 }}>
          <Ratio />
        </div>
        <div style={{ display: "grid", gridTemplateColumns: "1fr 1fr", gap: 16 }}>
          {!gift && (
            <Form.Item name="stock" label={t("gifts.startStock")} extra={t("gifts.startStockHelp")}>
              <InputNumber<number> data-testid="gift-stock" min={0} max={1_000_000} precision={0} placeholder="0" style={{ width: "100%" }} />
            </Form.Item>
          )}
          <Form.Item name="low_stock_at" label={t("gifts.lowStockAt")} extra={t("gifts.lowStockHelp")}>
            <InputNumber<number> data-testid="gift-low-stock" min={0} max={1_000_000} precision={0} style={{ width: "100%" }} />
          </Form.Item>
        </div>
        <Form.Item name="packaging" label={t("gifts.packaging")}>
          <Input.TextArea data-testid="gift-packaging" placeholder={t("gifts.packagingPlaceholder")} autoSize={{ minRows: 2, maxRows: 4 }} maxLength={200} />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}
