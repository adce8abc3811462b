// The home screen's stock watch: gifts at or below their warning level, so a
// campaign never promises a gift the shelf no longer holds.
import { Button, List, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { WatchAlert } from "../../components/WatchAlert";
import { useNav } from "../../nav";
import { useLowStockGifts } from "./queries";
import { PageLink } from "../../components/PageLink";

export function LowStockWatch() {
  const { t } = useTranslation();
  const { go } = useNav();
  const low = useLowStockGifts();
  const items = low.data ?? [];
  return (
    <WatchAlert
      items={items}
      severe={items.some((g) => g.stock <= 0)}
      title={t("gifts.watchTitle", { count: items.length })}
      testId="low-stock-watch"
      action={
        <Button size="small" onClick={() => go({ page: "gifts" })} data-testid="low-stock-open">
          {t("gifts.watchOpen")}
        </Button>
      }
      renderItem={(g) => (
        <List.Item style={{ paddingInline: 0 }} data-testid={`low-stock-${g.id}`}>
          <PageLink onOpen={() => go({ page: "gifts" })}>{g.name}</PageLink>
          <Typography.Text type={g.stock <= 0 ? "danger" : "warning"}>
            {t(g.stock <= 0 ? "gifts.watchOut" : "gifts.watchLeft", { stock: g.stock, level: g.low_stock_at })}
          </Typography.Text>
        </List.Item>
      )}
    />
  );
}
