// The UI language lives here so the welcome screen and Settings can switch it at once.
import { createContext, useContext } from "react";
import { useTranslation } from "react-i18next";
import type { Lang } from "./bindings/Lang";

export const SetLangContext = createContext<(lang: Lang) => void>(() => {});

export function useSetLang() {
  return useContext(SetLangContext);
}

export function useLang(): Lang {
  const { i18n } = useTranslation();
  return i18n.language === "zh-CN" ? "zh-CN" : "en";
}
