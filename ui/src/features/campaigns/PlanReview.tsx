// The wizards' last two steps, for every kind: the first session's posts,
// ready to copy, and the list of everything Finish creates beside every
// check — the same plan the core writes.
import { CheckCircleFilled, CopyOutlined } from "@ant-design/icons";
import { App as AntApp, Button, Card, List, Space, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { Check } from "../../bindings/Check";
import type { PlannedPost } from "../../bindings/PlannedPost";
import { day as dayText } from "../../format";
import { useLang } from "../../lang";
import { PlanChecks } from "./PlanChecks";

export function PlanPosts({ kind, posts }: { kind: string; posts: PlannedPost[] }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const lang = useLang();
  return (
    <Space direction="vertical" size={12} style={{ width: "100%" }}>
      <Typography.Text type="secondary">{t("wizard.wordsHint")}</Typography.Text>
      {posts.map((p, i) => (
        <Card
          key={i}
          size="small"
          title={p.topic}
          extra={
            <Button
              size="small"
              icon={<CopyOutlined />}
              onClick={() => void navigator.clipboard.writeText(p.body).then(() => message.success(t("wizard.copied")))}
              data-testid={`${kind}-post-copy-${i}`}
            >
              {t("wizard.copy")}
            </Button>
          }
          data-testid={`${kind}-post-${i}`}
        >
          <Typography.Text type="secondary" style={{ display: "block", marginBottom: 6 }}>
            {dayText(p.day, lang)} {p.time}
          </Typography.Text>
          <div className="sc-pre">{p.body}</div>
        </Card>
      ))}
    </Space>
  );
}

type ReviewProps = { kind: string; name: string; creates: string[]; days: string[]; checks: Check[] };

export function PlanReview({ kind, name, creates, days, checks }: ReviewProps) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Space direction="vertical" size={16} style={{ width: "100%" }}>
      <Card size="small" title={<Typography.Text strong>{name}</Typography.Text>} data-testid={`${kind}-review`}>
        <Typography.Text strong>{t("wizard.creates")}</Typography.Text>
        <List size="small" dataSource={creates} renderItem={(c) => <List.Item data-testid={`${kind}-creates`}>{c}</List.Item>} />
        <Space wrap size={[6, 6]} style={{ marginTop: 8 }}>
          {days.map((d) => (
            <Tag key={d} bordered={false} data-testid={`${kind}-session`}>
              {dayText(d, lang)}
            </Tag>
          ))}
        </Space>
      </Card>
      <div>
        <Typography.Text strong style={{ display: "block", marginBottom: 8 }}>
          {t("wizard.checks")}
        </Typography.Text>
        {checks.some((c) => c.outcome !== "pass") ? (
          <PlanChecks checks={checks} />
        ) : (
          <Typography.Text type="success" data-testid={`${kind}-all-clear`}>
            <CheckCircleFilled /> {t("wizard.allClear")}
          </Typography.Text>
        )}
      </div>
    </Space>
  );
}
