// The referral-day wizard: Offer → When → Announcement → Review, on the shared
// wizard frame. Like the draw, its announcement is its promise to members,
// so a published referral day is cancelled and copied, never edited.
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { ReferralInput } from "../../bindings/ReferralInput";
import type { ReferralPlan } from "../../bindings/ReferralPlan";
import { money } from "../../format";
import { ipc } from "../../ipc";
import { Announcement } from "./Announcement";
import { CampaignWizard, type WizardSpec } from "./CampaignWizard";
import { PlanReview } from "./PlanReview";
import { ReferralOffer } from "./ReferralOffer";
import { ReferralWhen } from "./ReferralWhen";
import { blankReferral, fromReferralInput, REFERRAL_STEP_FIELDS, toReferralInput, type ReferralValues } from "./referralValues";

const STEPS = ["offer", "when", "words", "review"] as const;

function ReferralReview({ plan }: { plan: ReferralPlan }) {
  const { t } = useTranslation();
  const creates = [
    t("wizard.createsCampaign"),
    t("referralWizard.createsWelcome", { welcome: plan.welcome }),
    t("referralWizard.createsRewards", { tiers: plan.tiers.join(t("referralWizard.listJoin")), max: money(plan.max_reward_per_member_cents) }),
    t("referralWizard.createsCards", { count: plan.members_with_cards }),
    t("referralWizard.createsReminder"),
    t("wizard.createsPosts", { count: plan.posts.length }),
  ];
  return <PlanReview kind="referral" name={plan.name} creates={creates} days={plan.sessions.map((s) => s.day)} checks={plan.checks} />;
}

const noEdit = () => Promise.reject(new Error("a published referral day is not edited"));

export function ReferralWizard({ draftId }: { draftId?: number }) {
  const { t } = useTranslation();
  const spec = useMemo<WizardSpec<ReferralValues, ReferralInput, ReferralPlan>>(
    () => ({
      kind: "referral",
      title: t("referralWizard.title"),
      resumeTitle: t("referralWizard.resumeTitle"),
      editTitle: t("referralWizard.title"),
      steps: STEPS.map((k) => t(`referralWizard.steps.${k}`)),
      created: () => t("referralWizard.created"),
      stepFields: REFERRAL_STEP_FIELDS,
      blank: blankReferral,
      toInput: toReferralInput,
      fromInput: fromReferralInput,
      loadDraft: ipc.referralDraft,
      saveDraft: ipc.saveReferralDraft,
      preview: ipc.previewReferral,
      create: (input, draftId) => ipc.createReferral(input, draftId).then((made) => ({ ...made, sessions: made.content_ids.length })),
      loadForEdit: noEdit,
      previewEdit: noEdit,
      edit: noEdit,
      renderStep: (step, plan) => {
        if (step === 0) return <ReferralOffer plan={plan} />;
        if (step === 1) return <ReferralWhen plan={plan} />;
        if (!plan) return null;
        return step === 2 ? <Announcement kind="referral" hint={t("referralWizard.announcementHint")} zh={plan.announcement_zh} en={plan.announcement_en} /> : <ReferralReview plan={plan} />;
      },
    }),
    [t],
  );
  return <CampaignWizard spec={spec} draftId={draftId} />;
}
