// A community's drainage channels: where its QR code meets customers, and the
// code each one carries (an imported group/staff QR or a typed link).
import { LinkOutlined, PictureOutlined, PlusOutlined, QrcodeOutlined } from "@ant-design/icons";
import { useMutation, useQuery } from "@tanstack/react-query";
import { Alert, App as AntApp, Button, Card, Empty, Input, List, Select, Space, Tooltip, Typography } from "antd";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Channel } from "../../bindings/Channel";
import type { ChannelFigures } from "../../bindings/ChannelFigures";
import { money } from "../../format";
import { LIMITS } from "../../bindings/limits";
import { limited } from "../../components/textLimit";
import type { ChannelKind } from "../../bindings/ChannelKind";
import type { QrKind } from "../../bindings/QrKind";
import type { QrReplaced } from "../../bindings/QrReplaced";
import type { Rerendered } from "../../bindings/Rerendered";
import { showError } from "../../errors";
import { ipc } from "../../ipc";
import { useNav } from "../../nav";
import { useInvalidatePosters, usePosters } from "../posters/queries";
import { QrStatus } from "./QrStatus";
import { fileToBase64, useChannels, useInvalidateChannels } from "./queries";
import { PageLink } from "../../components/PageLink";

const KINDS: ChannelKind[] = ["counter", "table_tent", "shop_window", "friend_circle", "partner_store", "outdoor_event", "custom"];

/** The poster files made again with a channel's new code; stays until closed,
 * so the owner can go and print them. */
function RerenderedNotice({ files, onClose }: { files: Rerendered[]; onClose: () => void }) {
  const { t } = useTranslation();
  const failed = files.some((f) => f.error);
  return (
    <Alert
      type={failed ? "warning" : "success"}
      showIcon
      closable
      onClose={onClose}
      data-testid="rerendered-notice"
      message={t("drainage.rerenderedTitle")}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
          {files.map((f) => (
            <li key={`${f.poster_id}${f.path}`}>
              <Typography.Text strong>{f.headline}</Typography.Text>{" "}
              <Typography.Text type={f.error ? "danger" : "secondary"} style={{ wordBreak: "break-all" }}>
                {f.path}
                {f.error && ` — ${t("drainage.rerenderedFailed", { error: f.error })}`}
              </Typography.Text>
            </li>
          ))}
        </ul>
      }
    />
  );
}

function ChannelRow({ channel, communityId, posters, figures }: { channel: Channel; communityId: number; posters: number; figures?: ChannelFigures }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const { go } = useNav();
  const invalidate = useInvalidateChannels();
  const invalidatePosters = useInvalidatePosters();
  const file = useRef<HTMLInputElement>(null);
  const [kind, setKind] = useState<QrKind>("group_qr");
  const [link, setLink] = useState<string | null>(null);
  const [rerendered, setRerendered] = useState<Rerendered[]>([]);
  const done = (r: QrReplaced) => {
    invalidate(communityId);
    invalidatePosters();
    setRerendered(r.rerendered);
    void message.success(t("drainage.qrSaved"));
  };
  const importQr = useMutation({
    mutationFn: async (f: File) => ipc.importQr(channel.id, kind, await fileToBase64(f)),
    onSuccess: done,
    onError: (e) => showError(e, message),
  });
  const saveLink = useMutation({
    mutationFn: (l: string) => ipc.setQrLink(channel.id, l),
    onSuccess: (r) => {
      setLink(null);
      done(r);
    },
    onError: (e) => showError(e, message),
  });
  return (
    <List.Item data-testid={`channel-${channel.id}`}>
      <Space direction="vertical" size={6} style={{ width: "100%" }}>
        <Space wrap style={{ justifyContent: "space-between", width: "100%" }}>
          <Typography.Text strong>{channel.name}</Typography.Text>
          <Space size={12}>
            {posters > 0 && (
              <PageLink onOpen={() => go({ page: "posters" })} testId={`channel-posters-${channel.id}`}>
                {t("drainage.posterCount", { count: posters })}
              </PageLink>
            )}
            <Typography.Text type="secondary">{t(`drainage.kind.${channel.kind}`)}</Typography.Text>
          </Space>
        </Space>
        {figures && <ChannelNumbers figures={figures} />}
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
            aria-label={t("drainage.qrKindLabel")}
          />
          <Button size="small" icon={<QrcodeOutlined />} loading={importQr.isPending} onClick={() => file.current?.click()}>
            {t("drainage.importQr")}
          </Button>
          <Button size="small" icon={<LinkOutlined />} onClick={() => setLink(channel.qr?.kind === "link" ? channel.qr.payload : "")}>
            {t("drainage.useLink")}
          </Button>
          <Tooltip title={channel.qr ? undefined : t("drainage.needQrFirst")}>
            <Button
              size="small"
              type="primary"
              ghost
              icon={<PictureOutlined />}
              disabled={!channel.qr}
              onClick={() => go({ page: "poster", channelId: channel.id, communityId })}
              data-testid={`channel-make-poster-${channel.id}`}
            >
              {t("drainage.makePoster")}
            </Button>
          </Tooltip>
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
            <Input
              size="small"
              value={link}
              onChange={(e) => setLink(e.target.value)}
              placeholder={t("drainage.linkPlaceholder")}
              aria-label={t("drainage.linkPlaceholder")}
            />
            <Button size="small" type="primary" loading={saveLink.isPending} onClick={() => saveLink.mutate(link)}>
              {t("common.save")}
            </Button>
          </Space.Compact>
        )}
        {rerendered.length > 0 && <RerenderedNotice files={rerendered} onClose={() => setRerendered([])} />}
      </Space>
    </List.Item>
  );
}

export function ChannelsCard({ communityId, archived }: { communityId: number; archived: boolean }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const channels = useChannels(communityId);
  const figures = useQuery({ queryKey: ["dashboard", "channels", communityId], queryFn: () => ipc.channelFigures(communityId) });
  const posters = usePosters(null).data ?? [];
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
        <List dataSource={channels.data} renderItem={(c) => (
            <ChannelRow
              channel={c}
              communityId={communityId}
              posters={posters.filter((p) => p.channel_id === c.id).length}
              figures={figures.data?.find((f) => f.channel_id === c.id)}
            />
          )} />
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
            aria-label={t("drainage.channelKind")}
          />
          <Input
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder={t(`drainage.kind.${kind}`)}
            aria-label={t("drainage.channelName")}
            status={[...name].length > LIMITS.channelName ? "error" : undefined}
            {...limited(LIMITS.channelName)}
            data-testid="channel-name"
          />
          <Button icon={<PlusOutlined />} onClick={() => add.mutate()} loading={add.isPending} data-testid="channel-add">
            {t("drainage.addChannel")}
          </Button>
        </Space.Compact>
      )}
    </Card>
  );
}

/** Join attribution on the card: joins, first purchases within 30 days, their sales, gift cost per buyer. */
function ChannelNumbers({ figures: f }: { figures: ChannelFigures }) {
  const { t } = useTranslation();
  if (f.joins === 0) {
    return <Typography.Text type="secondary" data-testid={`channel-figures-${f.channel_id}`}>{t("drainage.noJoinsYet")}</Typography.Text>;
  }
  return (
    <Typography.Text data-testid={`channel-figures-${f.channel_id}`}>
      {t("drainage.figures", {
        joins: f.joins,
        buyers: f.buyers,
        percent: f.first_purchase_percent ?? 0,
        sales: money(f.sales_cents),
        cost: f.cost_per_buyer_cents === null ? "—" : money(f.cost_per_buyer_cents),
      })}
    </Typography.Text>
  );
}
