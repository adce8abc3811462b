// A published campaign's terms (price, quantity, tiers, the gift) are locked
// when the wizard reopens on it before it starts: the fields that hold them
// are wrapped in <Locked>, which disables them while editing.
import { ConfigProvider } from "antd";
import { createContext, useContext } from "react";

export const WizardEditing = createContext(false);

export function Locked({ children }: { children: React.ReactNode }) {
  const editing = useContext(WizardEditing);
  return editing ? <ConfigProvider componentDisabled>{children}</ConfigProvider> : <>{children}</>;
}
