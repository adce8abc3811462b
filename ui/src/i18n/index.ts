// i18next set up once; applyLanguage switches the strings, dayjs, the page title and <html lang>.
import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import dayjs from "dayjs";
import "dayjs/locale/zh-cn";
import enUS from "antd/locale/en_US";
import zhCN from "antd/locale/zh_CN";
import type { Locale } from "antd/es/locale";
import type { Lang } from "../bindings/Lang";
import en from "./en";
import zh from "./zh-CN";

export const LANGS: Lang[] = ["zh-CN", "en"];

void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, "zh-CN": { translation: zh } },
  lng: "en",
  fallbackLng: "en",
  interpolation: { escapeValue: false },
  returnNull: false,
});

export function antdLocale(lang: Lang): Locale {
  return lang === "zh-CN" ? zhCN : enUS;
}

export function applyLanguage(lang: Lang): void {
  void i18n.changeLanguage(lang);
  dayjs.locale(lang === "zh-CN" ? "zh-cn" : "en");
  document.documentElement.lang = lang;
  document.title = i18n.t("app.title");
}

export default i18n;
