// The last two steps: the first evening's three posts, ready to copy, and the
// list of everything Finish creates beside every check — the same plan the
// core writes.
import { CheckCircleFilled, CopyOutlined } from "@ant-design/icons";
import { App as AntApp, Button, Card, List, Space, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { SpikePlan } from "../../bindings/SpikePlan";
import { day as dayText } from "../../format";
import { useLang } from "../../lang";
import { PlanChecks } from "./PlanChecks";

export function SpikeWords({ plan }: { plan: SpikePlan }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const lang = useLang();
  const first = plan.posts.slice(0, 3);
  return (
    <Space direction="vertical" size={12} style={{ width: "100%" }}>
      <Typography.Text type="secondary">{t("spike.wordsHint")}</Typography.Text>
      {first.map((p, i) => (
        <Card
          key={i}
          size="small"
          title={p.topic}
          extra={
            <Button
              size="small"
              icon={<CopyOutlined />}
              onClick={() => void navigator.clipboard.writeText(p.body).then(() => message.success(t("spike.copied")))}
              data-testid={`spike-post-copy-${i}`}
            >
              {t("spike.copy")}
            </Button>
          }
          data-testid={`spike-post-${i}`}
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

export function SpikeReview({ plan }: { plan: SpikePlan }) {
  const lead = plan.schedules[0]?.lead_minutes ?? 0;
  const { t } = useTranslation();
  const lang = useLang();
  const creates = [
    t("spike.createsCampaign"),
    t("spike.createsSessions", { count: plan.sessions.length }),
    t("spike.createsSchedules", { count: plan.schedules.length, lead }),
    t("spike.createsPosts", { count: plan.posts.length }),
    ...(plan.pickup_vouchers > 0 ? [t("spike.createsVouchers", { count: plan.pickup_vouchers, each: plan.quantity })] : []),
  ];
  return (
    <Space direction="vertical" size={16} style={{ width: "100%" }}>
      <Card size="small" title={<Typography.Text strong>{plan.name}</Typography.Text>} data-testid="spike-review">
        <Typography.Text strong>{t("spike.creates")}</Typography.Text>
        <List size="small" dataSource={creates} renderItem={(c) => <List.Item data-testid="spike-creates">{c}</List.Item>} />
        <Space wrap size={[6, 6]} style={{ marginTop: 8 }}>
          {plan.sessions.map((s) => (
            <Tag key={s.starts_at} bordered={false} data-testid="spike-session">
              {dayText(s.day, lang)}
            </Tag>
          ))}
        </Space>
      </Card>
      <div>
        <Typography.Text strong style={{ display: "block", marginBottom: 8 }}>
          {t("spike.checks")}
        </Typography.Text>
        {plan.checks.some((c) => c.outcome !== "pass") ? (
          <PlanChecks checks={plan.checks} />
        ) : (
          <Typography.Text type="success" data-testid="spike-all-clear">
            <CheckCircleFilled /> {t("spike.allClear")}
          </Typography.Text>
        )}
      </div>
    </Space>
  );
}
