// Welcome-gift claims at the counter: the new member says their mobile
// number (and, if the clerk asks, which poster brought them), the gift leaves
// the shelf — or a next-visit voucher is named to them — once per number.
// The last claim can be undone (a mistyped number).
import { GiftOutlined, ScanOutlined } from "@ant-design/icons";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { App as AntApp, Alert, Button, Card, Descriptions, Form, Input, Popconfirm, Select, Space, Spin, Table, Tag, Typography } from "antd";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Claim } from "../../bindings/Claim";
import type { Claims } from "../../bindings/Claims";
import { PageHeader } from "../../components/PageHeader";
import { showError } from "../../errors";
import { dateTime, day as dayText } from "../../format";
import { ipc, toErrorPayload } from "../../ipc";
import { useLang } from "../../lang";
import { useNav } from "../../nav";
import { useShop } from "../../queries";
import { STATUS_COLOR, useInvalidateCampaigns } from "./queries";

type Values = { phone: string; channelId?: number };

export function DrainageClaims({ id }: { id: number }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const lang = useLang();
  const zone = useShop()?.time_zone;
  const { go } = useNav();
  const client = useQueryClient();
  const invalidate = useInvalidateCampaigns();
  const [form] = Form.useForm<Values>();
  const phoneRef = useRef<React.ComponentRef<typeof Input>>(null);
  const [lastClaim, setLastClaim] = useState<Claim | null>(null);
  const claims = useQuery({ queryKey: ["campaigns", "claims", id], queryFn: () => ipc.drainageClaims(id) });

  const landed = (c: Claims) => {
    client.setQueryData(["campaigns", "claims", id], c);
    invalidate();
    void client.invalidateQueries({ queryKey: ["gifts"] });
  };
  const claim = useMutation({
    // With one channel there is nothing to ask: its poster brought them.
    mutationFn: (v: Values) => ipc.claimDrainageGift(id, v.phone, v.channelId ?? (claims.data?.channels.length === 1 ? claims.data.channels[0].id : null)),
    onSuccess: (c) => {
      landed(c);
      setLastClaim(c.claims[0] ?? null);
      form.resetFields(["phone"]);
      requestAnimationFrame(() => phoneRef.current?.focus());
    },
    onError: (e) => {
      const p = toErrorPayload(e);
      // The number's own problem goes beside the box; the rest (already claimed, not running) above it.
      if (p.field === "phone") form.setFields([{ name: "phone", errors: [p.message] }]);
      setLastClaim(null);
    },
  });
  const undo = useMutation({
    mutationFn: () => ipc.undoDrainageClaim(id),
    onSuccess: (c) => {
      landed(c);
      setLastClaim(null);
      void message.success(t("drainageClaims.undone"));
    },
    onError: (e) => showError(e, message),
  });

  if (!claims.data) {
    return claims.error ? <Alert type="error" showIcon message={toErrorPayload(claims.error).message} /> : <Spin />;
  }
  const c = claims.data;
  const running = c.status === "running";
  const refusal = claim.error && toErrorPayload(claim.error).field !== "phone" ? toErrorPayload(claim.error).message : null;
  return (
    <div className="sc-page">
      <PageHeader
        title={c.name}
        titleTestId="claims-title"
        description={t("drainageClaims.subtitle", { reward: c.reward_name, from: dayText(c.starts_on, lang), until: dayText(c.ends_on, lang) })}
        meta={<Tag color={STATUS_COLOR[c.status]}>{t(`campaigns.status.${c.status}`)}</Tag>}
        actions={
          <Space>
            <Button icon={<ScanOutlined />} onClick={() => go({ page: "counter" })} data-testid="claims-counter">
              {t("drainageClaims.counter")}
            </Button>
            <Button onClick={() => go({ page: "campaigns" })}>{t("spikeConsole.back")}</Button>
          </Space>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          column={3}
          items={[
            { key: "claimed", label: t("drainageClaims.claimed"), children: <span data-testid="claims-count">{t("drainageClaims.claimedOf", { count: c.claims.length, expected: c.expected_joins })}</span> },
            ...(c.stock !== null ? [{ key: "stock", label: t("drainageClaims.stock"), children: <span data-testid="claims-stock">{c.stock}</span> }] : []),
            { key: "line", label: t("drainageWizard.giftLine"), children: c.gift_line },
          ]}
        />
      </Card>
      {!running && <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t(c.status === "scheduled" ? "drainageClaims.notYet" : "drainageClaims.closed", { from: dayText(c.starts_on, lang) })} data-testid="claims-closed" />}
      <Card title={<span><GiftOutlined /> {t("drainageClaims.record")}</span>} style={{ marginBottom: 16 }}>
        <Form<Values> form={form} layout="inline" onFinish={(v) => claim.mutate(v)} disabled={!running} requiredMark={false}>
          <Form.Item name="phone" label={t("drainageClaims.phone")} rules={[{ required: true, whitespace: true, message: t("drainageClaims.phoneRequired") }]}>
            <Input ref={phoneRef} autoFocus inputMode="tel" autoComplete="off" placeholder="138 1234 5678" data-testid="claims-phone" style={{ width: 220 }} />
          </Form.Item>
          {c.channels.length > 1 && (
            <Form.Item name="channelId" label={t("drainageClaims.channel")}>
              <Select
                allowClear
                data-testid="claims-channel"
                aria-label={t("drainageClaims.channel")}
                placeholder={t("drainageClaims.channelUnknown")}
                options={c.channels.map((ch) => ({ value: ch.id, label: ch.name }))}
                style={{ width: 200 }}
              />
            </Form.Item>
          )}
          <Form.Item>
            <Button type="primary" htmlType="submit" loading={claim.isPending} data-testid="claims-submit">
              {t("drainageClaims.submit")}
            </Button>
          </Form.Item>
        </Form>
        <Typography.Text type="secondary" style={{ display: "block", marginTop: 8 }}>
          {t("drainageClaims.hint")}
        </Typography.Text>
        {refusal && <Alert type="error" showIcon style={{ marginTop: 12 }} message={refusal} data-testid="claims-refused" />}
        {lastClaim && (
          <Alert
            type="success"
            showIcon
            style={{ marginTop: 12 }}
            data-testid="claims-done"
            message={lastClaim.code ? t("drainageClaims.doneVoucher", { phone: lastClaim.phone, code: lastClaim.code }) : t("drainageClaims.doneGift", { phone: lastClaim.phone, gift: c.reward_name })}
          />
        )}
      </Card>
      <Card
        title={t("drainageClaims.list")}
        extra={
          c.claims.length > 0 && (
            <Popconfirm title={t("drainageClaims.undoConfirm", { phone: c.claims[0].phone })} onConfirm={() => undo.mutate()}>
              <Button size="small" loading={undo.isPending} data-testid="claims-undo">
                {t("drainageClaims.undo")}
              </Button>
            </Popconfirm>
          )
        }
      >
        <Table<Claim>
          size="small"
          rowKey="id"
          dataSource={c.claims}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: t("drainageClaims.none") }}
          columns={[
            { title: t("drainageClaims.when"), key: "when", render: (_: unknown, k: Claim) => dateTime(k.claimed_at, lang, zone) },
            { title: t("drainageClaims.phone"), dataIndex: "phone", render: (p: string) => <span data-testid="claims-row-phone">{p}</span> },
            { title: t("drainageClaims.channel"), key: "channel", render: (_: unknown, k: Claim) => k.channel_name ?? <Typography.Text type="secondary">{t("drainageClaims.channelUnknown")}</Typography.Text> },
            ...(c.stock === null ? [{ title: t("drainageClaims.code"), dataIndex: "code", render: (code: string | null) => <Typography.Text code>{code}</Typography.Text> }] : []),
          ]}
        />
      </Card>
    </div>
  );
}
