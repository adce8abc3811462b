// Add or edit a product in a dialog: name, unit, role in the product mix,
// price and cost (typed in yuan, sent in fen), stock and an optional photo.
// The margin shows as the owner types; the photo is saved with the fields.
import { useMutation } from "@tanstack/react-query";
import { App as AntApp, Form, Input, Radio, Typography } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Product } from "../../bindings/Product";
import type { ProductInput } from "../../bindings/ProductInput";
import type { ProductRole } from "../../bindings/ProductRole";
import { LIMITS } from "../../bindings/limits";
import { FormDialog } from "../../components/FormDialog";
import { NumberInput } from "../../components/NumberInput";
import { PicturePicker, type PictureChange } from "../../components/PicturePicker";
import { lengthRule, limited } from "../../components/textLimit";
import { showFormError, type FieldMap } from "../../errors";
import { money as moneyText } from "../../format";
import { ipc, toErrorPayload } from "../../ipc";
import { fenText, numberRules, readFen, readNumber } from "../../numbers";
import { margin, PRODUCT_ROLES, useInvalidateProducts, useProductPhoto } from "./queries";

type Values = {
  name: string;
  unit: string;
  role: ProductRole;
  // Number boxes hold the text as typed (numbers.ts).
  price: string;
  cost: string;
  stock: string;
};

/** Backend field names -> form field names. */
const FIELDS: FieldMap = { name: "name", unit: "unit", product_role: "role", price: "price", unit_cost: "cost", stock: "stock" };

function toValues(p?: Product): Values {
  if (!p) return { name: "", unit: "", role: "profit", price: "", cost: "", stock: "" };
  return { name: p.name, unit: p.unit, role: p.role, price: fenText(p.price_cents), cost: fenText(p.cost_cents), stock: String(p.stock) };
}

export function toProductInput(v: Values): ProductInput {
  return {
    name: v.name.trim(),
    unit: (v.unit ?? "").trim(),
    role: v.role,
    // The rules refused anything unreadable before this runs.
    price_cents: readFen(v.price) ?? 0,
    cost_cents: readFen(v.cost) ?? 0,
    stock: readNumber(v.stock) ?? 0,
  };
}

/** Price − cost as the owner types, in the shop's words. */
function Margin() {
  const { t } = useTranslation();
  const price = readFen(Form.useWatch<string>("price"));
  const cost = readFen(Form.useWatch<string>("cost"));
  if (price === null || cost === null || price <= 0) return null;
  const m = margin(price, cost);
  if (!m) return null;
  return m.cents < 0 ? (
    <Typography.Text type="danger" data-testid="product-margin">{t("products.belowCost", { amount: moneyText(-m.cents) })}</Typography.Text>
  ) : (
    <Typography.Text type={m.percent >= 20 ? "success" : "warning"} data-testid="product-margin">
      {t("products.margin", { amount: moneyText(m.cents), percent: m.percent })}
    </Typography.Text>
  );
}

const price = { min: 0.01, max: LIMITS.productMoneyMaxFen / 100, decimals: 2 } as const;
const cost = { min: 0, max: LIMITS.productMoneyMaxFen / 100, decimals: 2 } as const;
const stock = { min: 0, max: LIMITS.productStockMax } as const;

type Props = { open: boolean; product?: Product; onClose: () => void };

export function ProductForm({ open, product, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const invalidate = useInvalidateProducts();
  const [photo, setPhoto] = useState<PictureChange>({ kind: "keep" });
  const [photoError, setPhotoError] = useState<string | null>(null);
  const stored = useProductPhoto(product?.id ?? 0, !!product?.has_photo);

  useEffect(() => {
    if (!open) return;
    form.setFieldsValue(toValues(product));
    setPhoto({ kind: "keep" });
    setPhotoError(null);
  }, [open, product, form]);

  const save = useMutation({
    // One call: the fields and the photo are saved together or not at all.
    mutationFn: (v: Values) => {
      const input = toProductInput(v);
      const newPhoto = photo.kind === "set" ? photo.base64 : null;
      return product ? ipc.updateProduct(product.id, input, newPhoto, photo.kind === "remove") : ipc.createProduct(input, newPhoto);
    },
    onSuccess: () => {
      invalidate();
      void message.success(product ? t("products.saved") : t("products.created"));
      onClose();
    },
    onError: (e) => {
      if (toErrorPayload(e).field === "image") setPhotoError(toErrorPayload(e).message);
      else showFormError(form, e, FIELDS, message);
    },
  });

  const role = Form.useWatch("role", form);
  const required = (message: string) => ({ required: message });

  return (
    <FormDialog
      open={open}
      title={product ? t("products.editTitle") : t("products.newTitle")}
      form={form}
      saving={save.isPending}
      saveTestId="product-save"
      width={620}
      onClose={onClose}
    >
      <Form<Values> form={form} layout="vertical" requiredMark={false} initialValues={toValues(product)} onFinish={(v) => save.mutate(v)}>
        <div style={{ display: "grid", gridTemplateColumns: "2fr 1fr", gap: 16 }}>
          <Form.Item name="name" label={t("products.name")} rules={[{ required: true, whitespace: true, message: t("products.nameRequired") }, lengthRule(t, LIMITS.productName)]}>
            <Input data-testid="product-name" placeholder={t("products.namePlaceholder")} {...limited(LIMITS.productName)} />
          </Form.Item>
          <Form.Item name="unit" label={t("products.unit")} rules={[lengthRule(t, LIMITS.unit)]}>
            <Input data-testid="product-unit" placeholder={t("products.unitPlaceholder")} {...limited(LIMITS.unit)} />
          </Form.Item>
        </div>
        <Form.Item name="role" label={t("products.role")} extra={role ? t(`products.roleHint.${role}`) : undefined}>
          <Radio.Group optionType="button" buttonStyle="solid" aria-label={t("products.role")}>
            {PRODUCT_ROLES.map((r) => (
              <Radio.Button key={r} value={r}>
                <span data-testid={`product-role-${r}`}>{t(`products.roles.${r}`)}</span>
              </Radio.Button>
            ))}
          </Radio.Group>
        </Form.Item>
        <div style={{ display: "grid", gridTemplateColumns: "1fr 1fr 1fr", gap: 16 }}>
          <Form.Item name="price" label={t("products.price")} extra={t("products.priceHelp")} rules={numberRules(t, { ...price, ...required(t("numbers.required")) })}>
            <NumberInput money data-testid="product-price" placeholder="0.00" />
          </Form.Item>
          <Form.Item name="cost" label={t("products.cost")} extra={t("products.costHelp")} rules={numberRules(t, { ...cost, ...required(t("numbers.required")) })}>
            <NumberInput money data-testid="product-cost" placeholder="0.00" />
          </Form.Item>
          <Form.Item name="stock" label={t("products.stock")} extra={t("products.stockHelp")} rules={numberRules(t, { ...stock, ...required(t("numbers.required")) })}>
            <NumberInput data-testid="product-stock" placeholder="0" />
          </Form.Item>
        </div>
        <div style={{ marginTop: -8, marginBottom: 12, minHeight: 22 }}>
          <Margin />
        </div>
        <PicturePicker
          label={t("products.photo")}
          change={photo}
          onChange={setPhoto}
          stored={stored.data}
          hasStored={!!product?.has_photo}
          error={photoError}
          onError={setPhotoError}
          testId="product-photo"
        />
      </Form>
    </FormDialog>
  );
}
