// The referral day's first step: what the friend gets at the counter (a gift
// or money off their first purchase), the member's rewards at thresholds of
// friends who came and bought, the monthly cap, and how long each lasts.
import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { Alert, Button, Form, Radio, Select, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { ReferralPlan } from "../../bindings/ReferralPlan";
import { LIMITS } from "../../bindings/limits";
import { NumberInput } from "../../components/NumberInput";
import { chosen } from "../../components/selectRules";
import { money } from "../../format";
import { numberRules } from "../../numbers";
import { useGifts } from "../gifts/queries";
import { Locked } from "./Locked";
import { PlanChecks } from "./PlanChecks";

const MONEY = { min: 0.01, max: LIMITS.moneyMaxFen / 100, decimals: 2 } as const;
const MAX_TIERS = 5;

export function ReferralOffer({ plan }: { plan: ReferralPlan | undefined }) {
  const { t } = useTranslation();
  const gifts = useGifts(false);
  const kind = Form.useWatch<"gift" | "voucher">("welcomeKind");
  const required = t("numbers.required");
  const options = (gifts.data ?? []).map((g) => ({ value: g.id, label: t("drainageWizard.giftOption", { name: g.name, cost: money(g.unit_cost_cents), stock: g.stock }) }));
  return (
    <Locked>
      <h2 className="sc-step-title">{t("referralWizard.friendGets")}</h2>
      <Form.Item name="welcomeKind" label={t("referralWizard.welcomeKind")}>
        <Radio.Group optionType="button" buttonStyle="solid" aria-label={t("referralWizard.welcomeKind")}>
          <Radio.Button value="voucher"><span data-testid="referral-kind-voucher">{t("referralWizard.voucher")}</span></Radio.Button>
          <Radio.Button value="gift"><span data-testid="referral-kind-gift">{t("referralWizard.gift")}</span></Radio.Button>
        </Radio.Group>
      </Form.Item>
      {kind === "gift" ? (
        <Form.Item name="giftId" label={t("drainageWizard.giftPick")} rules={[chosen(t("drainageWizard.giftRequired"))]} extra={options.length === 0 ? t("drainageWizard.noGifts") : undefined}>
          <Select data-testid="referral-gift" aria-label={t("drainageWizard.giftPick")} options={options} showSearch optionFilterProp="label" />
        </Form.Item>
      ) : (
        <div className="sc-grid-3">
          <Form.Item name="welcome" label={t("referralWizard.welcomeAmount")} rules={numberRules(t, { ...MONEY, required })}>
            <NumberInput money data-testid="referral-welcome" />
          </Form.Item>
          <Form.Item name="welcomeMinSpend" label={t("vouchers.form.minSpend")} rules={numberRules(t, MONEY)}>
            <NumberInput money data-testid="referral-welcome-min-spend" placeholder={t("vouchers.form.none")} />
          </Form.Item>
          <Form.Item name="welcomeDays" label={t("referralWizard.welcomeDays")} rules={numberRules(t, { min: 1, max: 365, required })}>
            <NumberInput data-testid="referral-welcome-days" />
          </Form.Item>
        </div>
      )}
      <h2 className="sc-step-title">{t("referralWizard.memberEarns")}</h2>
      <Typography.Paragraph type="secondary">{t("referralWizard.tiersHint")}</Typography.Paragraph>
      <Form.List name="tiers">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, i) => (
              <div key={field.key} className="sc-grid-3" data-testid={`referral-tier-${i}`}>
                <Form.Item label={t("referralWizard.tierFriends")} name={[field.name, "friends"]} rules={numberRules(t, { min: 1, max: 50, required })}>
                  <NumberInput data-testid={`referral-tier-friends-${i}`} />
                </Form.Item>
                <Form.Item label={t("referralWizard.tierReward")} name={[field.name, "reward"]} rules={numberRules(t, { ...MONEY, required })}>
                  <NumberInput money data-testid={`referral-tier-reward-${i}`} />
                </Form.Item>
                <Form.Item label={<span className="sc-visually-hidden">{t("referralWizard.removeTier", { n: i + 1 })}</span>}>
                  <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)} disabled={fields.length <= 1} aria-label={t("referralWizard.removeTier", { n: i + 1 })} data-testid={`referral-tier-remove-${i}`} />
                </Form.Item>
              </div>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add({ friends: "", reward: "" })} disabled={fields.length >= MAX_TIERS} data-testid="referral-tier-add" style={{ marginBottom: 16 }}>
              {t("referralWizard.addTier")}
            </Button>
          </>
        )}
      </Form.List>
      <div className="sc-grid-3">
        <Form.Item name="monthlyCap" label={t("referralWizard.monthlyCap")} extra={t("referralWizard.monthlyCapHelp")} rules={numberRules(t, { min: 1, max: 50, required })}>
          <NumberInput data-testid="referral-cap" />
        </Form.Item>
        <Form.Item name="rewardDays" label={t("referralWizard.rewardDays")} rules={numberRules(t, { min: 1, max: 365, required })}>
          <NumberInput data-testid="referral-reward-days" />
        </Form.Item>
        <Form.Item name="qualifyDays" label={t("referralWizard.qualifyDays")} extra={t("referralWizard.qualifyHelp")} rules={numberRules(t, { min: 1, max: 180, required })}>
          <NumberInput data-testid="referral-qualify-days" />
        </Form.Item>
      </div>
      {plan && plan.max_reward_per_member_cents > 0 && (
        <Alert type="info" style={{ marginBottom: 16 }} data-testid="referral-cost" message={t("referralWizard.costLine", { count: plan.members_with_cards, max: money(plan.max_reward_per_member_cents) })} />
      )}
      {plan && <PlanChecks checks={plan.checks} rules={["welcome", "tiers", "cap", "qualify", "members"]} />}
    </Locked>
  );
}
