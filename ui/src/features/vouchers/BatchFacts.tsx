// Small pieces shared by the batch list and the batch page: the tags saying how a
// batch stands and the line saying where and for whom it was issued.
import { Progress, Space, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { Batch } from "../../bindings/Batch";
import { day, money } from "../../format";
import { useLang } from "../../lang";

export function BatchTags({ batch, today }: { batch: Batch; today: string }) {
  const { t } = useTranslation();
  if (batch.voided_at) return <Tag color="default" data-testid="batch-voided-tag">{t("vouchers.voidedTag")}</Tag>;
  if (today > batch.valid_until) return <Tag color="orange">{t("vouchers.endedTag")}</Tag>;
  if (today < batch.valid_from) return <Tag color="cyan">{t("vouchers.upcomingTag")}</Tag>;
  return <Tag color="green">{t("vouchers.activeTag")}</Tag>;
}

export function Validity({ batch }: { batch: Batch }) {
  const { t } = useTranslation();
  const lang = useLang();
  return <>{t("vouchers.validRange", { from: day(batch.valid_from, lang), until: day(batch.valid_until, lang) })}</>;
}

/** Community · channel, the customer it is named to, the minimum spend. */
export function BatchConditions({ batch }: { batch: Batch }) {
  const { t } = useTranslation();
  const parts = [
    batch.community_name && [batch.community_name, batch.channel_name].filter(Boolean).join(" · "),
    batch.holder_name && t("vouchers.namedTo", { name: batch.holder_name }),
    batch.min_spend_cents != null && t("vouchers.minSpendLine", { amount: money(batch.min_spend_cents) }),
  ].filter(Boolean) as string[];
  if (parts.length === 0) return null;
  return (
    <Space size={4} wrap split={<Typography.Text type="secondary">·</Typography.Text>}>
      {parts.map((p) => (
        <Typography.Text key={p} type="secondary" style={{ fontSize: 12 }}>
          {p}
        </Typography.Text>
      ))}
    </Space>
  );
}

export function RateBar({ rate }: { rate: number }) {
  const percent = Math.round(rate * 1000) / 10;
  const { t } = useTranslation();
  return <Progress percent={percent} size="small" strokeColor="#2b7a3b" format={(p) => `${p}%`} aria-label={`${t("vouchers.col.rate")} ${percent}%`} />;
}
