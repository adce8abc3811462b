// The welcome-gift wizard: Gift → Where and when → Post → Review, on the shared wizard frame.
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { DrainageInput } from "../../bindings/DrainageInput";
import type { DrainagePlan } from "../../bindings/DrainagePlan";
import { day as dayText, money } from "../../format";
import { ipc } from "../../ipc";
import { useLang } from "../../lang";
import { CampaignWizard, type WizardSpec } from "./CampaignWizard";
import { DrainageGift } from "./DrainageGift";
import { DrainageWhere } from "./DrainageWhere";
import { blankDrainage, DRAINAGE_STEP_FIELDS, fromDrainageInput, toDrainageInput, type DrainageValues } from "./drainageValues";
import { PlanPosts, PlanReview } from "./PlanReview";

const STEPS = ["gift", "where", "words", "review"] as const;

function DrainageReview({ plan }: { plan: DrainagePlan }) {
  const { t } = useTranslation();
  const lang = useLang();
  const reminders = plan.channels.filter((c) => c.replace_on.length > 0);
  const creates = [
    t("wizard.createsCampaign"),
    t("drainageWizard.createsDays", { from: dayText(plan.starts_on, lang), until: dayText(plan.ends_on, lang) }),
    t("drainageWizard.createsPosters", { count: plan.channels.length, channels: plan.channels.map((c) => c.name).join(t("drainageWizard.listSeparator")), line: plan.gift_line }),
    ...(reminders.length > 0 ? [t("drainageWizard.createsReminders", { count: reminders.length, first: dayText(reminders[0].replace_on[0], lang) })] : []),
    t("wizard.createsPosts", { count: plan.posts.length }),
    plan.vouchers > 0
      ? t("drainageWizard.createsVouchers", { count: plan.vouchers, until: plan.vouchers_valid_until ? dayText(plan.vouchers_valid_until, lang) : "" })
      : t("drainageWizard.createsClaimList", { gift: plan.reward_name }),
    t("drainageWizard.createsCost", { total: money(plan.cost_cents), joins: plan.expected_joins }),
  ];
  return <PlanReview kind="drainage" name={plan.name} creates={creates} days={[]} checks={plan.checks} />;
}

export function DrainageWizard({ draftId, editId }: { draftId?: number; editId?: number }) {
  const { t } = useTranslation();
  const spec = useMemo<WizardSpec<DrainageValues, DrainageInput, DrainagePlan>>(
    () => ({
      kind: "drainage",
      title: t("drainageWizard.title"),
      resumeTitle: t("drainageWizard.resumeTitle"),
      editTitle: t("drainageWizard.editTitle"),
      steps: STEPS.map((k) => t(`drainageWizard.steps.${k}`)),
      created: (made) => t("drainageWizard.created", { posts: made.content_ids.length }),
      stepFields: DRAINAGE_STEP_FIELDS,
      blank: blankDrainage,
      toInput: toDrainageInput,
      fromInput: fromDrainageInput,
      loadDraft: ipc.drainageDraft,
      saveDraft: ipc.saveDrainageDraft,
      preview: ipc.previewDrainage,
      create: (input, draftId) => ipc.createDrainage(input, draftId).then((made) => ({ ...made, sessions: 1 })),
      loadForEdit: ipc.drainageForEdit,
      previewEdit: ipc.previewDrainageEdit,
      edit: (id, input) => ipc.editDrainage(id, input).then((made) => ({ ...made, sessions: 1 })),
      renderStep: (step, plan) => {
        if (step === 0) return <DrainageGift plan={plan} />;
        if (step === 1) return <DrainageWhere plan={plan} />;
        if (!plan) return null;
        return step === 2 ? <PlanPosts kind="drainage" posts={plan.posts} /> : <DrainageReview plan={plan} />;
      },
    }),
    [t],
  );
  return <CampaignWizard spec={spec} draftId={draftId} editId={editId} />;
}
