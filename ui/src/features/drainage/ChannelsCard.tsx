// A community's drainage channels: where its QR code meets customers, and the
// code each one carries (an imported group/staff QR or a typed link).
import { LinkOutlined, PlusOutlined, QrcodeOutlined } from "@ant-design/icons";
import { useMutation } from "@tanstack/react-query";
import { App as AntApp, Button, Card, Empty, Input, List, Select, Space, Typography } from "antd";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Channel } from "../../bindings/Channel";
import type { ChannelKind } from "../../bindings/ChannelKind";
import type { QrKind } from "../../bindings/QrKind";
import { showError } from "../../errors";
import { ipc } from "../../ipc";
import { QrStatus } from "./QrStatus";
import { fileToBase64, useChannels, useInvalidateChannels } from "./queries";

const KINDS: ChannelKind[] = ["counter", "table_tent", "shop_window", "friend_circle", "partner_store", "outdoor_event", "custom"];

function ChannelRow({ channel, communityId }: { channel: Channel; communityId: number }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const invalidate = useInvalidateChannels();
  const file = useRef<HTMLInputElement>(null);
  const [kind, setKind] = useState<QrKind>("group_qr");
  const [link, setLink] = useState<string | null>(null);
  const done = () => {
    invalidate(communityId);
    void message.success(t("drainage.qrSaved"));
  };
  const importQr = useMutation({
    mutationFn: async (f: File) => ipc.importQr(channel.id, kind, await fileToBase64(f)),
    onSuccess: done,
    onError: (e) => showError(e, message),
  });
  const saveLink = useMutation({
    mutationFn: (l: string) => ipc.setQrLink(channel.id, l),
    onSuccess: () => {
      setLink(null);
      done();
    },
    onError: (e) => showError(e, message),
  });
  return (
    <List.Item data-testid={`channel-${channel.id}`}>
      <Space direction="vertical" size={6} style={{ width: "100%" }}>
        <Space wrap style={{ justifyContent: "space-between", width: "100%" }}>
          <Typography.Text strong>{channel.name}</Typography.Text>
          <Typography.Text type="secondary">{t(`drainage.kind.${channel.kind}`)}</Typography.Text>
        </Space>
        <QrStatus qr={channel.qr} />
        {channel.qr && (
          <Typography.Text type="secondary" ellipsis style={{ maxWidth: "100%" }} data-testid="qr-payload">
            {channel.qr.payload}
          </Typography.Text>
        )}
        <Space wrap>
          <Select<QrKind>
            size="small"
            value={kind}
            onChange={setKind}
            options={(["group_qr", "staff_qr"] as QrKind[]).map((k) => ({ value: k, label: t(`drainage.qrKind.${k}`) }))}
            style={{ width: 150 }}
          />
          <Button size="small" icon={<QrcodeOutlined />} loading={importQr.isPending} onClick={() => file.current?.click()}>
            {t("drainage.importQr")}
          </Button>
          <Button size="small" icon={<LinkOutlined />} onClick={() => setLink(channel.qr?.kind === "link" ? channel.qr.payload : "")}>
            {t("drainage.useLink")}
          </Button>
          <input
            ref={file}
            type="file"
            accept="image/*"
            hidden
            data-testid={`qr-file-${channel.id}`}
            onChange={(e) => {
              const f = e.target.files?.[0];
              if (f) importQr.mutate(f);
              e.target.value = "";
            }}
          />
        </Space>
        {link !== null && (
          <Space.Compact style={{ width: "100%" }}>
            <Input size="small" value={link} onChange={(e) => setLink(e.target.value)} placeholder={t("drainage.linkPlaceholder")} />
            <Button size="small" type="primary" loading={saveLink.isPending} onClick={() => saveLink.mutate(link)}>
              {t("common.save")}
            </Button>
          </Space.Compact>
        )}
      </Space>
    </List.Item>
  );
}

export function ChannelsCard({ communityId, archived }: { communityId: number; archived: boolean }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const channels = useChannels(communityId);
  const invalidate = useInvalidateChannels();
  const [kind, setKind] = useState<ChannelKind>("counter");
  const [name, setName] = useState("");
  const add = useMutation({
    mutationFn: () => ipc.createChannel(communityId, { kind, name: name.trim() || t(`drainage.kind.${kind}`) }),
    onSuccess: () => {
      setName("");
      invalidate(communityId);
    },
    onError: (e) => showError(e, message),
  });
  return (
    <Card title={t("drainage.title")} data-testid="channels-card">
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>{t("drainage.intro")}</Typography.Paragraph>
      {channels.data && channels.data.length > 0 ? (
        <List dataSource={channels.data} renderItem={(c) => <ChannelRow channel={c} communityId={communityId} />} />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("drainage.empty")} />
      )}
      {!archived && (
        <Space.Compact style={{ width: "100%", marginTop: 12 }}>
          <Select<ChannelKind>
            value={kind}
            onChange={setKind}
            options={KINDS.map((k) => ({ value: k, label: t(`drainage.kind.${k}`) }))}
            style={{ width: 150 }}
          />
          <Input value={name} onChange={(e) => setName(e.target.value)} placeholder={t(`drainage.kind.${kind}`)} data-testid="channel-name" />
          <Button icon={<PlusOutlined />} onClick={() => add.mutate()} loading={add.isPending} data-testid="channel-add">
            {t("drainage.addChannel")}
          </Button>
        </Space.Compact>
      )}
    </Card>
  );
}
