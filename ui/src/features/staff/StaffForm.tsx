// Add or edit a staff account in a modal, with the communities it runs.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, App as AntApp, Form, Input, Radio, Select } from "antd";
import { FormDialog } from "../../components/FormDialog";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import type { Community } from "../../bindings/Community";
import type { Role } from "../../bindings/Role";
import type { Staff } from "../../bindings/Staff";
import type { StaffInput } from "../../bindings/StaffInput";
import { showFormError, type FieldMap } from "../../errors";
import { ipc } from "../../ipc";
import { keys, useShop } from "../../queries";
import { LIMITS } from "../../bindings/limits";
import { lengthRule, limited } from "../../components/textLimit";

type Values = { display_name: string; role: Role; account_id: string; note: string; community_ids: number[] };

const FIELDS: FieldMap = { display_name: "display_name", role: "role", account_id: "account_id", note: "note", communities: "community_ids" };
const EMPTY: Values = { display_name: "", role: "clerk", account_id: "", note: "", community_ids: [] };

function toValues(s?: Staff): Values {
  if (!s) return EMPTY;
  return { display_name: s.display_name, role: s.role, account_id: s.account_id, note: s.note, community_ids: s.community_ids };
}

type Props = { open: boolean; staff?: Staff; communities: Community[]; onClose: () => void };

export function StaffForm({ open, staff, communities, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const shop = useShop();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();

  useEffect(() => {
    if (open) form.setFieldsValue(toValues(staff));
  }, [open, staff, form]);

  const save = useMutation({
    mutationFn: (input: StaffInput) => (staff ? ipc.updateStaff(staff.id, input) : ipc.createStaff(input)),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: keys.staffAll });
      void client.invalidateQueries({ queryKey: keys.healthAll });
      void message.success(staff ? t("staff.saved") : t("staff.created"));
      onClose();
    },
    onError: (e) => showFormError(form, e, FIELDS, message),
  });

  const submit = (v: Values) =>
    save.mutate({
      display_name: v.display_name.trim(),
      role: v.role,
      account_id: (v.account_id ?? "").trim(),
      note: (v.note ?? "").trim(),
      community_ids: v.community_ids ?? [],
    });

  const options = communities
    .filter((c) => !c.archived_at || staff?.community_ids.includes(c.id))
    .map((c) => ({ value: c.id, label: c.name }));

  return (
    <FormDialog
      open={open}
      title={staff ? t("staff.editTitle") : t("staff.newTitle")}
      form={form}
      saving={save.isPending}
      saveTestId="staff-save"
      width={560}
      onClose={onClose}
    >
      {staff?.missing_brand && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={t("staff.missingBrand", { brand: shop?.brand ?? "" })} />
      )}
      <Form<Values> form={form} layout="vertical" requiredMark={false} initialValues={toValues(staff)} onFinish={submit}>
        <Form.Item
          name="display_name"
          label={t("staff.displayName")}
          rules={[{ required: true, whitespace: true, message: t("staff.displayNameRequired") }, lengthRule(t, LIMITS.staffName)]}
        >
          <Input data-testid="staff-display-name" placeholder={t("staff.displayNamePlaceholder")} {...limited(LIMITS.staffName)} />
        </Form.Item>
        <Form.Item name="role" label={t("staff.role")}>
          <Radio.Group optionType="button" buttonStyle="solid" options={(["manager", "clerk"] as Role[]).map((r) => ({ value: r, label: t(`staff.roles.${r}`) }))} />
        </Form.Item>
        <Form.Item name="account_id" label={t("staff.accountId")} rules={[lengthRule(t, LIMITS.staffAccount)]}>
          <Input data-testid="staff-account-id" placeholder={t("staff.accountIdPlaceholder")} {...limited(LIMITS.staffAccount)} />
        </Form.Item>
        <Form.Item name="community_ids" label={t("staff.communities")}>
          <Select mode="multiple" allowClear options={options} placeholder={t("staff.communitiesPlaceholder")} optionFilterProp="label" />
        </Form.Item>
        <Form.Item name="note" label={t("staff.note")} rules={[lengthRule(t, LIMITS.staffNote)]}>
          <Input.TextArea data-testid="staff-note" autoSize={{ minRows: 2, maxRows: 4 }} {...limited(LIMITS.staffNote)} />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}
