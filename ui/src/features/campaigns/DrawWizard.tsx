// The lucky-draw wizard: Prizes → Who → When → Announcement → Review, on the
// shared wizard frame. A draw starts when it is published (its announcement
// is the promise), so it is never edited: cancel it and copy it instead.
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { DrawInput } from "../../bindings/DrawInput";
import type { DrawPlan } from "../../bindings/DrawPlan";
import { money } from "../../format";
import { ipc } from "../../ipc";
import { Announcement } from "./Announcement";
import { CampaignWizard, type WizardSpec } from "./CampaignWizard";
import { DrawPrizes } from "./DrawPrizes";
import { DrawWhen } from "./DrawWhen";
import { DrawWho } from "./DrawWho";
import { blankDraw, DRAW_STEP_FIELDS, fromDrawInput, toDrawInput, type DrawValues } from "./drawValues";
import { PlanReview } from "./PlanReview";

const STEPS = ["prizes", "who", "when", "words", "review"] as const;

function DrawReview({ plan }: { plan: DrawPlan }) {
  const { t } = useTranslation();
  const prizes = plan.prizes.reduce((n, p) => n + p.quantity, 0);
  const creates = [
    t("wizard.createsCampaign"),
    t("drawWizard.createsPrizes", { count: plan.prizes.length, prizes, consolation: plan.consolation_name }),
    t("drawWizard.createsEntrants", { count: plan.entrants }),
    t("drawWizard.createsReminders"),
    t("wizard.createsPosts", { count: plan.posts.length }),
    t("drawWizard.createsCost", { max: money(plan.max_cost_cents), expected: money(plan.expected_cost_cents), budget: money(plan.budget_cents) }),
  ];
  return <PlanReview kind="draw" name={plan.name} creates={creates} days={[]} checks={plan.checks} />;
}

const noEdit = () => Promise.reject(new Error("a published draw is not edited"));

export function DrawWizard({ draftId }: { draftId?: number }) {
  const { t } = useTranslation();
  const spec = useMemo<WizardSpec<DrawValues, DrawInput, DrawPlan>>(
    () => ({
      kind: "draw",
      title: t("drawWizard.title"),
      resumeTitle: t("drawWizard.resumeTitle"),
      editTitle: t("drawWizard.title"),
      steps: STEPS.map((k) => t(`drawWizard.steps.${k}`)),
      created: () => t("drawWizard.created"),
      stepFields: DRAW_STEP_FIELDS,
      blank: (today, ids) => blankDraw(today, ids, t("drawWizard.defaultSource")),
      toInput: toDrawInput,
      fromInput: fromDrawInput,
      loadDraft: ipc.drawDraft,
      saveDraft: ipc.saveDrawDraft,
      preview: ipc.previewDraw,
      create: (input, draftId) => ipc.createDraw(input, draftId).then((made) => ({ ...made, sessions: 1 })),
      loadForEdit: noEdit,
      previewEdit: noEdit,
      edit: noEdit,
      renderStep: (step, plan) => {
        if (step === 0) return <DrawPrizes plan={plan} />;
        if (step === 1) return <DrawWho plan={plan} />;
        if (step === 2) return <DrawWhen plan={plan} />;
        if (!plan) return null;
        return step === 3 ? <Announcement kind="draw" hint={t("drawWizard.announcementHint")} zh={plan.announcement_zh} en={plan.announcement_en} /> : <DrawReview plan={plan} />;
      },
    }),
    [t],
  );
  return <CampaignWizard spec={spec} draftId={draftId} />;
}
