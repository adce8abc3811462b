// Adding a member at the counter: a name is enough; the consent the customer
// gave is recorded with them, marketing as a separate yes.
import { useMutation, useQuery } from "@tanstack/react-query";
import { Alert, App as AntApp, Button, Checkbox, Divider, Form, Input, Radio, Select } from "antd";
import { useTranslation } from "react-i18next";
import type { ConsentMethod } from "../../bindings/ConsentMethod";
import type { Member } from "../../bindings/Member";
import { LIMITS } from "../../bindings/limits";
import { FormDialog } from "../../components/FormDialog";
import { countChars, lengthRule, limited } from "../../components/textLimit";
import { showError, showFormError, type FieldMap } from "../../errors";
import { ipc } from "../../ipc";
import { keys } from "../../queries";
import { useCommunities } from "../communities/queries";
import { useInvalidateMembers } from "./queries";

type Values = {
  display_name: string;
  phone: string;
  wechat_nickname: string;
  birthday: string;
  note: string;
  tags: string[];
  community_id?: number;
  channel_id?: number;
  staff_id?: number;
  method: ConsentMethod;
  marketing: boolean;
  recorded_by: string;
};

const FIELDS: FieldMap = {
  display_name: "display_name",
  phone: "phone",
  nickname: "wechat_nickname",
  birthday: "birthday",
  note: "note",
  tags: "tags",
  community: "community_id",
  channel: "channel_id",
  staff: "recorded_by",
  consent_method: "method",
};

export const METHODS: ConsentMethod[] = ["verbal", "paper", "qr_form"];

type Props = { open: boolean; onClose: () => void; onCreated: (m: Member) => void };

export function MemberForm({ open, onClose, onCreated }: Props) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const invalidate = useInvalidateMembers();
  const [form] = Form.useForm<Values>();
  const communities = useCommunities(false);
  const communityId = Form.useWatch("community_id", form);
  const channels = useQuery({ queryKey: keys.channels(communityId ?? 0), queryFn: () => ipc.listChannels(communityId!), enabled: !!communityId });

  const printNotice = useMutation({ mutationFn: ipc.printMemberNotice, onError: (e) => showError(e, message) });
  const save = useMutation({
    mutationFn: (v: Values) =>
      ipc.createMember({
        display_name: v.display_name.trim(),
        phone: v.phone ?? "",
        wechat_nickname: v.wechat_nickname ?? "",
        birthday: v.birthday ?? "",
        note: v.note ?? "",
        tags: v.tags ?? [],
        referred_by: null,
        join: v.community_id ? { community_id: v.community_id, channel_id: v.channel_id ?? null, staff_id: null } : undefined,
        consent: { method: v.method, marketing: v.marketing, recorded_by: v.recorded_by ?? "" },
      }),
    onSuccess: (m) => {
      invalidate();
      void message.success(t("members.created"));
      onCreated(m);
    },
    onError: (e) => showFormError(form, e, FIELDS, message),
  });

  const tagRule = {
    validator: async (_: unknown, tags: string[] | undefined) => {
      if ((tags ?? []).length > LIMITS.memberTags) throw new Error(t("members.tooManyTags", { max: LIMITS.memberTags }));
      if ((tags ?? []).some((tag) => countChars(tag) > LIMITS.memberTag)) throw new Error(t("members.tagTooLong", { max: LIMITS.memberTag }));
    },
  };

  return (
    <FormDialog open={open} title={t("members.newTitle")} form={form} saving={save.isPending} saveTestId="member-save" width={620} onClose={onClose}>
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ method: "verbal", marketing: false, tags: [] }}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item name="display_name" label={t("members.name")} rules={[{ required: true, whitespace: true, message: t("members.nameRequired") }, lengthRule(t, LIMITS.memberName)]}>
          <Input data-testid="member-name" placeholder={t("members.namePlaceholder")} {...limited(LIMITS.memberName)} />
        </Form.Item>
        <div style={{ display: "grid", gridTemplateColumns: "1fr 1fr", columnGap: 16 }}>
          <Form.Item name="phone" label={t("members.phone")} extra={t("members.phoneHelp")}>
            <Input data-testid="member-phone" inputMode="tel" autoComplete="off" />
          </Form.Item>
          <Form.Item name="wechat_nickname" label={t("members.nickname")} rules={[lengthRule(t, LIMITS.memberNickname)]}>
            <Input data-testid="member-nickname" {...limited(LIMITS.memberNickname)} />
          </Form.Item>
          <Form.Item name="birthday" label={t("members.birthday")}>
            <Input data-testid="member-birthday" placeholder={t("members.birthdayPlaceholder")} />
          </Form.Item>
          <Form.Item name="tags" label={t("members.tags")} rules={[tagRule]}>
            <Select mode="tags" open={false} suffixIcon={null} placeholder={t("members.tagsPlaceholder")} aria-label={t("members.tags")} data-testid="member-tags" />
          </Form.Item>
          <Form.Item name="community_id" label={t("members.joined")}>
            <Select
              allowClear
              aria-label={t("members.joined")}
              placeholder={t("members.joinedNone")}
              options={(communities.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
              onChange={() => form.setFieldValue("channel_id", undefined)}
              data-testid="member-community"
            />
          </Form.Item>
          <Form.Item name="channel_id" label={t("members.channel")}>
            <Select
              allowClear
              disabled={!communityId}
              aria-label={t("members.channel")}
              placeholder={t("members.channelNone")}
              options={(channels.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
              data-testid="member-channel"
            />
          </Form.Item>
        </div>
        <Form.Item name="note" label={t("members.note")} rules={[lengthRule(t, LIMITS.memberNote)]}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} {...limited(LIMITS.memberNote)} />
        </Form.Item>
        <Divider orientation="left" plain style={{ marginTop: 4 }}>
          {t("members.consentTitle")}
        </Divider>
        <Alert
          type="info"
          showIcon
          message={t("members.consentNotice")}
          action={
            <Button size="small" loading={printNotice.isPending} onClick={() => printNotice.mutate()} data-testid="member-print-notice">
              {t("members.printNotice")}
            </Button>
          }
          style={{ marginBottom: 12 }}
        />
        <Form.Item name="method" label={t("members.consentMethod")}>
          <Radio.Group options={METHODS.map((m) => ({ value: m, label: t(`members.methods.${m}`) }))} data-testid="member-method" />
        </Form.Item>
        <Form.Item name="marketing" valuePropName="checked" extra={t("members.consentMarketingHelp")}>
          <Checkbox data-testid="member-marketing">{t("members.consentMarketing")}</Checkbox>
        </Form.Item>
        <Form.Item name="recorded_by" label={t("members.recordedBy")} rules={[lengthRule(t, LIMITS.memberName)]}>
          <Input data-testid="member-recorded-by" {...limited(LIMITS.memberName)} />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}
