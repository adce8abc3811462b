// One community at a glance: kind, stage, platform, fill level and health score.
import { Button, Card, Progress, Space, Tag, Tooltip, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { Community } from "../../bindings/Community";
import { FillBar } from "./FillBar";
import { KIND_COLOR, scoreColor } from "./labels";
import { useHealth } from "./queries";
import { StageSteps } from "./StageSteps";
import { openable } from "../../components/openable";

function HealthScore({ id }: { id: number }) {
  const { t } = useTranslation();
  const health = useHealth(id);
  const score = health.data?.score;
  return (
    <Tooltip title={t("communities.health")}>
      <Progress
        type="circle"
        size={46}
        percent={score ?? 0}
        strokeColor={score === undefined ? undefined : scoreColor(score)}
        format={() => (score === undefined ? "–" : String(score))}
        aria-label={`${t("communities.health")} ${score ?? ""}`}
      />
    </Tooltip>
  );
}

type Props = { community: Community; onOpen: () => void; onRestore: () => void; restoring: boolean };

export function CommunityCard({ community: c, onOpen, onRestore, restoring }: Props) {
  const { t } = useTranslation();
  const archived = c.archived_at !== null;
  return (
    <Card
      hoverable
      className="sc-clickable"
      data-testid={`community-card-${c.id}`}
      {...openable(onOpen)}
      style={{ opacity: archived ? 0.75 : 1 }}
      styles={{ body: { display: "flex", flexDirection: "column", gap: 14, padding: 20 } }}
    >
      <div style={{ display: "flex", justifyContent: "space-between", gap: 12 }}>
        <div style={{ minWidth: 0 }}>
          <Typography.Title level={5} style={{ margin: 0 }} ellipsis={{ tooltip: c.name }}>
            {c.name}
          </Typography.Title>
          <Space size={4} wrap style={{ marginTop: 6 }}>
            <Tag color={KIND_COLOR[c.kind]} bordered={false}>
              {t(`kind.${c.kind}`)}
            </Tag>
            <Tag bordered={false}>{t(`platform.${c.platform}`)}</Tag>
            {archived && <Tag color="default">{t("common.archived")}</Tag>}
          </Space>
        </div>
        {!archived && <HealthScore id={c.id} />}
      </div>
      <StageSteps stage={c.stage} compact />
      <FillBar community={c} />
      {archived && (
        <Button
          loading={restoring}
          onClick={(e) => {
            e.stopPropagation();
            onRestore();
          }}
        >
          {t("common.restore")}
        </Button>
      )}
    </Card>
  );
}
