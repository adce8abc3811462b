// When the data file could not be opened at start (damaged, or missing with
// backups beside it): what happened, in the owner's words, and the way out:
// restore the newest backup that passed its check, another file, or (only
// for a missing file) an empty shop. Never a silent empty start.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { App as AntApp, Button, Result, Space, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { DataProblem } from "../../bindings/DataProblem";
import { showError } from "../../errors";
import { dateTime } from "../../format";
import { ipc } from "../../ipc";
import { useLang } from "../../lang";
import { countsOf } from "./backupQueries";
import { useRestore } from "./RestoreDialogs";

export function useDataProblem(enabled: boolean) {
  return useQuery({ queryKey: ["data-problem"], queryFn: ipc.dataProblem, enabled });
}

export function DataProblemScreen({ problem, fallback }: { problem: DataProblem; fallback: React.ReactNode }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const lang = useLang();
  const qc = useQueryClient();
  const restore = useRestore();
  const newest = problem.newest_backup;
  const startEmpty = async () => {
    try {
      await ipc.startEmptyShop();
      await qc.invalidateQueries();
    } catch (e) {
      showError(e, message);
    }
  };
  const pick = async () => {
    const path = await ipc.pickBackupFile().catch(() => null);
    if (path) await restore.ask(path);
  };
  if (!problem) return <>{fallback}</>;
  return (
    <main style={{ maxWidth: 720, margin: "0 auto", padding: "48px 24px" }} data-testid="data-problem">
      <Result
        status="warning"
        title={<h1 style={{ fontSize: 24, margin: 0 }}>{t("data.problem.title")}</h1>}
        subTitle={<Typography.Text>{problem.message}</Typography.Text>}
        extra={
          <Space direction="vertical" size="middle" style={{ width: "100%" }}>
            {newest ? (
              <>
                <Typography.Text>
                  {t("data.problem.newest", { when: dateTime(newest.manifest.taken_at, lang), ...countsOf(newest.manifest.counts) })}
                </Typography.Text>
                <Space wrap style={{ justifyContent: "center" }}>
                  <Button type="primary" onClick={() => void restore.ask(newest.path)} data-testid="restore-newest">
                    {t("data.problem.restoreNewest")}
                  </Button>
                  <Button onClick={() => void pick()}>{t("data.problem.pick")}</Button>
                </Space>
              </>
            ) : (
              <Space direction="vertical">
                <Typography.Text>{t("data.problem.noBackup", { folder: problem.data_file.replace(/[^/\\]*$/, "backups") })}</Typography.Text>
                <Button onClick={() => void pick()}>{t("data.problem.pick")}</Button>
              </Space>
            )}
            {problem.missing && (
              <Space direction="vertical">
                <Button danger onClick={() => void startEmpty()} data-testid="start-empty">
                  {t("data.problem.startEmpty")}
                </Button>
                <Typography.Text type="secondary">{t("data.problem.startEmptyHint")}</Typography.Text>
              </Space>
            )}
          </Space>
        }
      />
      {restore.outcome}
    </main>
  );
}
