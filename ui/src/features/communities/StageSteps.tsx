// The lifecycle drainage → activation → value output → realization, current stage marked.
import { Steps } from "antd";
import { useTranslation } from "react-i18next";
import type { Stage } from "../../bindings/Stage";
import { STAGES } from "./labels";

export function StageSteps({ stage, compact = false }: { stage: Stage; compact?: boolean }) {
  const { t } = useTranslation();
  // Dotted steps centre each title under its dot in a fixed-width box; the
  // narrower boxes of .sc-stage-steps (styles.css) keep four of them inside a
  // half-width card, "Realization" / "变现" whole.
  return (
    <div className="sc-stage-steps" style={{ padding: compact ? 0 : "0 8px" }}>
    <Steps
      size="small"
      type={compact ? "inline" : "default"}
      progressDot={!compact}
      current={STAGES.indexOf(stage)}
      items={STAGES.map((s) => ({ title: t(`stage.${s}`) }))}
    />
    </div>
  );
}
