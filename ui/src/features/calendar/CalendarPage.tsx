// Every occurrence of every schedule and every content item, week by week or a
// month at a time, coloured by community. An occurrence opens to copy its text
// and mark it done; a content item opens the content calendar on its day.
import "./calendar.css";
import { CheckOutlined, FileTextOutlined, InfoCircleOutlined, LeftOutlined, RightOutlined, ScheduleOutlined } from "@ant-design/icons";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Alert, Button, Card, Segmented, Skeleton, Space, Spin, Typography } from "antd";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { CalendarOccurrence } from "../../bindings/CalendarOccurrence";
import { toMessage } from "../../errors";
import { ipc } from "../../ipc";
import { useLang } from "../../lang";
import { useNav } from "../../nav";
import { keys, useAppInfo } from "../../queries";
import { useCommunities } from "../communities/queries";
import { todayIn } from "../../days";
import { Hint } from "../schedules/Hint";
import { useSchedules } from "../schedules/queries";
import { entriesByDay, type Entry } from "./Chips";
import { isDay } from "../../days";
import { rangeOf, rangeTitle, step, type View } from "./dates";
import { OccurrenceDrawer } from "./OccurrenceDrawer";
import { NEUTRAL, communityColor } from "./palette";
import { MonthView, WeekView } from "./Views";
import { PageHeader } from "../../components/PageHeader";

export function CalendarPage({ day }: { day?: string }) {
  const { t } = useTranslation();
  const info = useAppInfo();
  if (info.isError) {
    return (
      <div className="sc-page">
        <Typography.Text type="danger">{toMessage(info.error)}</Typography.Text>
      </div>
    );
  }
  if (!info.data) {
    return (
      <div className="sc-page" aria-label={t("calendar.title")}>
        <Skeleton active paragraph={{ rows: 10 }} />
      </div>
    );
  }
  return <CalendarBody zone={info.data.shop?.time_zone ?? "UTC"} day={isDay(day) ? day : undefined} />;
}

function Dot({ color }: { color: string }) {
  return <span aria-hidden style={{ display: "inline-block", width: 10, height: 10, borderRadius: 3, background: color, flex: "none" }} />;
}

