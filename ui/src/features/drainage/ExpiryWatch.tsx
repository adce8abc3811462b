// The home screen's expiry watch: group codes that expired or expire within two
// days, so no poster keeps a dead code on the wall.
import { List, Tag, Typography } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { WatchAlert } from "../../components/WatchAlert";
import { useNav } from "../../nav";
import { useExpiringQrs } from "./queries";
import { PageLink } from "../../components/PageLink";
import { openable } from "../../components/openable";

export function ExpiryWatch() {
  const { t } = useTranslation();
  const { go } = useNav();
  const watch = useExpiringQrs();
  const items = watch.data ?? [];
  return (
    <WatchAlert
      items={items}
      severe={items.some((w) => w.expired)}
      title={t("drainage.watchTitle", { count: items.length })}
      testId="expiry-watch"
      renderItem={(w) => (
        <List.Item style={{ paddingInline: 0, display: "block" }}>
          <div style={{ display: "flex", justifyContent: "space-between", gap: 12, flexWrap: "wrap" }}>
            <PageLink onOpen={() => go({ page: "community", id: w.community_id })}>
              {w.community_name} · {w.channel_name}
            </PageLink>
            <Typography.Text type={w.expired ? "danger" : "warning"}>
              {t(w.expired ? "drainage.expiredOn" : "drainage.expiresOn", {
                date: dayjs(w.qr.expires_at).format("YYYY-MM-DD HH:mm"),
              })}
            </Typography.Text>
          </div>
          {w.posters.length > 0 && (
            <div style={{ marginTop: 4, display: "flex", gap: 6, flexWrap: "wrap", alignItems: "center" }}>
              <Typography.Text type="secondary">{t("drainage.watchPosters")}</Typography.Text>
              {w.posters.map((p) => (
                <Tag key={p.id} color={w.expired ? "error" : "warning"} style={{ cursor: "pointer" }} {...openable(() => go({ page: "poster", id: p.id }))} data-testid={`expiry-poster-${p.id}`}>
                  {t(`posters.templates.${p.template}.name`)} · {p.headline}
                </Tag>
              ))}
            </div>
          )}
        </List.Item>
      )}
    />
  );
}
