// A lucky draw's page, in its order: the list as it stands; at the freeze
// time, freeze it and post the two hashes; at the draw time, type the public
// value and draw (once, for good); then the result post, every entrant's
// voucher, the budget spent, and the check anyone can run — shown here in a
// sandboxed frame, or saved as a file and a page to post in the group.
import { CopyOutlined, LockOutlined, SafetyCertificateOutlined, TrophyOutlined } from "@ant-design/icons";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { App as AntApp, Alert, Button, Card, Descriptions, Form, Input, Modal, Popconfirm, Space, Spin, Steps, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { DrawConsole as Console } from "../../bindings/DrawConsole";
import type { DrawWinner } from "../../bindings/DrawWinner";
import { PageHeader } from "../../components/PageHeader";
import { showError, toMessage } from "../../errors";
import { day as dayText, money } from "../../format";
import { ipc, toErrorPayload } from "../../ipc";
import { useLang } from "../../lang";
import { STATUS_COLOR, useInvalidateCampaigns } from "./queries";
import { LIMITS } from "../../bindings/limits";
import { lengthRule, limited } from "../../components/textLimit";

const STAGE_STEP: Record<Console["stage"], number> = { open: 0, freeze_due: 0, frozen: 1, draw_due: 2, drawn: 3, cancelled: 0 };

function CopyText({ text, testId }: { text: string; testId: string }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  return (
    <Button size="small" icon={<CopyOutlined />} onClick={() => void navigator.clipboard.writeText(text).then(() => message.success(t("wizard.copied")))} data-testid={testId}>
      {t("wizard.copy")}
    </Button>
  );
}

export function DrawConsole({ id }: { id: number }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const lang = useLang();
  const client = useQueryClient();
  const invalidate = useInvalidateCampaigns();
  const [form] = Form.useForm<{ publicValue: string }>();
  const [checking, setChecking] = useState(false);
  const key = ["campaigns", "draw", id];
  const draw = useQuery({ queryKey: key, queryFn: () => ipc.drawConsole(id) });
  const page = useQuery({ queryKey: ["campaigns", "draw-page", id], queryFn: () => ipc.drawVerifierPage(id), enabled: checking });

  const landed = (c: Console) => {
    client.setQueryData(key, c);
    invalidate();
  };
  const freeze = useMutation({ mutationFn: () => ipc.freezeDraw(id), onSuccess: landed, onError: (e) => showError(e, message) });
  const run = useMutation({
    mutationFn: (v: { publicValue: string }) => ipc.runDraw(id, v.publicValue),
    onSuccess: landed,
    onError: (e) => {
      const p = toErrorPayload(e);
      if (p.field === "public_value") form.setFields([{ name: "publicValue", errors: [p.message] }]);
      else showError(e, message);
    },
  });
  const save = useMutation({
    mutationFn: (asPage: boolean) => ipc.saveDrawResult(id, asPage),
    onSuccess: (path) => path && void message.success(t("draw.saved", { path })),
    onError: (e) => showError(e, message),
  });

  if (draw.isError) return <Alert type="error" showIcon message={toMessage(draw.error)} />;
  const d = draw.data;
  if (!d) return <Spin />;
  const prizeWinners = d.winners.filter((w) => w.rank > 0);
  const consolation = d.winners.length - prizeWinners.length;
  const spentPercent = d.budget_cents > 0 ? Math.round((d.spent_cents * 100) / d.budget_cents) : 0;
  // After the draw: how many won each prize, and how many of them claimed it.
  const claimsOf = (rank: number) => {
    const c = d.claims.find((x) => x.rank === rank);
    return c ? <Typography.Text type="secondary" data-testid={`draw-claims-${rank}`}> · {t("draw.claims", { won: c.won, claimed: c.claimed })}</Typography.Text> : null;
  };

  return (
    <div className="sc-page">
      <PageHeader
        title={d.name}
        titleTestId="draw-title"
        description={t(`draw.stage.${d.stage}`, { freeze: d.freeze_at, draw: d.draw_at })}
        actions={<Tag color={STATUS_COLOR[d.status]}>{t(`campaigns.status.${d.status}`)}</Tag>}
      />
      <Steps
        current={STAGE_STEP[d.stage]}
        style={{ marginBottom: 24 }}
        items={[
          { title: t("draw.steps.list"), description: t("draw.steps.until", { when: d.freeze_at }) },
          { title: t("draw.steps.frozen") },
          { title: t("draw.steps.draw"), description: t("draw.steps.at", { when: d.draw_at }) },
          { title: t("draw.steps.result"), description: t("draw.claimUntil", { day: dayText(d.claim_until, lang) }) },
        ]}
      />
      <Space direction="vertical" size={16} style={{ width: "100%" }}>
        <Card size="small" title={<h2 className="sc-card-title">{t("draw.prizes")}</h2>}>
          <Descriptions size="small" column={1}>
            {d.prizes.map((p) => (
              <Descriptions.Item key={p.rank} label={t("draw.rank", { rank: p.rank })}>
                {t("draw.prizeLine", { name: p.name, value: money(p.value_cents), quantity: p.quantity })}
                {p.drawable < p.quantity && d.entrants > 0 && <Typography.Text type="warning"> {t("draw.undrawn", { count: p.quantity - p.drawable })}</Typography.Text>}
                {claimsOf(p.rank)}
              </Descriptions.Item>
            ))}
            <Descriptions.Item label={t("draw.consolation")}>
              {d.consolation_name}
              {claimsOf(0)}
            </Descriptions.Item>
            <Descriptions.Item label={t("draw.budget")}>
              <span data-testid="draw-budget">{t("draw.budgetLine", { spent: money(d.spent_cents), budget: money(d.budget_cents), percent: spentPercent, left: money(Math.max(d.budget_cents - d.spent_cents, 0)) })}</span>
            </Descriptions.Item>
          </Descriptions>
        </Card>

        {(d.stage === "open" || d.stage === "freeze_due") && (
          <Card size="small" title={<h2 className="sc-card-title">{t("draw.listTitle", { count: d.entrants })}</h2>} data-testid="draw-list">
            <Typography.Paragraph type="secondary">{t(d.stage === "open" ? "draw.listOpen" : "draw.listDue", { freeze: d.freeze_at })}</Typography.Paragraph>
            <Typography.Paragraph className="sc-pre" data-testid="draw-labels">{d.labels.join("　")}</Typography.Paragraph>
            <Popconfirm title={t("draw.freezeConfirm", { count: d.entrants })} onConfirm={() => freeze.mutate()} okText={t("draw.freeze")} cancelText={t("common.cancel")}>
              <Button type="primary" icon={<LockOutlined />} disabled={d.stage !== "freeze_due" || d.entrants === 0} loading={freeze.isPending} data-testid="draw-freeze">
                {t("draw.freeze")}
              </Button>
            </Popconfirm>
          </Card>
        )}

        {d.list_sha256 && (
          <Card size="small" title={<h2 className="sc-card-title">{t("draw.commitments")}</h2>} extra={d.commitment_post && <CopyText text={d.commitment_post} testId="draw-commitment-copy" />} data-testid="draw-commitments">
            <Descriptions size="small" column={1}>
              <Descriptions.Item label={t("draw.entrants")}>{d.entrants}</Descriptions.Item>
              <Descriptions.Item label={t("draw.listHash")}>
                <Typography.Text code copyable data-testid="draw-list-hash">{d.list_sha256}</Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label={t("draw.seedHash")}>
                <Typography.Text code copyable data-testid="draw-seed-hash">{d.seed_sha256}</Typography.Text>
              </Descriptions.Item>
            </Descriptions>
            <div className="sc-pre" style={{ marginTop: 12 }} data-testid="draw-commitment-post">{d.commitment_post}</div>
          </Card>
        )}

        {(d.stage === "frozen" || d.stage === "draw_due") && (
          <Card size="small" title={<h2 className="sc-card-title">{t("draw.runTitle")}</h2>}>
            <Form form={form} layout="vertical" requiredMark={false} onFinish={(v) => run.mutate(v)} disabled={d.stage !== "draw_due"}>
              <Form.Item
                name="publicValue"
                label={t("draw.publicValue", { source: d.public_value_source })}
                extra={d.stage === "draw_due" ? t("draw.publicValueHelp") : t("draw.notYet", { draw: d.draw_at })}
                rules={[{ required: true, whitespace: true, message: t("draw.publicValueRequired") }, lengthRule(t, LIMITS.publicValue)]}
              >
                <Input data-testid="draw-public-value" style={{ maxWidth: 360 }} {...limited(LIMITS.publicValue)} />
              </Form.Item>
              <Popconfirm title={t("draw.runConfirm")} onConfirm={() => form.submit()} okText={t("draw.run")} cancelText={t("common.cancel")}>
                <Button type="primary" icon={<TrophyOutlined />} loading={run.isPending} data-testid="draw-run">
                  {t("draw.run")}
                </Button>
              </Popconfirm>
            </Form>
          </Card>
        )}

        {d.stage === "drawn" && (
          <>
            <Card
              size="small"
              title={<h2 className="sc-card-title">{t("draw.result")}</h2>}
              extra={
                <Space wrap>
                  <Button type="primary" icon={<SafetyCertificateOutlined />} onClick={() => setChecking(true)} data-testid="draw-check">
                    {t("draw.check")}
                  </Button>
                  <Button onClick={() => save.mutate(false)} data-testid="draw-save-file">{t("draw.saveFile")}</Button>
                  <Button onClick={() => save.mutate(true)} data-testid="draw-save-page">{t("draw.savePage")}</Button>
                  {d.result_post && <CopyText text={d.result_post} testId="draw-result-copy" />}
                </Space>
              }
            >
              <div className="sc-pre" data-testid="draw-result-post">{d.result_post}</div>
            </Card>
            <Card size="small" title={<h2 className="sc-card-title">{t("draw.winners", { prizes: prizeWinners.length, consolation })}</h2>}>
              <Table<DrawWinner>
                size="small"
                rowKey="number"
                dataSource={d.winners}
                pagination={{ pageSize: 20, hideOnSinglePage: true }}
                onRow={(w) => ({ "data-testid": w.rank > 0 ? "draw-winner" : "draw-consolation" }) as React.HTMLAttributes<HTMLElement>}
                columns={[
                  { title: "#", dataIndex: "number", width: 60 },
                  { title: t("draw.entrant"), dataIndex: "label" },
                  { title: t("draw.prize"), render: (_: unknown, w: DrawWinner) => (w.rank > 0 ? <Tag color="gold">{t("draw.rank", { rank: w.rank })} · {w.prize}</Tag> : w.prize) },
                  { title: t("draw.code"), dataIndex: "code", render: (c: string) => <Typography.Text code>{c}</Typography.Text> },
                ]}
              />
            </Card>
          </>
        )}
      </Space>
      <Modal open={checking} onCancel={() => setChecking(false)} footer={null} width={860} title={t("draw.checkTitle")} destroyOnHidden>
        <Typography.Paragraph type="secondary">{t("draw.checkHint")}</Typography.Paragraph>
        {page.data ? (
          // Sandboxed: the page runs its own check and can touch nothing of the app's.
          <iframe title={t("draw.checkTitle")} sandbox="allow-scripts" srcDoc={page.data} className="sc-draw-check" data-testid="draw-check-frame" />
        ) : page.isError ? (
          <Alert type="error" showIcon message={toMessage(page.error)} />
        ) : (
          <Spin />
        )}
      </Modal>
    </div>
  );
}
