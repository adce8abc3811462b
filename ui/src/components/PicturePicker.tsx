// An optional picture attached to a record (a content item's image, a
// product's photo): preview, choose, change, remove or keep. The file is
// checked here as the core checks it (PNG or JPEG, the core's size limit) and
// sent with the record's own save, so the words and the picture are saved
// together or not at all.
import { DeleteOutlined, PictureOutlined, UndoOutlined } from "@ant-design/icons";
import { Button, Form, Space, Typography } from "antd";
import { useRef } from "react";
import { useTranslation } from "react-i18next";
import { LIMITS } from "../bindings/limits";
import { toErrorPayload } from "../ipc";
import { fileToBase64 } from "../features/drainage/queries";

/** What happens to the picture on save. */
export type PictureChange = { kind: "keep" } | { kind: "set"; base64: string; type: string; name: string } | { kind: "remove" };

const TYPES = ["image/png", "image/jpeg"];
const MAX_MB = LIMITS.pictureMaxBytes / 1024 / 1024;

type Props = {
  label: string;
  change: PictureChange;
  onChange: (c: PictureChange) => void;
  /** The saved picture as a data: URL, once loaded. */
  stored: string | null | undefined;
  hasStored: boolean;
  error: string | null;
  onError: (message: string | null) => void;
  /** Prefix of the test ids: `${testId}-pick`, `-remove`, `-keep`, `-preview`, `-state`, and the file input itself. */
  testId: string;
};

export function PicturePicker({ label, change, onChange, stored, hasStored, error, onError, testId }: Props) {
  const { t } = useTranslation();
  const file = useRef<HTMLInputElement>(null);

  const onFile = (f: File) => {
    onError(null);
    if (!TYPES.includes(f.type)) {
      onError(t("picture.type"));
      return;
    }
    if (f.size > LIMITS.pictureMaxBytes) {
      onError(t("picture.tooLarge", { size: (f.size / 1024 / 1024).toFixed(1), max: MAX_MB }));
      return;
    }
    fileToBase64(f).then(
      (base64) => onChange({ kind: "set", base64, type: f.type, name: f.name }),
      (e) => onError(toErrorPayload(e).message),
    );
  };

  const preview = change.kind === "set" ? `data:${change.type};base64,${change.base64}` : change.kind === "keep" && hasStored ? stored : null;
  const state = change.kind === "set" ? t("picture.new", { name: change.name }) : change.kind === "remove" ? t("picture.willGo") : null;

  return (
    <Form.Item label={label} validateStatus={error ? "error" : undefined} help={error ?? t("picture.hint", { max: MAX_MB })} data-testid={`${testId}-field`}>
      <div style={{ display: "flex", gap: 12, alignItems: "flex-start", flexWrap: "wrap" }}>
        {preview && (
          <img src={preview} alt={label} data-testid={`${testId}-preview`} style={{ width: 120, height: 90, objectFit: "cover", borderRadius: 8, border: "1px solid #e6e8e1" }} />
        )}
        <Space direction="vertical" size={6}>
          <Space wrap>
            <Button icon={<PictureOutlined />} onClick={() => file.current?.click()} data-testid={`${testId}-pick`}>
              {preview ? t("picture.change") : t("picture.pick")}
            </Button>
            {(change.kind === "set" || (change.kind === "keep" && hasStored)) && (
              <Button
                danger
                type="text"
                icon={<DeleteOutlined />}
                onClick={() => {
                  onChange(hasStored ? { kind: "remove" } : { kind: "keep" });
                  onError(null);
                }}
                data-testid={`${testId}-remove`}
              >
                {t("picture.remove")}
              </Button>
            )}
            {change.kind === "remove" && (
              <Button type="text" icon={<UndoOutlined />} onClick={() => onChange({ kind: "keep" })} data-testid={`${testId}-keep`}>
                {t("picture.keep")}
              </Button>
            )}
          </Space>
          {state && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid={`${testId}-state`}>
              {state}
            </Typography.Text>
          )}
        </Space>
      </div>
      <input
        ref={file}
        type="file"
        accept="image/png,image/jpeg"
        hidden
        data-testid={testId}
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = "";
          if (f) onFile(f);
        }}
      />
    </Form.Item>
  );
}
