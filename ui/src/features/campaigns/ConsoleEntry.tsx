// Recording buyers on the console: one typed (a nickname or a phone's last
// four digits, and how many), or the group's 接龙 pasted whole — pasting the
// grown list again adds only its new lines.
import { useMutation } from "@tanstack/react-query";
import { App as AntApp, Button, Card, Form, Input, Tabs } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { LIMITS } from "../../bindings/limits";
import type { Recorded } from "../../bindings/Recorded";
import { NumberInput } from "../../components/NumberInput";
import { lengthRule, limited } from "../../components/textLimit";
import { showFormError } from "../../errors";
import { ipc } from "../../ipc";
import { numberRules, readNumber } from "../../numbers";

type Props = { sessionId: number; soldOut: boolean; onRecorded: (r: Recorded) => void };

export function ConsoleEntry({ sessionId, soldOut, onRecorded }: Props) {
  const { t } = useTranslation();
  const [tab, setTab] = useState("type");
  return (
    <Card size="small" title={soldOut ? t("spikeConsole.soldOut") : t("spikeConsole.record")}>
      {/* The hidden tab is unmounted: a button's spinner fading out in a hidden pane
          never finishes (its motion waits for a transition that never runs). */}
      <Tabs
        activeKey={tab}
        onChange={setTab}
        destroyOnHidden
        size="small"
        items={[
          { key: "type", label: <span data-testid="console-tab-type">{t("spikeConsole.typeTab")}</span>, children: <TypeBuyer sessionId={sessionId} onRecorded={onRecorded} /> },
          { key: "paste", label: <span data-testid="console-tab-paste">{t("spikeConsole.pasteTab")}</span>, children: <PasteList sessionId={sessionId} onRecorded={onRecorded} /> },
        ]}
      />
    </Card>
  );
}

type BuyerValues = { buyer: string; quantity: string };

function TypeBuyer({ sessionId, onRecorded }: { sessionId: number; onRecorded: (r: Recorded) => void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<BuyerValues>();
  const record = useMutation({
    mutationFn: (v: BuyerValues) => ipc.recordSpikeBuyers(sessionId, [{ buyer: v.buyer.trim(), quantity: readNumber(v.quantity) ?? 0 }]),
    onSuccess: (r) => {
      onRecorded(r);
      // Ready for the next reply in the group.
      form.setFieldsValue({ buyer: "", quantity: "1" });
      form.getFieldInstance("buyer")?.focus?.();
    },
    onError: (e) => showFormError(form, e, { buyer: "buyer", shares: "quantity" }, message),
  });
  return (
    <Form<BuyerValues> form={form} layout="inline" initialValues={{ buyer: "", quantity: "1" }} onFinish={(v) => record.mutate(v)} requiredMark={false}>
      <Form.Item
        name="buyer"
        label={t("spikeConsole.buyer")}
        style={{ flex: "1 1 200px" }}
        rules={[{ required: true, whitespace: true, message: t("spikeConsole.buyerRequired") }, lengthRule(t, LIMITS.holderName)]}
      >
        <Input placeholder={t("spikeConsole.buyerPlaceholder")} data-testid="console-buyer" {...limited(LIMITS.holderName)} />
      </Form.Item>
      <Form.Item name="quantity" label={t("spikeConsole.quantity")} rules={numberRules(t, { min: 1, max: LIMITS.voucherCountMax, required: t("numbers.required") })}>
        <NumberInput style={{ width: 72 }} data-testid="console-quantity" />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit" loading={record.isPending} data-testid="console-add">
          {t("spikeConsole.add")}
        </Button>
      </Form.Item>
    </Form>
  );
}

function PasteList({ sessionId, onRecorded }: { sessionId: number; onRecorded: (r: Recorded) => void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<{ text: string }>();
  const record = useMutation({
    mutationFn: (text: string) => ipc.recordSpikePaste(sessionId, text),
    onSuccess: onRecorded,
    onError: (e) => showFormError(form, e, { jielong: "text" }, message),
  });
  return (
    <Form form={form} layout="vertical" onFinish={(v) => record.mutate(v.text)} requiredMark={false}>
      <Form.Item name="text" label={t("spikeConsole.paste")} extra={t("spikeConsole.pasteHelp")} rules={[{ required: true, whitespace: true, message: t("spikeConsole.pasteRequired") }]}>
        <Input.TextArea rows={6} placeholder={t("spikeConsole.pastePlaceholder")} data-testid="console-paste" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={record.isPending} data-testid="console-read">
        {t("spikeConsole.read")}
      </Button>
    </Form>
  );
}
