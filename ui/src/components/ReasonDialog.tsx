// Asks for the reason of something that cannot be taken back lightly (voiding,
// undoing a redemption): the reason is required and goes with the action.
import { Form, Input, Modal, Typography, type ButtonProps } from "antd";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { LIMITS } from "../bindings/limits";
import { lengthRule, limited } from "./textLimit";

type Props = {
  open: boolean;
  title: string;
  description?: React.ReactNode;
  okText: string;
  placeholder?: string;
  /** Prefix of the test ids: `<prefix>-reason` and `<prefix>-confirm`. */
  testId: string;
  loading: boolean;
  danger?: boolean;
  /** A message from the backend to show under the box (e.g. too late to undo). */
  error?: string | null;
  onConfirm: (reason: string) => void;
  onCancel: () => void;
  afterClose?: () => void;
};

export function ReasonDialog({ open, title, description, okText, placeholder, testId, loading, danger, error, onConfirm, onCancel, afterClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);
  useEffect(() => {
    if (error) form.setFields([{ name: "reason", errors: [error] }]);
  }, [error, form]);
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onCancel}
      onOk={() => form.submit()}
      okText={okText}
      cancelText={t("common.cancel")}
      okButtonProps={{ danger, loading, "data-testid": `${testId}-confirm` } as ButtonProps}
      afterClose={afterClose}
      destroyOnHidden
      width={480}
    >
      {description && <Typography.Paragraph type="secondary">{description}</Typography.Paragraph>}
      <Form form={form} layout="vertical" requiredMark={false} onFinish={(v) => onConfirm(v.reason.trim())}>
        <Form.Item
          name="reason"
          label={t("common.reason")}
          rules={[{ required: true, whitespace: true, message: t("common.reasonRequired") }, lengthRule(t, LIMITS.reason)]}
        >
          <Input.TextArea
            data-testid={`${testId}-reason`}
            placeholder={placeholder}
            autoSize={{ minRows: 2, maxRows: 4 }}
            {...limited(LIMITS.reason)}
            autoFocus
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
