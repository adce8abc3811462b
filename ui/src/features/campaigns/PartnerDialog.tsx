// Adding a partner store: its name, kind of business, contact, address, the
// agreement's days and the fee per voucher redeemed. It becomes a channel of
// the community, so customers who join through it are counted for it.
import { useMutation } from "@tanstack/react-query";
import { App as AntApp, DatePicker, Form, Input } from "antd";
import type { Dayjs } from "dayjs";
import { useTranslation } from "react-i18next";
import type { Partner } from "../../bindings/Partner";
import { LIMITS } from "../../bindings/limits";
import { FormDialog } from "../../components/FormDialog";
import { NumberInput } from "../../components/NumberInput";
import { lengthRule, limited } from "../../components/textLimit";
import { showFormError, type FieldMap } from "../../errors";
import { ipc } from "../../ipc";
import { numberRules, readFen } from "../../numbers";

type Values = { name: string; business: string; contact: string; address: string; agreement: [Dayjs, Dayjs]; fee: string };

const FIELDS: FieldMap = { name: "name", industry: "business", contact: "contact", address: "address", start: "agreement", ends_on: "agreement", amount: "fee" };

type Props = { communityId: number | undefined; open: boolean; onClose: () => void; onAdded: (p: Partner) => void };

export function PartnerDialog({ communityId, open, onClose, onAdded }: Props) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const add = useMutation({
    mutationFn: (v: Values) =>
      ipc.addPartner({
        community_id: communityId ?? 0,
        name: v.name ?? "",
        business: v.business ?? "",
        contact: v.contact ?? "",
        address: v.address ?? "",
        agreement_from: v.agreement ? v.agreement[0].format("YYYY-MM-DD") : "",
        agreement_to: v.agreement ? v.agreement[1].format("YYYY-MM-DD") : "",
        fee_cents: v.fee?.trim() ? (readFen(v.fee) ?? 0) : 0,
      }),
    onSuccess: (p) => {
      void message.success(t("alliance.partnerAdded", { name: p.name }));
      onAdded(p);
    },
    onError: (e) => showFormError(form, e, FIELDS, message),
  });
  return (
    <FormDialog open={open} title={t("alliance.addPartner")} form={form} saving={add.isPending} saveTestId="partner-save" width={560} onClose={onClose}>
      <Form form={form} layout="vertical" onFinish={(v) => add.mutate(v)} initialValues={{ fee: "" }}>
        <Form.Item name="name" label={t("alliance.partnerName")} rules={[{ required: true, whitespace: true, message: t("alliance.partnerNameRequired") }, lengthRule(t, LIMITS.partnerName)]}>
          <Input data-testid="partner-name" placeholder={t("alliance.partnerNamePlaceholder")} {...limited(LIMITS.partnerName)} />
        </Form.Item>
        <div className="sc-grid-2">
          <Form.Item name="business" label={t("alliance.business")} rules={[lengthRule(t, LIMITS.partnerBusiness)]}>
            <Input data-testid="partner-business" {...limited(LIMITS.partnerBusiness)} />
          </Form.Item>
          <Form.Item name="contact" label={t("alliance.contact")} rules={[lengthRule(t, LIMITS.partnerContact)]}>
            <Input data-testid="partner-contact" {...limited(LIMITS.partnerContact)} />
          </Form.Item>
        </div>
        <Form.Item name="address" label={t("alliance.address")} rules={[lengthRule(t, LIMITS.partnerAddress)]}>
          <Input data-testid="partner-address" {...limited(LIMITS.partnerAddress)} />
        </Form.Item>
        <div className="sc-grid-2">
          <Form.Item name="agreement" label={t("alliance.agreement")} rules={[{ required: true, message: t("alliance.agreementRequired") }]}>
            <DatePicker.RangePicker style={{ width: "100%" }} data-testid="partner-agreement" aria-label={t("alliance.agreement")} />
          </Form.Item>
          <Form.Item name="fee" label={t("alliance.fee")} extra={t("alliance.feeHelp")} rules={numberRules(t, { min: 0, max: LIMITS.moneyMaxFen / 100, decimals: 2 })}>
            <NumberInput money data-testid="partner-fee" placeholder={t("vouchers.form.none")} />
          </Form.Item>
        </div>
      </Form>
    </FormDialog>
  );
}
