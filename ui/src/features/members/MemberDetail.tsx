// One member's page: the whole phone number (only here), the communities they
// are in with the channel and staff account that brought them, and every
// consent with when it was given or withdrawn; marketing consent can be
// withdrawn or recorded again.
import { ArrowLeftOutlined, DeleteOutlined, DownloadOutlined } from "@ant-design/icons";
import { useMutation } from "@tanstack/react-query";
import { Alert, App as AntApp, Button, type ButtonProps, Card, Descriptions, Empty, List, Popconfirm, Select, Skeleton, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ConsentMethod } from "../../bindings/ConsentMethod";
import { PageHeader } from "../../components/PageHeader";
import { showError, toMessage } from "../../errors";
import { dateTime } from "../../format";
import { ipc } from "../../ipc";
import { useLang } from "../../lang";
import { useNav } from "../../nav";
import { useShop } from "../../queries";
import { MemberPurchases } from "../purchases/MemberPurchases";
import { FriendCard } from "./FriendCard";
import { JoinCommunity } from "./JoinCommunity";
import { METHODS } from "./MemberForm";
import { useInvalidateMembers, useMember } from "./queries";

export function MemberDetail({ id }: { id: number }) {
  const { t } = useTranslation();
  const lang = useLang();
  const zone = useShop()?.time_zone;
  const { go } = useNav();
  const { message } = AntApp.useApp();
  const member = useMember(id);
  const invalidate = useInvalidateMembers();
  const [method, setMethod] = useState<ConsentMethod>("verbal");
  const marketing = useMutation({
    mutationFn: (given: ConsentMethod | null) => ipc.setMemberMarketing(id, given),
    onSuccess: (m) => {
      invalidate();
      void message.success(m.marketing ? t("members.giveDone") : t("members.withdrawDone"));
    },
    onError: (e) => showError(e, message),
  });
  const when = (s: string) => dateTime(s, lang, zone);
  const exportData = useMutation({
    mutationFn: () => ipc.exportMember(id),
    onSuccess: (path) => path && void message.success(t("members.exported", { path })),
    onError: (e) => showError(e, message),
  });
  const erase = useMutation({
    mutationFn: () => ipc.eraseMember(id),
    onSuccess: () => {
      invalidate();
      void message.success(t("members.erased"));
    },
    onError: (e) => showError(e, message),
  });
  const leave = useMutation({
    mutationFn: (membershipId: number) => ipc.leaveMemberCommunity(membershipId),
    onSuccess: () => {
      invalidate();
      void message.success(t("members.leftDone"));
    },
    onError: (e) => showError(e, message),
  });

  if (member.isError) return <Alert type="error" showIcon message={toMessage(member.error)} />;
  if (!member.data) return <Skeleton active />;
  const m = member.data;
  const none = t("members.none");
  // A merged or erased record is kept for the record only: nothing on it changes.
  const closed = m.merged_into !== null || m.erased_at !== null;

  return (
    <div className="sc-page">
      <PageHeader
        title={m.display_name}
        titleTestId="member-title"
        meta={m.marketing ? <Tag color="green">{t("members.marketingYes")}</Tag> : <Tag>{t("members.marketingNo")}</Tag>}
        actions={
          <Space size={8} wrap>
            <Button icon={<ArrowLeftOutlined />} onClick={() => go({ page: "members" })}>
              {t("members.back")}
            </Button>
            {!closed && (
              <>
                <Button icon={<DownloadOutlined />} loading={exportData.isPending} onClick={() => exportData.mutate()} data-testid="member-export">
                  {t("members.exportData")}
                </Button>
                <Popconfirm
                  title={t("members.eraseTitle")}
                  description={<div style={{ maxWidth: 360 }}>{t("members.eraseHelp")}</div>}
                  onConfirm={() => erase.mutate()}
                  okText={t("members.eraseOk")}
                  okButtonProps={{ danger: true, "data-testid": "member-erase-ok" } as ButtonProps}
                  cancelText={t("common.cancel")}
                >
                  <Button danger icon={<DeleteOutlined />} loading={erase.isPending} data-testid="member-erase">
                    {t("members.erase")}
                  </Button>
                </Popconfirm>
              </>
            )}
          </Space>
        }
      />
      <Space direction="vertical" size={16} style={{ width: "100%" }}>
        {m.merged_into !== null && (
          <Alert
            type="info"
            showIcon
            data-testid="member-merged"
            message={t("members.mergedBanner", { name: m.merged_into_name ?? "" })}
            action={<Button size="small" onClick={() => go({ page: "member", id: m.merged_into! })}>{t("members.openKept", { name: m.merged_into_name ?? "" })}</Button>}
          />
        )}
        {m.erased_at !== null && <Alert type="warning" showIcon data-testid="member-erased" message={t("members.erasedBanner", { date: when(m.erased_at) })} />}
        <Card size="small">
          <Descriptions column={{ xs: 1, md: 2 }} size="small" data-testid="member-facts">
            <Descriptions.Item label={t("members.phone")}>{m.phone ?? none}</Descriptions.Item>
            <Descriptions.Item label={t("members.nickname")}>{m.wechat_nickname || none}</Descriptions.Item>
            <Descriptions.Item label={t("members.birthday")}>{m.birthday ?? none}</Descriptions.Item>
            <Descriptions.Item label={t("members.referredBy")}>{m.referred_by_name ?? none}</Descriptions.Item>
            <Descriptions.Item label={t("members.tags")}>
              {m.tags.length > 0 ? m.tags.map((x) => <Tag key={x}>{x}</Tag>) : none}
            </Descriptions.Item>
            <Descriptions.Item label={t("members.note")}>{m.note || none}</Descriptions.Item>
          </Descriptions>
        </Card>
        <Card size="small" title={t("members.detailCommunities")} extra={!closed && <JoinCommunity member={m} />}>
          {m.memberships.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("members.joinedNone")} />
          ) : (
            <List
              size="small"
              dataSource={m.memberships}
              data-testid="member-memberships"
              renderItem={(s) => (
                <List.Item
                  actions={
                    !closed && !s.left_at
                      ? [
                          <Popconfirm
                            key="leave"
                            title={t("members.leaveConfirm", { community: s.community_name })}
                            onConfirm={() => leave.mutate(s.id)}
                            okText={t("members.leave")}
                            cancelText={t("common.cancel")}
                          >
                            <Button size="small" data-testid={`member-leave-${s.id}`}>{t("members.leave")}</Button>
                          </Popconfirm>,
                        ]
                      : []
                  }
                >
                  <Space wrap size={[12, 4]}>
                    <Typography.Text strong>{s.community_name}</Typography.Text>
                    <span>{t("members.since", { date: when(s.joined_at) })}</span>
                    {s.left_at && <span>{t("members.left", { date: when(s.left_at) })}</span>}
                    {s.channel_name && <span>{t("members.through", { channel: s.channel_name })}</span>}
                    {s.staff_name && <span>{t("members.by", { staff: s.staff_name })}</span>}
                  </Space>
                </List.Item>
              )}
            />
          )}
        </Card>
        <MemberPurchases memberId={m.id} />
        {m.marketing && !closed && <FriendCard memberId={m.id} />}
        <Card
          size="small"
          title={t("members.detailConsents")}
          extra={
            closed ? null : m.marketing ? (
              <Popconfirm title={t("members.withdrawConfirm")} onConfirm={() => marketing.mutate(null)} okText={t("members.withdrawOk")} cancelText={t("common.cancel")}>
                <Button danger size="small" loading={marketing.isPending} data-testid="member-withdraw">
                  {t("members.withdrawMarketing")}
                </Button>
              </Popconfirm>
            ) : (
              <Space size={8}>
                <Select<ConsentMethod>
                  size="small"
                  aria-label={t("members.consentMethod")}
                  value={method}
                  onChange={setMethod}
                  options={METHODS.map((x) => ({ value: x, label: t(`members.methods.${x}`) }))}
                  style={{ minWidth: 200 }}
                />
                <Button size="small" loading={marketing.isPending} onClick={() => marketing.mutate(method)} data-testid="member-give">
                  {t("members.giveMarketing")}
                </Button>
              </Space>
            )
          }
        >
          <List
            size="small"
            dataSource={m.consents}
            data-testid="member-consents"
            renderItem={(c) => (
              <List.Item>
                <Space wrap size={[12, 4]}>
                  <Typography.Text strong>{t(`members.purposes.${c.purpose}`)}</Typography.Text>
                  <span>{t(`members.methods.${c.method}`)}</span>
                  <span>{t("members.given", { date: when(c.given_at) })}</span>
                  {c.recorded_by && <span>{t("members.by", { staff: c.recorded_by })}</span>}
                  {c.withdrawn_at && <Tag color="orange">{t("members.withdrawn", { date: when(c.withdrawn_at) })}</Tag>}
                </Space>
              </List.Item>
            )}
          />
        </Card>
      </Space>
    </div>
  );
}
