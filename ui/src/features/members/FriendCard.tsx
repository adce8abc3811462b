// A member's friend card on their page (only with marketing consent): the
// card as it prints, its code, and a button to save it as an image to send
// them in a chat. The card's words are the running referral day's offer.
import { DownloadOutlined } from "@ant-design/icons";
import { useMutation, useQuery } from "@tanstack/react-query";
import { App as AntApp, Button, Card, Spin, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { showError, toMessage } from "../../errors";
import { ipc } from "../../ipc";

export function FriendCard({ memberId }: { memberId: number }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const card = useQuery({ queryKey: ["friend-card-preview", memberId], queryFn: () => ipc.friendCardPreview(memberId), retry: false });
  const save = useMutation({
    mutationFn: () => ipc.saveFriendCards(memberId),
    onSuccess: (path) => path && void message.success(t("referral.cardSaved", { path })),
    onError: (e) => showError(e, message),
  });
  return (
    <Card
      size="small"
      title={<h2 className="sc-card-title">{t("referral.friendCard")}</h2>}
      extra={
        <Button size="small" icon={<DownloadOutlined />} onClick={() => save.mutate()} loading={save.isPending} disabled={!card.data} data-testid="member-friend-card-save">
          {t("referral.saveCard")}
        </Button>
      }
      data-testid="member-friend-card"
    >
      {card.isPending && <Spin />}
      {card.isError && <Typography.Text type="secondary">{toMessage(card.error)}</Typography.Text>}
      {card.data && (
        <div style={{ display: "flex", gap: 16, alignItems: "center", flexWrap: "wrap" }}>
          <img src={`data:image/png;base64,${card.data.png}`} alt={t("referral.cardAlt", { code: card.data.code })} style={{ width: 300, maxWidth: "100%", borderRadius: 8 }} />
          <div>
            <Typography.Text type="secondary">{t("referral.cardCode")}</Typography.Text>
            <div className="sc-code" style={{ fontSize: 20 }} data-testid="member-friend-code">{card.data.code}</div>
            <Typography.Paragraph type="secondary" style={{ maxWidth: 320, marginTop: 8 }}>{t("referral.cardHelp")}</Typography.Paragraph>
          </div>
        </div>
      )}
    </Card>
  );
}
