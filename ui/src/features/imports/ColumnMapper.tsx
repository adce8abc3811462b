// Mapping a generic file's columns by hand: which header holds the date, the
// amount, the order number… The core plans the rows with it, and saves it for
// the file's header row when the import is committed.
import { Alert, Select, Space, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { Columns } from "../../bindings/Columns";

const FIELDS = ["occurred_at", "amount", "order_id", "refunded", "phone", "name", "items"] as const;

type Props = { headers: string[]; columns: Columns; unmapped: boolean; mapped: boolean; onChange: (c: Columns) => void };

export function ColumnMapper({ headers, columns, unmapped, mapped, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <div style={{ padding: "8px 12px" }} data-testid="import-mapper">
      {unmapped && <Alert type="warning" showIcon style={{ marginBottom: 8 }} message={t("imports.unmapped")} />}
      <Typography.Text type="secondary" style={{ display: "block", marginBottom: 8 }}>
        {mapped && !unmapped ? t("imports.mappedSaved") : t("imports.mapHint")}
      </Typography.Text>
      <Space wrap size={[12, 8]}>
        {FIELDS.map((f) => (
          <Space key={f} direction="vertical" size={2}>
            <Typography.Text id={`map-${f}`}>{t(`imports.fields.${f}`)}</Typography.Text>
            <Select<number | null>
              aria-labelledby={`map-${f}`}
              style={{ minWidth: 160 }}
              value={columns[f] ?? null}
              onChange={(v) => onChange({ ...columns, [f]: v })}
              options={[{ value: null, label: t("imports.noColumn") }, ...headers.map((h, i) => ({ value: i, label: h || t("imports.columnN", { n: i + 1 }) }))]}
              data-testid={`map-${f}`}
            />
          </Space>
        ))}
      </Space>
    </div>
  );
}
