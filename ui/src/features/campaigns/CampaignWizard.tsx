// Every campaign wizard's frame: its steps, Back and Next that keep
// everything, a draft saved at each Next (to resume after a restart), the
// core's plan for exactly what is typed (a moment after the typing stops),
// and Finish creating what the review lists in one step. A kind brings its
// form values, its conversion to the core's input, and its steps' content.
import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import { App as AntApp, Alert, Button, Card, Form, Space, Spin, Steps } from "antd";
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { PageHeader } from "../../components/PageHeader";
import { todayIn } from "../../days";
import { showError, toMessage } from "../../errors";
import { useLeaveGuard, useNav } from "../../nav";
import { useShop } from "../../queries";
import { useCommunities } from "../communities/queries";
import { WizardEditing } from "./Locked";
import { useInvalidateCampaigns } from "./queries";

/** What a campaign kind brings to the wizard. */
export type WizardSpec<V, I, P extends { refused: boolean }> = {
  /** The kind's test-id prefix ("spike", "ladder"). */
  kind: string;
  /** The page's title, new and resumed from a draft. */
  title: string;
  resumeTitle: string;
  /** Each step's title. */
  steps: string[];
  /** What Finish made, in a sentence. */
  created: (made: { sessions: number; content_ids: number[] }) => string;
  /** Which fields each step holds, for checking one step at a time. */
  stepFields: (keyof V)[][];
  blank: (today: string, communityIds: number[]) => V;
  toInput: (v: V) => I;
  fromInput: (i: I) => V;
  loadDraft: (id: number) => Promise<I>;
  saveDraft: (id: number | null, input: I) => Promise<number>;
  preview: (input: I) => Promise<P>;
  create: (input: I, draftId: number | null) => Promise<{ sessions: number; content_ids: number[] }>;
  /** A published campaign reopened before it starts: its choices, the plan of an edit, the edit. */
  editTitle: string;
  loadForEdit: (id: number) => Promise<I>;
  previewEdit: (id: number, input: I) => Promise<P>;
  edit: (id: number, input: I) => Promise<{ sessions: number; content_ids: number[] }>;
  renderStep: (step: number, plan: P | undefined) => React.ReactNode;
};

type WizardProps<V, I, P extends { refused: boolean }> = {
  spec: WizardSpec<V, I, P>;
  /** Resume this draft. */
  draftId?: number;
  /** Edit this published campaign before it starts: no drafts, its terms locked. */
  editId?: number;
};

