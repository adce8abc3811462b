// The look: calm, warm tea green, system CJK fonts (no remote fonts: the CSP forbids them).
import type { ThemeConfig } from "antd";

export const FONT_FAMILY =
  '-apple-system, BlinkMacSystemFont, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif';

export const BRAND = "#2f7d5b";

export const theme: ThemeConfig = {
  token: {
    colorPrimary: BRAND,
    colorInfo: BRAND,
    colorSuccess: "#3f9a52",
    colorWarning: "#d48806",
    colorError: "#c8463c",
    colorBgLayout: "#f5f6f2",
    borderRadius: 8,
    fontFamily: FONT_FAMILY,
    fontSize: 14,
  },
  components: {
    Layout: { siderBg: "#ffffff", headerBg: "#ffffff", bodyBg: "#f5f6f2" },
    Menu: { itemSelectedBg: "#e6f2ec", itemSelectedColor: BRAND, itemBorderRadius: 8 },
    Card: { borderRadiusLG: 12 },
  },
};