function CalendarBody({ zone, day }: { zone: string; day?: string }) {
  const { t } = useTranslation();
  const schedules = useSchedules();
  const lang = useLang();
  const { go } = useNav();
  const today = todayIn(zone);
  const [view, setView] = useState<View>("week");
  const [anchor, setAnchor] = useState(day ?? today);
  const [focus, setFocus] = useState<string | null>(day ?? null);
  const [opened, setOpened] = useState<CalendarOccurrence | null>(null);
  const { from, to } = rangeOf(view, anchor);

  const occurrences = useQuery({
    queryKey: keys.occurrences(from, to),
    queryFn: () => ipc.listOccurrences(from, to),
    placeholderData: keepPreviousData,
  });
  const content = useQuery({
    queryKey: keys.content(from, to, null),
    queryFn: () => ipc.listContent(from, to, null),
    placeholderData: keepPreviousData,
  });
  const communities = useCommunities(false);

  const entries = useMemo(() => entriesByDay(occurrences.data ?? [], content.data ?? []), [occurrences.data, content.data]);
  const communityName = (id: number | null) =>
    id == null ? t("calendar.noCommunity") : (communities.data?.find((c) => c.id === id)?.name ?? t("schedules.unknownCommunity"));

  // The drawer follows the fresh list, so a mark made elsewhere shows at once.
  const current = opened ? (occurrences.data?.find((o) => o.schedule_id === opened.schedule_id && o.at === opened.at) ?? opened) : null;

  const open = (e: Entry) => {
    if (e.kind === "occurrence") setOpened(e.o);
    else go({ page: "content", communityId: e.c.community_id, day: e.c.day });
  };

  const switchView = (v: View) => {
    if (v === "week" && view === "month") {
      // Into the week of the asked-for day or of today, when the month holds it.
      const month = anchor.slice(0, 7);
      if (focus && focus.slice(0, 7) === month) setAnchor(focus);
      else if (today.slice(0, 7) === month) setAnchor(today);
    }
    setView(v);
  };

  const openDay = (d: string) => {
    setView("week");
    setAnchor(d);
    setFocus(d);
  };

  const settled = occurrences.isSuccess && content.isSuccess && !occurrences.isPlaceholderData && !content.isPlaceholderData;
  const nothing = settled && occurrences.data.length === 0 && content.data.length === 0;
  const loading = (occurrences.isFetching && (occurrences.isPending || occurrences.isPlaceholderData)) || (content.isFetching && (content.isPending || content.isPlaceholderData));
  const failed = occurrences.error ?? content.error;

  return (
    <div className="sc-page" style={{ maxWidth: 1400 }}>
      <PageHeader
        title={t("calendar.title")}
        description={t("calendar.subtitle")}
        actions={
          <Button size="large" icon={<ScheduleOutlined />} onClick={() => go({ page: "schedules" })} data-testid="calendar-open-schedules">
            {t("calendar.manageSchedules")}
          </Button>
        }
      />

      <Card styles={{ body: { padding: "14px 20px" } }} style={{ marginBottom: 16 }}>
        <div style={{ display: "flex", alignItems: "center", gap: 16, flexWrap: "wrap" }}>
          <Space.Compact>
            <Button icon={<LeftOutlined />} aria-label={t(`calendar.prev.${view}`)} title={t(`calendar.prev.${view}`)} onClick={() => setAnchor(step(view, anchor, -1))} data-testid="calendar-prev" />
            <Button
              onClick={() => {
                setAnchor(today);
                setFocus(null);
              }}
              data-testid="calendar-today"
            >
              {t("calendar.today")}
            </Button>
            <Button icon={<RightOutlined />} aria-label={t(`calendar.next.${view}`)} title={t(`calendar.next.${view}`)} onClick={() => setAnchor(step(view, anchor, 1))} data-testid="calendar-next" />
          </Space.Compact>
          <Typography.Title level={4} style={{ margin: 0, fontWeight: 600 }} data-testid="calendar-range" aria-live="polite">
            {rangeTitle(t, lang, view, anchor)}
          </Typography.Title>
          <div style={{ flex: 1 }} />
          <Segmented<View>
            value={view}
            onChange={switchView}
            options={[
              { value: "week", label: <span data-testid="calendar-view-week">{t("calendar.week")}</span> },
              { value: "month", label: <span data-testid="calendar-view-month">{t("calendar.month")}</span> },
            ]}
          />
        </div>
        <div
          data-testid="calendar-legend"
          style={{ display: "flex", flexWrap: "wrap", alignItems: "center", gap: "6px 18px", marginTop: 12, paddingTop: 12, borderTop: "1px solid #f0f1ec", fontSize: 13 }}
        >
          {(communities.data ?? []).map((c) => (
            <span key={c.id} style={{ display: "inline-flex", alignItems: "center", gap: 6, maxWidth: 220 }}>
              <Dot color={communityColor(c.id)} />
              <Typography.Text ellipsis={{ tooltip: c.name }} style={{ fontSize: 13 }}>
                {c.name}
              </Typography.Text>
            </span>
          ))}
          <span style={{ display: "inline-flex", alignItems: "center", gap: 6 }}>
            <Dot color={NEUTRAL} />
            <Typography.Text style={{ fontSize: 13 }}>{t("calendar.noCommunity")}</Typography.Text>
          </span>
          <span style={{ flex: 1 }} />
          <Typography.Text type="secondary" style={{ fontSize: 12, display: "inline-flex", alignItems: "center", gap: 6 }}>
            <FileTextOutlined /> {t("calendar.contentPost")}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12, display: "inline-flex", alignItems: "center", gap: 6 }}>
            <CheckOutlined style={{ color: "#3f9a52" }} /> {t("calendar.doneLegend")}
          </Typography.Text>
        </div>
      </Card>

      {failed && <Alert type="error" showIcon message={toMessage(failed)} style={{ marginBottom: 16 }} />}
      {nothing && (
        <Hint
          icon={<InfoCircleOutlined />}
          data-testid="calendar-empty"
          style={{ marginBottom: 16 }}
          title={view === "week" ? t("calendar.emptyWeek") : t("calendar.emptyMonth")}
          description={(schedules.data ?? []).length > 0 ? t("calendar.emptyWithSchedules") : t("calendar.emptyHint")}
          action={
            <Button onClick={() => go({ page: "schedules" })} data-testid="calendar-empty-schedules">
              {t("calendar.openSchedules")}
            </Button>
          }
        />
      )}

      <Spin spinning={loading} delay={150}>
        {view === "week" ? (
          <WeekView from={from} today={today} focus={focus} entries={entries} communityName={communityName} onOpen={open} />
        ) : (
          <MonthView from={from} today={today} focus={focus} entries={entries} communityName={communityName} onOpen={open} month={anchor} onOpenDay={openDay} />
        )}
      </Spin>
      <Typography.Text type="secondary" style={{ display: "block", marginTop: 10, fontSize: 12 }}>
        {t("calendar.zoneNote", { zone })}
      </Typography.Text>

      <OccurrenceDrawer occurrence={current} communityName={communityName} zone={zone} onClose={() => setOpened(null)} />
    </div>
  );
}
