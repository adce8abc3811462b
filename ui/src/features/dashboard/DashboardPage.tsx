// The dashboard: the period's key figures against the period before, each
// with a one-line definition; the funnel of the members who joined in it,
// members over time, the RFM segments (a click opens their members) and join
// attribution per channel. The core computes every number; this page only
// shows them.
import { useQuery } from "@tanstack/react-query";
import { Alert, Button, Card, DatePicker, Empty, Select, Space, Statistic, Typography } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { FunnelStep } from "../../bindings/FunnelStep";
import type { Kpis } from "../../bindings/Kpis";
import { PageHeader } from "../../components/PageHeader";
import { todayIn } from "../../days";
import { toMessage } from "../../errors";
import { money } from "../../format";
import { ipc } from "../../ipc";
import { useNav } from "../../nav";
import { useShop } from "../../queries";
import { useCommunities } from "../communities/queries";
import { ChannelTable, CHANNEL_DAYS } from "./ChannelTable";
import { MembersOverTime } from "./MembersOverTime";
import { PERIODS, periodDays, type PeriodKey } from "./period";
import { Segments, ThresholdsButton } from "./Segments";

type Figure = { key: keyof Kpis; label: string; def: string; show: (k: Kpis) => string };

export function DashboardPage() {
  const { t } = useTranslation();
  const { go } = useNav();
  const shop = useShop();
  // The app's clock decides what "today" is; the window's until it answers.
  const appToday = useQuery({ queryKey: ["shop-today"], queryFn: ipc.shopToday });
  const today = appToday.data ?? todayIn(shop?.time_zone ?? "Asia/Shanghai");
  const [period, setPeriod] = useState<PeriodKey>("d30");
  const [custom, setCustom] = useState<[string, string]>([today, today]);
  const [communityId, setCommunityId] = useState<number | null>(null);
  const communities = useCommunities(false);
  const [from, to] = periodDays(period, today, custom);
  const query = { from, to, community_id: communityId };
  const data = useQuery({ queryKey: ["dashboard", query], queryFn: () => ipc.dashboard(query), enabled: !appToday.isPending });
  const pct = (p: number | null) => (p === null ? "—" : `${p} %`);
  const figures: Figure[] = [
    { key: "joined", label: t("dashboard.joined"), def: t("dashboard.joinedDef"), show: (k) => String(k.joined) },
    { key: "left", label: t("dashboard.left"), def: t("dashboard.leftDef"), show: (k) => String(k.left) },
    { key: "net", label: t("dashboard.net"), def: t("dashboard.netDef"), show: (k) => String(k.net) },
    { key: "sales_cents", label: t("dashboard.sales"), def: t("dashboard.salesDef"), show: (k) => money(Number(k.sales_cents)) },
    { key: "buyers", label: t("dashboard.buyers"), def: t("dashboard.buyersDef"), show: (k) => String(k.buyers) },
    { key: "repeat_percent", label: t("dashboard.repeat"), def: t("dashboard.repeatDef"), show: (k) => pct(k.repeat_percent) },
  ];
  const d = data.data;
  if (d) {
    figures.push(
      {
        key: "voucher_redemption_percent",
        label: t("dashboard.vouchers"),
        def: t("dashboard.vouchersDef", { count: d.current.vouchers_issued }),
        show: (k) => pct(k.voucher_redemption_percent),
      },
      {
        key: "gift_cost_percent",
        label: t("dashboard.giftCost"),
        def: t("dashboard.giftCostDef", { cost: money(d.current.gift_cost_cents), sales: money(d.current.attributed_sales_cents) }),
        show: (k) => pct(k.gift_cost_percent),
      },
    );
  }
  const moved = d ? d.series.some((p) => p.joined > 0 || p.left > 0 || p.total > 0) : false;
  const empty = d && Number(d.current.joined) === 0 && Number(d.current.sales_cents) === 0 && Number(d.current.buyers) === 0;

  return (
    <div className="sc-page">
      <PageHeader title={t("dashboard.title")} description={t("dashboard.subtitle")} />
      <Space wrap size={12} style={{ marginBottom: 16 }}>
        <Select<PeriodKey>
          aria-label={t("dashboard.period")}
          style={{ minWidth: 160 }}
          value={period}
          onChange={setPeriod}
          options={PERIODS.map((p) => ({ value: p, label: t(`dashboard.periods.${p}`) }))}
          data-testid="dashboard-period"
        />
        {period === "custom" && (
          <DatePicker.RangePicker
            aria-label={t("dashboard.range")}
            allowClear={false}
            value={[dayjs(custom[0]), dayjs(custom[1])]}
            onChange={(v) => v?.[0] && v[1] && setCustom([v[0].format("YYYY-MM-DD"), v[1].format("YYYY-MM-DD")])}
          />
        )}
        <Select<number | null>
          aria-label={t("dashboard.community")}
          style={{ minWidth: 200 }}
          value={communityId}
          onChange={setCommunityId}
          options={[{ value: null, label: t("dashboard.allCommunities") }, ...(communities.data ?? []).map((c) => ({ value: c.id, label: c.name }))]}
          data-testid="dashboard-community"
        />
        <Typography.Text type="secondary" data-testid="dashboard-days">
          {from} – {to}
        </Typography.Text>
      </Space>
      {data.isError && <Alert type="error" showIcon message={toMessage(data.error)} />}
      {empty && (
        <Card style={{ marginBottom: 16 }} data-testid="dashboard-empty">
          <Empty description={<><Typography.Text strong>{t("dashboard.emptyTitle")}</Typography.Text><br />{t("dashboard.emptyHint")}</>}>
            <Button type="primary" onClick={() => go({ page: "members" })}>{t("dashboard.toMembers")}</Button>
          </Empty>
        </Card>
      )}
      {d && (
        <>
          <div style={{ display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(200px, 1fr))", gap: 12, marginBottom: 16 }}>
            {figures.map((f) => (
              <Card size="small" key={f.key} data-testid={`kpi-${f.key}`}>
                <Statistic title={f.label} value={f.show(d.current)} />
                <Typography.Text type="secondary" style={{ fontSize: 12, display: "block" }}>
                  {t("dashboard.vsBefore", { value: f.show(d.previous) })}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12, display: "block", marginTop: 4 }}>{f.def}</Typography.Text>
              </Card>
            ))}
          </div>
          <div style={{ display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(420px, 1fr))", gap: 16 }}>
            <Card size="small" title={<h2 className="sc-card-title">{t("dashboard.funnel")}</h2>} data-testid="dashboard-funnel">
              <Typography.Paragraph type="secondary">{t("dashboard.funnelDef")}</Typography.Paragraph>
              <Funnel steps={d.funnel} />
            </Card>
            <Card size="small" title={<h2 className="sc-card-title">{t("dashboard.overTime")}</h2>} data-testid="dashboard-over-time">
              <Typography.Paragraph type="secondary">{t("dashboard.overTimeDef")}</Typography.Paragraph>
              {moved ? <MembersOverTime points={d.series} /> : <Typography.Text type="secondary">{t("dashboard.overTimeEmpty")}</Typography.Text>}
            </Card>
            <Card
              size="small"
              title={<h2 className="sc-card-title">{t("dashboard.segments")}</h2>}
              extra={<ThresholdsButton thresholds={d.thresholds} />}
              data-testid="dashboard-segments"
            >
              <Typography.Paragraph type="secondary">{t("dashboard.segmentsDef")}</Typography.Paragraph>
              <Segments
                segments={d.segments}
                onOpen={(segment) => go({ page: "members", segment, segmentOn: d.to, communityId: communityId ?? undefined })}
              />
            </Card>
            <Card size="small" title={<h2 className="sc-card-title">{t("dashboard.channels")}</h2>} data-testid="dashboard-channels">
              <Typography.Paragraph type="secondary">{t("dashboard.channelsDef", { days: CHANNEL_DAYS })}</Typography.Paragraph>
              <ChannelTable channels={d.channels} />
            </Card>
          </div>
        </>
      )}
    </div>
  );
}

