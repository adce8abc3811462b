// Every voucher batch with how it is doing; issue a new batch, or open the counter.
import { PlusOutlined, ScanOutlined } from "@ant-design/icons";
import { Button, Card, Empty, Space, Table, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Batch } from "../../bindings/Batch";
import { toMessage } from "../../errors";
import { money } from "../../format";
import { useNav } from "../../nav";
import { useShop } from "../../queries";
import { todayIn } from "../../days";
import { BatchConditions, BatchTags, RateBar, Validity } from "./BatchFacts";
import { IssueForm } from "./IssueForm";
import { useBatches } from "./queries";
import { PageHeader } from "../../components/PageHeader";

export function VouchersPage() {
  const { t } = useTranslation();
  const { go } = useNav();
  const shop = useShop();
  const today = todayIn(shop?.time_zone ?? "UTC");
  const [issuing, setIssuing] = useState(false);
  const batches = useBatches();

  const num = (n: number) => n.toLocaleString();
  const columns = [
    {
      title: t("vouchers.col.batch"),
      key: "name",
      render: (_: unknown, b: Batch) => (
        <div style={{ minWidth: 200 }}>
          <Space size={6} wrap>
            {/* The row opens on a click; the name is its link for the keyboard. */}
            <a
              href={`#batch-${b.id}`}
              className="sc-row-link"
              onClick={(e) => {
                e.preventDefault();
                e.stopPropagation();
                go({ page: "batch", id: b.id });
              }}
              data-testid={`batch-open-${b.id}`}
            >
              {b.name}
            </a>
            <BatchTags batch={b} today={today} />
          </Space>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              <Validity batch={b} />
            </Typography.Text>
          </div>
          <BatchConditions batch={b} />
        </div>
      ),
    },
    { title: t("vouchers.col.issued"), key: "issued", align: "right" as const, width: 90, render: (_: unknown, b: Batch) => <span data-testid="batch-issued">{num(b.stats.issued)}</span> },
    { title: t("vouchers.col.redeemed"), key: "redeemed", align: "right" as const, width: 90, render: (_: unknown, b: Batch) => <span data-testid="batch-redeemed">{num(b.stats.redeemed)}</span> },
    { title: t("vouchers.col.expired"), key: "expired", align: "right" as const, width: 90, responsive: ["xl" as const], render: (_: unknown, b: Batch) => num(b.stats.expired) },
    { title: t("vouchers.col.voided"), key: "voided", align: "right" as const, width: 90, responsive: ["xl" as const], render: (_: unknown, b: Batch) => num(b.stats.voided) },
    { title: t("vouchers.col.rate"), key: "rate", width: 170, render: (_: unknown, b: Batch) => <RateBar rate={b.stats.redemption_rate} /> },
    { title: t("vouchers.col.giftCost"), key: "cost", align: "right" as const, width: 110, render: (_: unknown, b: Batch) => (b.benefit.kind === "gift" ? money(b.stats.gift_cost_cents) : "—") },
  ];

  const issueButton = (testId: string) => (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setIssuing(true)} data-testid={testId}>
      {t("vouchers.issue")}
    </Button>
  );

  return (
    <div className="sc-page">
      <PageHeader
        title={t("vouchers.title")}
        description={t("vouchers.subtitle")}
        actions={
          <Space size={12} wrap>
            <Button size="large" icon={<ScanOutlined />} onClick={() => go({ page: "counter" })} data-testid="voucher-open-counter">
              {t("vouchers.openCounter")}
            </Button>
            {issueButton("voucher-issue")}
          </Space>
        }
      />
      {batches.isError ? (
        <Typography.Text type="danger">{toMessage(batches.error)}</Typography.Text>
      ) : (
        <Card styles={{ body: { padding: 0 } }}>
          <Table<Batch>
            rowKey="id"
            loading={batches.isPending}
            dataSource={batches.data ?? []}
            columns={columns}
            pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
            rowClassName={() => "sc-clickable"}
            onRow={(b) => ({ "data-testid": `batch-row-${b.id}`, className: "sc-clickable", onClick: () => go({ page: "batch", id: b.id }) }) as React.HTMLAttributes<HTMLElement>}
            locale={{
              emptyText: (
                <Empty
                  style={{ margin: "32px 0" }}
                  description={
                    <>
                      <div>{t("vouchers.empty")}</div>
                      <Typography.Text type="secondary">{t("vouchers.emptyHint")}</Typography.Text>
                    </>
                  }
                >
                  {issueButton("voucher-issue-empty")}
                </Empty>
              ),
            }}
            tableLayout="auto"
          />
        </Card>
      )}
      <IssueForm open={issuing} onClose={() => setIssuing(false)} />
    </div>
  );
}