export function CampaignWizard<V, I, P extends { refused: boolean }>({ spec, draftId: resumeId, editId }: WizardProps<V, I, P>) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const { go } = useNav();
  const shop = useShop();
  const communities = useCommunities(false);
  const [form] = Form.useForm<V>();
  const [step, setStep] = useState(0);
  const [draftId, setDraftId] = useState<number | null>(resumeId ?? null);
  const [ready, setReady] = useState(false);
  const [dirty, setDirty] = useState(false);
  const invalidate = useInvalidateCampaigns();
  const editing = editId !== undefined;
  const saved = useQuery({
    queryKey: [spec.kind, editing ? "edit" : "draft", editId ?? resumeId],
    queryFn: () => (editing ? spec.loadForEdit(editId) : spec.loadDraft(resumeId!)),
    enabled: resumeId !== undefined || editing,
  });

  // The form starts from the draft, or from the method's defaults.
  useEffect(() => {
    // Fresh lists only: a community made a moment ago must be among the defaults.
    if (ready || !shop || !communities.data || communities.isFetching) return;
    if ((resumeId !== undefined || editing) && !saved.data) return;
    form.setFieldsValue((saved.data ? spec.fromInput(saved.data) : spec.blank(todayIn(shop.time_zone), communities.data.map((c) => c.id))) as Parameters<typeof form.setFieldsValue>[0]);
    setReady(true);
  }, [ready, shop, communities.data, communities.isFetching, resumeId, editing, saved.data, form, spec]);

  // The plan follows what is typed, a moment after the typing stops.
  const values = Form.useWatch([], form) as V | undefined;
  const [planInput, setPlanInput] = useState<I | null>(null);
  const typed = useMemo(() => (ready && values ? JSON.stringify(spec.toInput({ ...form.getFieldsValue(true), ...values })) : null), [ready, values, form, spec]);
  useEffect(() => {
    if (!typed) return;
    const timer = setTimeout(() => setPlanInput(JSON.parse(typed) as I), 250);
    return () => clearTimeout(timer);
  }, [typed]);
  const plan = useQuery({
    queryKey: ["campaigns", "plan", spec.kind, editId, planInput],
    queryFn: () => (editing ? spec.previewEdit(editId, planInput!) : spec.preview(planInput!)),
    enabled: planInput !== null,
    placeholderData: keepPreviousData,
  });

  useLeaveGuard(() => dirty);

  const input = () => spec.toInput(form.getFieldsValue(true) as V);

  const saveDraft = useMutation({
    mutationFn: () => spec.saveDraft(draftId, input()),
    onSuccess: (id) => {
      setDraftId(id);
      setDirty(false);
    },
    onError: (e) => showError(e, message),
  });

  const finish = useMutation({
    mutationFn: () => (editing ? spec.edit(editId, input()) : spec.create(input(), draftId)),
    onSuccess: (made) => {
      setDirty(false);
      invalidate();
      void message.success(editing ? t("wizard.edited") : spec.created(made));
      // After the guard has seen the saved state.
      setTimeout(() => go({ page: "campaigns" }), 0);
    },
    onError: (e) => showError(e, message),
  });

  const next = async () => {
    try {
      await form.validateFields(spec.stepFields[step] as Parameters<typeof form.validateFields>[0]);
    } catch {
      return;
    }
    // An edit is not a draft: the published campaign stays as it is until Finish.
    if (!editing) await saveDraft.mutateAsync();
    // From the step this click was on: a double click moves one step, not two.
    setStep(Math.min(step + 1, spec.steps.length - 1));
  };

  const current = plan.data;
  const last = spec.steps.length - 1;
  const id = (what: string) => `${spec.kind}-${what}`;

  return (
    <div className="sc-page">
      <PageHeader title={editing ? spec.editTitle : resumeId !== undefined ? spec.resumeTitle : spec.title} titleTestId={id("title")} />
      {editing && <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t("wizard.editingHint")} data-testid={id("editing")} />}
      <Steps
        current={step}
        onChange={(s) => s < step && setStep(s)}
        items={spec.steps.map((title) => ({ title }))}
        style={{ marginBottom: 24 }}
        data-testid={id("steps")}
      />
      <Card>
        {saved.isError ? (
          <Alert type="error" showIcon message={toMessage(saved.error)} data-testid={id("load-error")} />
        ) : !ready ? (
          <Spin />
        ) : (
          <Form<V> form={form} layout="vertical" requiredMark={false} onValuesChange={() => setDirty(true)}>
            <WizardEditing.Provider value={editing}>{spec.renderStep(step, current)}</WizardEditing.Provider>
          </Form>
        )}
        {step === last && current?.refused && <Alert type="error" showIcon message={t("wizard.refused")} style={{ marginTop: 16 }} />}
        <Space style={{ marginTop: 24, display: "flex", justifyContent: "space-between" }}>
          <Button onClick={() => setStep((s) => Math.max(s - 1, 0))} disabled={step === 0} data-testid={id("back")}>
            {t("wizard.back")}
          </Button>
          {step < last ? (
            <Button type="primary" onClick={() => void next()} loading={saveDraft.isPending} data-testid={id("next")}>
              {t("wizard.next")}
            </Button>
          ) : (
            <Button type="primary" onClick={() => finish.mutate()} disabled={(current?.refused ?? true) || plan.isFetching} loading={finish.isPending} data-testid={id("finish")}>
              {editing ? t("wizard.saveEdit") : t("wizard.finish")}
            </Button>
          )}
        </Space>
      </Card>
    </div>
  );
}
