// After a campaign: what it sold and earned per session, the pickup vouchers
// handed out, collected and never collected, and its return with the formula
// written beside it; the report exported as CSV.
import { ArrowLeftOutlined, DownloadOutlined } from "@ant-design/icons";
import { useMutation, useQuery } from "@tanstack/react-query";
import { Alert, App as AntApp, Button, Card, Skeleton, Space, Statistic, Table, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { Report } from "../../bindings/Report";
import type { ReportRow } from "../../bindings/ReportRow";
import { PageHeader } from "../../components/PageHeader";
import { showError, toMessage } from "../../errors";
import { day as dayText, money } from "../../format";
import { ipc } from "../../ipc";
import { useLang } from "../../lang";
import { useNav } from "../../nav";
import { DrainageReport } from "./DrainageReport";
import { SalesChart } from "./SalesChart";

export function CampaignReport({ id }: { id: number }) {
  const { t } = useTranslation();
  const { go } = useNav();
  const { message } = AntApp.useApp();
  const report = useQuery({ queryKey: ["campaigns", "report", id], queryFn: () => ipc.campaignReport(id) });
  const exportCsv = useMutation({
    mutationFn: () => ipc.exportCampaignCsv(id),
    onSuccess: (path) => path && void message.success(t("report.saved", { path })),
    onError: (e) => showError(e, message),
  });
  if (report.isError) return <Alert type="error" showIcon message={toMessage(report.error)} />;
  if (!report.data) return <Skeleton active />;
  const r = report.data;
  return (
    <div className="sc-page">
      <PageHeader
        title={r.name}
        titleTestId="report-title"
        description={t("report.subtitle", { kind: t(`campaigns.kinds.${r.kind}`), status: t(`campaigns.status.${r.status}`) })}
        actions={
          <Space>
            <Button icon={<DownloadOutlined />} onClick={() => exportCsv.mutate()} loading={exportCsv.isPending} data-testid="report-csv">
              {t("report.csv")}
            </Button>
            <Button icon={<ArrowLeftOutlined />} onClick={() => go({ page: "campaigns" })}>
              {t("spikeConsole.back")}
            </Button>
          </Space>
        }
      />
      {r.kind === "drainage" ? <DrainageReport r={r} /> : <SalesReport r={r} />}
    </div>
  );
}

/** A sale's figures: sold, revenue, cost of goods, campaign cost, net and return, per session. */
function SalesReport({ r }: { r: Report }) {
  const { t } = useTranslation();
  const lang = useLang();
  const tt = r.totals;
  // Both hand out pickup codes: a flash sale per unit, a gift-package day per package.
  const vouchers = r.kind === "spike" || r.kind === "ladder";
  return (
    <>
      <div style={{ display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(150px, 1fr))", gap: 12, marginBottom: 16 }}>
        <Card size="small"><Statistic title={t("report.sold")} value={tt.sold} /></Card>
        <Card size="small"><Statistic title={t("report.revenue")} value={money(tt.revenue_cents)} /></Card>
        <Card size="small"><Statistic title={t("report.costOfGoods")} value={money(tt.cost_of_goods_cents)} /></Card>
        <Card size="small"><Statistic title={t("report.campaignCost")} value={money(r.campaign_cost_cents)} /></Card>
        <Card size="small"><Statistic title={t("report.net")} value={money(r.net_cents)} valueStyle={{ color: r.net_cents < 0 ? "#b3372e" : undefined }} /></Card>
        <Card size="small" data-testid="report-return">
          <Statistic title={t("report.return")} value={r.return_percent === null ? "—" : `${r.return_percent} %`} valueStyle={{ color: (r.return_percent ?? 0) < 0 ? "#b3372e" : undefined }} />
        </Card>
      </div>
      <Typography.Paragraph type="secondary" data-testid="report-formula">
        {t("report.formula")} {t(r.kind === "spike" ? "report.formulaSpike" : "report.formulaLadder")}
      </Typography.Paragraph>
      {r.sessions.length > 0 && (
        <Card size="small" title={t("report.perSession")} style={{ marginBottom: 16 }}>
          <SalesChart rows={r.sessions} soldLabel={t("report.sold")} revenueLabel={t("report.revenue")} lang={lang} />
        </Card>
      )}
      <Table<ReportRow>
        size="small"
        rowKey="day"
        pagination={false}
        dataSource={r.sessions}
        data-testid="report-table"
        scroll={{ x: 720 }}
        columns={[
          { title: t("report.session"), key: "day", render: (_: unknown, x: ReportRow) => dayText(x.day, lang) },
          { title: t("report.sold"), dataIndex: "sold", align: "right" },
          ...(vouchers
            ? [
                { title: t("report.issued"), dataIndex: "issued", align: "right" as const },
                { title: t("report.redeemed"), dataIndex: "redeemed", align: "right" as const },
                { title: t("report.noShows"), dataIndex: "no_shows", align: "right" as const },
              ]
            : []),
          { title: t("report.revenue"), key: "revenue", align: "right", render: (_: unknown, x: ReportRow) => money(x.revenue_cents) },
          { title: t("report.costOfGoods"), key: "cogs", align: "right", render: (_: unknown, x: ReportRow) => money(x.cost_of_goods_cents) },
          { title: t("report.discount"), key: "discount", align: "right", render: (_: unknown, x: ReportRow) => money(x.discount_cents) },
        ]}
      />
    </>
  );
}
