// The shop's fields, shared by the welcome screen and Settings.
import { AutoComplete, Form, Input, Radio } from "antd";
import { useTranslation } from "react-i18next";
import type { Lang } from "../bindings/Lang";
import type { FieldMap } from "../errors";
import en from "../i18n/en";
import { LANGS } from "../i18n";
import { LIMITS } from "../bindings/limits";
import { lengthRule, limited } from "./textLimit";
import { TimeZoneSelect } from "./TimeZoneSelect";

/** Backend field names -> form field names. */
export const SHOP_FIELDS: FieldMap = {
  shop_name: "name",
  brand: "brand",
  industry: "industry",
  time_zone: "time_zone",
  language: "language",
};

const INDUSTRY_KEYS = Object.keys(en.industries) as (keyof typeof en.industries)[];

/** The language picker, on its own so Settings can apply it the moment it is picked. */
export function LanguagePicker({ prefix, value, onChange }: { prefix: string; value?: Lang; onChange?: (l: Lang) => void }) {
  const { t } = useTranslation();
  return (
    <Radio.Group optionType="button" buttonStyle="solid" value={value} onChange={(e) => onChange?.(e.target.value as Lang)} aria-label={t("shop.language")}>
      {LANGS.map((l: Lang) => (
        <Radio.Button key={l} value={l}>
          <span data-testid={`${prefix}-language-${l === "zh-CN" ? "zh" : "en"}`} lang={l}>
            {t(`lang.${l}`)}
          </span>
        </Radio.Button>
      ))}
    </Radio.Group>
  );
}

export function ShopFields({ prefix, withLanguage = true }: { prefix: "welcome" | "settings"; withLanguage?: boolean }) {
  const { t } = useTranslation();
  const industries = INDUSTRY_KEYS.map((k) => ({ value: t(`industries.${k}`) }));
  return (
    <>
      <Form.Item name="name" label={t("shop.name")} rules={[{ required: true, whitespace: true, message: t("shop.nameRequired") }, lengthRule(t, LIMITS.shopName)]}>
        <Input data-testid={`${prefix}-shop-name`} placeholder={t("shop.namePlaceholder")} {...limited(LIMITS.shopName)} autoFocus={prefix === "welcome"} />
      </Form.Item>
      <Form.Item name="brand" label={t("shop.brand")} extra={t("shop.brandHelp")} rules={[lengthRule(t, LIMITS.brand)]}>
        <Input data-testid={`${prefix}-brand`} placeholder={t("shop.brandPlaceholder")} {...limited(LIMITS.brand)} />
      </Form.Item>
      <Form.Item name="industry" label={t("shop.industry")} rules={[lengthRule(t, LIMITS.industry)]}>
        <AutoComplete
          options={industries}
          filterOption={(input, option) => String(option?.value ?? "").toLowerCase().includes(input.toLowerCase())}
        >
          <Input data-testid={`${prefix}-industry`} placeholder={t("shop.industryPlaceholder")} {...limited(LIMITS.industry)} />
        </AutoComplete>
      </Form.Item>
      <Form.Item name="time_zone" label={t("shop.timeZone")}>
        <TimeZoneSelect placeholder={t("shop.timeZonePlaceholder")} testId={`${prefix}-time-zone`} />
      </Form.Item>
      {withLanguage && (
        <Form.Item name="language" label={t("shop.language")}>
          <LanguagePicker prefix={prefix} />
        </Form.Item>
      )}
    </>
  );
}
