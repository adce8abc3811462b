// Recording a sale at the counter in seconds: the amount (prefilled with the
// spend the clerk typed for a voucher), what was bought, and the member when
// known — found by name, nickname or the phone's last four digits. A voucher
// just redeemed goes with the sale.
import { useMutation, useQuery } from "@tanstack/react-query";
import { App as AntApp, Form, Input, type InputRef, Select, Typography } from "antd";
import { useEffect, useRef, useState } from "react";
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
import { keys } from "../../queries";

type Values = { amount: string; items: string; member_id?: number; campaign_id?: number };

const FIELDS: FieldMap = { amount: "amount", items: "items", member: "member_id", campaign: "campaign_id" };

type Props = {
  open: boolean;
  /** The voucher redeemed with the sale, if any. */
  voucherCode?: string;
  /** What the clerk typed as the spend, to start from. */
  spendCents?: number | null;
  staff: string;
  onClose: () => void;
  onRecorded: (p: Purchase) => void;
};

export function RecordSale({ open, voucherCode, spendCents, staff, onClose, onRecorded }: Props) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const [search, setSearch] = useState("");
  const amountRef = useRef<InputRef>(null);
  // The amount first: the clerk types it straight away.
  useEffect(() => {
    if (!open) return;
    const frame = requestAnimationFrame(() => amountRef.current?.focus());
    return () => cancelAnimationFrame(frame);
  }, [open]);
  const members = useQuery({
    queryKey: keys.members({ search, tag: "", limit: 20 }),
    queryFn: () => ipc.listMembers({ search, tag: "", limit: 20 }),
    enabled: open && search.trim().length > 0,
  });
  // The campaigns running now, which a sale may have come from.
  const running = useQuery({ queryKey: ["campaigns", "running"], queryFn: () => ipc.listCampaigns("running"), enabled: open });
  const save = useMutation({
    mutationFn: (v: Values) =>
      ipc.recordPurchase({
        amount_cents: readFen(v.amount) ?? 0,
        member_id: v.member_id ?? null,
        items: v.items ?? "",
        voucher_code: voucherCode ?? "",
        campaign_id: v.campaign_id ?? null,
        staff,
      }),
    onSuccess: (p) => {
      void message.success(t("purchases.recorded", { amount: money(p.amount_cents) }));
      onRecorded(p);
    },
    onError: (e) => showFormError(form, e, FIELDS, message),
  });

  return (
    <FormDialog open={open} title={t("purchases.recordTitle")} form={form} saving={save.isPending} saveTestId="sale-save" width={480} onClose={onClose}>
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ amount: spendCents ? fenText(spendCents) : "", items: "" }}
        onFinish={(v) => save.mutate(v)}
      >
        {voucherCode && (
          <Typography.Paragraph type="secondary" data-testid="sale-voucher">
            {t("purchases.withVoucher", { code: voucherCode })}
          </Typography.Paragraph>
        )}
        <Form.Item name="amount" label={t("purchases.amount")} rules={numberRules(t, { min: 0.01, max: LIMITS.moneyMaxFen / 100, decimals: 2, required: t("purchases.amountRequired") })}>
          <NumberInput money ref={amountRef} data-testid="sale-amount" placeholder="0.00" />
        </Form.Item>
        <Form.Item name="items" label={t("purchases.items")} rules={[lengthRule(t, LIMITS.purchaseItems)]}>
          <Input data-testid="sale-items" placeholder={t("purchases.itemsPlaceholder")} {...limited(LIMITS.purchaseItems)} />
        </Form.Item>
        <Form.Item name="member_id" label={t("purchases.member")} extra={t("purchases.memberHelp")}>
          <Select
            showSearch
            allowClear
            filterOption={false}
            onSearch={setSearch}
            aria-label={t("purchases.member")}
            placeholder={t("purchases.memberPlaceholder")}
            notFoundContent={search.trim() ? t("purchases.noMember") : null}
            options={(members.data?.rows ?? []).map((m) => ({
              value: m.id,
              label: [m.display_name, m.wechat_nickname, m.phone_masked].filter(Boolean).join(" · "),
            }))}
            data-testid="sale-member"
          />
        </Form.Item>
        {(running.data ?? []).length > 0 && (
          <Form.Item name="campaign_id" label={t("purchases.campaign")} extra={t("purchases.campaignHelp")}>
            <Select
              allowClear
              aria-label={t("purchases.campaign")}
              options={(running.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
              data-testid="sale-campaign"
            />
          </Form.Item>
        )}
      </Form>
    </FormDialog>
  );
}
