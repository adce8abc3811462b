// Refunding part or all of a sale: the amount (at most what is left of it,
// which the box starts with) and why.
import { useMutation } from "@tanstack/react-query";
import { App as AntApp, Form, Input, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { Purchase } from "../../bindings/Purchase";
import { LIMITS } from "../../bindings/limits";
import { FormDialog } from "../../components/FormDialog";
import { NumberInput } from "../../components/NumberInput";
import { lengthRule, limited } from "../../components/textLimit";
import { showFormError, type FieldMap } from "../../errors";
import { money } from "../../format";
import { ipc } from "../../ipc";
import { fenText, numberRules, readFen } from "../../numbers";

type Values = { amount: string; reason: string };

const FIELDS: FieldMap = { amount: "amount", reason: "reason" };

type Props = { purchase: Purchase | null; onClose: () => void; onRefunded: (p: Purchase) => void };

export function RefundDialog({ purchase, onClose, onRefunded }: Props) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const left = purchase ? purchase.amount_cents - purchase.refunded_cents : 0;
  const save = useMutation({
    mutationFn: (v: Values) => ipc.refundPurchase(purchase!.id, readFen(v.amount) ?? 0, v.reason.trim()),
    onSuccess: (p, v) => {
      void message.success(t("purchases.refunded", { amount: money(readFen(v.amount) ?? 0) }));
      onRefunded(p);
    },
    onError: (e) => showFormError(form, e, FIELDS, message),
  });

  return (
    <FormDialog open={purchase !== null} title={t("purchases.refundTitle")} form={form} saving={save.isPending} saveTestId="refund-save" width={440} onClose={onClose}>
      <Form<Values> form={form} layout="vertical" requiredMark={false} initialValues={{ amount: fenText(left), reason: "" }} onFinish={(v) => save.mutate(v)}>
        <Typography.Paragraph type="secondary">{t("purchases.refundLeft", { amount: money(left) })}</Typography.Paragraph>
        <Form.Item name="amount" label={t("purchases.refundAmount")} rules={numberRules(t, { min: 0.01, max: left / 100, decimals: 2, required: t("purchases.amountRequired") })}>
          <NumberInput money data-testid="refund-amount" />
        </Form.Item>
        <Form.Item name="reason" label={t("purchases.refundReason")} rules={[{ required: true, whitespace: true, message: t("purchases.refundReasonRequired") }, lengthRule(t, LIMITS.refundReason)]}>
          <Input data-testid="refund-reason" {...limited(LIMITS.refundReason)} />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}
