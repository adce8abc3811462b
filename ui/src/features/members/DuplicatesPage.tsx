// Probable duplicates, for the owner to judge: each pair with why it looks
// like one person, compared side by side before a merge; nothing is merged
// by listing. The merges made can each be undone.
import { ArrowLeftOutlined } from "@ant-design/icons";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App as AntApp, Button, Card, Empty, List, Popconfirm, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { DuplicatePair } from "../../bindings/DuplicatePair";
import type { MemberMerge } from "../../bindings/MemberMerge";
import { PageHeader } from "../../components/PageHeader";
import { showError, toMessage } from "../../errors";
import { dateTime } from "../../format";
import { ipc } from "../../ipc";
import { useLang } from "../../lang";
import { useNav } from "../../nav";
import { useShop } from "../../queries";
import { MergeDialog } from "./MergeDialog";

export function DuplicatesPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const zone = useShop()?.time_zone;
  const { go } = useNav();
  const { message } = AntApp.useApp();
  const client = useQueryClient();
  const pairs = useQuery({ queryKey: ["members", "duplicates"], queryFn: ipc.listMemberDuplicates });
  const merges = useQuery({ queryKey: ["members", "merges"], queryFn: ipc.listMemberMerges });
  const [comparing, setComparing] = useState<DuplicatePair | null>(null);
  const undo = useMutation({
    mutationFn: (id: number) => ipc.undoMemberMerge(id),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ["members"] });
      void client.invalidateQueries({ queryKey: ["dashboard"] });
      void message.success(t("members.mergeUndone"));
    },
    onError: (e) => showError(e, message),
  });
  const side = (m: DuplicatePair["a"]) => (
    <span>
      <Typography.Text strong>{m.display_name}</Typography.Text>
      {m.wechat_nickname && <Typography.Text type="secondary"> · {m.wechat_nickname}</Typography.Text>}
      <Typography.Text type="secondary"> · {m.phone_masked ?? t("members.none")}</Typography.Text>
    </span>
  );

  return (
    <div className="sc-page">
      <PageHeader
        title={t("members.duplicatesTitle")}
        titleTestId="duplicates-title"
        description={t("members.duplicatesSubtitle")}
        actions={
          <Button icon={<ArrowLeftOutlined />} onClick={() => go({ page: "members" })}>
            {t("members.back")}
          </Button>
        }
      />
      {pairs.isError && <Alert type="error" showIcon message={toMessage(pairs.error)} />}
      <Card size="small" title={<h2 className="sc-card-title">{t("members.duplicatesList")}</h2>} style={{ marginBottom: 16 }}>
        <List
          loading={pairs.isPending}
          dataSource={pairs.data ?? []}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("members.duplicatesNone")} /> }}
          renderItem={(p) => (
            <List.Item
              data-testid={`duplicate-${p.a.id}-${p.b.id}`}
              actions={[
                <Button key="compare" onClick={() => setComparing(p)} data-testid={`compare-${p.a.id}-${p.b.id}`}>
                  {t("members.compare")}
                </Button>,
              ]}
            >
              <Space direction="vertical" size={2}>
                <Tag color={p.reason === "same_name_one_without_phone" ? "default" : "orange"}>{t(`members.reasons.${p.reason}`)}</Tag>
                <span>{side(p.a)}</span>
                <span>{side(p.b)}</span>
              </Space>
            </List.Item>
          )}
        />
      </Card>
      <Card size="small" title={<h2 className="sc-card-title">{t("members.mergesTitle")}</h2>}>
        <Table<MemberMerge>
          size="small"
          rowKey="id"
          pagination={false}
          loading={merges.isPending}
          dataSource={merges.data ?? []}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("members.mergesNone")} /> }}
          onRow={(m) => ({ "data-testid": `merge-${m.id}` }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { title: t("members.colMergedAt"), key: "at", render: (_: unknown, m: MemberMerge) => dateTime(m.merged_at, lang, zone) },
            {
              title: t("members.colMerge"),
              key: "what",
              render: (_: unknown, m: MemberMerge) => t("members.mergedInto", { merged: m.merged_name, kept: m.kept_name }),
            },
            {
              title: t("members.colUndo"),
              key: "undo",
              render: (_: unknown, m: MemberMerge) =>
                m.undone_at ? (
                  <Tag>{t("members.undoneAt", { date: dateTime(m.undone_at, lang, zone) })}</Tag>
                ) : (
                  <Popconfirm title={t("members.undoMergeConfirm")} onConfirm={() => undo.mutate(m.id)} okText={t("members.undoMerge")} cancelText={t("common.cancel")}>
                    <Button size="small" data-testid={`undo-merge-${m.id}`}>
                      {t("members.undoMerge")}
                    </Button>
                  </Popconfirm>
                ),
            },
          ]}
        />
      </Card>
      <MergeDialog pair={comparing} onClose={() => setComparing(null)} />
    </div>
  );
}
