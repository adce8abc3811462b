// A referral day's page: its offer and rewards, what it has done (friends
// welcomed and waiting, friends who bought, what it cost per new buyer), the
// month's leaderboard ready to post, every referral to review, the reward
// vouchers issued, and the friend cards to print for the promotion day.
import { CopyOutlined, PrinterOutlined } from "@ant-design/icons";
import { useMutation, useQuery } from "@tanstack/react-query";
import { App as AntApp, Alert, Button, Card, DatePicker, Descriptions, Empty, Space, Spin, Statistic, Table, Tag, Typography } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import type { ReferralRow } from "../../bindings/ReferralRow";
import type { ReferralStage } from "../../bindings/ReferralStage";
import type { RewardRow } from "../../bindings/RewardRow";
import { PageHeader } from "../../components/PageHeader";
import { showError, toMessage } from "../../errors";
import { day as dayText, money } from "../../format";
import { ipc } from "../../ipc";
import { useLang } from "../../lang";
import { STATUS_COLOR, useShopMonth } from "./queries";

const STAGE_COLOR: Record<ReferralStage, string> = { pending: "processing", qualified: "success", over_cap: "warning", lapsed: "default" };

export function ReferralConsole({ id }: { id: number }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const lang = useLang();
  const [shownMonth, setMonth] = useShopMonth();
  const console = useQuery({ queryKey: ["campaigns", "referral", id], queryFn: () => ipc.referralConsole(id) });
  const board = useQuery({ queryKey: ["campaigns", "referral-board", shownMonth], queryFn: () => ipc.referralBoard(shownMonth ?? ""), enabled: shownMonth !== null });
  const cards = useMutation({
    mutationFn: () => ipc.saveFriendCards(null),
    onSuccess: (path) => path && void message.success(t("referral.cardsSaved", { path })),
    onError: (e) => showError(e, message),
  });

  if (console.isError) return <Alert type="error" showIcon message={toMessage(console.error)} />;
  const c = console.data;
  if (!c) return <Spin />;
  const referralColumns = [
    { title: t("referral.when"), dataIndex: "referred_at", key: "at", width: 150 },
    { title: t("referral.member"), dataIndex: "referrer", key: "referrer" },
    { title: t("referral.friend"), dataIndex: "friend", key: "friend" },
    {
      title: t("referral.stageColumn"),
      key: "stage",
      width: 200,
      render: (_: unknown, r: ReferralRow) => (
        <span>
          <Tag color={STAGE_COLOR[r.stage]} data-testid={`referral-stage-${r.id}`}>{t(`referral.stage.${r.stage}`)}</Tag>
          {r.qualified_at && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.qualified_at}</Typography.Text>}
        </span>
      ),
    },
  ];
  const rewardColumns = [
    { title: t("referral.member"), dataIndex: "referrer", key: "referrer" },
    { title: t("referral.month"), dataIndex: "month", key: "month", width: 100 },
    { title: t("referral.friends"), dataIndex: "friends", key: "friends", width: 90 },
    { title: t("referral.reward"), key: "cents", width: 100, render: (_: unknown, r: RewardRow) => money(r.cents) },
    { title: t("referral.code"), dataIndex: "code", key: "code", render: (code: string) => <Typography.Text copyable className="sc-code">{code}</Typography.Text> },
    { title: t("referral.used"), key: "used", width: 90, render: (_: unknown, r: RewardRow) => (r.redeemed ? <Tag color="success">{t("referral.redeemed")}</Tag> : <Tag>{t("referral.notYet")}</Tag>) },
  ];
  return (
    <div className="sc-page">
      <PageHeader
        title={c.name}
        titleTestId="referral-title"
        description={t("referral.days", { first: dayText(c.first_day, lang), last: dayText(c.last_day, lang) })}
        meta={<Tag color={STATUS_COLOR[c.status]}>{t(`campaigns.status.${c.status}`)}</Tag>}
        actions={
          <Button icon={<PrinterOutlined />} onClick={() => cards.mutate()} loading={cards.isPending} data-testid="referral-print-cards">
            {t("referral.printCards")}
          </Button>
        }
      />
      <Space direction="vertical" size={16} style={{ width: "100%" }}>
        <Card size="small" title={<h2 className="sc-card-title">{t("referral.offer")}</h2>}>
          <Descriptions size="small" column={1}>
            <Descriptions.Item label={t("referral.friendGets")}>{c.welcome}</Descriptions.Item>
            <Descriptions.Item label={t("referral.memberEarns")}>
              {c.tiers.map((tier) => t("referral.tier", { count: tier.friends, reward: money(tier.cents) })).join(t("referralWizard.listJoin"))}
              {" · "}
              {t("referral.cap", { count: c.monthly_cap })}
            </Descriptions.Item>
            <Descriptions.Item label={t("referral.atCounter")}>{t("referral.atCounterHelp")}</Descriptions.Item>
          </Descriptions>
        </Card>
        <div className="sc-grid-3">
          <Card size="small"><Statistic title={t("referral.pending")} value={c.pending} valueRender={(v) => <span data-testid="referral-pending">{v}</span>} /></Card>
          <Card size="small"><Statistic title={t("referral.qualified")} value={c.qualified} valueRender={(v) => <span data-testid="referral-qualified">{v}</span>} /></Card>
          <Card size="small">
            <Statistic title={t("referral.cost")} value={money(c.cost_cents)} valueRender={(v) => <span data-testid="referral-cost">{v}</span>} />
            <Typography.Text type="secondary">{c.cost_per_buyer_cents === null ? t("referral.noBuyerYet") : t("referral.perBuyer", { money: money(c.cost_per_buyer_cents) })}</Typography.Text>
          </Card>
        </div>
        <Card
          size="small"
          title={<h2 className="sc-card-title">{t("referral.board")}</h2>}
          extra={
            <DatePicker
              picker="month"
              allowClear={false}
              value={shownMonth ? dayjs(`${shownMonth}-01`) : null}
              onChange={(d) => d && setMonth(d.format("YYYY-MM"))}
              aria-label={t("referral.boardMonth")}
              data-testid="referral-board-month"
            />
          }
          data-testid="referral-board"
        >
          {board.data && board.data.rows.length > 0 ? (
            <div className="sc-grid-2">
              <Table
                size="small"
                rowKey="member_id"
                pagination={{ pageSize: 10, hideOnSinglePage: true }}
                dataSource={board.data.rows}
                data-testid="referral-board-rows"
                columns={[
                  { title: "#", dataIndex: "rank", key: "rank", width: 50 },
                  { title: t("referral.member"), dataIndex: "name", key: "name" },
                  { title: t("referral.friends"), dataIndex: "friends", key: "friends", width: 90 },
                  { title: t("referral.reachedAt"), dataIndex: "reached_at", key: "at", width: 150 },
                ]}
              />
              <div>
                <Typography.Paragraph type="secondary">{t("referral.boardHint")}</Typography.Paragraph>
                <div className="sc-pre" data-testid="referral-board-post">{board.data.post}</div>
                <Button size="small" icon={<CopyOutlined />} style={{ marginTop: 8 }} onClick={() => void navigator.clipboard.writeText(board.data.post).then(() => message.success(t("wizard.copied")))} data-testid="referral-board-copy">
                  {t("wizard.copy")}
                </Button>
              </div>
            </div>
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("referral.boardEmpty")} />
          )}
        </Card>
        <Card size="small" title={<h2 className="sc-card-title">{t("referral.list", { count: c.referrals.length })}</h2>}>
          <Table<ReferralRow> size="small" rowKey="id" columns={referralColumns} dataSource={c.referrals} pagination={{ pageSize: 20, hideOnSinglePage: true }} locale={{ emptyText: t("referral.listEmpty") }} data-testid="referral-list" />
        </Card>
        <Card size="small" title={<h2 className="sc-card-title">{t("referral.rewards", { count: c.rewards.length })}</h2>}>
          <Table<RewardRow> size="small" rowKey="code" columns={rewardColumns} dataSource={c.rewards} pagination={{ pageSize: 20, hideOnSinglePage: true }} locale={{ emptyText: t("referral.rewardsEmpty") }} data-testid="referral-rewards" />
        </Card>
      </Space>
    </div>
  );
}
