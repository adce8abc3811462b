// The product catalogue: what the shop sells, its price beside the 7-day low
// a "was" price must name, the margin, the stock and the role in the mix.
import { EditOutlined, HistoryOutlined, InboxOutlined, PlusOutlined, UndoOutlined } from "@ant-design/icons";
import { useMutation } from "@tanstack/react-query";
import { App as AntApp, Button, Popconfirm, Space, Tag, Tooltip, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Product } from "../../bindings/Product";
import { ListTable } from "../../components/ListTable";
import { PageHeader } from "../../components/PageHeader";
import { ShowArchived } from "../../components/ShowArchived";
import { showError } from "../../errors";
import { money } from "../../format";
import { ipc } from "../../ipc";
import { PriceHistory } from "./PriceHistory";
import { ProductForm } from "./ProductForm";
import { margin, ROLE_COLOR, useInvalidateProducts, useProducts } from "./queries";

export function ProductsPage() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [showArchived, setShowArchived] = useState(false);
  const [editing, setEditing] = useState<{ product?: Product } | null>(null);
  const [history, setHistory] = useState<Product | null>(null);
  const products = useProducts(showArchived);
  const invalidate = useInvalidateProducts();

  const setArchived = useMutation({
    mutationFn: ({ id, archived }: { id: number; archived: boolean }) => ipc.setProductArchived(id, archived),
    onSuccess: (p) => {
      invalidate();
      void message.success(p.archived_at ? t("products.archivedDone") : t("products.restored"));
    },
    onError: (e) => showError(e, message),
  });

  const columns = [
    {
      title: t("products.name"),
      key: "name",
      render: (_: unknown, p: Product) => (
        <div style={{ minWidth: 160 }}>
          <Space size={6}>
            <Typography.Text strong data-testid="product-row-name">{p.name}</Typography.Text>
            {p.archived_at && <Tag>{t("common.archived")}</Tag>}
          </Space>
          {p.unit && (
            <Typography.Text type="secondary" style={{ display: "block", fontSize: 12 }}>
              {t("products.perUnit", { unit: p.unit })}
            </Typography.Text>
          )}
        </div>
      ),
    },
    {
      title: t("products.roleColumn"),
      key: "role",
      width: 110,
      render: (_: unknown, p: Product) => <Tag bordered={false} color={ROLE_COLOR[p.role]}>{t(`products.roles.${p.role}`)}</Tag>,
    },
    {
      title: t("products.priceColumn"),
      key: "price",
      width: 100,
      align: "right" as const,
      render: (_: unknown, p: Product) => <span data-testid="product-row-price">{money(p.price_cents)}</span>,
    },
    {
      title: <Tooltip title={t("products.referenceHelp")}>{t("products.reference")}</Tooltip>,
      key: "reference",
      width: 150,
      align: "right" as const,
      render: (_: unknown, p: Product) => (
        <Space size={4} style={{ whiteSpace: "nowrap" }}>
          {p.reference_price_cents < p.price_cents && <Tag color="warning" bordered={false}>{t("products.referenceLower")}</Tag>}
          <span data-testid="product-row-reference">{money(p.reference_price_cents)}</span>
        </Space>
      ),
    },
    {
      title: t("products.marginColumn"),
      key: "margin",
      width: 130,
      align: "right" as const,
      render: (_: unknown, p: Product) => {
        const m = margin(p.price_cents, p.cost_cents);
        return m ? (
          <Typography.Text type={m.cents < 0 ? "danger" : undefined} data-testid="product-row-margin" style={{ whiteSpace: "nowrap" }}>
            {money(m.cents)} · {m.percent} %
          </Typography.Text>
        ) : null;
      },
    },
    { title: t("products.stockColumn"), dataIndex: "stock", key: "stock", width: 70, align: "right" as const },
    {
      title: t("products.actions"),
      key: "actions",
      width: 110,
      render: (_: unknown, p: Product) =>
        p.archived_at ? (
          <Button size="small" icon={<UndoOutlined />} onClick={() => setArchived.mutate({ id: p.id, archived: false })} data-testid={`product-restore-${p.id}`}>
            {t("common.restore")}
          </Button>
        ) : (
          <Space size={2}>
            <Tooltip title={t("products.history")}>
              <Button size="small" type="text" icon={<HistoryOutlined />} aria-label={t("products.history")} onClick={() => setHistory(p)} data-testid={`product-history-${p.id}`} />
            </Tooltip>
            <Tooltip title={t("common.edit")}>
              <Button size="small" type="text" icon={<EditOutlined />} aria-label={t("common.edit")} onClick={() => setEditing({ product: p })} data-testid={`product-edit-${p.id}`} />
            </Tooltip>
            <Popconfirm title={t("products.archiveConfirm")} onConfirm={() => setArchived.mutate({ id: p.id, archived: true })}>
              <Tooltip title={t("common.archive")}>
                <Button size="small" type="text" icon={<InboxOutlined />} aria-label={t("common.archive")} data-testid={`product-archive-${p.id}`} />
              </Tooltip>
            </Popconfirm>
          </Space>
        ),
    },
  ];

  return (
    <div className="sc-page">
      <PageHeader
        title={t("products.title")}
        description={t("products.subtitle")}
        actions={
          <Space size={16} wrap>
            <ShowArchived checked={showArchived} onChange={setShowArchived} label={t("products.showArchived")} testId="product-show-archived" />
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})} data-testid="product-add">
              {t("products.add")}
            </Button>
          </Space>
        }
      />
      <ListTable<Product>
        list={products}
        columns={columns}
        empty={t("products.empty")}
        emptyHint={t("products.emptyHint")}
        rowTestId="product-row"
        minWidth={800}
      />
      <ProductForm open={editing !== null} product={editing?.product} onClose={() => setEditing(null)} />
      <PriceHistory product={history} onClose={() => setHistory(null)} />
    </div>
  );
}
