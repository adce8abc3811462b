// A dialog holding one form, as every edit dialog in the app looks: Save
// submits the form (and shows progress), Cancel and Esc close (asking first
// when something was typed), the form is rebuilt each time it opens.
import { Modal, type ButtonProps, type FormInstance } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useDiscardGuard } from "./discardGuard";

type Props<V> = {
  open: boolean;
  title: ReactNode;
  form: FormInstance<V>;
  saving: boolean;
  /** The Save button's test id, for the end-to-end suite. */
  saveTestId: string;
  width: number;
  onClose: () => void;
  children: ReactNode;
};

export function FormDialog<V>({ open, title, form, saving, saveTestId, width, onClose, children }: Props<V>) {
  const { t } = useTranslation();
  const cancel = useDiscardGuard(form, onClose);
  return (
    <Modal
      open={open}
      onCancel={cancel}
      onOk={() => form.submit()}
      okText={t("common.save")}
      cancelText={t("common.cancel")}
      okButtonProps={{ loading: saving, "data-testid": saveTestId } as ButtonProps}
      title={title}
      destroyOnHidden
      width={width}
    >
      {children}
    </Modal>
  );
}
