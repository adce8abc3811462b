// The gift catalogue: what each gift costs, what it looks worth, how many are
// left, and the ways stock changes (restock, count, and redemptions at the counter).
import { EditOutlined, HistoryOutlined, InboxOutlined, PlusOutlined, UndoOutlined } from "@ant-design/icons";
import { useMutation } from "@tanstack/react-query";
import { App as AntApp, Button, Grid, Popconfirm, Space, Tag, Tooltip, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Gift } from "../../bindings/Gift";
import { showError } from "../../errors";
import { money } from "../../format";
import { ipc } from "../../ipc";
import { GiftForm } from "./GiftForm";
import { GIFT_KIND_COLOR, useGifts, useInvalidateGifts } from "./queries";
import { StockDialog } from "./StockDialog";
import { StockHistory } from "./StockHistory";
import { ListTable } from "../../components/ListTable";
import { PageHeader } from "../../components/PageHeader";
import { ShowArchived } from "../../components/ShowArchived";

export function StockTag({ gift }: { gift: Gift }) {
  const { t } = useTranslation();
  if (gift.stock <= 0) return <Tag color="error" data-testid="gift-out">{t("gifts.out")}</Tag>;
  if (gift.low_stock) return <Tag color="warning" data-testid="gift-low">{t("gifts.low")}</Tag>;
  return null;
}

export function GiftsPage() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [showArchived, setShowArchived] = useState(false);
  const [editing, setEditing] = useState<{ gift?: Gift } | null>(null);
  const [stocking, setStocking] = useState<Gift | null>(null);
  const [history, setHistory] = useState<Gift | null>(null);
  const gifts = useGifts(showArchived);
  const invalidate = useInvalidateGifts();

  const setArchived = useMutation({
    mutationFn: ({ id, archived }: { id: number; archived: boolean }) => ipc.setGiftArchived(id, archived),
    onSuccess: (g) => {
      invalidate();
      void message.success(g.archived_at ? t("gifts.archivedDone") : t("gifts.restored"));
    },
    onError: (e) => showError(e, message),
  });

  const wide = Grid.useBreakpoint().xl ?? true;
  const kindTag = (g: Gift) => <Tag bordered={false} color={GIFT_KIND_COLOR[g.kind]}>{t(`gifts.kinds.${g.kind}`)}</Tag>;
  const columns = [
    {
      title: t("gifts.name"),
      key: "name",
      render: (_: unknown, g: Gift) => (
        <div style={{ minWidth: 160 }}>
          <Space size={6} wrap>
            <Typography.Text strong data-testid="gift-row-name">{g.name}</Typography.Text>
            {!wide && kindTag(g)}
            {g.archived_at && <Tag>{t("common.archived")}</Tag>}
          </Space>
          {g.packaging && (
            <Typography.Text type="secondary" style={{ display: "block", fontSize: 12 }} data-testid="gift-row-packaging">
              {g.packaging}
            </Typography.Text>
          )}
        </div>
      ),
    },
    // In a narrow window the kind moves beside the name, so the table fits without scrolling.
    ...(wide ? [{ title: t("gifts.kind"), key: "kind", width: 120, render: (_: unknown, g: Gift) => kindTag(g) }] : []),
    { title: t("gifts.cost"), key: "cost", width: 110, align: "right" as const, render: (_: unknown, g: Gift) => <span data-testid="gift-row-cost">{money(g.unit_cost_cents)}</span> },
    { title: t("gifts.value"), key: "value", width: 120, align: "right" as const, render: (_: unknown, g: Gift) => <span data-testid="gift-row-value">{money(g.value_cents)}</span> },
    {
      title: t("gifts.stock"),
      key: "stock",
      width: 150,
      render: (_: unknown, g: Gift) => (
        <Space size={6} style={{ whiteSpace: "nowrap" }}>
          <Typography.Text strong style={{ fontSize: 15 }} type={g.stock <= 0 ? "danger" : g.low_stock ? "warning" : undefined} data-testid="gift-row-stock">
            {g.stock}
          </Typography.Text>
          <StockTag gift={g} />
          <Tooltip title={t("gifts.warnsAt", { level: g.low_stock_at })}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>/ {g.low_stock_at}</Typography.Text>
          </Tooltip>
        </Space>
      ),
    },
    {
      title: t("gifts.actions"),
      key: "actions",
      width: 190,
      render: (_: unknown, g: Gift) =>
        g.archived_at ? (
          <Button size="small" icon={<UndoOutlined />} onClick={() => setArchived.mutate({ id: g.id, archived: false })} data-testid={`gift-restore-${g.id}`}>
            {t("common.restore")}
          </Button>
        ) : (
          // One line: the everyday action named, the rest as icons with tooltips.
          <Space size={2}>
            <Button size="small" onClick={() => setStocking(g)} data-testid={`gift-stock-${g.id}`}>
              {t("gifts.stockButton")}
            </Button>
            <Tooltip title={t("gifts.historyButton")}>
              <Button size="small" type="text" icon={<HistoryOutlined />} aria-label={t("gifts.historyButton")} onClick={() => setHistory(g)} data-testid={`gift-history-${g.id}`} />
            </Tooltip>
            <Tooltip title={t("common.edit")}>
              <Button size="small" type="text" icon={<EditOutlined />} aria-label={t("common.edit")} onClick={() => setEditing({ gift: g })} data-testid={`gift-edit-${g.id}`} />
            </Tooltip>
            <Popconfirm title={t("gifts.archiveConfirm")} onConfirm={() => setArchived.mutate({ id: g.id, archived: true })}>
              <Tooltip title={t("common.archive")}>
                <Button size="small" type="text" icon={<InboxOutlined />} aria-label={t("common.archive")} data-testid={`gift-archive-${g.id}`} />
              </Tooltip>
            </Popconfirm>
          </Space>
        ),
    },
  ];

  const addButton = (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})} data-testid="gift-add">
      {t("gifts.add")}
    </Button>
  );

  return (
    <div className="sc-page">
      <PageHeader
        title={t("gifts.title")}
        description={t("gifts.subtitle")}
        actions={
          <Space size={16} wrap>
            <ShowArchived checked={showArchived} onChange={setShowArchived} label={t("gifts.showArchived")} testId="gift-show-archived" />
            {addButton}
          </Space>
        }
      />
      <ListTable<Gift>
        list={gifts}
        columns={columns}
        empty={t("gifts.empty")}
        emptyHint={t("gifts.emptyHint")}
        rowTestId="gift-row"
        minWidth={760}
      />
      <GiftForm open={editing !== null} gift={editing?.gift} onClose={() => setEditing(null)} />
      <StockDialog gift={stocking} onClose={() => setStocking(null)} />
      <StockHistory gift={history} onClose={() => setHistory(null)} />
    </div>
  );
}
