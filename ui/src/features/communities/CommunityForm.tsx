// Create or edit a community in a drawer. The backend judges; its field errors land on the field.
import { useMutation } from "@tanstack/react-query";
import { App as AntApp, Button, Drawer, Form, Input, Radio, Select, Space } from "antd";
import { LIMITS } from "../../bindings/limits";
import { NumberInput } from "../../components/NumberInput";
import { lengthRule, limited } from "../../components/textLimit";
import { numberRules, readNumber } from "../../numbers";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import type { Community } from "../../bindings/Community";
import type { CommunityInput } from "../../bindings/CommunityInput";
import type { Kind } from "../../bindings/Kind";
import type { Platform } from "../../bindings/Platform";
import type { Stage } from "../../bindings/Stage";
import { showFormError, type FieldMap } from "../../errors";
import { ipc } from "../../ipc";
import { KindPicker } from "./KindPicker";
import { PLATFORMS, STAGES } from "./labels";
import { useInvalidateCommunity } from "./queries";
import { RulesEditor } from "./RulesEditor";
import { useDiscardGuard } from "../../components/discardGuard";

type Values = {
  name: string;
  kind?: Kind;
  stage: Stage;
  platform: Platform;
  purpose: string;
  goal: string;
  capacity: string;
  rules: string[];
};

const FIELDS: FieldMap = { name: "name", kind: "kind", stage: "stage", platform: "platform", purpose: "purpose", goal: "goal", capacity: "capacity", rules: "rules" };

const EMPTY: Values = { name: "", stage: "drainage", platform: "wechat_group", purpose: "", goal: "", capacity: "", rules: [] };

function toValues(c?: Community): Values {
  if (!c) return EMPTY;
  const { name, kind, stage, platform, purpose, goal, capacity, rules } = c;
  return { name, kind, stage, platform, purpose, goal, capacity: capacity === null ? "" : String(capacity), rules };
}

export function toInput(v: Values): CommunityInput {
  return {
    name: v.name.trim(),
    kind: v.kind as Kind,
    stage: v.stage,
    platform: v.platform,
    purpose: (v.purpose ?? "").trim(),
    goal: (v.goal ?? "").trim(),
    capacity: readNumber(v.capacity),
    rules: (v.rules ?? []).map((r) => (r ?? "").trim()).filter((r) => r.length > 0),
  };
}

type Props = { open: boolean; community?: Community; onClose: () => void };

export function CommunityForm({ open, community, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const cancel = useDiscardGuard(form, onClose);
  const invalidate = useInvalidateCommunity();

  useEffect(() => {
    if (open) form.setFieldsValue(toValues(community));
  }, [open, community, form]);

  const save = useMutation({
    mutationFn: (input: CommunityInput) => (community ? ipc.updateCommunity(community.id, input) : ipc.createCommunity(input)),
    onSuccess: (c) => {
      invalidate(c.id);
      void message.success(community ? t("form.saved") : t("form.created"));
      onClose();
    },
    onError: (e) => showFormError(form, e, FIELDS, message),
  });

  return (
    <Drawer
      open={open}
      onClose={cancel}
      width={680}
      destroyOnHidden
      title={community ? t("form.editTitle") : t("form.createTitle")}
      extra={
        <Space>
          <Button onClick={cancel}>{t("common.cancel")}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="community-save">
            {t("common.save")}
          </Button>
        </Space>
      }
    >
      <Form<Values> form={form} layout="vertical" requiredMark={false} initialValues={toValues(community)} onFinish={(v) => save.mutate(toInput(v))}>
        <Form.Item name="name" label={t("form.name")} rules={[{ required: true, whitespace: true, message: t("form.nameRequired") }, lengthRule(t, LIMITS.communityName)]}>
          <Input data-testid="community-name" placeholder={t("form.namePlaceholder")} {...limited(LIMITS.communityName)} />
        </Form.Item>
        <Form.Item name="kind" label={t("form.kind")} rules={[{ required: true, message: t("form.kindRequired") }]}>
          <KindPicker />
        </Form.Item>
        <Form.Item name="platform" label={t("form.platform")}>
          <Radio.Group optionType="button">
            {PLATFORMS.map((p) => (
              <Radio.Button key={p} value={p}>
                <span data-testid={`community-platform-${p}`}>{t(`platform.${p}`)}</span>
              </Radio.Button>
            ))}
          </Radio.Group>
        </Form.Item>
        <div style={{ display: "grid", gridTemplateColumns: "1fr 1fr", gap: 16 }}>
          <Form.Item name="stage" label={t("form.stage")}>
            <Select options={STAGES.map((s) => ({ value: s, label: t(`stage.${s}`) }))} data-testid="community-stage" />
          </Form.Item>
          <Form.Item name="capacity" label={t("form.capacity")} extra={t("form.capacityHint")} rules={numberRules(t, { min: 1, max: LIMITS.capacityMax })}>
            <NumberInput data-testid="community-capacity" placeholder={t("form.capacityPlaceholder")} />
          </Form.Item>
        </div>
        <Form.Item name="purpose" label={t("form.purpose")} rules={[lengthRule(t, LIMITS.communityText)]}>
          <Input.TextArea
            data-testid="community-purpose"
            placeholder={t("form.purposePlaceholder")}
            autoSize={{ minRows: 2, maxRows: 5 }}
            {...limited(LIMITS.communityText)}
          />
        </Form.Item>
        <Form.Item name="goal" label={t("form.goal")} rules={[lengthRule(t, LIMITS.communityText)]}>
          <Input.TextArea
            data-testid="community-goal"
            placeholder={t("form.goalPlaceholder")}
            autoSize={{ minRows: 1, maxRows: 4 }}
            {...limited(LIMITS.communityText)}
          />
        </Form.Item>
        <Form.Item label={t("form.rules")} required={false}>
          <RulesEditor />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
