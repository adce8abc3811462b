// A batch's counter log: who redeemed which voucher when, every undo with its
// reason, every voucher voided on its own. The undo is what the owner checks
// when the stock does not add up, so it must be readable, not just stored.
import { Card, Empty, Table, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { EventAction } from "../../bindings/EventAction";
import type { VoucherEvent } from "../../bindings/VoucherEvent";
import { toMessage } from "../../errors";
import { dateTime } from "../../format";
import { useLang } from "../../lang";
import { useShop } from "../../queries";
import { useBatchEvents } from "./queries";

const ACTION_COLOR: Record<EventAction, string> = { redeemed: "success", undone: "processing", voided: "default" };

export function CounterLog({ batchId }: { batchId: number }) {
  const { t } = useTranslation();
  const lang = useLang();
  const zone = useShop()?.time_zone;
  const events = useBatchEvents(batchId);

  const columns = [
    {
      title: t("vouchers.log.at"),
      key: "at",
      width: 190,
      render: (_: unknown, e: VoucherEvent) => dateTime(e.at, lang, zone),
    },
    {
      title: t("vouchers.log.what"),
      key: "action",
      width: 120,
      render: (_: unknown, e: VoucherEvent) => <Tag color={ACTION_COLOR[e.action]}>{t(`vouchers.log.action.${e.action}`)}</Tag>,
    },
    {
      title: t("vouchers.list.code"),
      key: "code",
      render: (_: unknown, e: VoucherEvent) => <Typography.Text code>{e.code}</Typography.Text>,
    },
    { title: t("vouchers.log.staff"), key: "staff", width: 140, render: (_: unknown, e: VoucherEvent) => e.staff || "—" },
    { title: t("vouchers.log.reason"), key: "reason", render: (_: unknown, e: VoucherEvent) => e.reason || "—" },
  ];

  return (
    <Card title={t("vouchers.log.title")} data-testid="counter-log">
      {events.isError ? (
        <Typography.Text type="danger">{toMessage(events.error)}</Typography.Text>
      ) : (
        <Table<VoucherEvent>
          rowKey="id"
          size="small"
          loading={events.isPending}
          dataSource={events.data ?? []}
          columns={columns}
          pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
          onRow={() => ({ "data-testid": "counter-log-row" }) as React.HTMLAttributes<HTMLElement>}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("vouchers.log.empty")} /> }}
          scroll={{ x: 760 }}
        />
      )}
    </Card>
  );
}
