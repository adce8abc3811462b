// Every saved poster as a card: what it says, where it hangs, whether it needs
// printing again. "New poster" asks which channel's code it carries.
import { PlusOutlined } from "@ant-design/icons";
import { Button, Card, Empty, Skeleton, Tag, Typography } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Poster } from "../../bindings/Poster";
import { toMessage } from "../../errors";
import { useNav } from "../../nav";
import { NewPosterDialog } from "./NewPosterDialog";
import { usePosters } from "./queries";
import { Thumb } from "./TemplatePicker";
import { PageHeader } from "../../components/PageHeader";
import { openable } from "../../components/openable";

function PosterCard({ poster }: { poster: Poster }) {
  const { t } = useTranslation();
  const { go } = useNav();
  const last = poster.last_output;
  return (
    <Card
      hoverable
      data-testid={`poster-card-${poster.id}`}
      {...openable(() => go({ page: "poster", id: poster.id }))}
      styles={{ body: { display: "flex", gap: 14 } }}
    >
      <div style={{ flex: "none", display: "flex", alignItems: "center", justifyContent: "center", width: 56 }}>
        <Thumb template={poster.template} colour={poster.brand_color} />
      </div>
      <div style={{ minWidth: 0, flex: 1 }}>
        <Typography.Text strong ellipsis style={{ display: "block", fontSize: 15 }}>
          {poster.headline}
        </Typography.Text>
        {poster.gift && (
          <Typography.Text ellipsis style={{ display: "block" }} data-testid="poster-gift">
            {poster.gift}
          </Typography.Text>
        )}
        <Typography.Text type="secondary" ellipsis style={{ display: "block" }}>
          {t(`posters.templates.${poster.template}.name`)} · {t("posters.forChannel", { community: poster.community_name, channel: poster.channel_name })}
        </Typography.Text>
        <div style={{ marginTop: 8, display: "flex", gap: 6, flexWrap: "wrap", alignItems: "center" }}>
          {poster.stale && (
            <Tag color={poster.stale === "qr_replaced" || poster.stale === "qr_expiring" ? "warning" : "error"} data-testid="poster-stale-tag">
              {t(`posters.staleTag.${poster.stale}`)}
            </Tag>
          )}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {last ? t("posters.lastPrinted", { date: dayjs(last.made_at).format("YYYY-MM-DD HH:mm") }) : t("posters.neverPrinted")}
          </Typography.Text>
        </div>
      </div>
    </Card>
  );
}

export function PostersPage() {
  const { t } = useTranslation();
  const [creating, setCreating] = useState(false);
  const list = usePosters(null);
  const posters = list.data ?? [];
  const newButton = (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="poster-new">
      {t("posters.new")}
    </Button>
  );
  return (
    <div className="sc-page">
      <PageHeader
        title={t("posters.title")}
        description={t("posters.subtitle")}
        actions={
          <>
            {newButton}
          </>
        }
      />
      {list.isPending ? (
        <Skeleton active />
      ) : list.isError ? (
        <Typography.Text type="danger">{toMessage(list.error)}</Typography.Text>
      ) : posters.length === 0 ? (
        <Empty
          style={{ marginTop: 64 }}
          description={
            <>
              <div>{t("posters.empty")}</div>
              <Typography.Text type="secondary">{t("posters.emptyHint")}</Typography.Text>
            </>
          }
        >
          {newButton}
        </Empty>
      ) : (
        <div className="sc-card-grid">
          {posters.map((p) => (
            <PosterCard key={p.id} poster={p} />
          ))}
        </div>
      )}
      <NewPosterDialog open={creating} onClose={() => setCreating(false)} />
    </div>
  );
}
