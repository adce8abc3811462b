// Group rules as editable rows, plus the template library: a click adds the template's text.
import { ArrowDownOutlined, ArrowUpOutlined, CheckOutlined, DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Form, Input, Space, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { LIMITS } from "../../bindings/limits";
import { lengthRule, limited } from "../../components/textLimit";
import { useLang } from "../../lang";
import { useRuleTemplates } from "./queries";

export function RulesEditor() {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const rules: string[] = Form.useWatch("rules", form) ?? [];
  const templates = useRuleTemplates(useLang());

  return (
    <Form.List
      name="rules"
      rules={[
        {
          validator: async (_, value: string[] | undefined) => {
            if ((value ?? []).length > LIMITS.rules) throw new Error(t("form.tooManyRules", { max: LIMITS.rules }));
          },
        },
      ]}
    >
      {(fields, { add, remove, move }, { errors }) => (
        <div style={{ display: "grid", gap: 12 }}>
          {fields.length === 0 && <Typography.Text type="secondary">{t("form.noRules")}</Typography.Text>}
          {fields.map((field, index) => (
            <div key={field.key} style={{ display: "flex", gap: 6, alignItems: "center" }}>
              <Typography.Text type="secondary" style={{ width: 20, textAlign: "right" }}>
                {index + 1}.
              </Typography.Text>
              <Form.Item name={field.name} rules={[lengthRule(t, LIMITS.rule)]} style={{ flex: 1, marginBottom: 0 }}>
                <Input
                  data-testid={`rule-row-${index}`}
                  aria-label={t("form.ruleNumber", { n: index + 1 })}
                  placeholder={t("form.rulePlaceholder")}
                  {...limited(LIMITS.rule)}
                />
              </Form.Item>
              <Space.Compact>
                <Button icon={<ArrowUpOutlined />} aria-label={t("common.moveUp")} disabled={index === 0} onClick={() => move(index, index - 1)} />
                <Button
                  icon={<ArrowDownOutlined />}
                  aria-label={t("common.moveDown")}
                  disabled={index === fields.length - 1}
                  onClick={() => move(index, index + 1)}
                />
                <Button icon={<DeleteOutlined />} aria-label={t("common.remove")} onClick={() => remove(index)} />
              </Space.Compact>
            </div>
          ))}
          <Form.ErrorList errors={errors} />
          <Button
            type="dashed"
            icon={<PlusOutlined />}
            onClick={() => add("")}
            disabled={fields.length >= LIMITS.rules}
            data-testid="rule-add"
            style={{ justifySelf: "start" }}
          >
            {t("form.addRule")}
          </Button>
          <div style={{ background: "#fafaf7", border: "1px solid #eceee8", borderRadius: 8, padding: 12 }}>
            <Typography.Text strong>{t("form.templates")}</Typography.Text>
            <Typography.Paragraph type="secondary" style={{ margin: "2px 0 10px", fontSize: 12 }}>
              {t("form.templatesHint")}
            </Typography.Paragraph>
            <div style={{ display: "flex", flexWrap: "wrap", gap: 8 }}>
              {(templates.data ?? []).map((tpl) => {
                const added = rules.includes(tpl.text);
                return (
                  <Tag
                    key={tpl.key}
                    data-testid={`rule-template-${tpl.key}`}
                    role="button"
                    tabIndex={0}
                    icon={added ? <CheckOutlined /> : <PlusOutlined />}
                    color={added ? "green" : undefined}
                    style={{ cursor: added ? "default" : "pointer", whiteSpace: "normal", padding: "4px 10px", margin: 0, maxWidth: "100%" }}
                    onClick={() => !added && add(tpl.text)}
                    onKeyDown={(e) => (e.key === "Enter" || e.key === " ") && !added && add(tpl.text)}
                  >
                    {tpl.text}
                  </Tag>
                );
              })}
            </div>
          </div>
        </div>
      )}
    </Form.List>
  );
}
