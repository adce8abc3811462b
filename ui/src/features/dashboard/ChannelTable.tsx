// Join attribution: joins, first purchases, their sales and the gifts' cost
// per buyer for each channel, as the core counted them.
import { Empty, Table } from "antd";
import { useTranslation } from "react-i18next";
import type { ChannelFigures } from "../../bindings/ChannelFigures";
import { money } from "../../format";

export const CHANNEL_DAYS = 30;

export function ChannelTable({ channels }: { channels: ChannelFigures[] }) {
  const { t } = useTranslation();
  const pct = (p: number | null) => (p === null ? "—" : `${p} %`);
  return (
    <Table<ChannelFigures>
      size="small"
      rowKey="channel_id"
      pagination={false}
      dataSource={channels}
      scroll={{ x: 720 }}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("dashboard.channelsEmpty")} /> }}
      onRow={(c) => ({ "data-testid": `channel-figures-${c.channel_id}` }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        { title: t("dashboard.colChannel"), key: "name", render: (_: unknown, c: ChannelFigures) => c.name },
        { title: t("dashboard.colCommunity"), key: "community", render: (_: unknown, c: ChannelFigures) => c.community_name },
        { title: t("dashboard.colJoins"), key: "joins", align: "right", render: (_: unknown, c: ChannelFigures) => c.joins },
        {
          title: t("dashboard.colBuyers", { days: CHANNEL_DAYS }),
          key: "buyers",
          align: "right",
          render: (_: unknown, c: ChannelFigures) => `${c.buyers} (${pct(c.first_purchase_percent)})`,
        },
        { title: t("dashboard.colSales"), key: "sales", align: "right", render: (_: unknown, c: ChannelFigures) => money(c.sales_cents) },
        {
          title: t("dashboard.colCostPerBuyer"),
          key: "cost",
          align: "right",
          render: (_: unknown, c: ChannelFigures) => (c.cost_per_buyer_cents === null ? "—" : money(c.cost_per_buyer_cents)),
        },
      ]}
    />
  );
}
