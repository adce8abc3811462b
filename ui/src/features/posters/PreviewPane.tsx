// What will print, drawn by the same code that makes the files, on a grey desk.
import type { UseQueryResult } from "@tanstack/react-query";
import { Alert, Card, Spin, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { PosterPreview } from "../../bindings/PosterPreview";
import { toMessage } from "../../errors";

type Props = {
  preview: UseQueryResult<PosterPreview>;
  /** The preview was drawn from what the form holds now (the owner stopped typing). */
  current: boolean;
};

export function PreviewPane({ preview, current }: Props) {
  const { t } = useTranslation();
  const shown = preview.data;
  return (
    <Card
      title={
        <span>
          {t("posters.preview")}{" "}
          <Typography.Text type="secondary" style={{ fontWeight: "normal", fontSize: 13 }}>
            {t("posters.previewHint")}
          </Typography.Text>
        </span>
      }
      extra={shown && <Typography.Text type="secondary">{t("posters.paper", { width: shown.width_mm, height: shown.height_mm })}</Typography.Text>}
      style={{ position: "sticky", top: 16 }}
      styles={{ body: { padding: 0 } }}
    >
      {preview.isError && (
        <Alert type="error" showIcon banner message={toMessage(preview.error)} data-testid="poster-preview-error" />
      )}
      <div style={{ background: "#e4e6e1", padding: 16, display: "flex", justifyContent: "center", minHeight: 340, position: "relative" }}>
        {shown ? (
          <img
            src={shown.image}
            alt={t("posters.preview")}
            data-testid="poster-preview"
            data-current={current && !preview.isFetching && !preview.isPlaceholderData}
            style={{
              display: "block",
              maxWidth: "100%",
              maxHeight: "calc(100vh - 330px)",
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
        {shown && (preview.isFetching || !current) && <Spin size="small" style={{ position: "absolute", top: 10, right: 10 }} />}
      </div>
      {shown && (
        <div style={{ display: "flex", gap: 6, alignItems: "baseline", padding: "10px 16px", fontSize: 12 }}>
          <Typography.Text type="secondary" style={{ flex: "none", fontSize: 12 }}>
            {t("posters.carries")}
          </Typography.Text>
          <Typography.Text code ellipsis={{ tooltip: shown.payload }} style={{ minWidth: 0, fontSize: 12 }} data-testid="poster-preview-payload">
            {shown.payload}
          </Typography.Text>
        </div>
      )}
    </Card>
  );
}
