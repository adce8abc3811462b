// The home screen's expiry watch: group codes that expired or expire within two
// days, so no poster keeps a dead code on the wall.
import { Alert, List, Typography } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { useNav } from "../../nav";
import { useExpiringQrs } from "./queries";

export function ExpiryWatch() {
  const { t } = useTranslation();
  const { go } = useNav();
  const watch = useExpiringQrs();
  if (!watch.data || watch.data.length === 0) return null;
  const anyExpired = watch.data.some((w) => w.expired);
  return (
    <Alert
      type={anyExpired ? "error" : "warning"}
      showIcon
      style={{ marginBottom: 20 }}
      data-testid="expiry-watch"
      message={t("drainage.watchTitle", { count: watch.data.length })}
      description={
        <List
          size="small"
          dataSource={watch.data}
          renderItem={(w) => (
            <List.Item style={{ paddingInline: 0 }}>
              <Typography.Link onClick={() => go({ page: "community", id: w.community_id })}>
                {w.community_name} · {w.channel_name}
              </Typography.Link>
              <Typography.Text type={w.expired ? "danger" : "warning"}>
                {t(w.expired ? "drainage.expiredOn" : "drainage.expiresOn", {
                  date: dayjs(w.qr.expires_at).format("YYYY-MM-DD HH:mm"),
                })}
              </Typography.Text>
            </List.Item>
          )}
        />
      }
    />
  );
}
