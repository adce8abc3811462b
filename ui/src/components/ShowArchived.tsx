// The "Show archived" switch a list page puts beside its New button.
import { Switch } from "antd";

export function ShowArchived({ checked, onChange, label, testId }: { checked: boolean; onChange: (v: boolean) => void; label: string; testId: string }) {
  return (
    <label style={{ display: "inline-flex", alignItems: "center", gap: 8, cursor: "pointer" }}>
      <Switch size="small" checked={checked} onChange={onChange} data-testid={testId} />
      <span>{label}</span>
    </label>
  );
}
