// Importing orders from a till's export: drop the file, read the preview (each
// row new, already in, a line item or an error, with why), untick what should
// stay out, import; the imports so far, each with its undo.
import { ArrowLeftOutlined, InboxOutlined } from "@ant-design/icons";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App as AntApp, Button, Card, Checkbox, Select, Space, Table, Tag, Typography, Upload } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Columns } from "../../bindings/Columns";
import type { ImportPreview } from "../../bindings/ImportPreview";
import type { PlannedRow } from "../../bindings/PlannedRow";
import type { RowOutcome } from "../../bindings/RowOutcome";
import type { TextEncoding } from "../../bindings/TextEncoding";
import { PageHeader } from "../../components/PageHeader";
import { showError } from "../../errors";
import { dateTime, money } from "../../format";
import { ipc } from "../../ipc";
import { useLang } from "../../lang";
import { useNav } from "../../nav";
import { useShop } from "../../queries";
import { fileToBase64 } from "../drainage/queries";
import { ColumnMapper } from "./ColumnMapper";
import { ImportHistory } from "./ImportHistory";

const OUTCOME_COLOR: Record<RowOutcome, string> = { new: "green", duplicate: "default", part: "blue", error: "red" };
const PRESETS = ["youzan_orders", "youzan_customers", "meituan_orders", "shopify_orders", "square_transactions", "generic"] as const;
const ENCODINGS: TextEncoding[] = ["utf8", "gb18030", "utf16"];

type Picked = { name: string; data: string };

