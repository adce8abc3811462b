// The log of exports of members' data: what left the laptop, when, how many
// rows, and whether phones were masked.
import { useQuery } from "@tanstack/react-query";
import { Card, Empty, Table, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { ExportRecord } from "../../bindings/ExportRecord";
import { dateTime } from "../../format";
import { ipc } from "../../ipc";
import { useLang } from "../../lang";
import { useShop } from "../../queries";

export function ExportLog() {
  const { t } = useTranslation();
  const lang = useLang();
  const zone = useShop()?.time_zone;
  const log = useQuery({ queryKey: ["exports"], queryFn: ipc.listExports });
  return (
    <Card title={t("settings.exports")} style={{ marginBottom: 20 }}>
      <Typography.Paragraph type="secondary">{t("settings.exportsHint")}</Typography.Paragraph>
      <Table<ExportRecord>
        size="small"
        rowKey="id"
        loading={log.isPending}
        dataSource={log.data ?? []}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("settings.exportsNone")} /> }}
        onRow={(r) => ({ "data-testid": `export-${r.id}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t("settings.exportWhen"), key: "when", render: (_: unknown, r: ExportRecord) => dateTime(r.exported_at, lang, zone) },
          { title: t("settings.exportWhat"), key: "what", render: (_: unknown, r: ExportRecord) => t(`settings.exportKinds.${r.kind}`) },
          { title: t("settings.exportRows"), key: "rows", align: "right", render: (_: unknown, r: ExportRecord) => r.rows },
          {
            title: t("settings.exportPhones"),
            key: "phones",
            render: (_: unknown, r: ExportRecord) => t(`settings.phones.${r.phones as "masked" | "full" | "none"}`),
          },
          { title: t("settings.exportFile"), key: "file", render: (_: unknown, r: ExportRecord) => r.file_name },
        ]}
      />
    </Card>
  );
}
