// Every campaign: its kind, status, communities, next session and sessions;
// filter by status; continue a draft, cancel a coming one with a reason. "New
// campaign" explains each kind from the method before opening its wizard.
import { GiftOutlined, PlusOutlined, QrcodeOutlined, ShopOutlined, TeamOutlined, ThunderboltOutlined, TrophyOutlined } from "@ant-design/icons";
import { useMutation } from "@tanstack/react-query";
import { App as AntApp, Button, Card, Modal, Popconfirm, Segmented, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Campaign } from "../../bindings/Campaign";
import type { Status } from "../../bindings/Status";
import { ListTable } from "../../components/ListTable";
import { PageHeader } from "../../components/PageHeader";
import { ReasonDialog } from "../../components/ReasonDialog";
import { showError } from "../../errors";
import { dateTime, money } from "../../format";
import { ipc, toErrorPayload } from "../../ipc";
import { useLang } from "../../lang";
import { useNav, type Route } from "../../nav";
import { useShop } from "../../queries";
import { useCommunities } from "../communities/queries";
import { STATUS_COLOR, STATUSES, useCampaigns, useInvalidateCampaigns } from "./queries";

/** The wizard that makes a kind's campaigns (resumes a draft, edits a published one before it starts). */
function wizard(kind: Campaign["kind"], draftId?: number, editId?: number): Route {
  if (kind === "ladder") return { page: "ladder", draftId, editId };
  if (kind === "drainage") return { page: "drainageWizard", draftId, editId };
  if (kind === "draw") return { page: "drawWizard", draftId };
  if (kind === "referral") return { page: "referralWizard", draftId };
  if (kind === "alliance") return { page: "allianceWizard", draftId };
  return { page: "spike", draftId, editId };
}

const WIZARDS: Campaign["kind"][] = ["spike", "ladder", "drainage", "draw", "referral", "alliance"];
/** The "New campaign" choices, in the method's order of use. */
const PICKS: { kind: "spike" | "ladder" | "drainage" | "draw" | "referral" | "alliance"; icon: (p: { style: React.CSSProperties }) => React.ReactNode; color: string }[] = [
  { kind: "spike", icon: (p) => <ThunderboltOutlined {...p} />, color: "#9a5c00" },
  { kind: "ladder", icon: (p) => <GiftOutlined {...p} />, color: "#2f7d5b" },
  { kind: "drainage", icon: (p) => <QrcodeOutlined {...p} />, color: "#1f5e43" },
  { kind: "draw", icon: (p) => <TrophyOutlined {...p} />, color: "#8a5a00" },
  { kind: "referral", icon: (p) => <TeamOutlined {...p} />, color: "#2d5f8a" },
  { kind: "alliance", icon: (p) => <ShopOutlined {...p} />, color: "#6b4f9a" },
];

/** The kinds with a session report (a draw's figures are on its own page). */
const REPORTS: Campaign["kind"][] = ["spike", "ladder", "drainage"];

