// The imports so far, newest first, each with what it brought and its undo.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { App as AntApp, Button, Card, Empty, List, Popconfirm, Space, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { showError } from "../../errors";
import { dateTime } from "../../format";
import { ipc } from "../../ipc";
import { useLang } from "../../lang";
import { useShop } from "../../queries";

export function ImportHistory() {
  const { t } = useTranslation();
  const lang = useLang();
  const zone = useShop()?.time_zone;
  const { message } = AntApp.useApp();
  const client = useQueryClient();
  const imports = useQuery({ queryKey: ["imports", "list"], queryFn: () => ipc.listImports() });
  const undo = useMutation({
    mutationFn: (id: number) => ipc.undoImport(id),
    onSuccess: () => {
      void message.success(t("imports.undone"));
      for (const key of [["imports"], ["purchases"], ["members"], ["dashboard"]]) void client.invalidateQueries({ queryKey: key });
    },
    onError: (e) => showError(e, message),
  });
  return (
    <Card size="small" title={t("imports.history")}>
      {(imports.data ?? []).length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("imports.historyEmpty")} />
      ) : (
        <List
          size="small"
          dataSource={imports.data ?? []}
          data-testid="import-history"
          renderItem={(b) => (
            <List.Item
              data-testid={`import-batch-${b.id}`}
              actions={[
                b.undone_at ? (
                  <Tag key="undone">{t("imports.undoneOn", { date: dateTime(b.undone_at, lang, zone) })}</Tag>
                ) : (
                  <Popconfirm key="undo" title={t("imports.undoConfirm")} onConfirm={() => undo.mutate(Number(b.id))} okText={t("imports.undo")} cancelText={t("common.cancel")}>
                    <Button size="small" data-testid={`import-undo-${b.id}`}>{t("imports.undo")}</Button>
                  </Popconfirm>
                ),
              ]}
            >
              <Space direction="vertical" size={0}>
                <Typography.Text strong>{b.file_name}</Typography.Text>
                <Typography.Text type="secondary">
                  {dateTime(b.imported_at, lang, zone)} · {t("imports.historyLine", { new: b.new_rows, duplicates: b.duplicate_rows, errors: b.error_rows })}
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
