// The RFM segments as a list of buttons, each as wide as its share of the
// members; a click opens the member list filtered to that segment on the
// period's last day. The thresholds are the owner's to edit.
import { Button, Form, Modal, Typography, App as AntApp } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { RfmThresholds } from "../../bindings/RfmThresholds";
import type { Segment } from "../../bindings/Segment";
import type { SegmentCount } from "../../bindings/SegmentCount";
import { NumberInput } from "../../components/NumberInput";
import { showFormError, type FieldMap } from "../../errors";
import { ipc } from "../../ipc";
import { numberRules, readNumber } from "../../numbers";

type Props = { segments: SegmentCount[]; onOpen: (segment: Segment) => void };

export function Segments({ segments, onOpen }: Props) {
  const { t } = useTranslation();
  const all = segments.reduce((n, s) => n + s.members, 0);
  if (all === 0) return <Typography.Text type="secondary">{t("dashboard.segmentsEmpty")}</Typography.Text>;
  return (
    <ul style={{ listStyle: "none", margin: 0, padding: 0, display: "grid", gap: 6 }}>
      {segments.map((s) => {
        const name = t(`dashboard.segmentNames.${s.segment}`);
        return (
          <li key={s.segment}>
            <button
              type="button"
              className="sc-segment"
              disabled={s.members === 0}
              onClick={() => onOpen(s.segment)}
              title={t("dashboard.segmentOpen", { segment: name, count: s.members })}
              data-testid={`segment-${s.segment}`}
            >
              <span style={{ display: "flex", justifyContent: "space-between", gap: 12, flexWrap: "wrap" }}>
                <span>
                  <Typography.Text strong>{name}</Typography.Text>{" "}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t(`dashboard.segmentHints.${s.segment}`)}</Typography.Text>
                </span>
                <Typography.Text>{t("dashboard.segmentMembers", { count: s.members, marketing: s.marketing })}</Typography.Text>
              </span>
              <span aria-hidden style={{ display: "block", height: 8, background: "#eceee8", borderRadius: 4, marginTop: 4 }}>
                <span style={{ display: "block", width: `${(100 * s.members) / all}%`, height: "100%", background: "#2f7d5b", borderRadius: 4 }} />
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}

const FIELDS: FieldMap = {
  recent_days: "recent_days",
  lapsing_days: "lapsing_days",
  lost_days: "lost_days",
  repeat_days: "repeat_days",
  regular_days: "regular_days",
};
const KEYS = ["recent_days", "lapsing_days", "lost_days", "repeat_days", "regular_days"] as const;
const LABELS = { recent_days: "recentDays", lapsing_days: "lapsingDays", lost_days: "lostDays", repeat_days: "repeatDays", regular_days: "regularDays" } as const;
type Values = Record<(typeof KEYS)[number], string>;

/** The thresholds, each a whole number typed as the owner typed it; the core checks their order. */
export function ThresholdsButton({ thresholds }: { thresholds: RfmThresholds }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const client = useQueryClient();
  const save = useMutation({
    mutationFn: (v: Values) =>
      ipc.setRfmThresholds(Object.fromEntries(KEYS.map((k) => [k, readNumber(v[k]) ?? 0])) as unknown as RfmThresholds),
    onSuccess: () => {
      void message.success(t("dashboard.thresholdsSaved"));
      setOpen(false);
      void client.invalidateQueries({ queryKey: ["dashboard"] });
      void client.invalidateQueries({ queryKey: ["members"] });
    },
    onError: (e) => showFormError(form, e, FIELDS, message),
  });
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)} data-testid="rfm-thresholds">
        {t("dashboard.thresholds")}
      </Button>
      <Modal
        open={open}
        title={t("dashboard.thresholdsTitle")}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        okText={t("common.save")}
        cancelText={t("common.cancel")}
        okButtonProps={{ loading: save.isPending }}
        destroyOnHidden
        width={480}
      >
        <Typography.Paragraph type="secondary">{t("dashboard.thresholdsHelp")}</Typography.Paragraph>
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={Object.fromEntries(KEYS.map((k) => [k, String(thresholds[k])])) as Values}
          onFinish={(v) => save.mutate(v)}
        >
          {KEYS.map((k) => (
            <Form.Item
              key={k}
              name={k}
              label={t(`dashboard.${LABELS[k]}`)}
              rules={numberRules(t, { min: 1, max: KEYS.indexOf(k) < 3 ? 3650 : 366, required: t("numbers.required") })}
            >
              <NumberInput data-testid={`rfm-${k}`} />
            </Form.Item>
          ))}
        </Form>
      </Modal>
    </>
  );
}
