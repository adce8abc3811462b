// The welcome-gift wizard's second step: the community new members join, the
// channels whose posters carry the gift (each needs its code), the days, and
// the posters' gift line.
import { Checkbox, DatePicker, Form, Input, Select, Space, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { day as dayText } from "../../format";
import { useLang } from "../../lang";
import type { DrainagePlan } from "../../bindings/DrainagePlan";
import { chosen, chosenSome } from "../../components/selectRules";
import { useCommunities } from "../communities/queries";
import { useChannels } from "../drainage/queries";
import { PlanChecks } from "./PlanChecks";
import { LIMITS } from "../../bindings/limits";
import { lengthRule, limited } from "../../components/textLimit";

export function DrainageWhere({ plan }: { plan: DrainagePlan | undefined }) {
  const { t } = useTranslation();
  const lang = useLang();
  const form = Form.useFormInstance();
  const communities = useCommunities(false);
  const communityId = Form.useWatch<number | undefined>("communityId");
  const channels = useChannels(communityId ?? 0);
  const usable = (channels.data ?? []).filter((c) => !c.archived_at);
  return (
    <>
      <Form.Item name="communityId" label={t("drainageWizard.community")} rules={[chosen(t("drainageWizard.communityRequired"))]}>
        <Select
          data-testid="drainage-community"
          aria-label={t("drainageWizard.community")}
          options={(communities.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
          // Another community's channels are not this one's.
          onChange={() => form.setFieldValue("channelIds", [])}
        />
      </Form.Item>
      <Form.Item
        name="channelIds"
        label={t("drainageWizard.channels")}
        extra={usable.length === 0 ? t("drainageWizard.noChannels") : t("drainageWizard.channelsHelp")}
        rules={[chosenSome(t("drainageWizard.channelsRequired"))]}
      >
        <Checkbox.Group style={{ width: "100%" }} aria-label={t("drainageWizard.channels")}>
          <Space direction="vertical">
            {usable.map((c) => (
              <Checkbox key={c.id} value={c.id} disabled={!c.qr}>
                <span data-testid={`drainage-channel-${c.id}`}>
                  {c.name}{" "}
                  {!c.qr ? (
                    <Tag>{t("drainageWizard.noCode")}</Tag>
                  ) : (
                    <Typography.Text type="secondary">{t(c.qr.expires_at ? "drainageWizard.groupCode" : "drainageWizard.lastingCode")}</Typography.Text>
                  )}
                </span>
              </Checkbox>
            ))}
          </Space>
        </Checkbox.Group>
      </Form.Item>
      <Form.Item name="days" label={t("drainageWizard.days")} rules={[{ required: true, message: t("drainageWizard.daysRequired") }]}>
        <DatePicker.RangePicker data-testid="drainage-days" allowClear={false} />
      </Form.Item>
      <Form.Item
        name="giftLine"
        label={t("drainageWizard.giftLine")}
        extra={plan && !form.getFieldValue("giftLine") ? t("drainageWizard.giftLineDefault", { line: plan.gift_line }) : t("drainageWizard.giftLineHelp")}
        rules={[lengthRule(t, LIMITS.posterLine)]}
      >
        <Input data-testid="drainage-gift-line" {...limited(LIMITS.posterLine)} placeholder={plan?.gift_line} />
      </Form.Item>
      {plan && plan.channels.some((c) => c.replace_on.length > 0) && (
        <Typography.Paragraph type="secondary" data-testid="drainage-replace">
          {plan.channels
            .filter((c) => c.replace_on.length > 0)
            .map((c) => t("drainageWizard.replaceOn", { channel: c.name, days: c.replace_on.map((d) => dayText(d, lang)).join(t("drainageWizard.listSeparator")) }))
            .join(" ")}
        </Typography.Paragraph>
      )}
      {plan && <PlanChecks checks={plan.checks} rules={["community", "channels", "when", "clash", "gift_line"]} />}
    </>
  );
}
