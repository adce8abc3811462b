// Backend errors arrive already in the owner's language: put them beside the right
// field when the form has it, otherwise show them as a message.
import type { FormInstance } from "antd";
import type { MessageInstance } from "antd/es/message/interface";
import type { Field } from "./bindings/Field";
import { toErrorPayload } from "./ipc";

export type FieldMap = Partial<Record<Field, string>>;

export function showFormError(
  form: FormInstance | null,
  error: unknown,
  fields: FieldMap,
  message: MessageInstance,
): void {
  const e = toErrorPayload(error);
  const name = e.field ? fields[e.field] : undefined;
  if (form && name) {
    form.setFields([{ name, errors: [e.message] }]);
    form.scrollToField(name, { block: "center" });
  } else {
    void message.error(e.message);
  }
}

export function showError(error: unknown, message: MessageInstance): void {
  void message.error(toErrorPayload(error).message);
}

export function toMessage(error: unknown): string {
  return toErrorPayload(error).message;
}
