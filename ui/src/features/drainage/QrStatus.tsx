// How a channel's code stands: never expires, expires on a day, or expired.
import { Tag, Typography } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import type { QrSource } from "../../bindings/QrSource";

const SOON_DAYS = 2;

export function QrStatus({ qr }: { qr: QrSource | null }) {
  const { t } = useTranslation();
  if (!qr) return <Tag>{t("drainage.noQr")}</Tag>;
  const kind = <Tag bordered={false} color="blue">{t(`drainage.qrKind.${qr.kind}`)}</Tag>;
  if (!qr.expires_at) {
    return <span>{kind}<Typography.Text type="secondary">{t("drainage.neverExpires")}</Typography.Text></span>;
  }
  const expires = dayjs(qr.expires_at);
  const days = expires.diff(dayjs(), "day", true);
  const date = expires.format("YYYY-MM-DD HH:mm");
  if (days <= 0) {
    return <span>{kind}<Tag color="red" data-testid="qr-expired">{t("drainage.expiredOn", { date })}</Tag></span>;
  }
  return (
    <span>
      {kind}
      <Tag color={days <= SOON_DAYS ? "orange" : "green"}>{t("drainage.expiresOn", { date })}</Tag>
    </span>
  );
}