export function CampaignsPage() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const lang = useLang();
  const zone = useShop()?.time_zone;
  const { go } = useNav();
  const [status, setStatus] = useState<Status | null>(null);
  const [picking, setPicking] = useState(false);
  const [cancelling, setCancelling] = useState<Campaign | null>(null);
  const campaigns = useCampaigns(status);
  const communities = useCommunities(true);
  const invalidate = useInvalidateCampaigns();
  const names = new Map((communities.data ?? []).map((c) => [c.id, c.name]));

  const discard = useMutation({
    mutationFn: (id: number) => ipc.discardCampaignDraft(id),
    onSuccess: () => {
      invalidate();
      void message.success(t("campaigns.discarded"));
    },
    onError: (e) => showError(e, message),
  });
  // A copy opens in its wizard as a draft: dates and terms can change there.
  const copy = useMutation({
    mutationFn: (c: Campaign) => ipc.copyCampaign(c.id).then((draftId) => ({ draftId, kind: c.kind })),
    onSuccess: ({ draftId, kind }) => {
      invalidate();
      go(wizard(kind, draftId));
    },
    onError: (e) => showError(e, message),
  });
  const cancel = useMutation({
    mutationFn: ({ id, reason }: { id: number; reason: string }) => ipc.cancelCampaign(id, reason),
    onSuccess: (done) => {
      invalidate();
      setCancelling(null);
      void message.success(t("campaigns.cancelled", { sessions: done.schedules_ended, posts: done.posts_withdrawn }));
    },
  });

  const columns = [
    {
      title: t("campaigns.nameColumn"),
      key: "name",
      render: (_: unknown, c: Campaign) => (
        <div style={{ minWidth: 180 }}>
          <Typography.Text strong data-testid="campaign-row-name">{c.name || t(`campaigns.kinds.${c.kind}`)}</Typography.Text>
          <Typography.Text type="secondary" style={{ display: "block", fontSize: 12 }}>
            {t(`campaigns.kinds.${c.kind}`)}
            {c.community_ids.length > 0 && ` · ${c.community_ids.map((id) => names.get(id) ?? `#${id}`).join(t("drainageWizard.listSeparator"))}`}
            {c.cancel_reason && ` · ${t("campaigns.cancelledBecause", { reason: c.cancel_reason })}`}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: t("campaigns.statusColumn"),
      key: "status",
      width: 150,
      render: (_: unknown, c: Campaign) => (
        <div>
          <Tag color={STATUS_COLOR[c.status]} data-testid="campaign-row-status">{t(`campaigns.status.${c.status}`)}</Tag>
          {c.figures && (
            <div data-testid={`campaign-figures-${c.id}`} style={{ marginTop: 4, fontSize: 12, whiteSpace: "nowrap" }}>
              <div>{t(`campaigns.figures.${c.kind === "drainage" ? "claimed" : c.kind === "ladder" ? "packages" : c.kind === "draw" ? "claimedOf" : c.kind === "referral" ? "referred" : c.kind === "alliance" ? "redeemedOf" : "sold"}`, { done: c.figures.done, planned: c.figures.planned })}</div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t(c.kind === "drainage" || c.kind === "draw" || c.kind === "referral" || c.kind === "alliance" ? "campaigns.figures.spent" : "campaigns.figures.revenue", { money: money(c.figures.money_cents) })}
              </Typography.Text>
            </div>
          )}
        </div>
      ),
    },
    {
      title: t("campaigns.nextColumn"),
      key: "next",
      width: 180,
      render: (_: unknown, c: Campaign) =>
        // A welcome gift runs day after day: its last minute, not sessions.
        c.kind === "drainage" || c.kind === "referral" || c.kind === "alliance" ? (
          c.ends_at && c.status !== "draft" && <div>{t("campaigns.until", { when: dateTime(new Date(Date.parse(c.ends_at) - 60_000).toISOString(), lang, zone) })}</div>
        ) : (
          <div>
            {c.next_at && <div>{t("campaigns.next", { when: dateTime(c.next_at, lang, zone) })}</div>}
            {c.sessions > 0 && <Typography.Text type="secondary">{t("campaigns.sessions", { count: c.sessions })}</Typography.Text>}
          </div>
        ),
    },
    {
      title: <span className="sc-visually-hidden">{t("campaigns.actionsColumn")}</span>,
      key: "actions",
      width: 330,
      render: (_: unknown, c: Campaign) =>
        c.status === "draft" ? (
          <Space size={4}>
            <Button size="small" type="primary" ghost onClick={() => go(wizard(c.kind, c.id))} data-testid={`campaign-continue-${c.id}`}>
              {t("campaigns.continue")}
            </Button>
            <Popconfirm title={t("campaigns.discardConfirm")} onConfirm={() => discard.mutate(c.id)}>
              <Button size="small" type="text" danger data-testid={`campaign-discard-${c.id}`}>
                {t("campaigns.discard")}
              </Button>
            </Popconfirm>
          </Space>
        ) : (
          <Space size={4}>
            {c.kind === "spike" && c.status !== "cancelled" && (
              <Button size="small" type={c.status === "running" ? "primary" : "default"} onClick={() => go({ page: "spikeConsole", id: c.id })} data-testid={`campaign-console-${c.id}`}>
                {t("campaigns.console")}
              </Button>
            )}
            {c.kind === "ladder" && c.status !== "cancelled" && c.status !== "scheduled" && (
              <Button size="small" type={c.status === "running" ? "primary" : "default"} onClick={() => go({ page: "ladderSettle", id: c.id })} data-testid={`campaign-settle-${c.id}`}>
                {t("campaigns.settle")}
              </Button>
            )}
            {c.kind === "drainage" && c.status !== "cancelled" && (
              <Button size="small" type={c.status === "running" ? "primary" : "default"} onClick={() => go({ page: "drainageClaims", id: c.id })} data-testid={`campaign-claims-${c.id}`}>
                {t("campaigns.claims")}
              </Button>
            )}
            {c.kind === "draw" && (
              <Button size="small" type={c.status === "running" ? "primary" : "default"} onClick={() => go({ page: "drawConsole", id: c.id })} data-testid={`campaign-draw-${c.id}`}>
                {t("campaigns.drawPage")}
              </Button>
            )}
            {c.kind === "referral" && (
              <Button size="small" type={c.status === "running" ? "primary" : "default"} onClick={() => go({ page: "referralConsole", id: c.id })} data-testid={`campaign-referral-${c.id}`}>
                {t("campaigns.drawPage")}
              </Button>
            )}
            {c.kind === "alliance" && (
              <Button size="small" type={c.status === "running" ? "primary" : "default"} onClick={() => go({ page: "allianceConsole", id: c.id })} data-testid={`campaign-alliance-${c.id}`}>
                {t("campaigns.drawPage")}
              </Button>
            )}
            {REPORTS.includes(c.kind) && c.status !== "scheduled" && (
              <Button size="small" onClick={() => go({ page: "campaignReport", id: c.id })} data-testid={`campaign-report-${c.id}`}>
                {t("campaigns.report")}
              </Button>
            )}
            {REPORTS.includes(c.kind) && c.status === "scheduled" && (
              <Button size="small" onClick={() => go(wizard(c.kind, undefined, c.id))} data-testid={`campaign-edit-${c.id}`}>
                {t("campaigns.edit")}
              </Button>
            )}
            {WIZARDS.includes(c.kind) && (
              <Button size="small" type="text" onClick={() => copy.mutate(c)} data-testid={`campaign-copy-${c.id}`}>
                {t("campaigns.copy")}
              </Button>
            )}
            {(c.status === "scheduled" || c.status === "running") && (
              <Button size="small" danger onClick={() => setCancelling(c)} data-testid={`campaign-cancel-${c.id}`}>
                {t("campaigns.cancel")}
              </Button>
            )}
          </Space>
        ),
    },
  ];

  return (
    <div className="sc-page">
      <PageHeader
        title={t("campaigns.title")}
        description={t("campaigns.subtitle")}
        actions={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setPicking(true)} data-testid="campaign-new">
            {t("campaigns.add")}
          </Button>
        }
      />
      <Segmented<string>
        aria-label={t("campaigns.filter")}
        style={{ marginBottom: 16 }}
        value={status ?? "all"}
        onChange={(v) => setStatus(v === "all" ? null : (v as Status))}
        options={[{ value: "all", label: t("campaigns.all") }, ...STATUSES.map((s) => ({ value: s, label: <span data-testid={`campaign-filter-${s}`}>{t(`campaigns.status.${s}`)}</span> }))]}
      />
      <ListTable<Campaign>
        list={campaigns}
        columns={columns}
        empty={t("campaigns.empty")}
        emptyHint={t("campaigns.emptyHint")}
        rowTestId="campaign-row"
        minWidth={800}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
      />
      <Modal open={picking} onCancel={() => setPicking(false)} footer={null} title={t("campaigns.pickTitle")} destroyOnHidden width={560}>
        {PICKS.map(({ kind, icon, color }, i) => (
          <Card
            key={kind}
            hoverable
            role="button"
            tabIndex={0}
            style={i > 0 ? { marginTop: 12 } : undefined}
            onClick={() => go(wizard(kind))}
            onKeyDown={(e) => e.key === "Enter" && go(wizard(kind))}
            data-testid={`campaign-pick-${kind}`}
          >
            <Card.Meta avatar={icon({ style: { fontSize: 24, color } })} title={t(`campaigns.kinds.${kind}`)} description={t(`campaigns.kindHint.${kind}`)} />
          </Card>
        ))}
      </Modal>
      <ReasonDialog
        open={cancelling !== null}
        title={t("campaigns.cancelTitle")}
        description={t("campaigns.cancelBody")}
        okText={t("campaigns.cancelOk")}
        placeholder={t("campaigns.cancelReason")}
        testId="campaign-cancel"
        loading={cancel.isPending}
        danger
        error={cancel.error ? toErrorPayload(cancel.error).message : null}
        onConfirm={(reason) => cancelling && cancel.mutate({ id: cancelling.id, reason })}
        onCancel={() => setCancelling(null)}
      />
    </div>
  );
}
