// The home screen's stock watch: gifts at or below their warning level, so a
// campaign never promises a gift the shelf no longer holds.
import { Alert, Button, List, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useNav } from "../../nav";
import { useLowStockGifts } from "./queries";

export function LowStockWatch() {
  const { t } = useTranslation();
  const { go } = useNav();
  const low = useLowStockGifts();
  if (!low.data || low.data.length === 0) return null;
  const anyOut = low.data.some((g) => g.stock <= 0);
  return (
    <Alert
      type={anyOut ? "error" : "warning"}
      showIcon
      style={{ marginBottom: 20 }}
      data-testid="low-stock-watch"
      message={t("gifts.watchTitle", { count: low.data.length })}
      action={
        <Button size="small" onClick={() => go({ page: "gifts" })} data-testid="low-stock-open">
          {t("gifts.watchOpen")}
        </Button>
      }
      description={
        <List
          size="small"
          dataSource={low.data}
          renderItem={(g) => (
            <List.Item style={{ paddingInline: 0 }} data-testid={`low-stock-${g.id}`}>
              <Typography.Link onClick={() => go({ page: "gifts" })}>{g.name}</Typography.Link>
              <Typography.Text type={g.stock <= 0 ? "danger" : "warning"}>
                {t(g.stock <= 0 ? "gifts.watchOut" : "gifts.watchLeft", { stock: g.stock, level: g.low_stock_at })}
              </Typography.Text>
            </List.Item>
          )}
        />
      }
    />
  );
}
