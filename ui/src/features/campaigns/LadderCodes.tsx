// One address's pickup codes on the settled list: each code to read out, the
// ones collected at the counter marked, and the whole message to send the
// address privately (codes in the group would let anyone collect).
import { CheckCircleFilled, CopyOutlined } from "@ant-design/icons";
import { App as AntApp, Button, Space, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { AddressLine } from "../../bindings/AddressLine";
import { money } from "../../format";

export function AddressCodes({ line, until }: { line: AddressLine; until: string }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  if (line.codes.length === 0) return null;
  const text = t("ladderSettle.codesMessage", {
    address: line.address,
    count: line.shares,
    price: money(line.price_cents),
    total: money(line.total_cents),
    until,
    codes: line.codes.map((c) => c.code).join(" "),
  });
  return (
    <Space direction="vertical" size={2} data-testid="settle-codes">
      {line.codes.map((c) => (
        <span key={c.code} style={{ whiteSpace: "nowrap" }}>
          <Typography.Text code data-testid="settle-code">
            {c.code}
          </Typography.Text>
          {c.collected && (
            <Typography.Text style={{ color: "#237804", marginInlineStart: 6 }} data-testid="settle-code-collected">
              <CheckCircleFilled aria-hidden /> {t("ladderSettle.collected")}
            </Typography.Text>
          )}
        </span>
      ))}
      <Button
        size="small"
        type="link"
        icon={<CopyOutlined />}
        style={{ paddingInline: 0 }}
        aria-label={t("ladderSettle.copyMessage", { address: line.address })}
        onClick={() => void navigator.clipboard.writeText(text).then(() => message.success(t("wizard.copied")))}
        data-testid="settle-copy-codes"
      >
        {t("wizard.copy")}
      </Button>
    </Space>
  );
}
