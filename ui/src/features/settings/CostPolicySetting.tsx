// What a campaign plan does with a price below cost: refuse it (the default),
// warn, or say nothing. A loss leader is decided here once, not slipped
// through a wizard.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { App as AntApp, Card, Radio, Space, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { CostPolicy } from "../../bindings/CostPolicy";
import { showError } from "../../errors";
import { ipc } from "../../ipc";

const POLICIES: CostPolicy[] = ["block", "warn", "off"];
const KEY = ["settings", "cost-policy"];

export function CostPolicySetting() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const client = useQueryClient();
  const policy = useQuery({ queryKey: KEY, queryFn: ipc.getCostPolicy });
  const set = useMutation({
    mutationFn: (p: CostPolicy) => ipc.setCostPolicy(p),
    onSuccess: (p) => {
      client.setQueryData(KEY, p);
      // Open plans are checked again under the new policy.
      void client.invalidateQueries({ queryKey: ["campaigns", "plan"] });
      void message.success(t("settings.costPolicy.saved"));
    },
    onError: (e) => showError(e, message),
  });
  return (
    <Card title={t("settings.costPolicy.title")} style={{ marginBottom: 20 }}>
      <Radio.Group
        value={set.isPending ? set.variables : policy.data}
        disabled={policy.isPending}
        onChange={(e) => set.mutate(e.target.value as CostPolicy)}
        aria-label={t("settings.costPolicy.title")}
      >
        <Space direction="vertical">
          {POLICIES.map((p) => (
            <Radio key={p} value={p} data-testid={`settings-cost-${p}`}>
              <Typography.Text strong>{t(`settings.costPolicy.${p}`)}</Typography.Text>
              <Typography.Text type="secondary" style={{ display: "block" }}>
                {t(`settings.costPolicy.${p}Hint`)}
              </Typography.Text>
            </Radio>
          ))}
        </Space>
      </Radio.Group>
    </Card>
  );
}
