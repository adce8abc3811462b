// Adding a member to another community, through one of its channels (join
// attribution: which poster or partner brought them).
import { useMutation, useQuery } from "@tanstack/react-query";
import { App as AntApp, Button, Select, Space } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Member } from "../../bindings/Member";
import { showError } from "../../errors";
import { ipc } from "../../ipc";
import { useCommunities } from "../communities/queries";
import { keys } from "../../queries";
import { useInvalidateMembers } from "./queries";

export function JoinCommunity({ member }: { member: Member }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const invalidate = useInvalidateMembers();
  const communities = useCommunities(false);
  const inNow = new Set(member.memberships.filter((s) => !s.left_at).map((s) => s.community_id));
  const open = (communities.data ?? []).filter((c) => !inNow.has(c.id));
  const [communityId, setCommunityId] = useState<number | null>(null);
  const [channelId, setChannelId] = useState<number | null>(null);
  const channels = useQuery({
    queryKey: keys.channels(communityId ?? 0),
    queryFn: () => ipc.listChannels(communityId!),
    enabled: communityId !== null,
  });
  const join = useMutation({
    mutationFn: () => ipc.joinMemberCommunity(member.id, { community_id: communityId!, channel_id: channelId, staff_id: null }),
    onSuccess: () => {
      invalidate();
      void message.success(t("members.joinedDone", { community: open.find((c) => c.id === communityId)?.name ?? "" }));
      setCommunityId(null);
      setChannelId(null);
    },
    onError: (e) => showError(e, message),
  });
  if (open.length === 0) return null;
  return (
    <Space size={8} wrap>
      <Select<number | null>
        size="small"
        aria-label={t("members.joinCommunity")}
        placeholder={t("members.joinCommunity")}
        style={{ minWidth: 170 }}
        value={communityId}
        onChange={(v) => {
          setCommunityId(v);
          setChannelId(null);
        }}
        options={open.map((c) => ({ value: c.id, label: c.name }))}
        data-testid="member-join-community"
      />
      {communityId !== null && (
        <Select<number | null>
          size="small"
          aria-label={t("members.joinChannel")}
          style={{ minWidth: 170 }}
          value={channelId}
          onChange={setChannelId}
          options={[{ value: null, label: t("members.joinChannelNone") }, ...(channels.data ?? []).map((c) => ({ value: c.id, label: c.name }))]}
          data-testid="member-join-channel"
        />
      )}
      <Button size="small" disabled={communityId === null} loading={join.isPending} onClick={() => join.mutate()} data-testid="member-join">
        {t("members.joinAdd")}
      </Button>
    </Space>
  );
}
