// Every move of a gift's stock, newest first: why, by how much, what was left,
// and the voucher whose redemption took it.
import { Drawer, Empty, Table, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { Gift } from "../../bindings/Gift";
import type { MoveReason } from "../../bindings/MoveReason";
import type { StockMove } from "../../bindings/StockMove";
import { dateTime } from "../../format";
import { useLang } from "../../lang";
import { useShop } from "../../queries";
import { useGiftMoves } from "./queries";

const REASON_COLOR: Record<MoveReason, string> = {
  added: "blue",
  restocked: "green",
  counted: "cyan",
  redeemed: "orange",
  redemption_undone: "purple",
  claimed: "gold",
  claim_undone: "purple",
};

export function StockHistory({ gift, onClose }: { gift: Gift | null; onClose: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const zone = useShop()?.time_zone;
  const moves = useGiftMoves(gift?.id);
  const columns = [
    { title: t("gifts.when"), key: "when", width: 170, render: (_: unknown, m: StockMove) => dateTime(m.made_at, lang, zone) },
    {
      title: t("gifts.why"),
      key: "reason",
      render: (_: unknown, m: StockMove) => (
        <div>
          <Tag color={REASON_COLOR[m.reason]} bordered={false}>{t(`gifts.reason.${m.reason}`)}</Tag>
          {m.code && (
            <Typography.Text code style={{ fontSize: 12 }} data-testid="gift-move-code">
              {m.code}
            </Typography.Text>
          )}
          {m.note && <div><Typography.Text type="secondary">{m.note}</Typography.Text></div>}
        </div>
      ),
    },
    {
      title: t("gifts.change"),
      key: "change",
      width: 80,
      align: "right" as const,
      render: (_: unknown, m: StockMove) => (
        <Typography.Text strong type={m.change < 0 ? "danger" : m.change > 0 ? "success" : undefined}>
          {m.change > 0 ? `+${m.change}` : m.change === 0 ? "±0" : `−${-m.change}`}
        </Typography.Text>
      ),
    },
    { title: t("gifts.left"), dataIndex: "stock_after", key: "after", width: 70, align: "right" as const },
  ];
  return (
    <Drawer open={gift !== null} onClose={onClose} width={640} title={gift ? t("gifts.historyTitle", { name: gift.name }) : ""} destroyOnHidden>
      <Table<StockMove>
        rowKey="id"
        size="small"
        loading={moves.isPending}
        dataSource={moves.data ?? []}
        columns={columns}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("gifts.historyEmpty")} /> }}
        onRow={(m) => ({ "data-testid": `gift-move-${m.id}` }) as React.HTMLAttributes<HTMLElement>}
      />
    </Drawer>
  );
}
