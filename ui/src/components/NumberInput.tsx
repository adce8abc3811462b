// A box for a count or an amount: it keeps the text as typed (see numbers.ts)
// and offers the number keypad on touch screens.
import { Input, type InputProps } from "antd";

export function NumberInput({ money, ...props }: InputProps & { money?: boolean }) {
  return <Input inputMode={money ? "decimal" : "numeric"} autoComplete="off" prefix={money ? "¥" : undefined} {...props} />;
}
