// Moving to a new laptop: the whole shop in one passphrase-locked file, and
// importing one (checked with its passphrase and shown before it replaces anything).
import { useQueryClient } from "@tanstack/react-query";
import { Alert, App as AntApp, Button, Card, Form, Input, Modal, Space, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ShopFile } from "../../bindings/ShopFile";
import { showError, showFormError } from "../../errors";
import { dateTime } from "../../format";
import i18n from "../../i18n";
import { ipc, toErrorPayload } from "../../ipc";
import { useLang } from "../../lang";
import { LIMITS } from "../../bindings/limits";
import { lengthRule } from "../../components/textLimit";
import { countsOf } from "./backupQueries";
import { useRestore } from "./RestoreDialogs";


type ExportForm = { passphrase: string; again: string };

export function WholeShop() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const lang = useLang();
  const qc = useQueryClient();
  const restore = useRestore();
  const [exporting, setExporting] = useState(false);
  const [importing, setImporting] = useState<string | null>(null);
  const [found, setFound] = useState<ShopFile | null>(null);
  const [busy, setBusy] = useState(false);
  const [exportForm] = Form.useForm<ExportForm>();
  const [importForm] = Form.useForm<{ passphrase: string }>();

  const doExport = async (v: ExportForm) => {
    setBusy(true);
    try {
      const file = await ipc.exportWholeShop(v.passphrase);
      if (file) {
        setExporting(false);
        exportForm.resetFields();
        void message.success(i18n.t("data.exported", { file }));
        void qc.invalidateQueries({ queryKey: ["exports"] });
      }
    } catch (e) {
      showFormError(exportForm, e, { passphrase: "passphrase" }, message);
    } finally {
      setBusy(false);
    }
  };

  const startImport = async () => {
    try {
      const path = await ipc.pickShopFile();
      if (path) {
        setFound(null);
        importForm.resetFields();
        setImporting(path);
      }
    } catch (e) {
      showError(e, message);
    }
  };

  const check = async (v: { passphrase: string }) => {
    if (!importing) return;
    setBusy(true);
    try {
      if (!found) {
        setFound(await ipc.readWholeShop(importing, v.passphrase));
        return;
      }
      const restored = await ipc.importWholeShop(importing, v.passphrase);
      await qc.invalidateQueries();
      setImporting(null);
      setFound(null);
      restore.show(restored);
    } catch (e) {
      const p = toErrorPayload(e);
      // The passphrase is what was wrong: said at its field.
      if (p.code === "wrong_passphrase") importForm.setFields([{ name: "passphrase", errors: [p.message] }]);
      else showFormError(importForm, e, { passphrase: "passphrase" }, message);
    } finally {
      setBusy(false);
    }
  };

  const passphraseRules = [
    { required: true, message: t("data.passphraseShort", { min: LIMITS.passphraseMin }) },
    { min: LIMITS.passphraseMin, message: t("data.passphraseShort", { min: LIMITS.passphraseMin }) },
    lengthRule(t, LIMITS.passphraseMax),
  ];

  return (
    <Card title={t("data.move")} style={{ marginBottom: 20 }} data-testid="whole-shop">
      <Typography.Paragraph type="secondary">{t("data.moveHint")}</Typography.Paragraph>
      <Space wrap>
        <Button onClick={() => setExporting(true)} data-testid="export-shop">{t("data.export")}</Button>
        <Button onClick={() => void startImport()}>{t("data.import")}</Button>
      </Space>

      <Modal
        open={exporting}
        title={t("data.exportTitle")}
        onCancel={() => setExporting(false)}
        okText={t("data.exportOk")}
        cancelText={t("common.cancel")}
        confirmLoading={busy}
        onOk={() => exportForm.submit()}
        destroyOnHidden
      >
        <Form<ExportForm> form={exportForm} layout="vertical" requiredMark={false} onFinish={(v) => void doExport(v)}>
          <Form.Item name="passphrase" label={t("data.passphrase")} extra={t("data.passphraseHint")} rules={passphraseRules}>
            <Input.Password autoComplete="new-password" data-testid="export-passphrase" />
          </Form.Item>
          <Form.Item
            name="again"
            label={t("data.passphraseAgain")}
            dependencies={["passphrase"]}
            // Judged once typed, not at every key (a half-typed copy always differs).
            validateTrigger="onBlur"
            rules={[
              { required: true, message: t("data.passphraseMismatch") },
              ({ getFieldValue }) => ({
                validator: (_, value) =>
                  value === getFieldValue("passphrase") ? Promise.resolve() : Promise.reject(new Error(t("data.passphraseMismatch"))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" data-testid="export-passphrase-again" />
          </Form.Item>
        </Form>
      </Modal>

      <Modal
        open={importing !== null}
        title={t("data.importTitle")}
        onCancel={() => setImporting(null)}
        okText={found ? t("data.importOk") : t("data.importCheck")}
        okButtonProps={{ danger: !!found }}
        cancelText={t("common.cancel")}
        confirmLoading={busy}
        onOk={() => importForm.submit()}
        destroyOnHidden
      >
        <Typography.Paragraph code>{importing}</Typography.Paragraph>
        <Form form={importForm} layout="vertical" requiredMark={false} onFinish={(v) => void check(v)}>
          <Form.Item name="passphrase" label={t("data.importPassphrase")} rules={passphraseRules}>
            <Input.Password autoComplete="off" disabled={!!found} />
          </Form.Item>
        </Form>
        {found && (
          <Space direction="vertical">
            <Typography.Text strong>
              {t("data.importFound", { name: found.shop_name, when: dateTime(found.exported_at, lang), ...countsOf(found.counts) })}
            </Typography.Text>
            <Alert type="warning" showIcon message={t("data.importWarn")} />
          </Space>
        )}
      </Modal>
      {restore.outcome}
    </Card>
  );
}
