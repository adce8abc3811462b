// The home screen's warning when backups are not happening: none succeeded
// for a week, or the disk is nearly full. Silent when all is well.
import { Alert, Button } from "antd";
import { useTranslation } from "react-i18next";
import { useNav } from "../../nav";
import { useBackupStatus } from "./backupQueries";

export function BackupBanner() {
  const { t } = useTranslation();
  const { go } = useNav();
  const s = useBackupStatus().data;
  if (!s || (!s.stale && !s.disk_low)) return null;
  const text = s.stale ? (s.backups.length > 0 ? t("data.banner.stale") : t("data.banner.never")) : t("data.banner.disk");
  return (
    <Alert
      type="warning"
      showIcon
      banner
      data-testid="backup-banner"
      message={text}
      action={
        <Button size="small" onClick={() => go({ page: "settings" })}>
          {t("data.banner.open")}
        </Button>
      }
    />
  );
}
