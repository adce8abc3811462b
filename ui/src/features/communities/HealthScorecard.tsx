// The method's four questions, each with its verdict and advice, and the score out of 100.
import { CheckCircleFilled, CloseCircleFilled, ExclamationCircleFilled } from "@ant-design/icons";
import { Card, Progress, Skeleton, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { HealthCheck } from "../../bindings/HealthCheck";
import type { Verdict } from "../../bindings/Verdict";
import { scoreColor } from "./labels";

const VERDICT = {
  pass: { icon: <CheckCircleFilled style={{ color: "#3f9a52" }} />, color: "success" },
  partial: { icon: <ExclamationCircleFilled style={{ color: "#d48806" }} />, color: "warning" },
  fail: { icon: <CloseCircleFilled style={{ color: "#c8463c" }} />, color: "error" },
} satisfies Record<Verdict, { icon: React.ReactNode; color: string }>;

export function HealthScorecard({ health }: { health?: HealthCheck }) {
  const { t } = useTranslation();
  return (
    <Card title={t("health.title")} extra={health && <ScoreBadge score={health.score} />}>
      {!health ? (
        <Skeleton active />
      ) : (
        <ul style={{ listStyle: "none", margin: 0, padding: 0, display: "grid", gap: 14 }}>
          {health.items.map((item) => (
            <li key={item.question} data-testid={`health-${item.question}`} data-verdict={item.verdict} style={{ display: "flex", gap: 12 }}>
              <span style={{ fontSize: 20, lineHeight: "22px" }} aria-hidden>
                {VERDICT[item.verdict].icon}
              </span>
              <div style={{ flex: 1, minWidth: 0 }}>
                <div style={{ display: "flex", justifyContent: "space-between", gap: 8, alignItems: "baseline" }}>
                  <Typography.Text strong>{t(`health.question.${item.question}`)}</Typography.Text>
                  <Tag color={VERDICT[item.verdict].color} bordered={false} style={{ marginInlineEnd: 0 }}>
                    {t(`health.verdict.${item.verdict}`)}
                  </Tag>
                </div>
                <Typography.Text type="secondary">{t(`health.finding.${item.finding}`)}</Typography.Text>
              </div>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

function ScoreBadge({ score }: { score: number }) {
  const { t } = useTranslation();
  return (
    <span style={{ display: "inline-flex", alignItems: "center", gap: 8 }}>
      <Typography.Text type="secondary">{t("health.score")}</Typography.Text>
      <Progress
        type="circle"
        size={44}
        percent={score}
        strokeColor={scoreColor(score)}
        format={() => <span data-testid="health-score">{score}</span>}
        aria-label={`${t("health.score")} ${score} / 100`}
      />
      <Typography.Text type="secondary">/100</Typography.Text>
    </span>
  );
}
