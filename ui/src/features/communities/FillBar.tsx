// Members against capacity: amber from 90 %, and WeChat's 200-member scan limit spelled out.
import { WarningOutlined } from "@ant-design/icons";
import { Progress, Space, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { Community } from "../../bindings/Community";
import { WECHAT_SCAN_LIMIT } from "./labels";

export function FillBar({ community }: { community: Community }) {
  const { t } = useTranslation();
  const { members, capacity, platform } = community;
  if (members === null) {
    return <Typography.Text type="secondary">{t("communities.noCount")}</Typography.Text>;
  }
  const percent = capacity > 0 ? Math.min(100, Math.round((members / capacity) * 100)) : 0;
  const warn = percent >= 90;
  const scanLimit = platform === "wechat_group" && members >= WECHAT_SCAN_LIMIT;
  return (
    <Space direction="vertical" size={2} style={{ width: "100%" }}>
      <div style={{ display: "flex", justifyContent: "space-between", fontSize: 13 }}>
        <Typography.Text type="secondary">{t("communities.members")}</Typography.Text>
        <Typography.Text strong style={{ color: warn ? "#d48806" : undefined }}>
          {t("communities.membersOf", { members, capacity })}
        </Typography.Text>
      </div>
      <Progress
        percent={percent}
        showInfo={false}
        size="small"
        strokeColor={warn ? "#d48806" : undefined}
        aria-label={`${members} / ${capacity}`}
      />
      {(scanLimit || warn) && (
        <Typography.Text style={{ fontSize: 12, color: "#ad6800" }}>
          <WarningOutlined /> {scanLimit ? t("communities.wechatLimit") : t("communities.nearlyFull")}
        </Typography.Text>
      )}
    </Space>
  );
}
