// Translation keys are typed from the English strings: t("a.missing.key") is
// a compile error, not an English fallback the owner sees by surprise.
import "i18next";
import type en from "./en";

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: { translation: typeof en };
    returnNull: false;
  }
}
