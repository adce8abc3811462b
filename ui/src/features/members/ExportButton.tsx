// Exporting the member list (with its filters) or the sales as CSV: phones
// masked unless the owner unticks it; every export lands in Settings' log.
import { DownloadOutlined } from "@ant-design/icons";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { App as AntApp, Button, Checkbox, Modal, Radio, Space, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { MemberFilter } from "../../bindings/MemberFilter";
import { showError } from "../../errors";
import { ipc } from "../../ipc";

type What = "members" | "purchases";

export function ExportButton({ filter }: { filter: MemberFilter }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const [what, setWhat] = useState<What>("members");
  const [mask, setMask] = useState(true);
  const save = useMutation({
    mutationFn: () =>
      what === "members"
        ? ipc.exportMembersCsv({ ...filter, offset: undefined, limit: undefined }, mask)
        : ipc.exportPurchasesCsv({ from: "", to: "" }, mask),
    onSuccess: (path) => {
      if (!path) return;
      void message.success(t("members.exported", { path }));
      void client.invalidateQueries({ queryKey: ["exports"] });
      setOpen(false);
    },
    onError: (e) => showError(e, message),
  });
  return (
    <>
      <Button icon={<DownloadOutlined />} onClick={() => setOpen(true)} data-testid="member-export-csv">
        {t("members.exportCsv")}
      </Button>
      <Modal
        open={open}
        title={t("members.exportCsvTitle")}
        onCancel={() => setOpen(false)}
        onOk={() => save.mutate()}
        okText={t("members.exportCsvOk")}
        cancelText={t("common.cancel")}
        okButtonProps={{ loading: save.isPending }}
        destroyOnHidden
      >
        <Space direction="vertical" size={12}>
          <Radio.Group value={what} onChange={(e) => setWhat(e.target.value as What)} aria-label={t("members.exportWhat")}>
            <Space direction="vertical">
              <Radio value="members" data-testid="export-members">{t("members.exportMembers")}</Radio>
              <Radio value="purchases" data-testid="export-purchases">{t("members.exportPurchases")}</Radio>
            </Space>
          </Radio.Group>
          <Checkbox checked={mask} onChange={(e) => setMask(e.target.checked)} data-testid="export-mask">
            {t("members.exportMask")}
          </Checkbox>
          <Typography.Text type="secondary">{t("members.exportHint")}</Typography.Text>
        </Space>
      </Modal>
    </>
  );
}