/** The funnel as bars as wide as each step's share of all who joined, in the core's order. */
function Funnel({ steps }: { steps: FunnelStep[] }) {
  const { t } = useTranslation();
  return (
    <ol style={{ listStyle: "none", margin: 0, padding: 0, display: "grid", gap: 10 }}>
      {steps.map((s) => (
        <li key={s.step} data-testid={`funnel-${s.step}`}>
          <div style={{ display: "flex", justifyContent: "space-between", gap: 12, flexWrap: "wrap" }}>
            <Typography.Text strong>
              {t(`dashboard.steps.${s.step as "joined" | "bought" | "bought_again" | "referred"}`)}: {String(s.count)}
            </Typography.Text>
            <Typography.Text type="secondary">
              {s.of_previous !== null && `${t("dashboard.ofPrevious", { percent: `${s.of_previous} %` })} · `}
              {t("dashboard.ofFirst", { percent: s.of_first === null ? "—" : `${s.of_first} %` })}
            </Typography.Text>
          </div>
          <div aria-hidden style={{ height: 10, background: "#eceee8", borderRadius: 5, marginTop: 4 }}>
            <div style={{ width: `${Number(s.of_first ?? 0)}%`, height: "100%", background: "#2f7d5b", borderRadius: 5 }} />
          </div>
        </li>
      ))}
    </ol>
  );
}
