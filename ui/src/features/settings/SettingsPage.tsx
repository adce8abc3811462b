// The shop's settings; saving a new language switches the whole UI at once.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { App as AntApp, Button, Card, Descriptions, Form, Typography } from "antd";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import type { AppInfo } from "../../bindings/AppInfo";
import type { ShopInput } from "../../bindings/ShopInput";
import { ShopFields, SHOP_FIELDS } from "../../components/ShopFields";
import { showFormError } from "../../errors";
import i18n from "../../i18n";
import { ipc } from "../../ipc";
import { useSetLang } from "../../lang";
import { keys, useAppInfo } from "../../queries";
import { AutostartSetting } from "./AutostartSetting";

export function SettingsPage() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const info = useAppInfo().data;
  const shop = info?.shop;
  const client = useQueryClient();
  const setLang = useSetLang();
  const [form] = Form.useForm<ShopInput>();

  const values = shop && { name: shop.name, brand: shop.brand, industry: shop.industry, time_zone: shop.time_zone, language: shop.language };
  useEffect(() => {
    if (values) form.setFieldsValue(values);
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

  const submit = (v: ShopInput) =>
    save.mutate({ name: v.name.trim(), brand: (v.brand ?? "").trim(), industry: (v.industry ?? "").trim(), time_zone: v.time_zone, language: v.language });

  return (
    <div className="sc-page" style={{ maxWidth: 820 }}>
      <div className="sc-page-head">
        <Typography.Title level={3} style={{ margin: 0 }}>{t("settings.title")}</Typography.Title>
      </div>
      <Card title={t("settings.shop")} style={{ marginBottom: 20 }}>
        <Form<ShopInput> form={form} layout="vertical" requiredMark={false} initialValues={values ?? undefined} onFinish={submit} style={{ maxWidth: 520 }}>
          <ShopFields prefix="settings" />
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="settings-save">
            {t("common.save")}
          </Button>
        </Form>
      </Card>
      <AutostartSetting />
      <Card title={t("settings.data")}>
        <Typography.Paragraph type="secondary">{t("settings.dataHint")}</Typography.Paragraph>
        <Descriptions column={1} size="small" styles={{ label: { width: 120 } }}>
          <Descriptions.Item label={t("settings.dataPath")}>
            <Typography.Text code copyable data-testid="settings-data-path">{info?.data_path}</Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t("settings.version")}>
            <span data-testid="settings-version">{info?.version}</span>
          </Descriptions.Item>
        </Descriptions>
      </Card>
    </div>
  );
}
