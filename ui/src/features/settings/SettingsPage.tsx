// The shop's settings. The language applies (and is saved) the moment it is
// picked; the shop's other fields are saved together with Save.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { App as AntApp, Button, Card, Form, Typography } from "antd";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import type { AppInfo } from "../../bindings/AppInfo";
import type { ShopInput } from "../../bindings/ShopInput";
import { LanguagePicker, ShopFields, SHOP_FIELDS } from "../../components/ShopFields";
import type { Lang } from "../../bindings/Lang";
import { showFormError } from "../../errors";
import i18n from "../../i18n";
import { ipc } from "../../ipc";
import { useSetLang } from "../../lang";
import { keys, useAppInfo } from "../../queries";
import { AutostartSetting } from "./AutostartSetting";
import { AboutCard } from "../data/AboutCard";
import { DataSettings } from "../data/DataSettings";
import { WholeShop } from "../data/WholeShop";
import { ExportLog } from "./ExportLog";
import { CostPolicySetting } from "./CostPolicySetting";
import { PageHeader } from "../../components/PageHeader";

export function SettingsPage() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const shop = useAppInfo().data?.shop;
  const client = useQueryClient();
  const setLang = useSetLang();
  const [form] = Form.useForm<ShopInput>();

  const values = shop && { name: shop.name, brand: shop.brand, industry: shop.industry, time_zone: shop.time_zone, language: shop.language };
  useEffect(() => {
    // Edits in progress are kept when the shop changes under them (a language pick).
    if (values && !form.isFieldsTouched()) form.setFieldsValue(values);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [shop, form]);

  const save = useMutation({
    mutationFn: (input: ShopInput) => ipc.updateShop(input),
    onSuccess: (saved) => {
      client.setQueryData<AppInfo>(keys.appInfo, (old) => (old ? { ...old, shop: saved } : old));
      setLang(saved.language);
      // Rule templates and staff warnings depend on the language and the brand.
      void client.invalidateQueries({ queryKey: keys.staffAll });
      void message.success(i18n.t("settings.saved"));
    },
    onError: (e) => showFormError(form, e, SHOP_FIELDS, message),
  });

  // The language is saved with the shop as stored, so unsaved edits in the
  // form above are neither saved nor lost by picking a language.
  const language = useMutation({
    mutationFn: (l: Lang) =>
      ipc.updateShop({ name: shop!.name, brand: shop!.brand, industry: shop!.industry, time_zone: shop!.time_zone, language: l }),
    onSuccess: (saved) => {
      client.setQueryData<AppInfo>(keys.appInfo, (old) => (old ? { ...old, shop: saved } : old));
      setLang(saved.language);
      void client.invalidateQueries({ queryKey: keys.staffAll });
    },
    onError: (e) => showFormError(null, e, {}, message),
  });

  const submit = (v: ShopInput) =>
    save.mutate({
      name: v.name.trim(),
      brand: (v.brand ?? "").trim(),
      industry: (v.industry ?? "").trim(),
      time_zone: v.time_zone,
      language: shop?.language ?? v.language,
    });

  return (
    <div className="sc-page">
      <PageHeader title={t("settings.title")} description={t("settings.subtitle")} />
      <div style={{ maxWidth: 820 }}>
      <Card title={t("settings.shop")} style={{ marginBottom: 20 }}>
        <Form<ShopInput> form={form} layout="vertical" requiredMark={false} initialValues={values ?? undefined} onFinish={submit} style={{ maxWidth: 520 }}>
          <ShopFields prefix="settings" withLanguage={false} />
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="settings-save">
            {t("common.save")}
          </Button>
        </Form>
      </Card>
      <Card title={t("shop.language")} style={{ marginBottom: 20 }}>
        <LanguagePicker prefix="settings" value={shop?.language} onChange={(l) => language.mutate(l)} />
        <Typography.Paragraph type="secondary" style={{ margin: "8px 0 0" }}>
          {t("settings.languageHint")}
        </Typography.Paragraph>
      </Card>
      <DataSettings />
      <WholeShop />
      <AutostartSetting />
      <CostPolicySetting />
      <ExportLog />
      <AboutCard />
      </div>
    </div>
  );
}
