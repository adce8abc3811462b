// The content calendar: one community's week, a card per day, so the days
// without a topic stand out. "A topic every day keeps the group alive."
import { CalendarOutlined, CheckCircleFilled, LeftOutlined, RightOutlined, TeamOutlined, WarningFilled } from "@ant-design/icons";
import { Button, Card, Empty, Progress, Select, Skeleton, Space, Tooltip, Typography } from "antd";
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { TopicIdea } from "../../bindings/TopicIdea";
import { toMessage } from "../../errors";
import { useLang } from "../../lang";
import { useNav } from "../../nav";
import { useAppInfo } from "../../queries";
import { useCommunities } from "../communities/queries";
import { addDays, daysFrom, isDay, mondayOf, todayIn, weekTitle } from "../../days";
import { ContentForm, type Editing } from "./ContentForm";
import { DayCard } from "./DayCard";
import { IdeaList, WithBlanks } from "./IdeaList";
import { useContentWeek } from "./queries";
import { itemsOn, summarise } from "./week";
import "./content.css";
import { PageHeader } from "../../components/PageHeader";

/** "Now", moving on each minute so items turn overdue while the page is open. */
function useNow(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const id = window.setInterval(() => setNow(new Date()), 60_000);
    return () => window.clearInterval(id);
  }, []);
  return now;
}

type Props = { communityId?: number; day?: string };

export function ContentPage({ communityId, day }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const { go } = useNav();
  const zone = useAppInfo().data?.shop?.time_zone ?? "UTC";
  const now = useNow();
  const today = todayIn(zone, now);
  const [anchor, setAnchor] = useState(() => (isDay(day) ? day : today));
  const [chosen, setChosen] = useState<number | undefined>(communityId);
  const [editing, setEditing] = useState<Editing | null>(null);

  const communities = useCommunities(false);
  const list = useMemo(() => communities.data ?? [], [communities.data]);
  const selected = list.find((c) => c.id === chosen)?.id ?? list[0]?.id ?? null;

  const monday = mondayOf(anchor);
  const days = daysFrom(monday, 7);
  const sunday = days[6];
  const week = useContentWeek(monday, sunday, selected);
  const items = useMemo(() => week.data ?? [], [week.data]);
  const summary = summarise(days, items);

  // An idea from the empty week goes to the first empty day still ahead (or the week's first).
  const startFromIdea = (idea: TopicIdea) => {
    const target = summary.emptyDays.find((d) => d >= today) ?? summary.emptyDays[0] ?? monday;
    setEditing({ mode: "new", day: target, idea });
  };

  const header = (
    <PageHeader
      title={t("content.title")}
      description={t("content.subtitle")}
      actions={
        <>
          {list.length > 0 && (
            <Select
              data-testid="content-community"
              aria-label={t("content.community")}
              value={selected ?? undefined}
              onChange={(id: number) => setChosen(id)}
              options={list.map((c) => ({ value: c.id, label: c.name }))}
              style={{ minWidth: 220, maxWidth: 320 }}
              size="large"
              popupMatchSelectWidth={false}
            />
          )}
        </>
      }
    />
  );

  if (communities.isPending) {
    return (
      <div className="sc-page">
        {header}
        <Skeleton active />
      </div>
    );
  }
  if (communities.isError) {
    return (
      <div className="sc-page">
        {header}
        <Typography.Text type="danger">{toMessage(communities.error)}</Typography.Text>
      </div>
    );
  }
  if (selected === null) {
    return (
      <div className="sc-page">
        {header}
        <Card>
          <Empty
            style={{ margin: "40px 0" }}
            data-testid="content-no-communities"
            description={
              <>
                <div>{t("content.noCommunities")}</div>
                <Typography.Text type="secondary">{t("content.noCommunitiesHint")}</Typography.Text>
              </>
            }
          >
            <Button type="primary" icon={<TeamOutlined />} onClick={() => go({ page: "communities" })} data-testid="content-go-communities">
              {t("content.goCommunities")}
            </Button>
          </Empty>
        </Card>
      </div>
    );
  }

  const full = summary.empty === 0;
  const thisWeek = monday === mondayOf(today);

  return (
    <div className="sc-page">
      {header}
      <Card styles={{ body: { padding: "16px 16px 18px" } }}>
        <div className="sc-week-bar">
          <Space size={8} wrap>
            <Tooltip title={t("content.prevWeek")}>
              <Button icon={<LeftOutlined />} aria-label={t("content.prevWeek")} onClick={() => setAnchor(addDays(anchor, -7))} data-testid="content-prev" />
            </Tooltip>
            <Button icon={<CalendarOutlined />} disabled={thisWeek && anchor === today} onClick={() => setAnchor(today)} data-testid="content-today">
              {t("content.thisWeek")}
            </Button>
            <Tooltip title={t("content.nextWeek")}>
              <Button icon={<RightOutlined />} aria-label={t("content.nextWeek")} onClick={() => setAnchor(addDays(anchor, 7))} data-testid="content-next" />
            </Tooltip>
            <Typography.Title level={5} style={{ margin: "0 0 0 8px" }} data-testid="content-week-title">
              {weekTitle(t, lang, monday)}
            </Typography.Title>
          </Space>
          {week.isSuccess && (
            <div style={{ display: "flex", alignItems: "center", gap: 12 }} data-testid="content-summary">
              <Progress
                steps={7}
                percent={(summary.filled / 7) * 100}
                showInfo={false}
                size={[14, 8]}
                strokeColor="#2f7d5b"
                trailColor="#f3d9a4"
                aria-hidden
              />
              <Typography.Text>
                {full ? <CheckCircleFilled style={{ color: "#3f9a52", marginInlineEnd: 6 }} /> : <WarningFilled style={{ color: "#d48806", marginInlineEnd: 6 }} />}
                <Typography.Text strong>{t("content.summary", { count: summary.filled })}</Typography.Text>
                {!full && (
                  <>
                    {" · "}
                    <Typography.Text type="warning" strong>{t("content.summaryEmpty", { count: summary.empty })}</Typography.Text>
                  </>
                )}
              </Typography.Text>
            </div>
          )}
        </div>
        {week.isSuccess && (
          <Typography.Paragraph type="secondary" style={{ marginTop: -6, marginBottom: 12, fontSize: 13 }}>
            {full ? t("content.summaryFull") : t("content.summaryHint")}
          </Typography.Paragraph>
        )}
        {week.isError ? (
          <Typography.Text type="danger">{t("content.loadFailed")}: {toMessage(week.error)}</Typography.Text>
        ) : week.isPending ? (
          <Skeleton active paragraph={{ rows: 6 }} />
        ) : (
          <div className="sc-week" data-testid="content-week">
            {days.map((d) => (
              <DayCard
                key={d}
                day={d}
                items={itemsOn(items, d)}
                today={today}
                focus={d === anchor}
                now={now}
                onAdd={() => setEditing({ mode: "new", day: d })}
                onOpen={(item) => setEditing({ mode: "edit", item })}
              />
            ))}
          </div>
        )}
      </Card>

      {week.isSuccess && items.length === 0 && editing === null && (
        <Card style={{ marginTop: 20 }} data-testid="content-empty-week" title={t("content.emptyWeek")}>
          <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
            {t("content.emptyWeekHint")} <WithBlanks text={t("content.ideasHint")} />
          </Typography.Paragraph>
          <IdeaList communityId={selected} onPick={startFromIdea} />
        </Card>
      )}

      <ContentForm editing={editing} communityId={selected} onClose={() => setEditing(null)} />
    </div>
  );
}
