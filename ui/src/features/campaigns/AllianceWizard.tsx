// The alliance wizard: Partners → Vouchers → Announcement → Review, on the
// shared wizard frame. Once published its vouchers are in the partners'
// hands, so it is cancelled and copied, never edited.
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { AllianceInput } from "../../bindings/AllianceInput";
import type { AlliancePlan } from "../../bindings/AlliancePlan";
import { ipc } from "../../ipc";
import { AlliancePartners } from "./AlliancePartners";
import { AllianceVouchers } from "./AllianceVouchers";
import { ALLIANCE_STEP_FIELDS, blankAlliance, fromAllianceInput, toAllianceInput, type AllianceValues } from "./allianceValues";
import { Announcement } from "./Announcement";
import { CampaignWizard, type WizardSpec } from "./CampaignWizard";
import { PlanReview } from "./PlanReview";

const STEPS = ["partners", "vouchers", "words", "review"] as const;

function AllianceReview({ plan }: { plan: AlliancePlan }) {
  const { t } = useTranslation();
  const creates = [
    t("wizard.createsCampaign"),
    ...plan.partners.map((p) => t("alliance.createsBatch", { name: p.batch_name, count: plan.partners.length > 0 ? plan.vouchers / plan.partners.length : 0 })),
    t("alliance.createsPosters", { count: plan.partners.length }),
    t("wizard.createsPosts", { count: plan.posts.length }),
  ];
  return <PlanReview kind="alliance" name={plan.name} creates={creates} days={[]} checks={plan.checks} />;
}

const noEdit = () => Promise.reject(new Error("a published alliance is not edited"));

export function AllianceWizard({ draftId }: { draftId?: number }) {
  const { t } = useTranslation();
  const spec = useMemo<WizardSpec<AllianceValues, AllianceInput, AlliancePlan>>(
    () => ({
      kind: "alliance",
      title: t("alliance.title"),
      resumeTitle: t("alliance.resumeTitle"),
      editTitle: t("alliance.title"),
      steps: STEPS.map((k) => t(`alliance.steps.${k}`)),
      created: () => t("alliance.created"),
      stepFields: ALLIANCE_STEP_FIELDS,
      blank: blankAlliance,
      toInput: toAllianceInput,
      fromInput: fromAllianceInput,
      loadDraft: ipc.allianceDraft,
      saveDraft: ipc.saveAllianceDraft,
      preview: ipc.previewAlliance,
      create: (input, draftId) => ipc.createAlliance(input, draftId).then((made) => ({ ...made, sessions: 1 })),
      loadForEdit: noEdit,
      previewEdit: noEdit,
      edit: noEdit,
      renderStep: (step, plan) => {
        if (step === 0) return <AlliancePartners plan={plan} />;
        if (step === 1) return <AllianceVouchers plan={plan} />;
        if (!plan) return null;
        return step === 2 ? <Announcement kind="alliance" hint={t("alliance.announcementHint")} zh={plan.announcement_zh} en={plan.announcement_en} /> : <AllianceReview plan={plan} />;
      },
    }),
    [t],
  );
  return <CampaignWizard spec={spec} draftId={draftId} />;
}
