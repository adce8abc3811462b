// The flash-sale wizard: What → When → Posts → Review. Back and Next keep
// everything; each Next saves a draft the owner can resume after a restart.
// The plan beside each step is the core's, for exactly what is typed, and
// Finish creates what the review lists in one step.
import { useMutation, useQuery } from "@tanstack/react-query";
import { App as AntApp, Alert, Button, Card, Form, Space, Spin, Steps } from "antd";
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { SpikeInput } from "../../bindings/SpikeInput";
import { PageHeader } from "../../components/PageHeader";
import { todayIn } from "../../days";
import { showError } from "../../errors";
import { ipc } from "../../ipc";
import { useLeaveGuard, useNav } from "../../nav";
import { useShop } from "../../queries";
import { useCommunities } from "../communities/queries";
import { useInvalidateCampaigns, useSpikePlan } from "./queries";
import { SpikeReview, SpikeWords } from "./SpikeReview";
import { SpikeWhat } from "./SpikeWhat";
import { SpikeWhen } from "./SpikeWhen";
import { blankSpike, fromSpikeInput, STEP_FIELDS, toSpikeInput, type SpikeValues } from "./spikeValues";

const STEPS = ["what", "when", "words", "review"] as const;

export function SpikeWizard({ draftId: resumeId }: { draftId?: number }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const { go } = useNav();
  const shop = useShop();
  const communities = useCommunities(false);
  const [form] = Form.useForm<SpikeValues>();
  const [step, setStep] = useState(0);
  const [draftId, setDraftId] = useState<number | null>(resumeId ?? null);
  const [ready, setReady] = useState(false);
  const [dirty, setDirty] = useState(false);
  const invalidate = useInvalidateCampaigns();
  const saved = useQuery({ queryKey: ["spike-draft", resumeId], queryFn: () => ipc.spikeDraft(resumeId!), enabled: resumeId !== undefined });

  // The form starts from the draft, or from the method's defaults.
  useEffect(() => {
    // Fresh lists only: a community made a moment ago must be among the defaults.
    if (ready || !shop || !communities.data || communities.isFetching) return;
    if (resumeId !== undefined && !saved.data) return;
    form.setFieldsValue(saved.data ? fromSpikeInput(saved.data) : blankSpike(todayIn(shop.time_zone), communities.data.map((c) => c.id)));
    setReady(true);
  }, [ready, shop, communities.data, communities.isFetching, resumeId, saved.data, form]);

  // The plan follows what is typed, a moment after the typing stops.
  const values = Form.useWatch([], form) as SpikeValues | undefined;
  const [planInput, setPlanInput] = useState<SpikeInput | null>(null);
  const typed = useMemo(() => (ready && values ? JSON.stringify(toSpikeInput({ ...form.getFieldsValue(true), ...values })) : null), [ready, values, form]);
  useEffect(() => {
    if (!typed) return;
    const timer = setTimeout(() => setPlanInput(JSON.parse(typed) as SpikeInput), 250);
    return () => clearTimeout(timer);
  }, [typed]);
  const plan = useSpikePlan(planInput);

  useLeaveGuard(() => dirty);

  const input = () => toSpikeInput(form.getFieldsValue(true) as SpikeValues);

  const saveDraft = useMutation({
    mutationFn: () => ipc.saveSpikeDraft(draftId, input()),
    onSuccess: (id) => {
      setDraftId(id);
      setDirty(false);
    },
    onError: (e) => showError(e, message),
  });

  const finish = useMutation({
    mutationFn: () => ipc.createSpike(input(), draftId),
    onSuccess: (made) => {
      setDirty(false);
      invalidate();
      void message.success(t("spike.created", { sessions: made.sessions, posts: made.content_ids.length }));
      // After the guard has seen the saved state.
      setTimeout(() => go({ page: "campaigns" }), 0);
    },
    onError: (e) => showError(e, message),
  });

  const next = async () => {
    try {
      await form.validateFields(STEP_FIELDS[step]);
    } catch {
      return;
    }
    await saveDraft.mutateAsync();
    setStep((s) => Math.min(s + 1, STEPS.length - 1));
  };

  const current = plan.data;
  const refused = current?.refused ?? true;

  return (
    <div className="sc-page">
      <PageHeader title={resumeId !== undefined ? t("spike.resumeTitle") : t("spike.title")} titleTestId="spike-title" />
      <Steps
        current={step}
        onChange={(s) => s < step && setStep(s)}
        items={STEPS.map((k) => ({ title: t(`spike.steps.${k}`) }))}
        style={{ marginBottom: 24 }}
        data-testid="spike-steps"
      />
      <Card>
        {!ready ? (
          <Spin />
        ) : (
          <Form<SpikeValues> form={form} layout="vertical" requiredMark={false} onValuesChange={() => setDirty(true)}>
            {step === 0 && <SpikeWhat plan={current} />}
            {step === 1 && <SpikeWhen plan={current} />}
            {step === 2 && current && <SpikeWords plan={current} />}
            {step === 3 && current && <SpikeReview plan={current} />}
          </Form>
        )}
        {step === 3 && current?.refused && <Alert type="error" showIcon message={t("spike.refused")} style={{ marginTop: 16 }} />}
        <Space style={{ marginTop: 24, display: "flex", justifyContent: "space-between" }}>
          <Button onClick={() => setStep((s) => Math.max(s - 1, 0))} disabled={step === 0} data-testid="spike-back">
            {t("spike.back")}
          </Button>
          {step < STEPS.length - 1 ? (
            <Button type="primary" onClick={() => void next()} loading={saveDraft.isPending} data-testid="spike-next">
              {t("spike.next")}
            </Button>
          ) : (
            <Button type="primary" onClick={() => finish.mutate()} disabled={refused || plan.isFetching} loading={finish.isPending} data-testid="spike-finish">
              {t("spike.finish")}
            </Button>
          )}
        </Space>
      </Card>
    </div>
  );
}
