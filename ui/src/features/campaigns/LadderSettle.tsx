// Settling a gift-package day after its list closed: the owner pastes the
// group's 接龙, the core groups it by address and applies the tier reached,
// and the price list is ready to copy back into the group; each address's
// pickup codes are ready to send it in a private message.
import { ArrowLeftOutlined, CopyOutlined } from "@ant-design/icons";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App as AntApp, Button, Card, Form, Input, Segmented, Skeleton, Space, Table, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { AddressLine } from "../../bindings/AddressLine";
import type { Settlement } from "../../bindings/Settlement";
import { PageHeader } from "../../components/PageHeader";
import { showFormError, toMessage } from "../../errors";
import { day as dayText, money } from "../../format";
import { ipc } from "../../ipc";
import { useLang } from "../../lang";
import { useNav } from "../../nav";
import { AddressCodes } from "./LadderCodes";
import { useCampaigns } from "./queries";

export function LadderSettle({ id }: { id: number }) {
  const { t } = useTranslation();
  const { go } = useNav();
  const lang = useLang();
  const { message } = AntApp.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<{ text: string }>();
  const [day, setDay] = useState<string | null>(null);
  const key = ["campaigns", "settlement", id, day];
  const settled = useQuery({ queryKey: key, queryFn: () => ipc.ladderSettlement(id, day) });
  const name = useCampaigns(null).data?.find((c) => c.id === id)?.name;
  const [last, setLast] = useState<Settlement | null>(null);
  const settle = useMutation({
    mutationFn: (text: string) => ipc.settleLadder(id, day, text),
    onSuccess: (s) => {
      setLast(s);
      client.setQueryData(key, s);
    },
    onError: (e) => showFormError(form, e, { jielong: "text" }, message),
  });

  if (settled.isError) return <Alert type="error" showIcon message={toMessage(settled.error)} />;
  if (!settled.data) return <Skeleton active />;
  const s = last && last.day === settled.data.day ? last : settled.data;
  const until = dayText(s.collect_until, lang);
  const priceList = s.addresses
    .map((a) => t("ladderSettle.priceLine", { address: a.address, shares: a.shares, price: money(a.price_cents), total: money(a.total_cents) }))
    .join("\n");

  return (
    <div className="sc-page">
      <PageHeader
        title={name ?? t("campaigns.kinds.ladder")}
        titleTestId="settle-title"
        actions={
          <Button icon={<ArrowLeftOutlined />} onClick={() => go({ page: "campaigns" })}>
            {t("ladderSettle.back")}
          </Button>
        }
      />
      {s.days.length > 1 && (
        <Segmented<string>
          aria-label={t("ladderSettle.session")}
          style={{ marginBottom: 16, maxWidth: "100%", overflowX: "auto" }}
          value={s.day}
          onChange={(d) => {
            setLast(null);
            setDay(d);
          }}
          options={s.days.map((d) => ({ value: d, label: dayText(d, lang) }))}
        />
      )}
      <Space direction="vertical" size={16} style={{ width: "100%" }}>
        <Card size="small" title={dayText(s.day, lang)}>
          <Form form={form} layout="vertical" requiredMark={false} onFinish={(v) => settle.mutate(v.text)}>
            <Form.Item name="text" label={t("ladderSettle.paste")} extra={t("ladderSettle.pasteHelp")} rules={[{ required: true, whitespace: true, message: t("ladderSettle.pasteRequired") }]}>
              <Input.TextArea rows={6} placeholder={t("ladderSettle.pastePlaceholder")} data-testid="settle-paste" />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={settle.isPending} data-testid="settle-submit">
              {t("ladderSettle.settle")}
            </Button>
          </Form>
        </Card>
        {last && last.unreadable.length > 0 && (
          <Alert
            type="info"
            showIcon
            message={t("ladderSettle.unreadable", { count: last.unreadable.length })}
            description={
              <ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid="settle-unreadable">
                {last.unreadable.map((u) => (
                  <li key={u.line}>
                    {t("ladderSettle.line", { line: u.line })}
                    <q>{u.text}</q> — {u.reason}
                  </li>
                ))}
              </ul>
            }
          />
        )}
        {s.over_by > 0 && <Alert type="warning" showIcon message={t("ladderSettle.over", { count: s.over_by })} />}
        <Card
          size="small"
          title={s.addresses.length > 0 ? t("ladderSettle.settled") : t("ladderSettle.none")}
          extra={
            s.addresses.length > 0 && (
              <Button size="small" icon={<CopyOutlined />} onClick={() => void navigator.clipboard.writeText(priceList).then(() => message.success(t("wizard.copied")))} data-testid="settle-copy">
                {t("ladderSettle.copyList")}
              </Button>
            )
          }
        >
          {s.addresses.length > 0 && (
            <>
              <Table<AddressLine>
                size="small"
                rowKey="address"
                pagination={false}
                dataSource={s.addresses}
                data-testid="settle-table"
                columns={[
                  { title: t("ladderSettle.colAddress"), dataIndex: "address" },
                  ...(last ? [{ title: t("ladderSettle.colLines"), key: "lines", render: (_: unknown, a: AddressLine) => a.lines.join(", ") }] : []),
                  { title: t("ladderSettle.colShares"), dataIndex: "shares", align: "right" as const },
                  { title: t("ladderSettle.colPrice"), key: "price", align: "right" as const, render: (_: unknown, a: AddressLine) => money(a.price_cents) },
                  { title: t("ladderSettle.colTotal"), key: "total", align: "right" as const, render: (_: unknown, a: AddressLine) => <strong>{money(a.total_cents)}</strong> },
                  { title: t("ladderSettle.colCodes"), key: "codes", render: (_: unknown, a: AddressLine) => <AddressCodes line={a} until={until} /> },
                ]}
              />
              <Typography.Paragraph strong style={{ marginTop: 12, marginBottom: 4 }} data-testid="settle-totals">
                {t("ladderSettle.totals", { shares: s.shares, revenue: money(s.revenue_cents), cost: money(s.cost_cents), margin: money(s.margin_cents) })}
              </Typography.Paragraph>
              <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }} data-testid="settle-codes-summary">
                {t("ladderSettle.codesSummary", { collected: s.collected, shares: s.shares, until })}
              </Typography.Paragraph>
            </>
          )}
        </Card>
      </Space>
    </div>
  );
}
