// A quiet, light-green note with an icon and an optional action: the theme's own
// info and success alerts come out too dark with the brand green as their base.
import { Typography } from "antd";
import { BRAND } from "../../theme";

type Props = {
  icon: React.ReactNode;
  title: React.ReactNode;
  description?: React.ReactNode;
  action?: React.ReactNode;
  style?: React.CSSProperties;
  "data-testid"?: string;
};

export function Hint({ icon, title, description, action, style, ...rest }: Props) {
  return (
    <div
      role="note"
      data-testid={rest["data-testid"]}
      style={{
        display: "flex",
        alignItems: description ? "flex-start" : "center",
        gap: 12,
        padding: description ? "14px 16px" : "9px 14px",
        background: "#f1f7f3",
        border: "1px solid #d5e8dc",
        borderRadius: 8,
        ...style,
      }}
    >
      <span aria-hidden style={{ color: BRAND, fontSize: description ? 18 : 15, lineHeight: description ? "22px" : "20px", flex: "none" }}>
        {icon}
      </span>
      <div style={{ flex: 1, minWidth: 0 }}>
        <Typography.Text strong={!!description}>{title}</Typography.Text>
        {description && (
          <Typography.Paragraph type="secondary" style={{ margin: "2px 0 0" }}>
            {description}
          </Typography.Paragraph>
        )}
      </div>
      {action && <div style={{ flex: "none", alignSelf: "center" }}>{action}</div>}
    </div>
  );
}
