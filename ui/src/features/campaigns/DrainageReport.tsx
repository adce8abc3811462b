// A welcome-gift campaign's report: claims per day and per channel, what the
// gifts (or next-visit vouchers used) cost, and the cost per new member. Its
// return shows in the new members' later purchases, which it does not see.
import { Card, Statistic, Table, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { ChannelClaims } from "../../bindings/ChannelClaims";
import type { Report } from "../../bindings/Report";
import type { ReportRow } from "../../bindings/ReportRow";
import { day as dayText, money } from "../../format";
import { useLang } from "../../lang";
import { SalesChart } from "./SalesChart";

export function DrainageReport({ r }: { r: Report }) {
  const { t } = useTranslation();
  const lang = useLang();
  const tt = r.totals;
  const perMember = tt.issued > 0 ? Math.round(r.campaign_cost_cents / tt.issued) : null;
  return (
    <>
      <div style={{ display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(150px, 1fr))", gap: 12, marginBottom: 16 }}>
        <Card size="small" data-testid="report-claims"><Statistic title={t("report.claims")} value={tt.issued} /></Card>
        <Card size="small"><Statistic title={t("report.used")} value={tt.redeemed} /></Card>
        <Card size="small" data-testid="report-gift-cost"><Statistic title={t("report.campaignCost")} value={money(r.campaign_cost_cents)} /></Card>
        <Card size="small"><Statistic title={t("report.perMember")} value={perMember === null ? "—" : money(perMember)} /></Card>
      </div>
      <Typography.Paragraph type="secondary" data-testid="report-formula">
        {t("report.formulaDrainage")}
      </Typography.Paragraph>
      <Card size="small" title={t("report.perDay")} style={{ marginBottom: 16 }}>
        <SalesChart rows={r.sessions.map((s) => ({ ...s, sold: s.issued, revenue_cents: s.gift_cost_cents + s.discount_cents }))} soldLabel={t("report.claims")} revenueLabel={t("report.campaignCost")} lang={lang} />
      </Card>
      <div style={{ display: "grid", gridTemplateColumns: "minmax(0, 2fr) minmax(0, 1fr)", gap: 16 }}>
        <Table<ReportRow>
          size="small"
          rowKey="day"
          pagination={{ pageSize: 14, hideOnSinglePage: true }}
          dataSource={r.sessions}
          data-testid="report-table"
          columns={[
            { title: t("report.day"), key: "day", render: (_: unknown, x: ReportRow) => dayText(x.day, lang) },
            { title: t("report.claims"), dataIndex: "issued", align: "right" },
            { title: t("report.used"), dataIndex: "redeemed", align: "right" },
            { title: t("report.campaignCost"), key: "cost", align: "right", render: (_: unknown, x: ReportRow) => money(x.gift_cost_cents + x.discount_cents) },
          ]}
        />
        <Table<ChannelClaims>
          size="small"
          rowKey={(c) => c.channel ?? ""}
          pagination={false}
          dataSource={r.by_channel}
          data-testid="report-by-channel"
          locale={{ emptyText: t("drainageClaims.none") }}
          columns={[
            { title: t("drainageClaims.channel"), key: "channel", render: (_: unknown, c: ChannelClaims) => c.channel ?? t("drainageClaims.channelUnknown") },
            { title: t("report.claims"), dataIndex: "claims", align: "right" },
          ]}
        />
      </div>
    </>
  );
}
