// "Save as" PDF, PNG (at a resolution the owner picks) or SVG; each opens the
// system's save dialog.
import { DownloadOutlined } from "@ant-design/icons";
import { Button, Input, Space, Tooltip } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { OutputFormat } from "../../bindings/OutputFormat";
import { readNumber } from "../../numbers";

/** The print crate's resolution range (shopcircle_print::render). */
const DPI_MIN = 72;
const DPI_MAX = 600;

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
  // The text as typed: a resolution out of range is refused, never replaced.
  const [dpiText, setDpiText] = useState("300");
  const dpi = readNumber(dpiText);
  const dpiOk = dpi !== null && Number.isInteger(dpi) && dpi >= DPI_MIN && dpi <= DPI_MAX;
  return (
    <Space.Compact role="group" aria-label={t("posters.exportTitle")}>
      {FORMATS.map((f) => (
        <Tooltip key={f} title={t(HINT[f])}>
          <Button
            icon={<DownloadOutlined />}
            loading={exporting === f}
            disabled={(disabled || !dpiOk) && exporting !== f}
            onClick={() => dpiOk && onExport(f, dpi)}
            data-testid={`poster-export-${f}`}
          >
            {t(LABEL[f])}
          </Button>
        </Tooltip>
      ))}
      <Tooltip title={dpiOk ? t("posters.dpi") : t("numbers.range", { min: DPI_MIN, max: DPI_MAX })} open={dpiOk ? undefined : true}>
        <Input
          value={dpiText}
          onChange={(e) => setDpiText(e.target.value)}
          inputMode="numeric"
          status={dpiOk ? undefined : "error"}
          suffix={t("posters.dpiUnit")}
          aria-label={t("posters.dpi")}
          style={{ width: 130 }}
          data-testid="poster-dpi"
        />
      </Tooltip>
    </Space.Compact>
  );
}
