// First run: the shop's name, brand, industry, zone and language — or a sample shop.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { App as AntApp, Button, Card, Form, Space, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { AppInfo } from "../../bindings/AppInfo";
import type { Shop } from "../../bindings/Shop";
import type { ShopInput } from "../../bindings/ShopInput";
import { ShopFields, SHOP_FIELDS } from "../../components/ShopFields";
import { showError, showFormError } from "../../errors";
import { ipc } from "../../ipc";
import { useSetLang } from "../../lang";
import { keys } from "../../queries";
import { WelcomeIntro } from "./WelcomeIntro";

export function Welcome({ info }: { info: AppInfo }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const setLang = useSetLang();
  const client = useQueryClient();
  const [form] = Form.useForm<ShopInput>();

  const done = (shop: Shop) => {
    setLang(shop.language);
    client.setQueryData<AppInfo>(keys.appInfo, (old) => (old ? { ...old, shop } : old));
    void client.invalidateQueries({ queryKey: keys.appInfo });
  };
  const start = useMutation({
    mutationFn: (input: ShopInput) => ipc.setUpShop(input),
    onSuccess: done,
    onError: (e) => showFormError(form, e, SHOP_FIELDS, message),
  });
  const sample = useMutation({
    mutationFn: () => ipc.createSampleShop(form.getFieldValue("language"), form.getFieldValue("time_zone")),
    onSuccess: done,
    onError: (e) => showError(e, message),
  });

  const submit = (v: ShopInput) =>
    start.mutate({
      name: v.name.trim(),
      brand: (v.brand ?? "").trim(),
      industry: (v.industry ?? "").trim(),
      time_zone: v.time_zone,
      language: v.language,
    });

  return (
    <div style={{ minHeight: "100vh", display: "flex", background: "#f5f6f2" }}>
      <WelcomeIntro />
      <div style={{ flex: "1 1 560px", display: "flex", alignItems: "center", justifyContent: "center", padding: "32px 24px", overflow: "auto" }}>
        <Card style={{ width: "100%", maxWidth: 480 }} styles={{ body: { padding: 28 } }}>
          <Typography.Title level={4} style={{ marginTop: 0 }}>
            {t("welcome.formTitle")}
          </Typography.Title>
          <Form<ShopInput>
            form={form}
            layout="vertical"
            requiredMark={false}
            initialValues={{ name: "", brand: "", industry: "", time_zone: info.system_time_zone, language: info.system_language }}
            onValuesChange={(changed: Partial<ShopInput>) => changed.language && setLang(changed.language)}
            onFinish={submit}
          >
            <ShopFields prefix="welcome" />
            <Space direction="vertical" style={{ width: "100%" }} size={8}>
              <Button type="primary" size="large" block htmlType="submit" loading={start.isPending} data-testid="welcome-start">
                {t("welcome.start")}
              </Button>
              <Button size="large" block onClick={() => sample.mutate()} loading={sample.isPending} data-testid="welcome-sample">
                {t("welcome.sample")}
              </Button>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t("welcome.sampleHint")}
              </Typography.Text>
            </Space>
          </Form>
        </Card>
      </div>
    </div>
  );
}
