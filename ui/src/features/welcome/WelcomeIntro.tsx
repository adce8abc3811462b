// The left half of the welcome: what ShopCircle is for, in three lines.
import { CheckCircleOutlined } from "@ant-design/icons";
import { Typography } from "antd";
import { useTranslation } from "react-i18next";
import { BRAND } from "../../theme";
import { Logo } from "../../components/Logo";

export function WelcomeIntro() {
  const { t } = useTranslation();
  const points = [t("welcome.point1"), t("welcome.point2"), t("welcome.point3")];
  return (
    <div
      style={{
        flex: "0 1 440px",
        background: `linear-gradient(160deg, ${BRAND} 0%, #1f5a41 100%)`,
        color: "#fff",
        padding: "56px 44px",
        display: "flex",
        flexDirection: "column",
        justifyContent: "center",
        gap: 20,
      }}
    >
      <Logo light size={44} />
      <Typography.Title level={1} style={{ color: "#fff", margin: 0, fontSize: 30 }}>
        {t("welcome.title")}
      </Typography.Title>
      <Typography.Paragraph style={{ color: "rgba(255,255,255,0.88)", fontSize: 16, margin: 0 }}>
        {t("welcome.lead")}
      </Typography.Paragraph>
      <ul style={{ listStyle: "none", padding: 0, margin: 0, display: "grid", gap: 12 }}>
        {points.map((p) => (
          <li key={p} style={{ display: "flex", gap: 10, alignItems: "flex-start", color: "rgba(255,255,255,0.92)" }}>
            <CheckCircleOutlined style={{ marginTop: 4 }} />
            <span>{p}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
