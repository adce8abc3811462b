// The member gift-package wizard: Package → When → Posts → Review, on the shared wizard frame.
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { LadderInput } from "../../bindings/LadderInput";
import type { LadderPlan } from "../../bindings/LadderPlan";
import { ipc } from "../../ipc";
import { CampaignPoster } from "./CampaignPoster";
import { CampaignWizard, type WizardSpec } from "./CampaignWizard";
import { LadderPackage } from "./LadderPackage";
import { LadderWhen } from "./LadderWhen";
import { blankLadder, fromLadderInput, LADDER_STEP_FIELDS, toLadderInput, type LadderValues } from "./ladderValues";
import { PlanPosts, PlanReview } from "./PlanReview";

const STEPS = ["package", "when", "words", "poster", "review"] as const;

/** The day's poster on a channel, as it will print. */
const ladderPoster = (v: LadderValues, channelId: number) => ipc.previewLadderPoster(toLadderInput({ ...v, posterChannelId: channelId }));

function LadderReview({ plan }: { plan: LadderPlan }) {
  const { t } = useTranslation();
  const lead = plan.schedules[0]?.lead_minutes ?? 0;
  const creates = [
    t("wizard.createsCampaign"),
    t("wizard.createsSessions", { count: plan.sessions.length }),
    t("wizard.createsSchedules", { count: plan.schedules.length, lead }),
    t("wizard.createsPosts", { count: plan.posts.length }),
    ...(plan.poster ? [t("ladder.createsPoster", { channel: plan.poster.channel_name })] : []),
  ];
  return <PlanReview kind="ladder" name={plan.name} creates={creates} days={plan.sessions.map((s) => s.day)} checks={plan.checks} />;
}

export function LadderWizard({ draftId, editId }: { draftId?: number; editId?: number }) {
  const { t } = useTranslation();
  const spec = useMemo<WizardSpec<LadderValues, LadderInput, LadderPlan>>(
    () => ({
      kind: "ladder",
      title: t("ladder.title"),
      resumeTitle: t("ladder.resumeTitle"),
      editTitle: t("ladder.editTitle"),
      steps: STEPS.map((k) => t(`ladder.steps.${k}`)),
      created: (made) => t("ladder.created", { sessions: made.sessions, posts: made.content_ids.length }),
      stepFields: LADDER_STEP_FIELDS,
      blank: blankLadder,
      toInput: toLadderInput,
      fromInput: fromLadderInput,
      loadDraft: ipc.ladderDraft,
      saveDraft: ipc.saveLadderDraft,
      preview: ipc.previewLadder,
      create: ipc.createLadder,
      loadForEdit: ipc.ladderForEdit,
      previewEdit: ipc.previewLadderEdit,
      edit: ipc.editLadder,
      renderStep: (step, plan) => {
        if (step === 0) return <LadderPackage plan={plan} />;
        if (step === 1) return <LadderWhen plan={plan} />;
        if (!plan) return null;
        // The first session's announcement and last call.
        const first = plan.posts.filter((p) => p.community_id === plan.community_ids[0]).slice(0, 2);
        if (step === 2) return <PlanPosts kind="ladder" posts={first} />;
        return step === 3 ? <CampaignPoster<LadderValues> kind="ladder" plan={plan} preview={ladderPoster} /> : <LadderReview plan={plan} />;
      },
    }),
    [t],
  );
  return <CampaignWizard spec={spec} draftId={draftId} editId={editId} />;
}
