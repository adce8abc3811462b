// Add or edit a gift in a modal. Money is typed in yuan and sent in fen; the
// stock is typed only when adding (later it moves by restocks, counts and redemptions).
import { useMutation } from "@tanstack/react-query";
import { App as AntApp, Form, Input, Radio, Typography } from "antd";
import { FormDialog } from "../../components/FormDialog";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import type { Gift } from "../../bindings/Gift";
import type { GiftInput } from "../../bindings/GiftInput";
import type { GiftKind } from "../../bindings/GiftKind";
import { NumberInput } from "../../components/NumberInput";
import { lengthRule, limited } from "../../components/textLimit";
import { LIMITS } from "../../bindings/limits";
import { showFormError, type FieldMap } from "../../errors";
import { fenText, numberRules, readFen, readNumber } from "../../numbers";
import { ipc } from "../../ipc";
import { DEFAULT_LOW_STOCK_AT, GIFT_KINDS, useInvalidateGifts } from "./queries";

type Values = {
  name: string;
  kind: GiftKind;
  // Number boxes hold the text as typed (numbers.ts).
  cost: string;
  value: string;
  stock: string;
  low_stock_at: string;
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
  if (!g) return { name: "", kind: "drainage", cost: "", value: "", stock: "", low_stock_at: String(DEFAULT_LOW_STOCK_AT), packaging: "" };
  return {
    name: g.name,
    kind: g.kind,
    cost: fenText(g.unit_cost_cents),
    value: fenText(g.value_cents),
    stock: String(g.stock),
    low_stock_at: String(g.low_stock_at),
    packaging: g.packaging,
  };
}

export function toGiftInput(v: Values): GiftInput {
  return {
    name: v.name.trim(),
    kind: v.kind,
    unit_cost_cents: readFen(v.cost) ?? 0,
    value_cents: readFen(v.value) ?? 0,
    low_stock_at: readNumber(v.low_stock_at),
    packaging: (v.packaging ?? "").trim(),
  };
}

/** The method's test of a good gift: it looks worth far more than it costs. */
function Ratio() {
  const { t } = useTranslation();
  const cost = readFen(Form.useWatch<string>("cost"));
  const value = readFen(Form.useWatch<string>("value"));
  if (!cost || !value || cost <= 0 || value <= 0) return null;
  const ratio = value / cost;
  return (
    <Typography.Text type={ratio >= 2 ? "success" : "warning"} data-testid="gift-ratio">
      {t(ratio >= 2 ? "gifts.ratioGood" : "gifts.ratioLow", { ratio: ratio.toFixed(1) })}
    </Typography.Text>
  );
}

const money = { min: 0, max: LIMITS.moneyMaxFen / 100, decimals: 2 } as const;
const stock = { min: 0, max: LIMITS.stockMax } as const;

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
    mutationFn: (v: Values) => (gift ? ipc.updateGift(gift.id, toGiftInput(v)) : ipc.createGift(toGiftInput(v), readNumber(v.stock) ?? 0)),
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
        <Form.Item name="name" label={t("gifts.name")} rules={[{ required: true, whitespace: true, message: t("gifts.nameRequired") }, lengthRule(t, LIMITS.giftName)]}>
          <Input data-testid="gift-name" placeholder={t("gifts.namePlaceholder")} {...limited(LIMITS.giftName)} />
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
          <Form.Item name="cost" label={t("gifts.cost")} extra={t("gifts.costHelp")} rules={numberRules(t, money)}>
            <NumberInput money data-testid="gift-cost" placeholder="0.00" />
          </Form.Item>
          <Form.Item name="value" label={t("gifts.value")} extra={t("gifts.valueHelp")} rules={numberRules(t, money)}>
            <NumberInput money data-testid="gift-value" placeholder="0.00" />
          </Form.Item>
        </div>
        <div style={{ marginTop: -8, marginBottom: 12, minHeight: 22 }}>
          <Ratio />
        </div>
        <div style={{ display: "grid", gridTemplateColumns: "1fr 1fr", gap: 16 }}>
          {!gift && (
            <Form.Item name="stock" label={t("gifts.startStock")} extra={t("gifts.startStockHelp")} rules={numberRules(t, stock)}>
              <NumberInput data-testid="gift-stock" placeholder="0" />
            </Form.Item>
          )}
          <Form.Item
            name="low_stock_at"
            label={t("gifts.lowStockAt")}
            extra={t("gifts.lowStockHelp")}
            rules={numberRules(t, { ...stock, required: t("gifts.lowStockRequired") })}
          >
            <NumberInput data-testid="gift-low-stock" />
          </Form.Item>
        </div>
        <Form.Item name="packaging" label={t("gifts.packaging")} rules={[lengthRule(t, LIMITS.packaging)]}>
          <Input.TextArea
            data-testid="gift-packaging"
            placeholder={t("gifts.packagingPlaceholder")}
            autoSize={{ minRows: 2, maxRows: 4 }}
            {...limited(LIMITS.packaging)}
          />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}
