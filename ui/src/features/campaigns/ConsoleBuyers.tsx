// The session's buyers in the order they replied, each with the pickup codes
// to read out or send them, and whether they have collected.
import { Empty, Table, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { Order } from "../../bindings/Order";

export function ConsoleBuyers({ orders }: { orders: Order[] }) {
  const { t } = useTranslation();
  if (orders.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("spikeConsole.noBuyers")} />;
  return (
    <Table<Order>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={orders}
      onRow={(o) => ({ "data-testid": `console-order-${o.id}` }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        { title: "#", key: "n", width: 48, render: (_: unknown, o: Order, i: number) => o.seq ?? i + 1 },
        { title: t("spikeConsole.buyer"), dataIndex: "buyer", render: (b: string) => <span data-testid="console-order-buyer">{b}</span> },
        { title: t("spikeConsole.quantity"), dataIndex: "quantity", width: 72 },
        {
          title: t("spikeConsole.codes"),
          key: "codes",
          render: (_: unknown, o: Order) =>
            o.codes.length === 0 ? (
              <Typography.Text type="secondary">{t("spikeConsole.noCodes")}</Typography.Text>
            ) : (
              o.codes.map((c) => (
                <Typography.Text key={c} code copyable={{ text: c }} style={{ display: "block", whiteSpace: "nowrap" }} data-testid="console-order-code">
                  {c}
                </Typography.Text>
              ))
            ),
        },
        {
          title: t("spikeConsole.collected"),
          key: "collected",
          width: 110,
          render: (_: unknown, o: Order) =>
            o.collected > 0 ? <Tag color="green">{t("spikeConsole.collectedN", { count: o.collected, total: o.codes.length })}</Tag> : <Tag>{t("spikeConsole.notCollected")}</Tag>,
        },
      ]}
    />
  );
}
