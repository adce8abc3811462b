// What Finish creates for a flash sale, in the owner's words.
import { useTranslation } from "react-i18next";
import type { SpikePlan } from "../../bindings/SpikePlan";

export function useSpikeCreates(plan: SpikePlan): string[] {
  const { t } = useTranslation();
  const lead = plan.schedules[0]?.lead_minutes ?? 0;
  return [
    t("wizard.createsCampaign"),
    t("wizard.createsSessions", { count: plan.sessions.length }),
    t("wizard.createsSchedules", { count: plan.schedules.length, lead }),
    t("wizard.createsPosts", { count: plan.posts.length }),
    ...(plan.poster ? [t("spike.createsPoster", { channel: plan.poster.channel_name })] : []),
    ...(plan.pickup_vouchers > 0 ? [t("spike.createsVouchers", { count: plan.pickup_vouchers, each: plan.quantity })] : []),
  ];
}
