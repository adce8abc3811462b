// The alliance's first step: which community the partners bring customers
// to, and which partner stores take part (a new one added on the spot).
import { PlusOutlined } from "@ant-design/icons";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Button, Form, Select } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { AlliancePlan } from "../../bindings/AlliancePlan";
import { chosen, chosenSome } from "../../components/selectRules";
import { ipc } from "../../ipc";
import { useCommunities } from "../communities/queries";
import { Locked } from "./Locked";
import { PartnerDialog } from "./PartnerDialog";
import { PlanChecks } from "./PlanChecks";

export function AlliancePartners({ plan }: { plan: AlliancePlan | undefined }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const client = useQueryClient();
  const communities = useCommunities(false);
  const communityId = Form.useWatch<number | undefined>("communityId");
  const partners = useQuery({ queryKey: ["partners"], queryFn: ipc.listPartners });
  const [adding, setAdding] = useState(false);
  const options = (partners.data ?? [])
    .filter((p) => p.community_id === communityId)
    .map((p) => ({ value: p.id, label: t(p.active ? "alliance.partnerOption" : "alliance.partnerOptionEnded", { name: p.name, to: p.agreement_to }) }));
  return (
    <Locked>
      <Form.Item name="communityId" label={t("alliance.community")} extra={t("alliance.communityHelp")} rules={[chosen(t("alliance.communityRequired"))]}>
        <Select data-testid="alliance-community" aria-label={t("alliance.community")} options={(communities.data ?? []).map((c) => ({ value: c.id, label: c.name }))} onChange={() => form.setFieldValue("partnerIds", [])} />
      </Form.Item>
      <Form.Item name="partnerIds" label={t("alliance.partners")} extra={options.length === 0 ? t("alliance.noPartners") : t("alliance.partnersHelp")} rules={[chosenSome(t("alliance.partnersRequired"))]}>
        <Select mode="multiple" data-testid="alliance-partners" aria-label={t("alliance.partners")} options={options} />
      </Form.Item>
      <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} disabled={!communityId} data-testid="alliance-add-partner" style={{ marginBottom: 16 }}>
        {t("alliance.addPartner")}
      </Button>
      <PartnerDialog
        communityId={communityId}
        open={adding}
        onClose={() => setAdding(false)}
        onAdded={(p) => {
          setAdding(false);
          void client.invalidateQueries({ queryKey: ["partners"] });
          form.setFieldValue("partnerIds", [...(form.getFieldValue("partnerIds") ?? []), p.id]);
        }}
      />
      {plan && <PlanChecks checks={plan.checks} rules={["community", "partners"]} />}
    </Locked>
  );
}
