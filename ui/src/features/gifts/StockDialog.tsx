// Restock (add what arrived) or count (set what is on the shelf), with a note;
// every change is logged as a stock move.
import { useMutation } from "@tanstack/react-query";
import { App as AntApp, Form, Input, InputNumber, Segmented, Typography } from "antd";
import { FormDialog } from "../../components/FormDialog";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import type { Gift } from "../../bindings/Gift";
import type { StockChange } from "../../bindings/StockChange";
import { showFormError, type FieldMap } from "../../errors";
import { ipc } from "../../ipc";
import { useInvalidateGifts } from "./queries";

type Mode = StockChange["kind"];
type Values = { mode: Mode; count: number | null; note: string };

const FIELDS: FieldMap = { stock: "count", note: "note" };

type Props = { gift: Gift | null; onClose: () => void };

export function StockDialog({ gift, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const invalidate = useInvalidateGifts();
  const mode = Form.useWatch("mode", form) ?? "restocked";
  const count = Form.useWatch("count", form);

  useEffect(() => {
    if (gift) form.setFieldsValue({ mode: "restocked", count: null, note: "" });
  }, [gift, form]);

  const save = useMutation({
    mutationFn: (v: Values) => ipc.changeGiftStock(gift!.id, { kind: v.mode, count: v.count ?? 0 }, (v.note ?? "").trim()),
    onSuccess: (g) => {
      invalidate();
      void message.success(t("gifts.stockSaved", { name: g.name, stock: g.stock }));
      onClose();
    },
    onError: (e) => showFormError(form, e, FIELDS, message),
  });

  const after = gift && typeof count === "number" ? (mode === "restocked" ? gift.stock + count : count) : null;

  return (
    <FormDialog
      open={gift !== null}
      title={gift ? t("gifts.stockTitle", { name: gift.name }) : ""}
      form={form}
      saving={save.isPending}
      saveTestId="gift-stock-save"
      width={460}
      onClose={onClose}
    >
      <Form<Values> form={form} layout="vertical" requiredMark={false} initialValues={{ mode: "restocked", count: null, note: "" }} onFinish={(v) => save.mutate(v)}>
        <Form.Item name="mode">
          <Segmented<Mode>
            block
            options={[
              { value: "restocked", label: <span data-testid="gift-stock-restock">{t("gifts.restock")}</span> },
              { value: "counted", label: <span data-testid="gift-stock-counted">{t("gifts.count")}</span> },
            ]}
          />
        </Form.Item>
        <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
          {t(mode === "restocked" ? "gifts.restockHint" : "gifts.countHint")}
        </Typography.Paragraph>
        <Form.Item
          name="count"
          label={t(mode === "restocked" ? "gifts.restockCount" : "gifts.countCount")}
          rules={[{ required: true, message: t("gifts.countRequired") }]}
          extra={gift && (
            <span data-testid="gift-stock-after">
              {t("gifts.stockAfter", { from: gift.stock, to: after ?? "…" })}
            </span>
          )}
        >
          <InputNumber<number> data-testid="gift-stock-count" min={mode === "restocked" ? 1 : 0} max={1_000_000} precision={0} style={{ width: "100%" }} autoFocus />
        </Form.Item>
        <Form.Item name="note" label={t("gifts.stockNote")}>
          <Input data-testid="gift-stock-note" placeholder={t("gifts.stockNotePlaceholder")} maxLength={200} />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}
