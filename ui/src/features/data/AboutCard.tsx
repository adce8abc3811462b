// Settings → About: the version, where the data and the logs are, and a
// diagnostics text to paste to whoever helps (no personal data in it).
import { useQuery } from "@tanstack/react-query";
import { App as AntApp, Button, Card, Descriptions, Space, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { showError } from "../../errors";
import i18n from "../../i18n";
import { ipc } from "../../ipc";

export function AboutCard() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const about = useQuery({ queryKey: ["about"], queryFn: ipc.about });
  const a = about.data;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(await ipc.diagnostics());
      void message.success(i18n.t("data.diagnosticsCopied"));
    } catch (e) {
      showError(e, message);
    }
  };
  return (
    <Card title={t("data.about")} data-testid="about">
      <Descriptions column={1} size="small" styles={{ label: { width: 140 } }}>
        <Descriptions.Item label={t("data.version")}>
          <span data-testid="settings-version">{a?.version}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t("data.file")}>
          <Typography.Text code>{a?.data_file}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t("data.logs")}>
          <Space wrap>
            <Typography.Text code>{a?.log_folder}</Typography.Text>
            <Button size="small" onClick={() => ipc.openAppFolder("logs").catch((e) => showError(e, message))}>
              {t("data.open")}
            </Button>
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t("data.system")}>{a?.system}</Descriptions.Item>
      </Descriptions>
      <Button onClick={() => void copy()} style={{ marginTop: 12 }} data-testid="copy-diagnostics">
        {t("data.copyDiagnostics")}
      </Button>
    </Card>
  );
}
