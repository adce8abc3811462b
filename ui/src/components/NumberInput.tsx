// A box for a count or an amount: it keeps the text as typed (see numbers.ts)
// and offers the number keypad on touch screens.
import { Input, type InputProps, type InputRef } from "antd";
import type { Ref } from "react";

export function NumberInput({ money, ref, ...props }: InputProps & { money?: boolean; ref?: Ref<InputRef> }) {
  return <Input ref={ref} inputMode={money ? "decimal" : "numeric"} autoComplete="off" prefix={money ? "¥" : undefined} {...props} />;
}
