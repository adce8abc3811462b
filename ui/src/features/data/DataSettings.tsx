// Settings → Data: where the data is, its backups (made by themselves, or now
// by hand), restoring one, the optional second folder, and the disk's room.
import { CheckCircleFilled } from "@ant-design/icons";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, App as AntApp, Button, Card, Descriptions, Empty, Space, Table, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { Backup } from "../../bindings/Backup";
import { showError } from "../../errors";
import { dateTime } from "../../format";
import i18n from "../../i18n";
import { ipc } from "../../ipc";
import { useLang } from "../../lang";
import { useShop } from "../../queries";
import { backupStatusKey, countsOf, size, useBackupStatus } from "./backupQueries";
import { useRestore } from "./RestoreDialogs";

export function DataSettings() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const lang = useLang();
  const zone = useShop()?.time_zone;
  const qc = useQueryClient();
  const status = useBackupStatus();
  const s = status.data;
  const restore = useRestore();
  const refresh = () => void qc.invalidateQueries({ queryKey: backupStatusKey });

  const backUp = useMutation({
    mutationFn: ipc.backUpNow,
    onSuccess: (b) => {
      refresh();
      void message.success(i18n.t("data.backedUp", countsOf(b.manifest.counts)));
    },
    onError: (e) => {
      refresh();
      showError(e, message);
    },
  });
  const second = useMutation({
    mutationFn: (clear: boolean) => (clear ? ipc.setBackupFolder(null) : ipc.chooseBackupFolder()),
    onSuccess: (folder, clear) => {
      refresh();
      if (clear) void message.success(i18n.t("data.secondRemoved"));
      else if (folder) void message.success(i18n.t("data.secondSet", { folder }));
    },
    onError: (e) => showError(e, message),
  });
  const pick = async () => {
    try {
      const path = await ipc.pickBackupFile();
      if (path) await restore.ask(path);
    } catch (e) {
      showError(e, message);
    }
  };
  const open = (which: "data" | "backups" | "second") => ipc.openAppFolder(which).catch((e) => showError(e, message));

  return (
    <Card title={t("data.title")} style={{ marginBottom: 20 }} data-testid="data-settings">
      <Typography.Paragraph type="secondary">{t("data.hint")}</Typography.Paragraph>
      {s?.last_error && <Alert type="error" showIcon style={{ marginBottom: 12 }} message={t("data.lastError", { message: s.last_error })} data-testid="backup-error" />}
      {s?.disk_low && s.disk && <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={t("data.diskLow", { free: size(s.disk.available) })} />}
      <Descriptions column={1} size="small" styles={{ label: { width: 140 } }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t("data.file")}>
          <Space wrap>
            <Typography.Text code copyable data-testid="settings-data-path">{s?.data_file}</Typography.Text>
            {s && <Typography.Text type="secondary">{size(s.data_bytes)}</Typography.Text>}
            <Button size="small" onClick={() => open("data")}>{t("data.open")}</Button>
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t("data.folder")}>
          <Space wrap>
            <Typography.Text code data-testid="backup-folder">{s?.backup_folder}</Typography.Text>
            <Button size="small" onClick={() => open("backups")}>{t("data.open")}</Button>
            {s?.disk && <Typography.Text type="secondary">{t("data.disk", { free: size(s.disk.available) })}</Typography.Text>}
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t("data.second")}>
          <Space direction="vertical" size={4}>
            <Space wrap>
              {s?.second_folder ? <Typography.Text code data-testid="second-folder">{s.second_folder}</Typography.Text> : <Typography.Text type="secondary">{t("data.secondNone")}</Typography.Text>}
              <Button size="small" onClick={() => second.mutate(false)} loading={second.isPending}>{t("data.chooseSecond")}</Button>
              {s?.second_folder && <Button size="small" onClick={() => second.mutate(true)}>{t("data.removeSecond")}</Button>}
              {s?.second_folder && <Button size="small" onClick={() => open("second")}>{t("data.open")}</Button>}
            </Space>
            <Typography.Text type="secondary">{t("data.secondHint")}</Typography.Text>
          </Space>
        </Descriptions.Item>
      </Descriptions>
      <Space wrap style={{ marginBottom: 12 }}>
        <Button type="primary" onClick={() => backUp.mutate()} loading={backUp.isPending} data-testid="back-up-now">
          {t("data.backUpNow")}
        </Button>
        <Button onClick={() => void pick()}>{t("data.restoreFile")}</Button>
      </Space>
      <Typography.Title level={2} style={{ fontSize: 16, margin: "8px 0" }}>
        {t("data.list")}
        {s?.second_folder && s.backups.length > 0 && (
          <Typography.Text type="secondary" style={{ fontSize: 13, fontWeight: "normal", marginInlineStart: 8 }}>
            {t("data.inSecond", { count: s.in_second_folder })}
          </Typography.Text>
        )}
      </Typography.Title>
      <Table<Backup>
        size="small"
        rowKey="path"
        loading={status.isPending}
        dataSource={s?.backups ?? []}
        pagination={{ pageSize: 8, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("data.none")} /> }}
        onRow={(b, i) => ({ "data-testid": `backup-${i}`, "data-path": b.path }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t("data.when"), key: "when", render: (_: unknown, b: Backup) => dateTime(b.manifest.taken_at, lang, zone) },
          {
            title: t("data.why"),
            key: "why",
            render: (_: unknown, b: Backup) => <Tag bordered={false}>{t(`data.reasons.${b.manifest.reason}`)}</Tag>,
          },
          { title: t("data.holds"), key: "holds", render: (_: unknown, b: Backup) => t("data.holdsValue", countsOf(b.manifest.counts)) },
          { title: t("data.size"), key: "size", align: "right", render: (_: unknown, b: Backup) => size(b.manifest.bytes) },
          {
            // Every listed backup passed integrity_check and was fingerprinted when it was made.
            title: t("data.verified"),
            key: "checked",
            align: "center",
            render: () => <CheckCircleFilled style={{ color: "#2f7d4f" }} aria-label={t("data.verified")} role="img" />,
          },
          {
            title: <span className="sc-visually-hidden">{t("data.restore")}</span>,
            key: "restore",
            align: "right",
            render: (_: unknown, b: Backup, i: number) => (
              <Button size="small" onClick={() => void restore.ask(b.path)} data-testid={`restore-${i}`}>
                {t("data.restore")}
              </Button>
            ),
          },
        ]}
      />
      {restore.outcome}
    </Card>
  );
}
