// What will print, drawn by the same code that makes the files, on a grey desk;
// below it, the ways to save it as a file.
import { DownloadOutlined } from "@ant-design/icons";
import type { UseQueryResult } from "@tanstack/react-query";
import { Alert, Button, Card, InputNumber, Space, Spin, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { OutputFormat } from "../../bindings/OutputFormat";
import type { PosterPreview } from "../../bindings/PosterPreview";
import { toMessage } from "../../errors";

const FORMATS: OutputFormat[] = ["pdf", "png", "svg"];

type Props = {
  preview: UseQueryResult<PosterPreview>;
  onExport: (format: OutputFormat, dpi: number) => void;
  exporting: OutputFormat | undefined;
  disabled: boolean;
};

export function PreviewPane({ preview, onExport, exporting, disabled }: Props) {
  const { t } = useTranslation();
  const [dpi, setDpi] = useState(300);
  const shown = preview.data;
  return (
    <Card
      title={t("posters.preview")}
      extra={shown && <Typography.Text type="secondary">{t("posters.paper", { width: shown.width_mm, height: shown.height_mm })}</Typography.Text>}
      style={{ position: "sticky", top: 16 }}
      styles={{ body: { padding: 0 } }}
    >
      {preview.isError && (
        <Alert type="error" showIcon banner message={toMessage(preview.error)} data-testid="poster-preview-error" />
      )}
      <div style={{ background: "#e4e6e1", padding: 20, display: "flex", justifyContent: "center", minHeight: 360, position: "relative" }}>
        {shown ? (
          <img
            src={shown.image}
            alt={t("posters.preview")}
            data-testid="poster-preview"
            style={{
              display: "block",
              maxWidth: "100%",
              maxHeight: "calc(100vh - 300px)",
              minHeight: 320,
              objectFit: "contain",
              boxShadow: "0 2px 10px rgba(0,0,0,0.18)",
              background: "#fff",
              opacity: preview.isError ? 0.35 : 1,
              transition: "opacity 0.2s",
            }}
          />
        ) : (
          !preview.isError && <Spin style={{ alignSelf: "center" }} />
        )}
        {shown && preview.isFetching && <Spin size="small" style={{ position: "absolute", top: 10, right: 10 }} />}
      </div>
      <div style={{ padding: "12px 16px 16px" }}>
        {shown && (
          <Typography.Paragraph type="secondary" style={{ marginBottom: 12, fontSize: 12 }} ellipsis>
            {t("posters.carries")}: <Typography.Text code data-testid="poster-preview-payload">{shown.payload}</Typography.Text>
          </Typography.Paragraph>
        )}
        <Space wrap size={[8, 8]} align="center">
          <Typography.Text strong>{t("posters.exportTitle")}</Typography.Text>
          {FORMATS.map((f) => (
            <Button
              key={f}
              icon={<DownloadOutlined />}
              loading={exporting === f}
              disabled={disabled && exporting !== f}
              onClick={() => onExport(f, dpi)}
              data-testid={`poster-export-${f}`}
            >
              {t(`posters.export${f[0].toUpperCase()}${f.slice(1)}` as "posters.exportPdf")}
            </Button>
          ))}
          <Space size={4} align="center">
            <Typography.Text type="secondary">{t("posters.dpi")}</Typography.Text>
            <InputNumber<number>
              size="small"
              min={72}
              max={600}
              step={50}
              value={dpi}
              onChange={(v) => setDpi(v ?? 300)}
              addonAfter={t("posters.dpiUnit")}
              style={{ width: 120 }}
              data-testid="poster-dpi"
            />
          </Space>
        </Space>
      </div>
    </Card>
  );
}
