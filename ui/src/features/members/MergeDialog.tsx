// Two records side by side before a merge: every field, communities, tags,
// consents and purchases; the owner picks which record stays (the older by
// default). The kept record's empty fields are filled from the other.
import { useMutation, useQueries, useQueryClient } from "@tanstack/react-query";
import { App as AntApp, type ButtonProps, Descriptions, Modal, Radio, Skeleton, Tag, Typography } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { DuplicatePair } from "../../bindings/DuplicatePair";
import type { Member } from "../../bindings/Member";
import { showError } from "../../errors";
import { ipc } from "../../ipc";
import { keys } from "../../queries";

type Props = { pair: DuplicatePair | null; onClose: () => void };

export function MergeDialog({ pair, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const client = useQueryClient();
  const [kept, setKept] = useState<number | null>(null);
  useEffect(() => setKept(pair?.a.id ?? null), [pair]);
  const ids = pair ? [pair.a.id, pair.b.id] : [];
  const members = useQueries({ queries: ids.map((id) => ({ queryKey: keys.member(id), queryFn: () => ipc.getMember(id) })) });
  const purchases = useQueries({
    queries: ids.map((id) => ({ queryKey: ["purchases", "member", id], queryFn: () => ipc.listPurchases({ member_id: id, from: "", to: "", limit: 200 }) })),
  });
  const merge = useMutation({
    mutationFn: ({ keep, drop }: { keep: number; drop: number }) => ipc.mergeMembers(keep, drop),
    onSuccess: (m) => {
      void client.invalidateQueries({ queryKey: ["members"] });
      void client.invalidateQueries({ queryKey: ["dashboard"] });
      void message.success(t("members.merged", { name: m.display_name }));
      onClose();
    },
    onError: (e) => showError(e, message),
  });
  const none = t("members.none");
  const loaded = members.every((m) => m.data) ? (members.map((m) => m.data) as Member[]) : null;
  const column = (m: Member, i: number) => (
    <div key={m.id} style={{ flex: 1, minWidth: 0 }} data-testid={`merge-side-${m.id}`}>
      <Radio value={m.id} data-testid={`merge-keep-${m.id}`}>
        <Typography.Text strong>{kept === m.id ? t("members.keepThis") : t("members.mergeThis")}</Typography.Text>
      </Radio>
      <Descriptions column={1} size="small" bordered style={{ marginTop: 8 }}>
        <Descriptions.Item label={t("members.name")}>{m.display_name}</Descriptions.Item>
        <Descriptions.Item label={t("members.phone")}>{m.phone_masked ?? none}</Descriptions.Item>
        <Descriptions.Item label={t("members.nickname")}>{m.wechat_nickname || none}</Descriptions.Item>
        <Descriptions.Item label={t("members.birthday")}>{m.birthday ?? none}</Descriptions.Item>
        <Descriptions.Item label={t("members.tags")}>{m.tags.length ? m.tags.map((x) => <Tag key={x}>{x}</Tag>) : none}</Descriptions.Item>
        <Descriptions.Item label={t("members.detailCommunities")}>
          {m.memberships.filter((s) => !s.left_at).map((s) => s.community_name).join("、") || none}
        </Descriptions.Item>
        <Descriptions.Item label={t("members.marketingFilter")}>{m.marketing ? t("members.marketingYes") : t("members.marketingNo")}</Descriptions.Item>
        <Descriptions.Item label={t("members.purchasesCount")}>{purchases[i].data?.length ?? "…"}</Descriptions.Item>
        <Descriptions.Item label={t("members.note")}>{m.note || none}</Descriptions.Item>
      </Descriptions>
    </div>
  );
  return (
    <Modal
      open={pair !== null}
      title={t("members.mergeTitle")}
      onCancel={onClose}
      onOk={() => pair && kept !== null && merge.mutate({ keep: kept, drop: kept === pair.a.id ? pair.b.id : pair.a.id })}
      okText={t("members.mergeOk")}
      cancelText={t("common.cancel")}
      okButtonProps={{ loading: merge.isPending, disabled: !loaded, "data-testid": "merge-ok" } as ButtonProps}
      width={820}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t("members.mergeHelp")}</Typography.Paragraph>
      {loaded ? (
        <Radio.Group value={kept} onChange={(e) => setKept(e.target.value as number)} style={{ display: "flex", gap: 16, width: "100%" }} aria-label={t("members.keepWhich")}>
          {loaded.map(column)}
        </Radio.Group>
      ) : (
        <Skeleton active />
      )}
    </Modal>
  );
}
