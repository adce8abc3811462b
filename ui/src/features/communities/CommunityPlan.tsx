// The plan, read-only: kind and playbook, stage, platform, purpose, goal, capacity, rules.
import { Card, Descriptions, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { Community } from "../../bindings/Community";
import { KIND_COLOR } from "./labels";
import { StageSteps } from "./StageSteps";

function Written({ text }: { text: string }) {
  const { t } = useTranslation();
  return text ? <span className="sc-pre">{text}</span> : <Typography.Text type="secondary">{t("detail.notWritten")}</Typography.Text>;
}

export function CommunityPlan({ community: c }: { community: Community }) {
  const { t } = useTranslation();
  return (
    <Card title={t("detail.plan")}>
      <div style={{ marginBottom: 24 }}>
        <StageSteps stage={c.stage} />
      </div>
      <Descriptions column={1} size="small" styles={{ label: { width: 150 } }}>
        <Descriptions.Item label={t("detail.kind")}>
          <div>
            <Tag color={KIND_COLOR[c.kind]} bordered={false}>
              {t(`kind.${c.kind}`)}
            </Tag>
            <Typography.Paragraph type="secondary" style={{ margin: "6px 0 0" }}>
              {t(`playbook.${c.kind}`)}
            </Typography.Paragraph>
          </div>
        </Descriptions.Item>
        <Descriptions.Item label={t("detail.platform")}>{t(`platform.${c.platform}`)}</Descriptions.Item>
        <Descriptions.Item label={t("detail.capacity")}>{c.capacity}</Descriptions.Item>
        <Descriptions.Item label={t("detail.purpose")}>
          <Written text={c.purpose} />
        </Descriptions.Item>
        <Descriptions.Item label={t("detail.goal")}>
          <Written text={c.goal} />
        </Descriptions.Item>
        <Descriptions.Item label={t("detail.rules")}>
          <div data-testid="community-rules">
            {c.rules.length === 0 ? (
              <Typography.Text type="secondary">{t("detail.noRules")}</Typography.Text>
            ) : (
              <ol className="sc-rule-list">
                {c.rules.map((r, i) => (
                  <li key={i}>{r}</li>
                ))}
              </ol>
            )}
          </div>
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
