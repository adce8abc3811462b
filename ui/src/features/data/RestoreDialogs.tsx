// Restoring: the copy is checked first and its contents shown; after the
// restore, what the shop holds now and the way back (undo). After either, the
// whole window reloads its data: every page reads the restored shop.
import { useQueryClient } from "@tanstack/react-query";
import { App as AntApp, Button, Modal, Space, Typography, type ButtonProps } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Restored } from "../../bindings/Restored";
import { showError } from "../../errors";
import { dateTime } from "../../format";
import i18n from "../../i18n";
import { ipc } from "../../ipc";
import { useLang } from "../../lang";
import { useShop } from "../../queries";
import { countsOf } from "./backupQueries";

/** Asks, restores, and shows the outcome with an undo; `ask(path)` starts it. */
export function useRestore() {
  const { t } = useTranslation();
  const { modal, message } = AntApp.useApp();
  const qc = useQueryClient();
  const lang = useLang();
  const zone = useShop()?.time_zone;
  const [done, setDone] = useState<Restored | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (path: string) => {
    setBusy(true);
    try {
      const restored = await ipc.restoreBackup(path);
      // Everything on screen came from the old data.
      await qc.invalidateQueries();
      return restored;
    } finally {
      setBusy(false);
    }
  };

  const ask = async (path: string) => {
    const hide = message.loading(t("data.checking"), 0);
    let checked;
    try {
      checked = await ipc.verifyBackup(path);
    } catch (e) {
      showError(e, message);
      return;
    } finally {
      hide();
    }
    const m = checked.manifest;
    modal.confirm({
      title: t("data.confirmTitle"),
      content: (
        <Space direction="vertical">
          {m && (
            <Typography.Text strong>
              {t("data.confirmFrom", { when: dateTime(m.taken_at, lang, zone), reason: t(`data.reasons.${m.reason}`) })}
            </Typography.Text>
          )}
          <span>{t("data.confirmBody", countsOf(checked.counts))}</span>
        </Space>
      ),
      okText: t("data.confirmOk"),
      cancelText: t("common.cancel"),
      okButtonProps: { "data-testid": "restore-confirm" } as ButtonProps,
      onOk: async () => {
        try {
          setDone(await run(path));
        } catch (e) {
          showError(e, message);
        }
      },
    });
  };

  const undo = async () => {
    const back = done?.before_restore?.path;
    if (!back) return;
    try {
      await run(back);
      setDone(null);
      void message.success(i18n.t("data.undone"));
    } catch (e) {
      showError(e, message);
    }
  };

  const outcome = (
    <RestoredDialog restored={done} busy={busy} onUndo={undo} onClose={() => setDone(null)} />
  );
  return { ask, outcome, show: setDone };
}

function RestoredDialog({ restored, busy, onUndo, onClose }: { restored: Restored | null; busy: boolean; onUndo: () => void; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      open={restored !== null}
      title={t("data.restoredTitle")}
      onCancel={onClose}
      footer={
        <Space>
          {restored?.before_restore && (
            <Button onClick={onUndo} loading={busy} data-testid="restore-undo">
              {t("data.undo")}
            </Button>
          )}
          <Button type="primary" onClick={onClose} data-testid="restore-done">
            {t("common.close")}
          </Button>
        </Space>
      }
    >
      {restored && (
        <Space direction="vertical" data-testid="restored">
          <span>{t("data.restoredBody", countsOf(restored.counts))}</span>
          {restored.erased_again > 0 && <span>{t("data.erasedAgain", { count: restored.erased_again })}</span>}
          {restored.kept_damaged && <span>{t("data.keptDamaged", { file: restored.kept_damaged })}</span>}
        </Space>
      )}
    </Modal>
  );
}
