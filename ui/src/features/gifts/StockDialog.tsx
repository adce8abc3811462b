// Restock (add what arrived) or count (set what is on the shelf), with a note;
// every change is logged as a stock move.
import { useMutation } from "@tanstack/react-query";
import { App as AntApp, Form, Input, Segmented, Typography } from "antd";
import { LIMITS } from "../../bindings/limits";
import { NumberInput } from "../../components/NumberInput";
import { lengthRule, limited } from "../../components/textLimit";
import { numberRules, readNumber } from "../../numbers";
import { FormDialog } from "../../components/FormDialog";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import type { Gift } from "../../bindings/Gift";
import type { StockChange } from "../../bindings/StockChange";
import { showFormError, type FieldMap } from "../../errors";
import { ipc } from "../../ipc";
import { useInvalidateGifts } from "./queries";

type Mode = StockChange["kind"];
type Values = { mode: Mode; count: string; note: string };

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
    if (gift) form.setFieldsValue({ mode: "restocked", count: "", note: "" });
  }, [gift, form]);

  const save = useMutation({
    mutationFn: (v: Values) => ipc.changeGiftStock(gift!.id, { kind: v.mode, count: readNumber(v.count) ?? 0 }, (v.note ?? "").trim()),
    onSuccess: (g) => {
      invalidate();
      void message.success(t("gifts.stockSaved", { name: g.name, stock: g.stock }));
      onClose();
    },
    onError: (e) => showFormError(form, e, FIELDS, message),
  });

  const typed = readNumber(count);
  const after = gift && typed !== null ? (mode === "restocked" ? gift.stock + typed : typed) : null;

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
      <Form<Values> form={form} layout="vertical" requiredMark={false} initialValues={{ mode: "restocked", count: "", note: "" }} onFinish={(v) => save.mutate(v)}>
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
          rules={numberRules(t, { min: mode === "restocked" ? 1 : 0, max: LIMITS.stockMax, required: t("gifts.countRequired") })}
          extra={gift && (
            <span data-testid="gift-stock-after">
              {t("gifts.stockAfter", { from: gift.stock, to: after ?? "…" })}
            </span>
          )}
        >
          <NumberInput data-testid="gift-stock-count" autoFocus />
        </Form.Item>
        <Form.Item name="note" label={t("gifts.stockNote")} rules={[lengthRule(t, LIMITS.stockNote)]}>
          <Input data-testid="gift-stock-note" placeholder={t("gifts.stockNotePlaceholder")} {...limited(LIMITS.stockNote)} />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}
