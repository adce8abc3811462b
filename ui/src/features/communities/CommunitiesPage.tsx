// Home: the shop's communities as cards, a New button and the archived toggle.
import { PlusOutlined } from "@ant-design/icons";
import { useMutation } from "@tanstack/react-query";
import { App as AntApp, Button, Empty, Skeleton, Space, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { showError, toMessage } from "../../errors";
import { ipc } from "../../ipc";
import { useNav } from "../../nav";
import { CommunityCard } from "./CommunityCard";
import { CommunityForm } from "./CommunityForm";
import { useCommunities, useInvalidateCommunity } from "./queries";
import { ExpiryWatch } from "../drainage/ExpiryWatch";
import { LowStockWatch } from "../gifts/LowStockWatch";
import { PageHeader } from "../../components/PageHeader";
import { ShowArchived } from "../../components/ShowArchived";

export function CommunitiesPage() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const { go } = useNav();
  const [showArchived, setShowArchived] = useState(false);
  const [creating, setCreating] = useState(false);
  const list = useCommunities(showArchived);
  const invalidate = useInvalidateCommunity();
  const restore = useMutation({
    mutationFn: (id: number) => ipc.restoreCommunity(id),
    onSuccess: (c) => {
      invalidate(c.id);
      void message.success(t("communities.restored"));
    },
    onError: (e) => showError(e, message),
  });

  const communities = list.data ?? [];
  return (
    <div className="sc-page">
      <PageHeader
        title={t("communities.title")}
        description={t("communities.subtitle")}
        actions={
          <Space size={16} wrap>
            <ShowArchived checked={showArchived} onChange={setShowArchived} label={t("communities.showArchived")} testId="show-archived" />
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="community-new">
              {t("communities.new")}
            </Button>
          </Space>
        }
      />
      <ExpiryWatch />
      <LowStockWatch />
      {list.isPending ? (
        <Skeleton active />
      ) : list.isError ? (
        <Typography.Text type="danger">{toMessage(list.error)}</Typography.Text>
      ) : communities.length === 0 ? (
        <Empty style={{ marginTop: 64 }} description={<><div>{t("communities.empty")}</div><Typography.Text type="secondary">{t("communities.emptyHint")}</Typography.Text></>}>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t("communities.new")}
          </Button>
        </Empty>
      ) : (
        <div className="sc-card-grid">
          {communities.map((c) => (
            <CommunityCard
              key={c.id}
              community={c}
              onOpen={() => go({ page: "community", id: c.id })}
              onRestore={() => restore.mutate(c.id)}
              restoring={restore.isPending && restore.variables === c.id}
            />
          ))}
        </div>
      )}
      <CommunityForm open={creating} onClose={() => setCreating(false)} />
    </div>
  );
}
