// Group rules in action on the community page: each warning and removal with
// the rule, the staff account and a note; a member warned twice is flagged.
// Recording a removal also ends their membership in the community.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { App as AntApp, Button, Card, Empty, Form, Input, List, Radio, Select, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Community } from "../../bindings/Community";
import type { RuleAction } from "../../bindings/RuleAction";
import { FormDialog } from "../../components/FormDialog";
import { showFormError, type FieldMap } from "../../errors";
import { dateTime } from "../../format";
import { ipc } from "../../ipc";
import { useLang } from "../../lang";
import { keys, useShop } from "../../queries";
import { LIMITS } from "../../bindings/limits";
import { lengthRule, limited } from "../../components/textLimit";

type Values = { member_id?: number; kind: RuleAction; rule?: string; staff_id?: number; note?: string };
const FIELDS: FieldMap = { member: "member_id", rule: "rule", staff: "staff_id", note: "note" };

export function RuleLog({ community, archived }: { community: Community; archived: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const zone = useShop()?.time_zone;
  const { message } = AntApp.useApp();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const [search, setSearch] = useState("");
  const [form] = Form.useForm<Values>();
  const log = useQuery({ queryKey: ["rule-events", community.id], queryFn: () => ipc.listRuleEvents(community.id) });
  const filter = { search, tag: "", community_id: community.id, limit: 20 };
  const members = useQuery({ queryKey: keys.members(filter), queryFn: () => ipc.listMembers(filter), enabled: open });
  const staff = useQuery({ queryKey: keys.staff(false), queryFn: () => ipc.listStaff(false), enabled: open });
  const save = useMutation({
    mutationFn: (v: Values) =>
      ipc.recordRuleEvent(community.id, { member_id: v.member_id ?? 0, kind: v.kind, rule: v.rule ?? "", staff_id: v.staff_id ?? null, note: v.note ?? "" }),
    onSuccess: (e) => {
      void message.success(e.kind === "removal" ? t("rules.removed", { name: e.member_name }) : t("rules.warned", { name: e.member_name }));
      setOpen(false);
      for (const key of [["rule-events"], ["members"], ["health"], ["dashboard"]]) void client.invalidateQueries({ queryKey: key });
    },
    onError: (e) => showFormError(form, e, FIELDS, message),
  });
  return (
    <Card
      size="small"
      title={<h2 className="sc-card-title">{t("rules.title")}</h2>}
      extra={!archived && <Button size="small" onClick={() => setOpen(true)} data-testid="rule-event-new">{t("rules.record")}</Button>}
      data-testid="rule-log"
    >
      <List
        size="small"
        loading={log.isPending}
        dataSource={log.data ?? []}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("rules.empty")} /> }}
        renderItem={(e) => (
          <List.Item data-testid={`rule-event-${e.id}`}>
            <Space direction="vertical" size={0}>
              <Space wrap size={[8, 0]}>
                <Tag color={e.kind === "removal" ? "red" : "orange"}>{t(`rules.kinds.${e.kind}`)}</Tag>
                <Typography.Text strong>{e.member_name}</Typography.Text>
                {e.flagged && <Tag color="volcano">{t("rules.flagged", { count: e.warnings })}</Tag>}
              </Space>
              <Typography.Text>{e.rule}{e.note && ` — ${e.note}`}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {dateTime(e.at, lang, zone)}{e.staff_name && ` · ${t("rules.by", { staff: e.staff_name })}`}
              </Typography.Text>
            </Space>
          </List.Item>
        )}
      />
      <FormDialog open={open} title={t("rules.recordTitle")} form={form} saving={save.isPending} saveTestId="rule-event-save" width={480} onClose={() => setOpen(false)}>
        <Form<Values> form={form} layout="vertical" requiredMark={false} initialValues={{ kind: "warning" }} onFinish={(v) => save.mutate(v)}>
          <Form.Item name="member_id" label={t("rules.member")} rules={[{ required: true, message: t("rules.memberRequired") }]}>
            <Select
              showSearch
              filterOption={false}
              onSearch={setSearch}
              aria-label={t("rules.member")}
              placeholder={t("rules.memberPlaceholder")}
              options={(members.data?.rows ?? []).map((m) => ({ value: m.id, label: [m.display_name, m.wechat_nickname, m.phone_masked].filter(Boolean).join(" · ") }))}
              data-testid="rule-event-member"
            />
          </Form.Item>
          <Form.Item name="kind" label={t("rules.kind")}>
            <Radio.Group options={(["warning", "removal"] as const).map((k) => ({ value: k, label: t(`rules.kinds.${k}`) }))} />
          </Form.Item>
          <Form.Item name="rule" label={t("rules.rule")} rules={[{ required: true, message: t("rules.ruleRequired") }, lengthRule(t, LIMITS.loggedRule)]}>
            {community.rules.length > 0 ? (
              <Select aria-label={t("rules.rule")} options={community.rules.map((r) => ({ value: r, label: r }))} data-testid="rule-event-rule" />
            ) : (
              <Input data-testid="rule-event-rule" {...limited(LIMITS.loggedRule)} />
            )}
          </Form.Item>
          <Form.Item name="staff_id" label={t("rules.staff")}>
            <Select allowClear aria-label={t("rules.staff")} options={(staff.data ?? []).map((s) => ({ value: s.id, label: s.display_name }))} />
          </Form.Item>
          <Form.Item name="note" label={t("rules.note")} rules={[lengthRule(t, LIMITS.ruleNote)]}>
            <Input.TextArea rows={2} data-testid="rule-event-note" {...limited(LIMITS.ruleNote)} />
          </Form.Item>
        </Form>
      </FormDialog>
    </Card>
  );
}
