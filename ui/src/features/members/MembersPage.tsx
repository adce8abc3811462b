// The member list: search by name, nickname or the last four digits of the
// phone, filters for community, tag and marketing consent, phones masked,
// newest first, a page at a time. A row opens the member's page.
import { ImportOutlined, PlusOutlined, TeamOutlined } from "@ant-design/icons";
import { Button, Card, Empty, Input, Select, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { MemberFilter } from "../../bindings/MemberFilter";
import type { MemberRow } from "../../bindings/MemberRow";
import type { Segment } from "../../bindings/Segment";
import { PageHeader } from "../../components/PageHeader";
import { dateTime } from "../../format";
import { useLang } from "../../lang";
import { useNav } from "../../nav";
import { keys, useShop } from "../../queries";
import { ipc } from "../../ipc";
import { useCommunities } from "../communities/queries";
import { ExportButton } from "./ExportButton";
import { MemberForm } from "./MemberForm";
import { PAGE_SIZE, useMembers } from "./queries";

type Marketing = "any" | "yes" | "no";
const SEGMENTS: Segment[] = ["core", "loyal", "new", "potential", "cant_lose", "at_risk", "hibernating", "never_bought"];

type Props = {
  /** Opened from the dashboard: its segment, the day it was counted on, its community. */
  segment?: Segment;
  segmentOn?: string;
  communityId?: number;
};

export function MembersPage(props: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const { go } = useNav();
  const zone = useShop()?.time_zone;
  const [search, setSearch] = useState("");
  const [communityId, setCommunityId] = useState<number | null>(props.communityId ?? null);
  const [channelId, setChannelId] = useState<number | null>(null);
  const [staffId, setStaffId] = useState<number | null>(null);
  const channels = useQuery({ queryKey: keys.channels(communityId ?? 0), queryFn: () => ipc.listChannels(communityId!), enabled: communityId !== null });
  const staff = useQuery({ queryKey: keys.staff(false), queryFn: () => ipc.listStaff(false) });
  const [segment, setSegment] = useState<Segment | null>(props.segment ?? null);
  // The dashboard's day holds until the owner picks another segment: then it is today's.
  const [segmentOn, setSegmentOn] = useState<string | undefined>(props.segmentOn);
  const [tag, setTag] = useState("");
  const [marketing, setMarketing] = useState<Marketing>("any");
  const [page, setPage] = useState(1);
  const [adding, setAdding] = useState(false);
  const communities = useCommunities(false);
  const filter: MemberFilter = {
    search,
    community_id: communityId,
    channel_id: communityId === null ? null : channelId,
    staff_id: staffId,
    tag,
    marketing: marketing === "any" ? undefined : marketing === "yes",
    segment: segment ?? undefined,
    segment_on: segment ? segmentOn : undefined,
    offset: (page - 1) * PAGE_SIZE,
    limit: PAGE_SIZE,
  };
  const members = useMembers(filter);
  const filtered = search !== "" || communityId !== null || staffId !== null || tag !== "" || marketing !== "any" || segment !== null;
  const open = (m: MemberRow) => go({ page: "member", id: m.id });
  const refilter = <T,>(set: (v: T) => void) => (v: T) => {
    set(v);
    setPage(1);
  };

  return (
    <div className="sc-page">
      <PageHeader
        title={t("members.title")}
        description={t("members.subtitle")}
        actions={
          <Space size={8} wrap>
            <Button icon={<ImportOutlined />} onClick={() => go({ page: "imports" })} data-testid="member-import">
              {t("imports.open")}
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="member-new">
              {t("members.add")}
            </Button>
          </Space>
        }
      />
      <Space wrap size={12} style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          aria-label={t("members.searchLabel")}
          placeholder={t("members.search")}
          style={{ width: 340 }}
          onSearch={refilter(setSearch)}
          onChange={(e) => e.target.value === "" && refilter(setSearch)("")}
          data-testid="member-search"
        />
        <Select<number | null>
          aria-label={t("members.communityFilter")}
          style={{ minWidth: 180 }}
          value={communityId}
          onChange={(v) => {
            setChannelId(null);
            refilter(setCommunityId)(v);
          }}
          options={[{ value: null, label: t("members.allCommunities") }, ...(communities.data ?? []).map((c) => ({ value: c.id, label: c.name }))]}
          data-testid="member-filter-community"
        />
        {communityId !== null && (
          <Select<number | null>
            aria-label={t("members.channelFilter")}
            style={{ minWidth: 170 }}
            value={channelId}
            onChange={refilter(setChannelId)}
            options={[{ value: null, label: t("members.anyChannel") }, ...(channels.data ?? []).map((c) => ({ value: c.id, label: c.name }))]}
            data-testid="member-filter-channel"
          />
        )}
        <Select<number | null>
          aria-label={t("members.staffFilter")}
          style={{ minWidth: 170 }}
          value={staffId}
          onChange={refilter(setStaffId)}
          options={[{ value: null, label: t("members.anyStaff") }, ...(staff.data ?? []).map((x) => ({ value: x.id, label: x.display_name }))]}
          data-testid="member-filter-staff"
        />
        <Input
          allowClear
          aria-label={t("members.tagFilter")}
          placeholder={t("members.tagFilterPlaceholder")}
          style={{ width: 160 }}
          value={tag}
          onChange={(e) => refilter(setTag)(e.target.value.trim())}
          data-testid="member-filter-tag"
        />
        <Select<Marketing>
          aria-label={t("members.marketingFilter")}
          style={{ minWidth: 180 }}
          value={marketing}
          onChange={refilter(setMarketing)}
          options={[
            { value: "any", label: t("members.marketingAny") },
            { value: "yes", label: t("members.marketingYes") },
            { value: "no", label: t("members.marketingNo") },
          ]}
          data-testid="member-filter-marketing"
        />
        <Select<Segment | null>
          aria-label={t("members.segmentFilter")}
          style={{ minWidth: 170 }}
          value={segment}
          onChange={(v) => {
            setSegmentOn(undefined);
            refilter(setSegment)(v);
          }}
          options={[{ value: null, label: t("members.segmentAny") }, ...SEGMENTS.map((g) => ({ value: g, label: t(`dashboard.segmentNames.${g}`) }))]}
          data-testid="member-filter-segment"
        />
        {segment && segmentOn && (
          <Typography.Text type="secondary" data-testid="member-segment-on">
            {t("members.segmentOn", { day: segmentOn })}
          </Typography.Text>
        )}
        <ExportButton filter={filter} />
        <Button icon={<TeamOutlined />} onClick={() => go({ page: "duplicates" })} data-testid="member-duplicates">
          {t("members.duplicatesOpen")}
        </Button>
      </Space>
      <Card styles={{ body: { padding: 0 } }}>
        <Table<MemberRow>
          rowKey="id"
          loading={members.isPending}
          dataSource={members.data?.rows ?? []}
          tableLayout="auto"
          scroll={{ x: 760 }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: Number(members.data?.total ?? 0),
            showSizeChanger: false,
            showTotal: (total) => t("members.total", { count: total }),
            onChange: setPage,
          }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={filtered ? t("members.noMatch") : t("members.empty")} /> }}
          onRow={(m) =>
            ({
              "data-testid": `member-row-${m.id}`,
              tabIndex: 0,
              style: { cursor: "pointer" },
              onClick: () => open(m),
              onKeyDown: (e: React.KeyboardEvent) => e.key === "Enter" && open(m),
            }) as React.HTMLAttributes<HTMLElement>
          }
          columns={[
            {
              title: t("members.colName"),
              key: "name",
              render: (_: unknown, m: MemberRow) => (
                <div>
                  <Typography.Text strong>{m.display_name}</Typography.Text>
                  {m.wechat_nickname && <div style={{ fontSize: 12, color: "#595959" }}>{m.wechat_nickname}</div>}
                </div>
              ),
            },
            { title: t("members.colPhone"), key: "phone", render: (_: unknown, m: MemberRow) => m.phone_masked ?? t("members.none") },
            {
              title: t("members.colCommunities"),
              key: "communities",
              render: (_: unknown, m: MemberRow) => (
                <Space size={[4, 4]} wrap>
                  {m.communities.map((c) => <Tag key={c} bordered={false} color="blue">{c}</Tag>)}
                </Space>
              ),
            },
            {
              title: t("members.colTags"),
              key: "tags",
              render: (_: unknown, m: MemberRow) => (
                <Space size={[4, 4]} wrap>
                  {m.tags.map((x) => <Tag key={x}>{x}</Tag>)}
                </Space>
              ),
            },
            {
              title: t("members.colMarketing"),
              key: "marketing",
              render: (_: unknown, m: MemberRow) => (m.marketing ? <Tag color="green">{t("members.marketing")}</Tag> : <Tag>{t("members.noMarketing")}</Tag>),
            },
            { title: t("members.colAdded"), key: "added", render: (_: unknown, m: MemberRow) => dateTime(m.created_at, lang, zone) },
          ]}
        />
      </Card>
      <MemberForm
        open={adding}
        onClose={() => setAdding(false)}
        onCreated={(m) => {
          setAdding(false);
          go({ page: "member", id: m.id });
        }}
      />
    </div>
  );
}