export function ImportPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const zone = useShop()?.time_zone;
  const { go } = useNav();
  const { message } = AntApp.useApp();
  const client = useQueryClient();
  const [file, setFile] = useState<Picked | null>(null);
  const [preset, setPreset] = useState<string | null>(null);
  const [encoding, setEncoding] = useState<TextEncoding | null>(null);
  const [unticked, setUnticked] = useState<Set<number>>(new Set());
  // Columns the owner mapped by hand (the generic kind only).
  const [columns, setColumns] = useState<Columns | undefined>(undefined);
  const options = { preset, encoding, unticked: [...unticked], columns };
  const preview = useQuery({
    queryKey: ["imports", "preview", file?.name, file?.data.length, preset, encoding, columns],
    queryFn: () => ipc.previewImport(file!.name, file!.data, { preset, encoding, unticked: [], columns }),
    enabled: file !== null,
    retry: false,
  });
  const commit = useMutation({
    mutationFn: () => ipc.commitImport(file!.name, file!.data, options),
    onSuccess: (b) => {
      void message.success(t("imports.committed", { count: Number(b.new_rows) }));
      setFile(null);
      setUnticked(new Set());
      setColumns(undefined);
      for (const key of [["imports"], ["purchases"], ["members"], ["dashboard"]]) void client.invalidateQueries({ queryKey: key });
    },
    onError: (e) => showError(e, message),
  });
  const p: ImportPreview | undefined = preview.data;
  const chosen = p ? p.rows.filter((r) => r.outcome === "new" && !unticked.has(r.line)).length : 0;
  const toggle = (line: number, on: boolean) => {
    const next = new Set(unticked);
    if (on) next.delete(line);
    else next.add(line);
    setUnticked(next);
  };

  return (
    <div className="sc-page">
      <PageHeader
        title={t("imports.title")}
        description={t("imports.subtitle")}
        actions={
          <Button icon={<ArrowLeftOutlined />} onClick={() => go({ page: "members" })}>
            {t("imports.back")}
          </Button>
        }
      />
      <Space direction="vertical" size={16} style={{ width: "100%" }}>
        <div data-testid="import-file">
          <Upload.Dragger
            accept=".csv,.tsv,.txt,.xlsx,.xls"
            multiple={false}
            showUploadList={false}
            beforeUpload={(f) => {
              void fileToBase64(f).then((data) => {
                setUnticked(new Set());
                setFile({ name: f.name, data });
                setColumns(undefined);
              });
              return false;
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{file ? file.name : t("imports.drop")}</p>
            <p className="ant-upload-hint">{t("imports.dropHint")}</p>
          </Upload.Dragger>
        </div>
        {file && (
          <Space wrap size={12}>
            <Select<string | null>
              aria-label={t("imports.preset")}
              style={{ minWidth: 240 }}
              value={preset}
              onChange={setPreset}
              options={[{ value: null, label: t("imports.presetAuto") }, ...PRESETS.map((x) => ({ value: x, label: t(`imports.presets.${x}`) }))]}
              data-testid="import-preset"
            />
            <Select<TextEncoding | null>
              aria-label={t("imports.encoding")}
              style={{ minWidth: 240 }}
              value={encoding}
              onChange={setEncoding}
              options={[{ value: null, label: t("imports.encodingAuto") }, ...ENCODINGS.map((x) => ({ value: x, label: t(`imports.encodings.${x}`) }))]}
              data-testid="import-encoding"
              disabled={preview.data?.encoding === "workbook"}
            />
          </Space>
        )}
        {preview.isError && <Alert type="error" showIcon message={(preview.error as { message?: string }).message ?? String(preview.error)} data-testid="import-refused" />}
        {p && (
          <Card
            size="small"
            title={<span data-testid="import-summary">{t("imports.summary", { new: p.new, duplicates: p.duplicates, errors: p.errors })}</span>}
            extra={
              <Button type="primary" disabled={chosen === 0} loading={commit.isPending} onClick={() => commit.mutate()} data-testid="import-commit">
                {t("imports.commit", { count: chosen })}
              </Button>
            }
            styles={{ body: { padding: 0 } }}
          >
            <div style={{ padding: "8px 12px" }}>
              <Typography.Text type="secondary">{t("imports.layout", { encoding: t(`imports.encodings.${p.encoding}`), line: p.header_line, top: p.skipped_top, totals: p.totals.length })}</Typography.Text>
              {p.replaced > 0 && <Alert style={{ marginTop: 8 }} type="warning" showIcon message={t("imports.replaced", { count: p.replaced })} />}
              {p.imported_before && <Alert style={{ marginTop: 8 }} type="info" showIcon message={t("imports.before", { date: dateTime(p.imported_before, lang, zone) })} />}
            </div>
            {p.preset === "generic" && (
              <ColumnMapper
                headers={p.headers}
                columns={p.columns}
                unmapped={p.unmapped}
                mapped={p.mapped}
                onChange={(c) => {
                  setUnticked(new Set());
                  setColumns(c);
                }}
              />
            )}
            <Table<PlannedRow>
              size="small"
              rowKey="line"
              dataSource={p.rows}
              pagination={{ pageSize: 100, showSizeChanger: false, hideOnSinglePage: true }}
              scroll={{ x: 1100 }}
              data-testid="import-rows"
              onRow={(r) => ({ "data-testid": `import-row-${r.line}` }) as React.HTMLAttributes<HTMLElement>}
              columns={[
                {
                  title: <span className="sc-visually-hidden">{t("imports.colOutcome")}</span>,
                  key: "tick",
                  width: 44,
                  render: (_: unknown, r: PlannedRow) =>
                    r.outcome === "new" ? (
                      <Checkbox checked={!unticked.has(r.line)} onChange={(e) => toggle(r.line, e.target.checked)} aria-label={t("imports.tick", { line: r.line })} />
                    ) : null,
                },
                { title: t("imports.colLine"), dataIndex: "line", width: 64 },
                { title: t("imports.colOutcome"), key: "outcome", width: 110, render: (_: unknown, r: PlannedRow) => <Tag color={OUTCOME_COLOR[r.outcome]}>{t(`imports.outcomes.${r.outcome}`)}</Tag> },
                ...(p.target === "members"
                  ? [
                      { title: t("imports.colJoined"), key: "when", render: (_: unknown, r: PlannedRow) => (r.occurred_at ? dateTime(r.occurred_at, lang, zone) : "—") },
                      { title: t("imports.colMember"), key: "member", render: (_: unknown, r: PlannedRow) => r.member_name ?? "—" },
                      { title: t("imports.colPhone"), key: "phone", render: (_: unknown, r: PlannedRow) => r.phone_masked ?? "—" },
                      { title: t("imports.colDetails"), dataIndex: "items", ellipsis: true },
                    ]
                  : [
                    { title: t("imports.colOrder"), dataIndex: "order_id", ellipsis: true },
                    { title: t("imports.colWhen"), key: "when", render: (_: unknown, r: PlannedRow) => (r.occurred_at ? dateTime(r.occurred_at, lang, zone) : "—") },
                    { title: t("imports.colAmount"), key: "amount", align: "right" as const, render: (_: unknown, r: PlannedRow) => (r.amount_cents == null ? "—" : money(r.amount_cents)) },
                    { title: t("imports.colMember"), key: "member", render: (_: unknown, r: PlannedRow) => r.member_name ?? r.phone_masked ?? "—" },
                    { title: t("imports.colItems"), dataIndex: "items", ellipsis: true },
                    ]),
                { title: t("imports.colReason"), dataIndex: "reason", width: 260, render: (reason: string, r: PlannedRow) => <span style={{ color: r.outcome === "error" ? "#a8071a" : undefined }}>{reason}</span> },
              ]}
            />
          </Card>
        )}
        <ImportHistory />
      </Space>
    </div>
  );
}
