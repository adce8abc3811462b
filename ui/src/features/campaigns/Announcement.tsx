// A campaign's announcement in both languages, each whole, ready to copy
// into the group (the draw's and the referral day's).
import { CopyOutlined } from "@ant-design/icons";
import { App as AntApp, Button, Card, Space, Typography } from "antd";
import { useTranslation } from "react-i18next";

type Props = { kind: string; hint: string; zh: string; en: string };

export function Announcement({ kind, hint, zh, en }: Props) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const copy = (text: string) => void navigator.clipboard.writeText(text).then(() => message.success(t("wizard.copied")));
  return (
    <Space direction="vertical" size={12} style={{ width: "100%" }}>
      <Typography.Text type="secondary">{hint}</Typography.Text>
      {(
        [
          ["zh", "中文", zh],
          ["en", "English", en],
        ] as const
      ).map(([lang, title, text]) => (
        <Card
          key={lang}
          size="small"
          title={<span lang={lang === "zh" ? "zh-CN" : "en"}>{title}</span>}
          extra={
            <Button size="small" icon={<CopyOutlined />} onClick={() => copy(text)} data-testid={`${kind}-announcement-copy-${lang}`}>
              {t("wizard.copy")}
            </Button>
          }
        >
          <div className="sc-pre" lang={lang === "zh" ? "zh-CN" : "en"} data-testid={`${kind}-announcement-${lang}`}>
            {text}
          </div>
        </Card>
      ))}
    </Space>
  );
}
