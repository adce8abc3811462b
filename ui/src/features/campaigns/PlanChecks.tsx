// The plan's checks as the owner reads them: refusals in red, warnings in
// amber; `rules` limits them to one step's.
import { Alert, Space } from "antd";
import type { Check } from "../../bindings/Check";

export function PlanChecks({ checks, rules }: { checks: Check[]; rules?: string[] }) {
  const shown = checks.filter((c) => c.outcome !== "pass" && (!rules || rules.includes(c.rule)));
  if (shown.length === 0) return null;
  return (
    <Space direction="vertical" style={{ width: "100%" }} data-testid="plan-checks">
      {shown.map((c, i) => (
        <Alert key={`${c.rule}-${i}`} type={c.outcome === "refuse" ? "error" : "warning"} showIcon message={c.message} data-testid={`check-${c.rule}`} />
      ))}
    </Space>
  );
}
