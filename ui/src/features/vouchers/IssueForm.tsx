// Issue a batch of vouchers: what each gives, how many, when they can be used,
// where they are handed out, and to whom. All or nothing; opens the batch after.
import { GiftOutlined, PercentageOutlined, TagOutlined } from "@ant-design/icons";
import { useMutation, useQuery } from "@tanstack/react-query";
import { Alert, App as AntApp, Button, DatePicker, Drawer, Form, Input, Radio, Select, Space, Spin, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useEffect, useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { BatchInput } from "../../bindings/BatchInput";
import type { Benefit } from "../../bindings/Benefit";
import type { BenefitInput } from "../../bindings/BenefitInput";
import type { Gift } from "../../bindings/Gift";
import { LIMITS } from "../../bindings/limits";
import { NumberInput } from "../../components/NumberInput";
import { chosen } from "../../components/selectRules";
import { lengthRule, limited } from "../../components/textLimit";
import { numberRules, readFen, readNumber } from "../../numbers";
import { showFormError, type FieldMap } from "../../errors";
import { money } from "../../format";
import { ipc } from "../../ipc";
import { useNav } from "../../nav";
import { keys, useShop } from "../../queries";
import { useCommunities } from "../communities/queries";
import { addDays, todayIn } from "../../days";
import { useGifts } from "../gifts/queries";
import { benefitText, useInvalidateVouchers, zhe } from "./queries";
import { useDiscardGuard } from "../../components/discardGuard";

/** Pickup vouchers are issued by a flash sale, never by hand. */
type BenefitKind = Exclude<BenefitInput["kind"], "pickup">;

type Values = {
  benefitKind: BenefitKind;
  giftId?: number;
  // Number boxes hold the text as typed (numbers.ts).
  amount: string;
  percent: string;
  count: string;
  validFrom: Dayjs | null;
  validUntil: Dayjs | null;
  communityId?: number;
  channelId?: number;
  minSpend: string;
  holder: "bearer" | "named";
  holderName: string;
  holderPhone: string;
  name: string;
};

const FIELDS: FieldMap = {
  benefit: "benefitKind",
  gift: "giftId",
  amount_off: "amount",
  percent_off: "percent",
  quantity: "count",
  count: "count",
  valid_from: "validFrom",
  valid_until: "validUntil",
  community: "communityId",
  channel: "channelId",
  min_spend: "minSpend",
  holder_name: "holderName",
  holder_phone: "holderPhone",
  name: "name",
};

/** How long a new batch is valid unless the owner says otherwise. */
export const DEFAULT_VALID_DAYS = 30;
const DAY = "YYYY-MM-DD";
const BENEFITS: { kind: BenefitKind; icon: React.ReactNode }[] = [
  { kind: "gift", icon: <GiftOutlined /> },
  { kind: "amount_off", icon: <TagOutlined /> },
  { kind: "percent_off", icon: <PercentageOutlined /> },
];

export function toBatchInput(v: Values): BatchInput {
  const benefit: BenefitInput =
    v.benefitKind === "gift"
      ? { kind: "gift", gift_id: v.giftId! }
      : v.benefitKind === "amount_off"
        ? { kind: "amount_off", cents: readFen(v.amount) ?? 0 }
        : { kind: "percent_off", percent: readNumber(v.percent) ?? 0 };
  const named = v.holder === "named";
  const input: BatchInput = {
    name: (v.name ?? "").trim(),
    benefit,
    count: readNumber(v.count) ?? 0,
    valid_until: v.validUntil ? v.validUntil.format(DAY) : "",
    community_id: v.communityId ?? null,
    channel_id: v.channelId ?? null,
    min_spend_cents: readFen(v.minSpend),
    holder_name: named ? (v.holderName ?? "").trim() : "",
    holder_phone: named ? (v.holderPhone ?? "").trim() : "",
  };
  if (v.validFrom) input.valid_from = v.validFrom.format(DAY);
  return input;
}

/** The name the backend gives a batch left unnamed, shown as the placeholder. */
function useDefaultName(v: Partial<Values>, gifts: Gift[]): string {
  const { t } = useTranslation();
  let b: Benefit | null = null;
  if (v.benefitKind === "gift") {
    const g = gifts.find((x) => x.id === v.giftId);
    if (g) b = { kind: "gift", gift_id: g.id, gift_name: g.name };
  } else if (v.benefitKind === "amount_off" && readFen(v.amount)) {
    b = { kind: "amount_off", cents: readFen(v.amount)! };
  } else if (v.benefitKind === "percent_off" && readNumber(v.percent)) {
    b = { kind: "percent_off", percent: readNumber(v.percent)! };
  }
  return b ? benefitText(t, b) : t("vouchers.form.namePlaceholder");
}

/** Money off or a minimum spend: at least one fen. */
const money1 = { min: 0.01, max: LIMITS.moneyMaxFen / 100, decimals: 2 } as const;

type Props = { open: boolean; onClose: () => void };

export function IssueForm({ open, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const { go } = useNav();
  const shop = useShop();
  const [form] = Form.useForm<Values>();
  const cancel = useDiscardGuard(form, onClose);
  const invalidate = useInvalidateVouchers();
  const gifts = useGifts(false);
  const communities = useCommunities(false);
  const today = todayIn(shop?.time_zone ?? "UTC");
  const initial = useMemo<Values>(
    () => ({
      benefitKind: "gift",
      amount: "",
      percent: "",
      count: "100",
      validFrom: null,
      validUntil: dayjs(addDays(today, DEFAULT_VALID_DAYS), DAY),
      minSpend: "",
      holder: "bearer",
      holderName: "",
      holderPhone: "",
      name: "",
    }),
    [today],
  );

  const values = (Form.useWatch([], form) ?? {}) as Partial<Values>;
  const kind = values.benefitKind ?? "gift";
  const communityId = values.communityId;
  const channels = useQuery({
    queryKey: keys.channels(communityId ?? 0),
    queryFn: () => ipc.listChannels(communityId!),
    enabled: communityId !== undefined,
  });
  const defaultName = useDefaultName(values, gifts.data ?? []);

  useEffect(() => {
    if (open) form.setFieldsValue(initial);
  }, [open, initial, form]);

  // A gift that is not in the catalogue cannot be chosen; pick the first one.
  useEffect(() => {
    if (open && kind === "gift" && values.giftId === undefined && gifts.data?.length) {
      form.setFieldValue("giftId", gifts.data[0].id);
    }
  }, [open, kind, values.giftId, gifts.data, form]);

  const issue = useMutation({
    mutationFn: (v: Values) => ipc.issueBatch(toBatchInput(v)),
    onSuccess: (b) => {
      invalidate();
      void message.success(t("vouchers.form.issued", { count: b.count }));
      onClose();
      go({ page: "batch", id: b.id });
    },
    onError: (e) => showFormError(form, e, FIELDS, message),
  });

  const percent = readNumber(values.percent);
  const chosenGift = kind === "gift" ? gifts.data?.find((g) => g.id === values.giftId) : undefined;
  const short = chosenGift && (readNumber(values.count) ?? 0) > chosenGift.stock;

  return (
    <Drawer
      open={open}
      onClose={issue.isPending ? undefined : cancel}
      closable={!issue.isPending}
      maskClosable={!issue.isPending}
      width={640}
      destroyOnHidden
      title={t("vouchers.form.title")}
      extra={
        <Space>
          <Button onClick={cancel} disabled={issue.isPending}>{t("common.cancel")}</Button>
          <Button type="primary" loading={issue.isPending} onClick={() => form.submit()} data-testid="voucher-issue-submit">
            {t("vouchers.form.submit")}
          </Button>
        </Space>
      }
    >
      <Spin spinning={issue.isPending} tip={t("vouchers.form.issuing", { count: readNumber(values.count) ?? 0 })} size="large" data-testid="voucher-issuing">
        <Form<Values> form={form} layout="vertical" requiredMark={false} initialValues={initial} onFinish={(v) => issue.mutate(v)}>
          <Typography.Title level={5} style={{ marginTop: 0 }}>{t("vouchers.form.what")}</Typography.Title>
          <Form.Item name="benefitKind">
            <Radio.Group optionType="button" buttonStyle="solid">
              {BENEFITS.map((b) => (
                <Radio.Button key={b.kind} value={b.kind}>
                  <span data-testid={`voucher-benefit-${b.kind}`}>
                    {b.icon} {t(`vouchers.form.benefitKind.${b.kind}`)}
                  </span>
                </Radio.Button>
              ))}
            </Radio.Group>
          </Form.Item>
          {kind === "gift" && (
            <>
              {gifts.data && gifts.data.length === 0 ? (
                <Alert
                  type="info"
                  showIcon
                  style={{ marginBottom: 16 }}
                  message={t("vouchers.form.noGifts")}
                  action={<Button size="small" onClick={() => go({ page: "gifts" })}>{t("vouchers.form.addGifts")}</Button>}
                />
              ) : (
                <Form.Item
                  name="giftId"
                  label={t("vouchers.form.gift")}
                  rules={[chosen(t("vouchers.form.giftRequired"))]}
                >
                  <Select
                    data-testid="voucher-gift"
                    placeholder={t("vouchers.form.giftPlaceholder")}
                    loading={gifts.isPending}
                    showSearch
                    optionFilterProp="title"
                    options={(gifts.data ?? []).map((g) => ({
                      value: g.id,
                      title: g.name,
                      label: (
                        <span style={{ display: "flex", justifyContent: "space-between", gap: 12 }}>
                          <span>{g.name}</span>
                          <Typography.Text type={g.low_stock ? "warning" : "secondary"}>{t("vouchers.form.inStock", { stock: g.stock })}</Typography.Text>
                        </span>
                      ),
                    }))}
                  />
                </Form.Item>
              )}
            </>
          )}
          {kind === "amount_off" && (
            <Form.Item name="amount" label={t("vouchers.form.amount")} rules={numberRules(t, { ...money1, required: t("vouchers.form.amountRequired") })}>
              <NumberInput money data-testid="voucher-amount" placeholder="10.00" style={{ width: 200 }} />
            </Form.Item>
          )}
          {kind === "percent_off" && (
            <Form.Item
              name="percent"
              label={t("vouchers.form.percent")}
              rules={numberRules(t, { min: 1, max: LIMITS.percentOffMax, required: t("vouchers.form.percentRequired") })}
              extra={percent ? t("vouchers.form.percentMeans", { pay: 100 - percent, zhe: zhe(percent) }) : undefined}
            >
              <NumberInput data-testid="voucher-percent" suffix="%" placeholder="10" style={{ width: 200 }} />
            </Form.Item>
          )}
          <div style={{ display: "grid", gridTemplateColumns: "1fr 1fr", gap: 16 }}>
            <Form.Item
              name="count"
              label={t("vouchers.form.count")}
              extra={t("vouchers.form.countHelp")}
              rules={numberRules(t, { min: 1, max: LIMITS.voucherCountMax, required: t("vouchers.form.countRequired") })}
            >
              <NumberInput data-testid="voucher-count" />
            </Form.Item>
            <Form.Item name="minSpend" label={t("vouchers.form.minSpend")} extra={t("vouchers.form.minSpendHelp")} rules={numberRules(t, money1)}>
              <NumberInput money data-testid="voucher-min-spend" placeholder={t("vouchers.form.none")} />
            </Form.Item>
          </div>
          {short && chosenGift && (
            <Alert type="warning" showIcon style={{ marginTop: -8, marginBottom: 16 }} data-testid="voucher-stock-short" message={t("vouchers.form.stockShort", { stock: chosenGift.stock })} />
          )}

          <Typography.Title level={5}>{t("vouchers.form.when")}</Typography.Title>
          <div style={{ display: "grid", gridTemplateColumns: "1fr 1fr", gap: 16 }}>
            <Form.Item name="validFrom" label={t("vouchers.form.validFrom")}>
              <DatePicker
                data-testid="voucher-valid-from"
                placeholder={t("vouchers.form.today")}
                style={{ width: "100%" }}
                disabledDate={(d) => d.format(DAY) < today}
              />
            </Form.Item>
            <Form.Item name="validUntil" label={t("vouchers.form.validUntil")} rules={[{ required: true, message: t("vouchers.form.validUntilRequired") }]}>
              <DatePicker
                data-testid="voucher-valid-until"
                style={{ width: "100%" }}
                allowClear={false}
                disabledDate={(d) => d.format(DAY) < (values.validFrom ? values.validFrom.format(DAY) : today)}
              />
            </Form.Item>
          </div>

          <Typography.Title level={5}>{t("vouchers.form.where")}</Typography.Title>
          <div style={{ display: "grid", gridTemplateColumns: "1fr 1fr", gap: 16 }}>
            <Form.Item name="communityId" label={t("vouchers.form.community")}>
              <Select
                data-testid="voucher-community"
                allowClear
                placeholder={t("vouchers.form.any")}
                options={(communities.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
                onChange={() => form.setFieldValue("channelId", undefined)}
              />
            </Form.Item>
            <Form.Item name="channelId" label={t("vouchers.form.channel")} extra={communityId === undefined ? t("vouchers.form.channelNeedsCommunity") : undefined}>
              <Select
                data-testid="voucher-channel"
                allowClear
                disabled={communityId === undefined}
                placeholder={t("vouchers.form.any")}
                options={(channels.data ?? []).filter((c) => !c.archived_at).map((c) => ({ value: c.id, label: c.name }))}
              />
            </Form.Item>
          </div>

          <Typography.Title level={5}>{t("vouchers.form.who")}</Typography.Title>
          <Form.Item name="holder">
            {/* A named voucher is usually one; a count the owner typed is kept. */}
            <Radio.Group onChange={(e) => e.target.value === "named" && !form.isFieldTouched("count") && form.setFieldValue("count", "1")}>
              <Radio value="bearer"><span data-testid="voucher-holder-bearer">{t("vouchers.form.bearer")}</span></Radio>
              <Radio value="named"><span data-testid="voucher-holder-named">{t("vouchers.form.named")}</span></Radio>
            </Radio.Group>
          </Form.Item>
          {values.holder === "named" && (
            <div style={{ display: "grid", gridTemplateColumns: "1fr 1fr", gap: 16 }}>
              <Form.Item
                name="holderName"
                label={t("vouchers.form.holderName")}
                rules={[{ required: true, whitespace: true, message: t("vouchers.form.holderNameRequired") }, lengthRule(t, LIMITS.holderName)]}
              >
                <Input data-testid="voucher-holder-name" {...limited(LIMITS.holderName)} />
              </Form.Item>
              <Form.Item name="holderPhone" label={t("vouchers.form.holderPhone")} rules={[lengthRule(t, LIMITS.holderPhone)]}>
                <Input data-testid="voucher-holder-phone" {...limited(LIMITS.holderPhone)} inputMode="tel" />
              </Form.Item>
            </div>
          )}
          <Form.Item name="name" label={t("vouchers.form.name")} extra={t("vouchers.form.nameHelp")} rules={[lengthRule(t, LIMITS.batchName)]}>
            <Input data-testid="voucher-name" placeholder={defaultName} {...limited(LIMITS.batchName)} />
          </Form.Item>
          {kind === "gift" && chosenGift && (
            <Typography.Text type="secondary">{t("vouchers.form.costHint", { cost: money(chosenGift.unit_cost_cents) })}</Typography.Text>
          )}
        </Form>
      </Spin>
    </Drawer>
  );
}
