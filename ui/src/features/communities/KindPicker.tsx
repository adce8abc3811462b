// The three kinds of community, with the method's playbook for the chosen one beside it.
import { BulbOutlined } from "@ant-design/icons";
import { Radio, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { Kind } from "../../bindings/Kind";
import { KINDS } from "./labels";

type Props = { value?: Kind; onChange?: (k: Kind) => void };

export function KindPicker({ value, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <div style={{ display: "grid", gap: 12 }}>
      <Radio.Group value={value} onChange={(e) => onChange?.(e.target.value as Kind)} optionType="button" buttonStyle="solid">
        {KINDS.map((k) => (
          <Radio.Button key={k} value={k}>
            <span data-testid={`community-kind-${k}`}>{t(`kind.${k}`)}</span>
          </Radio.Button>
        ))}
      </Radio.Group>
      {value && (
        <div
          data-testid="kind-playbook"
          style={{ background: "#f1f7f3", border: "1px solid #d5e8dc", borderRadius: 8, padding: "10px 14px", display: "flex", gap: 10 }}
        >
          <BulbOutlined style={{ color: "#2f7d5b", marginTop: 4 }} />
          <div>
            <Typography.Text strong>{t("form.playbook")}</Typography.Text>
            <Typography.Paragraph style={{ margin: 0 }}>{t(`playbook.${value}`)}</Typography.Paragraph>
          </div>
        </div>
      )}
    </div>
  );
}
