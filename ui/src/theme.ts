// The look: calm, warm tea green, system CJK fonts (no remote fonts: the CSP forbids them).
import type { ThemeConfig } from "antd";

export const FONT_FAMILY =
  '-apple-system, BlinkMacSystemFont, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif';

export const BRAND = "#2f7d5b";
/** The brand green darkened for text on light green (6.4 : 1 on the selected menu item). */
export const BRAND_DARK = "#1f5e43";

export const theme: ThemeConfig = {
  token: {
    colorPrimary: BRAND,
    // antd derives a lighter hover (#4a8a6c, 4.1 : 1 under white text); a
    // primary button darkens instead, staying readable under the pointer.
    colorPrimaryHover: BRAND_DARK,
    colorPrimaryActive: "#174a35",
    colorInfo: BRAND,
    // Status colours are also text colours (Typography, tags, alerts): each is
    // dark enough for 4.5 : 1 on white and on its own light background.
    colorSuccess: "#2b7a3b",
    colorWarning: "#9a5c00",
    colorError: "#b3372e",
    // Their light backgrounds, set rather than derived (from these dark seeds
    // antd would derive greyish ones).
    colorSuccessBg: "#f0f8f1",
    colorSuccessBorder: "#b7dcbf",
    colorWarningBg: "#fff8e6",
    colorWarningBorder: "#f5d58a",
    colorErrorBg: "#fff1f0",
    // Info is the brand green; from it antd would derive a heavy grey-green background.
    colorInfoBg: "#eef6f1",
    colorInfoBorder: "#b9d9c8",
    colorErrorBorder: "#f3b8b2",
    // antd's greys (45 % black) are about 3.4 : 1; these are 5.7 : 1 and up.
    colorTextSecondary: "rgba(0, 0, 0, 0.65)",
    colorTextTertiary: "rgba(0, 0, 0, 0.6)",
    colorTextDescription: "rgba(0, 0, 0, 0.65)",
    colorTextPlaceholder: "rgba(0, 0, 0, 0.56)",
    colorLink: BRAND_DARK,
    colorLinkHover: BRAND,
    colorBgLayout: "#f5f6f2",
    borderRadius: 8,
    fontFamily: FONT_FAMILY,
    fontSize: 14,
  },
  components: {
    Layout: { siderBg: "#ffffff", headerBg: "#ffffff", bodyBg: "#f5f6f2" },
    Menu: { itemSelectedBg: "#e6f2ec", itemSelectedColor: BRAND_DARK, itemBorderRadius: 8 },
    Card: { borderRadiusLG: 12 },
  },
};
