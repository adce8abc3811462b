// Members against capacity: amber from 90 %, red and "Over capacity" above 100 %,
// and WeChat's 200-member scan limit spelled out.
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
  const over = members > capacity;
  const warn = percent >= 90;
  const scanLimit = platform === "wechat_group" && members >= WECHAT_SCAN_LIMIT;
  return (
    <Space direction="vertical" size={2} style={{ width: "100%" }}>
      <div style={{ display: "flex", justifyContent: "space-between", fontSize: 13 }}>
        <Typography.Text type="secondary">{t("communities.members")}</Typography.Text>
        <Typography.Text strong style={{ color: over ? "#a8071a" : warn ? "#8a5300" : undefined }}>
          {t("communities.membersOf", { members, capacity })}
        </Typography.Text>
      </div>
      <Progress
        percent={percent}
        showInfo={false}
        size="small"
        strokeColor={over ? undefined : warn ? "#d48806" : undefined}
        status={over ? "exception" : undefined}
        aria-label={t("communities.membersOf", { members, capacity })}
      />
      {(scanLimit || warn) && (
        <Typography.Text style={{ fontSize: 12, color: over ? "#a8071a" : "#8a5300" }} data-testid="fill-warning">
          <WarningOutlined />{" "}
          {over ? t("communities.overCapacity") : scanLimit ? t("communities.wechatLimit") : t("communities.nearlyFull")}
        </Typography.Text>
      )}
    </Space>
  );
}
