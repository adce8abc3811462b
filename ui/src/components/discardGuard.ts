// Closing a dialog or drawer that holds unsaved edits asks first, as leaving a
// page does (`useLeaveGuard`): Cancel, Esc, the close button and a click on the
// mask all come here; a successful save closes it directly.
import { App as AntApp, type ButtonProps, type FormInstance } from "antd";
import { useTranslation } from "react-i18next";

/** `close`, asking "Discard your changes?" first when `form` was edited. */
export function useDiscardGuard(form: Pick<FormInstance, "isFieldsTouched">, close: () => void) {
  const { modal } = AntApp.useApp();
  const { t } = useTranslation();
  return () => {
    if (!form.isFieldsTouched()) {
      close();
      return;
    }
    modal.confirm({
      title: t("common.discardTitle"),
      content: t("common.discardBody"),
      okText: t("common.discard"),
      okButtonProps: { danger: true, "data-testid": "discard-changes" } as ButtonProps,
      cancelText: t("common.keepEditing"),
      onOk: close,
    });
  };
}
