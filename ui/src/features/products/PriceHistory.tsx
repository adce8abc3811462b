// Every regular price a product has had, newest first, beside the 7-day low
// that a "was" price must name.
import { Alert, Drawer, Empty, Table, Tag } from "antd";
import { useTranslation } from "react-i18next";
import type { PriceChange } from "../../bindings/PriceChange";
import type { Product } from "../../bindings/Product";
import { dateTime, money } from "../../format";
import { useLang } from "../../lang";
import { useShop } from "../../queries";
import { useProductPrices } from "./queries";

export function PriceHistory({ product, onClose }: { product: Product | null; onClose: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const zone = useShop()?.time_zone;
  const prices = useProductPrices(product?.id);
  const columns = [
    {
      title: t("products.historyFrom"),
      key: "from",
      render: (_: unknown, c: PriceChange, i: number) => (
        <span>
          {dateTime(c.from_at, lang, zone)} {i === 0 && <Tag bordered={false} color="green">{t("products.historyNow")}</Tag>}
        </span>
      ),
    },
    { title: t("products.historyPrice"), key: "price", width: 120, align: "right" as const, render: (_: unknown, c: PriceChange) => money(c.price_cents) },
  ];
  return (
    <Drawer open={product !== null} onClose={onClose} width={520} title={product ? t("products.historyTitle", { name: product.name }) : ""} destroyOnHidden>
      {product && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message={`${t("products.reference")}: ${money(product.reference_price_cents)}`}
          description={t("products.referenceHelp")}
          data-testid="product-reference"
        />
      )}
      <Table<PriceChange>
        rowKey={(c) => `${c.from_at}-${c.price_cents}`}
        size="small"
        loading={prices.isPending}
        dataSource={prices.data ?? []}
        columns={columns}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
        onRow={() => ({ "data-testid": "product-price-row" }) as React.HTMLAttributes<HTMLElement>}
      />
    </Drawer>
  );
}
