// The flash-sale wizard: What → When → Posts → Review, on the shared wizard frame.
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { SpikeInput } from "../../bindings/SpikeInput";
import type { SpikePlan } from "../../bindings/SpikePlan";
import { ipc } from "../../ipc";
import { CampaignWizard, type WizardSpec } from "./CampaignWizard";
import { PlanPosts, PlanReview } from "./PlanReview";
import { CampaignPoster } from "./CampaignPoster";
import { SpikeWhat } from "./SpikeWhat";
import { SpikeWhen } from "./SpikeWhen";
import { useSpikeCreates } from "./SpikeReview";
import { blankSpike, fromSpikeInput, STEP_FIELDS, toSpikeInput, type SpikeValues } from "./spikeValues";

function SpikeReviewStep({ plan }: { plan: SpikePlan }) {
  return <PlanReview kind="spike" name={plan.name} creates={useSpikeCreates(plan)} days={plan.sessions.map((s) => s.day)} checks={plan.checks} />;
}

/** The sale's poster on a channel, as it will print. */
const spikePoster = (v: SpikeValues, channelId: number) => ipc.previewSpikePoster(toSpikeInput({ ...v, posterChannelId: channelId }));

const STEPS = ["what", "when", "words", "poster", "review"] as const;

export function SpikeWizard({ draftId, editId }: { draftId?: number; editId?: number }) {
  const { t } = useTranslation();
  const spec = useMemo<WizardSpec<SpikeValues, SpikeInput, SpikePlan>>(
    () => ({
      kind: "spike",
      title: t("spike.title"),
      resumeTitle: t("spike.resumeTitle"),
      editTitle: t("spike.editTitle"),
      steps: STEPS.map((k) => t(`spike.steps.${k}`)),
      created: (made) => t("spike.created", { sessions: made.sessions, posts: made.content_ids.length }),
      stepFields: STEP_FIELDS,
      blank: blankSpike,
      toInput: toSpikeInput,
      fromInput: fromSpikeInput,
      loadDraft: ipc.spikeDraft,
      saveDraft: ipc.saveSpikeDraft,
      preview: ipc.previewSpike,
      create: ipc.createSpike,
      loadForEdit: ipc.spikeForEdit,
      previewEdit: ipc.previewSpikeEdit,
      edit: ipc.editSpike,
      renderStep: (step, plan) => {
        if (step === 0) return <SpikeWhat plan={plan} />;
        if (step === 1) return <SpikeWhen plan={plan} />;
        if (!plan) return null;
        // The first evening's three posts.
        if (step === 2) return <PlanPosts kind="spike" posts={plan.posts.slice(0, 3)} />;
        return step === 3 ? <CampaignPoster<SpikeValues> kind="spike" plan={plan} preview={spikePoster} /> : <SpikeReviewStep plan={plan} />;
      },
    }),
    [t],
  );
  return <CampaignWizard spec={spec} draftId={draftId} editId={editId} />;
}
