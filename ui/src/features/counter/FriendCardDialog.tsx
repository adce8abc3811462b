// A friend card at the counter: the code (scanned or typed into the counter's
// box) is checked first — whose card, what the friend gets today — then the
// friend's mobile number (and name, and whether they want offers) makes them
// a member with their welcome, and the referral waits for their first
// purchase. The welcome voucher can go with a sale straight away.
import { ShoppingCartOutlined, TeamOutlined } from "@ant-design/icons";
import { useMutation, useQuery } from "@tanstack/react-query";
import { App as AntApp, Alert, Button, Checkbox, Descriptions, Form, Input, Modal, Result, Spin } from "antd";
import { useTranslation } from "react-i18next";
import type { Welcomed } from "../../bindings/Welcomed";
import { LIMITS } from "../../bindings/limits";
import { lengthRule, limited } from "../../components/textLimit";
import { showFormError, toMessage, type FieldMap } from "../../errors";
import { ipc } from "../../ipc";

type Values = { phone: string; name: string; marketing: boolean };

const FIELDS: FieldMap = { phone: "phone", display_name: "name", name: "name" };

type Props = {
  /** The friend card's code as typed; null: closed. */
  code: string | null;
  staff: string;
  onClose: () => void;
  /** The friend was welcomed: record their first sale with the welcome voucher. */
  onRecordSale: (voucherCode: string) => void;
  onWelcomed: (w: Welcomed) => void;
};

export function FriendCardDialog({ code, staff, onClose, onRecordSale, onWelcomed }: Props) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const card = useQuery({ queryKey: ["friend-card", code], queryFn: () => ipc.checkFriendCard(code ?? ""), enabled: code !== null, retry: false });
  const welcome = useMutation({
    mutationFn: (v: Values) => ipc.welcomeFriend({ code: code ?? "", phone: v.phone, name: v.name ?? "", marketing: v.marketing ?? false, staff }),
    onSuccess: onWelcomed,
    onError: (e) => showFormError(form, e, FIELDS, message),
  });
  const done = welcome.data;
  const close = () => {
    welcome.reset();
    onClose();
  };
  return (
    <Modal
      open={code !== null}
      title={<span><TeamOutlined /> {t("friendCard.title")}</span>}
      onCancel={close}
      destroyOnHidden
      // The counter puts the focus where it belongs (the code box, or the
      // sale's amount); the dialog must not hand it back to the code box late.
      focusTriggerAfterClose={false}
      width={560}
      footer={
        done
          ? [
              done.voucher_code && (
                <Button key="sale" icon={<ShoppingCartOutlined />} onClick={() => onRecordSale(done.voucher_code ?? "")} data-testid="friend-card-sale">
                  {t("friendCard.recordSale")}
                </Button>
              ),
              <Button key="close" type="primary" onClick={close} data-testid="friend-card-done">
                {t("friendCard.done")}
              </Button>,
            ]
          : [
              <Button key="cancel" onClick={close}>
                {t("common.cancel")}
              </Button>,
              <Button key="ok" type="primary" disabled={!card.data} loading={welcome.isPending} onClick={() => form.submit()} data-testid="friend-card-welcome">
                {t("friendCard.welcome")}
              </Button>,
            ]
      }
    >
      {card.isPending && <Spin />}
      {card.isError && <Alert type="error" showIcon message={toMessage(card.error)} data-testid="friend-card-error" />}
      {card.data && !done && (
        <>
          <Descriptions size="small" column={1} style={{ marginBottom: 16 }} data-testid="friend-card-check">
            <Descriptions.Item label={t("friendCard.from")}>{card.data.referrer}</Descriptions.Item>
            <Descriptions.Item label={t("friendCard.campaign")}>{card.data.campaign}</Descriptions.Item>
            <Descriptions.Item label={t("friendCard.gets")}>{card.data.welcome}</Descriptions.Item>
          </Descriptions>
          <Form form={form} layout="vertical" initialValues={{ phone: "", name: "", marketing: false }} onFinish={(v) => welcome.mutate(v)}>
            <Form.Item name="phone" label={t("friendCard.phone")} extra={t("friendCard.phoneHelp")} rules={[{ required: true, whitespace: true, message: t("friendCard.phoneRequired") }]}>
              <Input autoFocus inputMode="tel" autoComplete="off" data-testid="friend-card-phone" />
            </Form.Item>
            <Form.Item name="name" label={t("friendCard.name")} extra={t("friendCard.nameHelp")} rules={[lengthRule(t, LIMITS.memberName)]}>
              <Input data-testid="friend-card-name" {...limited(LIMITS.memberName)} />
            </Form.Item>
            <Form.Item name="marketing" valuePropName="checked">
              <Checkbox data-testid="friend-card-marketing">{t("friendCard.marketing")}</Checkbox>
            </Form.Item>
          </Form>
        </>
      )}
      {done && (
        <Result
          status="success"
          title={t("friendCard.welcomed")}
          subTitle={t("friendCard.handOver", { welcome: done.welcome })}
          extra={done.voucher_code && <div style={{ fontSize: 22, fontFamily: "ui-monospace, SFMono-Regular, Menlo, Consolas, monospace" }} data-testid="friend-card-voucher">{done.voucher_code}</div>}
        />
      )}
    </Modal>
  );
}
