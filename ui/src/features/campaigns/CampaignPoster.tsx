// A campaign's poster step (a flash sale's, a gift-package day's): which
// channel's code it carries (a channel of the chosen communities that has
// one), and the poster exactly as it will print, drawn by the backend from the
// plan. No channel: no poster.
import { useQueries, useQuery } from "@tanstack/react-query";
import { Alert, Form, Select, Skeleton, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { Check } from "../../bindings/Check";
import type { PlannedPoster } from "../../bindings/PlannedPoster";
import type { PosterPreview } from "../../bindings/PosterPreview";
import { toMessage } from "../../errors";
import { ipc } from "../../ipc";
import { keys } from "../../queries";
import { useCommunities } from "../communities/queries";
import { PlanChecks } from "./PlanChecks";

type Props<V> = {
  /** The kind's test-id prefix ("spike", "ladder"). */
  kind: string;
  plan: { poster: PlannedPoster | null; checks: Check[] } | undefined;
  /** The poster for the form's values with this channel; nothing is saved. */
  preview: (values: V, channelId: number) => Promise<PosterPreview>;
};

export function CampaignPoster<V>({ kind, plan, preview: draw }: Props<V>) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<V>();
  // `preserve`: the communities' field belongs to an earlier step, not mounted now.
  const communityIds = Form.useWatch<number[]>("communityIds", { form, preserve: true }) ?? [];
  const channelId = Form.useWatch<number | undefined>("posterChannelId", form);
  const communities = useCommunities(false);
  const channels = useQueries({
    queries: communityIds.map((id) => ({ queryKey: keys.channels(id), queryFn: () => ipc.listChannels(id) })),
  });
  const names = new Map((communities.data ?? []).map((c) => [c.id, c.name]));
  const options = channels.flatMap((q, i) =>
    (q.data ?? [])
      .filter((ch) => !ch.archived_at)
      .map((ch) => ({
        value: ch.id,
        disabled: !ch.qr,
        label: `${names.get(communityIds[i]) ?? ""} · ${ch.name}${ch.qr ? "" : ` (${t("spikePoster.noCode")})`}`,
      })),
  );
  const ready = plan?.poster && !plan.checks.some((c) => c.rule === "poster" && c.outcome === "refuse");
  const input = ready && channelId !== undefined ? (form.getFieldsValue(true) as V) : null;
  const preview = useQuery({
    queryKey: ["campaigns", `${kind}-poster`, input, channelId],
    queryFn: () => draw(input!, channelId!),
    enabled: input !== null,
  });
  return (
    <>
      <Form.Item name="posterChannelId" label={t("spikePoster.channel")} extra={t("spikePoster.channelHelp")}>
        <Select
          allowClear
          placeholder={t("spikePoster.none")}
          options={options}
          aria-label={t("spikePoster.channel")}
          data-testid={`${kind}-poster-channel`}
          loading={channels.some((q) => q.isPending)}
        />
      </Form.Item>
      {options.length === 0 && !channels.some((q) => q.isPending) && <Alert type="info" showIcon message={t("spikePoster.noChannels")} />}
      {plan && <PlanChecks checks={plan.checks} rules={["poster"]} />}
      {input && preview.isPending && <Skeleton.Image active style={{ width: 280, height: 396 }} />}
      {preview.isError && <Alert type="error" showIcon message={toMessage(preview.error)} />}
      {input && preview.data && (
        <div style={{ textAlign: "center" }}>
          <img
            src={preview.data.image}
            alt={t("spikePoster.previewAlt")}
            data-testid={`${kind}-poster-preview`}
            data-payload={preview.data.payload}
            style={{ maxWidth: "100%", width: 360, boxShadow: "0 2px 12px rgba(0,0,0,0.12)", borderRadius: 4 }}
          />
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
            {t("spikePoster.savedOnFinish")}
          </Typography.Paragraph>
        </div>
      )}
    </>
  );
}
