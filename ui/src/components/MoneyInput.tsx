// An amount in yuan with two decimals; forms convert it to fen when sending.
import { InputNumber, type InputNumberProps } from "antd";

export function MoneyInput(props: InputNumberProps<number>) {
  return <InputNumber<number> prefix="¥" min={0} max={1_000_000} precision={2} step={1} style={{ width: "100%" }} {...props} />;
}
