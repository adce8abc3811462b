// The designer's form: template, the words, the shop's details, logo and colour.
// Limits live in the core; its messages land beside the box that broke them.
import { DeleteOutlined, PictureOutlined } from "@ant-design/icons";
import { App as AntApp, Button, Card, ColorPicker, Form, type FormInstance, Input, Space, Typography } from "antd";
import type { Color } from "antd/es/color-picker";
import { useCallback, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { TFunction } from "i18next";
import { LIMITS } from "../../bindings/limits";
import type { PosterInput } from "../../bindings/PosterInput";
import { lengthRule, limited } from "../../components/textLimit";
import type { FieldMap } from "../../errors";
import { showError } from "../../errors";
import { fileToBase64 } from "../drainage/queries";
import type { LogoState } from "./queries";
import { TemplatePicker } from "./TemplatePicker";

export const POSTER_FIELDS: FieldMap = {
  template: "template",
  headline: "headline",
  subline: "subline",
  gift: "gift",
  address: "address",
  hours: "hours",
  color: "brand_color",
};

/** Colours that print well on a home printer and read well behind white text. */
const PRESETS = ["#2f7d5b", "#1f5fa8", "#b23a3a", "#c8641e", "#7a4fa0", "#a67c1a", "#333333"];

/** The form and its current values, which the preview follows. */
export function usePosterForm(initial: PosterInput) {
  const [form] = Form.useForm<PosterInput>();
  const [values, setValues] = useState<PosterInput>(initial);
  const onValuesChange = useCallback((_: unknown, all: PosterInput) => setValues({ ...all }), []);
  return { form, values, onValuesChange };
}

type Props = {
  form: FormInstance<PosterInput>;
  initial: PosterInput;
  onValuesChange: (changed: unknown, all: PosterInput) => void;
  logo: LogoState;
  setLogo: (l: LogoState) => void;
  hasLogo: boolean;
  colour: string;
};

function text(t: TFunction, name: keyof PosterInput, label: string, placeholder: string, strong = false) {
  const max = name === "headline" ? LIMITS.headline : LIMITS.posterLine;
  return (
    <Form.Item name={name} label={label} rules={[lengthRule(t, max)]}>
      <Input placeholder={placeholder} data-testid={`poster-${name}`} size={strong ? "large" : "middle"} {...limited(max)} />
    </Form.Item>
  );
}

function LogoField({ logo, setLogo, hasLogo }: Pick<Props, "logo" | "setLogo" | "hasLogo">) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const file = useRef<HTMLInputElement>(null);
  const shown = logo.kind === "set" ? t("posters.newLogo", { name: logo.name }) : logo.kind === "keep" && hasLogo ? t("posters.currentLogo") : t("posters.noLogo");
  const removable = logo.kind === "set" || (logo.kind === "keep" && hasLogo);
  return (
    <Form.Item label={t("posters.logo")} extra={t("posters.logoHint")}>
      <Space wrap>
        <Button icon={<PictureOutlined />} onClick={() => file.current?.click()} data-testid="poster-logo-pick">
          {t("posters.pickLogo")}
        </Button>
        <Typography.Text type="secondary" data-testid="poster-logo-state">
          {shown}
        </Typography.Text>
        {removable && (
          <Button type="text" danger icon={<DeleteOutlined />} onClick={() => setLogo(hasLogo ? { kind: "remove" } : { kind: "keep" })} data-testid="poster-logo-remove">
            {t("posters.removeLogo")}
          </Button>
        )}
      </Space>
      <input
        ref={file}
        type="file"
        accept="image/png,image/jpeg,image/webp,image/gif,image/bmp"
        hidden
        data-testid="poster-logo-file"
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = "";
          if (!f) return;
          fileToBase64(f).then(
            (image) => setLogo({ kind: "set", image, name: f.name }),
            (err) => showError(err, message),
          );
        }}
      />
    </Form.Item>
  );
}

export function PosterForm({ form, initial, onValuesChange, logo, setLogo, hasLogo, colour }: Props) {
  const { t } = useTranslation();
  return (
    <Form<PosterInput> form={form} layout="vertical" initialValues={initial} onValuesChange={onValuesChange} requiredMark={false}>
      <Space direction="vertical" size={20} style={{ width: "100%" }}>
        {initial?.template === "spike" || initial?.template === "ladder" ? (
          // A campaign's offer poster keeps its template: the offer on it comes from the campaign.
          <Card title={t("posters.template")} size="small">
            <Typography.Text data-testid="poster-campaign-template">{t("posters.campaignPoster")}</Typography.Text>
          </Card>
        ) : (
          <Card title={t("posters.template")} size="small">
            <Form.Item name="template" noStyle>
              <TemplatePicker colour={colour} />
            </Form.Item>
          </Card>
        )}
        <Card title={t("posters.design")} size="small">
          {text(t, "headline", t("posters.headline"), t("posters.headlinePlaceholder"), true)}
          {text(t, "subline", t("posters.subline"), t("posters.sublinePlaceholder"))}
          {text(t, "gift", t("posters.gift"), t("posters.giftPlaceholder"))}
        </Card>
        <Card title={t("posters.shopDetails")} size="small">
          {text(t, "address", t("posters.address"), t("posters.addressPlaceholder"))}
          {text(t, "hours", t("posters.hours"), t("posters.hoursPlaceholder"))}
          <Form.Item name="brand_color" label={t("posters.color")} getValueFromEvent={(c: Color) => c.toHexString()}>
            <ColorPicker disabledAlpha showText presets={[{ label: t("posters.color"), colors: PRESETS }]} data-testid="poster-color" />
          </Form.Item>
          <LogoField logo={logo} setLogo={setLogo} hasLogo={hasLogo} />
        </Card>
      </Space>
    </Form>
  );
}
