// Start ShopCircle at login: the system's own setting, read and written through
// the shell. Reminders only come while ShopCircle runs (in the tray).
import { PoweroffOutlined } from "@ant-design/icons";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { App as AntApp, Card, Switch, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { ipc, toErrorPayload } from "../../ipc";
import { keys } from "../../queries";

export function AutostartSetting() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const client = useQueryClient();
  const enabled = useQuery({ queryKey: keys.autostart, queryFn: ipc.autostartEnabled });
  const set = useMutation({
    mutationFn: (on: boolean) => ipc.setAutostart(on),
    onSuccess: (now) => {
      client.setQueryData(keys.autostart, now);
      void message.success(now ? t("reminders.autostart.on") : t("reminders.autostart.off"));
    },
    onError: (e) => {
      void message.error(toErrorPayload(e).message);
      void client.invalidateQueries({ queryKey: keys.autostart });
    },
  });
  const checked = set.isPending ? !!set.variables : !!enabled.data;

  return (
    <Card title={t("reminders.autostart.title")} style={{ marginBottom: 20 }}>
      <label style={{ display: "flex", alignItems: "center", gap: 12, cursor: enabled.isError ? "default" : "pointer" }}>
        <Switch
          checked={checked}
          loading={enabled.isPending || set.isPending}
          disabled={enabled.isError}
          onChange={(on) => set.mutate(on)}
          data-testid="settings-autostart"
        />
        <Typography.Text strong>
          <PoweroffOutlined style={{ marginInlineEnd: 6, color: "#2f7d5b" }} />
          {t("reminders.autostart.label")}
        </Typography.Text>
      </label>
      <Typography.Paragraph type="secondary" style={{ margin: "8px 0 0 56px" }}>
        {t("reminders.autostart.hint")}
      </Typography.Paragraph>
      {enabled.isError && (
        <Typography.Paragraph type="danger" style={{ margin: "4px 0 0 56px" }} data-testid="settings-autostart-error">
          {t("reminders.autostart.unknown")}: {toErrorPayload(enabled.error).message}
        </Typography.Paragraph>
      )}
    </Card>
  );
}
