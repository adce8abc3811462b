// Staff accounts: who adds customers, which communities they run, and whether the nickname carries the brand.
import { PlusOutlined, WarningFilled } from "@ant-design/icons";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { App as AntApp, Button, Card, Empty, Popconfirm, Space, Table, Tag, Tooltip, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Staff } from "../../bindings/Staff";
import { showError } from "../../errors";
import { ipc } from "../../ipc";
import { keys, useShop } from "../../queries";
import { useCommunities } from "../communities/queries";
import { StaffForm } from "./StaffForm";
import { PageHeader } from "../../components/PageHeader";
import { ShowArchived } from "../../components/ShowArchived";

export function StaffPage() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const shop = useShop();
  const client = useQueryClient();
  const [showArchived, setShowArchived] = useState(false);
  const [editing, setEditing] = useState<{ staff?: Staff } | null>(null);
  const staff = useQuery({ queryKey: keys.staff(showArchived), queryFn: () => ipc.listStaff(showArchived) });
  const communities = useCommunities(true);
  const names = new Map((communities.data ?? []).map((c) => [c.id, c.name]));

  const setArchived = useMutation({
    mutationFn: ({ id, archived }: { id: number; archived: boolean }) => ipc.setStaffArchived(id, archived),
    onSuccess: (s) => {
      void client.invalidateQueries({ queryKey: keys.staffAll });
      void client.invalidateQueries({ queryKey: keys.healthAll });
      void message.success(s.archived_at ? t("staff.archivedDone") : t("staff.restored"));
    },
    onError: (e) => showError(e, message),
  });

  const warning = t("staff.missingBrand", { brand: shop?.brand ?? "" });
  const columns = [
    {
      title: t("staff.displayName"),
      key: "name",
      render: (_: unknown, s: Staff) => (
        <div>
          <Space size={6}>
            <Typography.Text strong>{s.display_name}</Typography.Text>
            {s.archived_at && <Tag>{t("common.archived")}</Tag>}
          </Space>
          {s.missing_brand && (
            <Tooltip title={warning}>
              <div style={{ color: "#8a5300", fontSize: 12, marginTop: 2, cursor: "help" }}>
                <WarningFilled aria-label={warning} role="img" data-testid={`staff-brand-warning-${s.id}`} />{" "}
                {t("staff.missingBrandShort", { brand: shop?.brand ?? "" })}
              </div>
            </Tooltip>
          )}
        </div>
      ),
    },
    { title: t("staff.role"), key: "role", width: 100, render: (_: unknown, s: Staff) => <Tag bordered={false} color={s.role === "manager" ? "green" : "default"}>{t(`staff.roles.${s.role}`)}</Tag> },
    { title: t("staff.accountId"), dataIndex: "account_id", key: "account_id" },
    {
      title: t("staff.communities"),
      key: "communities",
      render: (_: unknown, s: Staff) => (
        <Space size={[4, 4]} wrap>
          {s.community_ids.map((id) => <Tag key={id} bordered={false} color="blue">{names.get(id) ?? `#${id}`}</Tag>)}
        </Space>
      ),
    },
    { title: t("staff.note"), dataIndex: "note", key: "note" },
    {
      title: t("staff.actions"),
      key: "actions",
      width: 140,
      render: (_: unknown, s: Staff) =>
        s.archived_at ? (
          <Button size="small" onClick={() => setArchived.mutate({ id: s.id, archived: false })}>{t("common.restore")}</Button>
        ) : (
          <Space size={4}>
            <Button size="small" type="link" onClick={() => setEditing({ staff: s })}>{t("common.edit")}</Button>
            <Popconfirm title={t("staff.archiveConfirm")} onConfirm={() => setArchived.mutate({ id: s.id, archived: true })}>
              <Button size="small" type="link">{t("common.archive")}</Button>
            </Popconfirm>
          </Space>
        ),
    },
  ];

  return (
    <div className="sc-page">
      <PageHeader
        title={t("staff.title")}
        description={t("staff.subtitle")}
        actions={
          <Space size={16} wrap>
            <ShowArchived checked={showArchived} onChange={setShowArchived} label={t("staff.showArchived")} testId="staff-show-archived" />
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})} data-testid="staff-new">
              {t("staff.add")}
            </Button>
          </Space>
        }
      />
      <Card styles={{ body: { padding: 0 } }}>
        <Table<Staff>
          rowKey="id"
          loading={staff.isPending}
          dataSource={staff.data ?? []}
          columns={columns}
          pagination={false}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("staff.empty")} /> }}
          onRow={(s) => ({ "data-testid": `staff-row-${s.id}` }) as React.HTMLAttributes<HTMLElement>}
          tableLayout="auto"
        />
      </Card>
      <StaffForm open={editing !== null} staff={editing?.staff} communities={communities.data ?? []} onClose={() => setEditing(null)} />
    </div>
  );
}
