// "Which channel is this poster for?": a poster carries one channel's code, so
// the designer opens on a community and channel the owner picks here.
import { Form, Modal, Select, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNav } from "../../nav";
import { useCommunities } from "../communities/queries";
import { useChannels } from "../drainage/queries";

export function NewPosterDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { go } = useNav();
  const communities = useCommunities(false);
  const [communityId, setCommunityId] = useState<number | null>(null);
  const [channelId, setChannelId] = useState<number | null>(null);
  const first = communities.data?.[0]?.id ?? null;
  const community = communityId ?? first;
  const channels = useChannels(community ?? 0);
  const options = (community === null ? [] : (channels.data ?? [])).map((c) => ({
    value: c.id,
    label: c.qr ? c.name : `${c.name} (${t("posters.channelNoQr")})`,
  }));
  const channel = channelId ?? channels.data?.find((c) => c.qr)?.id ?? null;

  return (
    <Modal
      open={open}
      title={t("posters.newTitle")}
      okText={t("posters.next")}
      cancelText={t("common.cancel")}
      okButtonProps={{ disabled: channel === null, ...{ "data-testid": "new-poster-next" } }}
      onOk={() => channel !== null && community !== null && go({ page: "poster", channelId: channel, communityId: community })}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form layout="vertical" style={{ marginTop: 16 }}>
        <Form.Item label={t("posters.pickCommunity")} htmlFor="new-poster-community">
          <Select<number>
            id="new-poster-community"
            value={community ?? undefined}
            onChange={(id) => {
              setCommunityId(id);
              setChannelId(null);
            }}
            options={(communities.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
            data-testid="new-poster-community"
          />
        </Form.Item>
        <Form.Item label={t("posters.pickChannel")} extra={t("posters.pickChannelHint")} htmlFor="new-poster-channel">
          <Select<number>
            id="new-poster-channel"
            value={channel ?? undefined}
            onChange={setChannelId}
            options={options}
            notFoundContent={<Typography.Text type="secondary">{t("posters.noChannels")}</Typography.Text>}
            data-testid="new-poster-channel"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
