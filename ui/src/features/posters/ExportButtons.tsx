// "Save as" PDF, PNG (at a resolution the owner picks) or SVG; each opens the
// system's save dialog.
import { DownloadOutlined } from "@ant-design/icons";
import { Button, InputNumber, Space, Tooltip } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { OutputFormat } from "../../bindings/OutputFormat";

const FORMATS: OutputFormat[] = ["pdf", "png", "svg"];
const LABEL = { pdf: "posters.exportPdf", png: "posters.exportPng", svg: "posters.exportSvg" } as const;
const HINT = { pdf: "posters.exportPdfHint", png: "posters.exportPngHint", svg: "posters.exportSvgHint" } as const;

type Props = {
  onExport: (format: OutputFormat, dpi: number) => void;
  exporting: OutputFormat | undefined;
  disabled: boolean;
};

export function ExportButtons({ onExport, exporting, disabled }: Props) {
  const { t } = useTranslation();
  const [dpi, setDpi] = useState(300);
  return (
    <Space.Compact role="group" aria-label={t("posters.exportTitle")}>
      {FORMATS.map((f) => (
        <Tooltip key={f} title={t(HINT[f])}>
          <Button
            icon={<DownloadOutlined />}
            loading={exporting === f}
            disabled={disabled && exporting !== f}
            onClick={() => onExport(f, dpi)}
            data-testid={`poster-export-${f}`}
          >
            {t(LABEL[f])}
          </Button>
        </Tooltip>
      ))}
      <Tooltip title={t("posters.dpi")}>
        <InputNumber<number>
          min={72}
          max={600}
          step={50}
          value={dpi}
          onChange={(v) => setDpi(v ?? 300)}
          addonAfter={t("posters.dpiUnit")}
          aria-label={t("posters.dpi")}
          style={{ width: 130 }}
          data-testid="poster-dpi"
        />
      </Tooltip>
    </Space.Compact>
  );
}
