// One community: its plan, members and health, with Edit and Archive / Restore.
import { ArrowLeftOutlined, EditOutlined, InboxOutlined, UndoOutlined } from "@ant-design/icons";
import { useMutation } from "@tanstack/react-query";
import { Alert, App as AntApp, Button, Col, Popconfirm, Result, Row, Skeleton, Space, Tag } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { showError, toMessage } from "../../errors";
import { ipc } from "../../ipc";
import { useNav } from "../../nav";
import { ChannelsCard } from "../drainage/ChannelsCard";
import { CommunityForm } from "./CommunityForm";
import { CommunityPlan } from "./CommunityPlan";
import { HealthScorecard } from "./HealthScorecard";
import { KIND_COLOR } from "./labels";
import { MemberCounts } from "./MemberCounts";
import { RuleLog } from "./RuleLog";
import { useCommunity, useHealth, useInvalidateCommunity } from "./queries";
import { PageHeader } from "../../components/PageHeader";

export function CommunityDetail({ id }: { id: number }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const { go } = useNav();
  const community = useCommunity(id);
  const health = useHealth(id);
  const invalidate = useInvalidateCommunity();
  const [editing, setEditing] = useState(false);

  const archive = useMutation({
    mutationFn: (archived: boolean) => (archived ? ipc.archiveCommunity(id) : ipc.restoreCommunity(id)),
    onSuccess: (c) => {
      invalidate(id);
      void message.success(c.archived_at ? t("detail.archivedDone") : t("communities.restored"));
    },
    onError: (e) => showError(e, message),
  });

  const back = (
    <Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingInline: 0 }} onClick={() => go({ page: "communities" })}>
      {t("detail.back")}
    </Button>
  );
  if (community.isPending) return <div className="sc-page">{back}<Skeleton active /></div>;
  if (community.isError) {
    return <div className="sc-page">{back}<Result status="warning" title={t("detail.notFound")} subTitle={toMessage(community.error)} /></div>;
  }
  const c = community.data;
  const archived = c.archived_at !== null;

  return (
    <div className="sc-page">
      {back}
      <PageHeader
        title={c.name}
        titleTestId="community-title"
        meta={
          <Space size={4} style={{ marginTop: 8 }} wrap>
            <Tag color={KIND_COLOR[c.kind]} bordered={false}>{t(`kind.${c.kind}`)}</Tag>
            <Tag bordered={false}>{t(`platform.${c.platform}`)}</Tag>
            <Tag bordered={false} color="blue">{t(`stage.${c.stage}`)}</Tag>
            {archived && <Tag>{t("common.archived")}</Tag>}
          </Space>
        }
        actions={
          <Space>
            {archived ? (
              <Button icon={<UndoOutlined />} onClick={() => archive.mutate(false)} loading={archive.isPending} data-testid="community-restore">
                {t("common.restore")}
              </Button>
            ) : (
              <>
                <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="community-edit">
                  {t("common.edit")}
                </Button>
                <Popconfirm
                  title={t("detail.archiveConfirmTitle")}
                  description={t("detail.archiveConfirm")}
                  onConfirm={() => archive.mutate(true)}
                >
                  <Button icon={<InboxOutlined />} loading={archive.isPending} data-testid="community-archive">
                    {t("common.archive")}
                  </Button>
                </Popconfirm>
              </>
            )}
          </Space>
        }
      />
      {archived && <Alert type="info" showIcon message={t("detail.archivedBanner")} style={{ marginBottom: 16 }} />}
      <Row gutter={[20, 20]}>
        <Col xs={24} xl={14}>
          <CommunityPlan community={c} />
        </Col>
        <Col xs={24} xl={10}>
          <Space direction="vertical" size={20} style={{ width: "100%" }}>
            <HealthScorecard health={health.data} />
            <MemberCounts community={c} />
            <ChannelsCard communityId={c.id} archived={archived} />
            <RuleLog community={c} archived={archived} />
          </Space>
        </Col>
      </Row>
      <CommunityForm open={editing} community={c} onClose={() => setEditing(false)} />
    </div>
  );
}
