// The reminder centre: what was missed, today's list and the next 7 days, with
// a one-hour pause for the desktop notifications.
import { BellOutlined, PauseCircleOutlined, PlayCircleOutlined, WarningFilled } from "@ant-design/icons";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App as AntApp, Badge, Button, Card, Empty, Skeleton, Space, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { ReminderCentre } from "../../bindings/ReminderCentre";
import { showError, toMessage } from "../../errors";
import { dateTime, parseTime } from "../../format";
import { ipc } from "../../ipc";
import { useLang } from "../../lang";
import { useNav } from "../../nav";
import { keys, useAppInfo } from "../../queries";
import { useCommunities } from "../communities/queries";
import { weekdayDate } from "../../days";
import { ReminderRow } from "./ReminderRow";
import { byDay, dayOf, hhmm } from "./words";
import "./reminders.css";
import { PageHeader } from "../../components/PageHeader";

/** How long the Pause button silences notifications. */
export const PAUSE_MINUTES = 60;

function useCentre() {
  return useQuery({
    queryKey: keys.reminderCentre,
    queryFn: ipc.reminderCentre,
    refetchInterval: 60_000,
    refetchOnWindowFocus: true,
  });
}

function Count({ n }: { n: number }) {
  return <Badge count={n} showZero overflowCount={999} color={n > 0 ? "#2f7d5b" : "#bfbfbf"} style={{ marginInlineStart: 8 }} />;
}

export function ReminderCentrePage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = AntApp.useApp();
  const { go } = useNav();
  const client = useQueryClient();
  const zone = useAppInfo().data?.shop?.time_zone ?? "UTC";
  const centre = useCentre();
  const communities = useCommunities(true).data ?? [];

  const put = (c: ReminderCentre) => client.setQueryData(keys.reminderCentre, c);
  const pause = useMutation({
    mutationFn: (minutes: number) => ipc.pauseReminders(minutes),
    onSuccess: (c, minutes) => {
      put(c);
      void message.success(minutes > 0 ? t("reminders.pausedDone") : t("reminders.resumedDone"));
    },
    onError: (e) => showError(e, message),
  });
  const dismiss = useMutation({
    mutationFn: (which: string[] | null) => ipc.dismissReminders(which),
    onSuccess: put,
    onError: (e) => showError(e, message),
  });

  const c = centre.data;
  const pausedUntil = c?.paused_until && parseTime(c.paused_until).getTime() > parseTime(c.now).getTime() ? c.paused_until : null;
  const pausedText = pausedUntil
    ? dayOf(pausedUntil, zone) === c?.today
      ? hhmm(pausedUntil, lang, zone)
      : dateTime(pausedUntil, lang, zone)
    : "";

  const header = (
    <PageHeader
      title={t("reminders.title")}
      description={t("reminders.subtitle")}
      actions={
        <>
          {c && !pausedUntil && (
            <Button icon={<PauseCircleOutlined />} loading={pause.isPending} onClick={() => pause.mutate(PAUSE_MINUTES)} data-testid="reminders-pause">
              {t("reminders.pause")}
            </Button>
          )}
        </>
      }
    />
  );

  if (centre.isPending) {
    return (
      <div className="sc-page" style={{ maxWidth: 1040 }}>
        {header}
        <Skeleton active paragraph={{ rows: 8 }} />
      </div>
    );
  }
  if (centre.isError || !c) {
    return (
      <div className="sc-page" style={{ maxWidth: 1040 }}>
        {header}
        <Alert
          type="error"
          showIcon
          message={t("reminders.loadFailed")}
          description={toMessage(centre.error)}
          action={<Button onClick={() => centre.refetch()}>{t("app.retry")}</Button>}
        />
      </div>
    );
  }

  const dismissingKey = dismiss.isPending && dismiss.variables ? dismiss.variables[0] : null;
  const upcoming = byDay(c.upcoming, zone);

  return (
    <div className="sc-page" style={{ maxWidth: 1040 }}>
      {header}
      {pausedUntil && (
        <Alert
          type="info"
          showIcon
          icon={<PauseCircleOutlined />}
          style={{ marginBottom: 20 }}
          data-testid="reminders-paused"
          message={t("reminders.pausedUntil", { time: pausedText })}
          description={t("reminders.pausedHint")}
          action={
            <Button type="primary" icon={<PlayCircleOutlined />} loading={pause.isPending} onClick={() => pause.mutate(0)} data-testid="reminders-resume">
              {t("reminders.resume")}
            </Button>
          }
        />
      )}

      <Space direction="vertical" size={20} style={{ width: "100%" }}>
        {c.missed.length > 0 && (
          <Card
            className="sc-reminders-missed"
            data-testid="reminders-missed"
            title={
              <span>
                <WarningFilled style={{ color: "#d48806", marginInlineEnd: 8 }} />
                {t("reminders.missed", { count: c.missed.length })}
              </span>
            }
            extra={
              <Button loading={dismiss.isPending && dismiss.variables === null} onClick={() => dismiss.mutate(null)} data-testid="reminders-dismiss-all">
                {t("reminders.dismissAll")}
              </Button>
            }
            styles={{ body: { paddingTop: 8 } }}
          >
            <Typography.Paragraph type="secondary" style={{ fontSize: 13, marginBottom: 4 }}>{t("reminders.missedHint")}</Typography.Paragraph>
            {c.missed.map((r) => (
              <ReminderRow
                key={r.key}
                reminder={r}
                zone={zone}
                withDate
                communities={communities}
                onDismiss={() => dismiss.mutate([r.key])}
                dismissing={dismissingKey === r.key}
              />
            ))}
          </Card>
        )}

        <Card
          data-testid="reminders-today"
          title={
            <span>
              {t("reminders.today")}
              <Typography.Text type="secondary" style={{ fontWeight: 400, marginInlineStart: 8 }}>{weekdayDate(c.today, lang)}</Typography.Text>
              <Count n={c.today_list.length} />
            </span>
          }
          styles={{ body: { paddingTop: 8 } }}
        >
          {c.today_list.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("reminders.todayEmpty")} style={{ margin: "12px 0" }} />
          ) : (
            c.today_list.map((r) => <ReminderRow key={r.key} reminder={r} zone={zone} communities={communities} />)
          )}
        </Card>

        <Card
          data-testid="reminders-upcoming"
          title={
            <span>
              {t("reminders.upcoming")}
              <Count n={c.upcoming.length} />
            </span>
          }
          styles={{ body: { paddingTop: 12 } }}
        >
          {upcoming.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("reminders.upcomingEmpty")} style={{ margin: "12px 0" }}>
              <Space wrap style={{ justifyContent: "center" }}>
                <Button onClick={() => go({ page: "schedules" })} data-testid="reminders-plan-schedules">{t("reminders.planSchedules")}</Button>
                <Button onClick={() => go({ page: "content" })} data-testid="reminders-plan-content">{t("reminders.planContent")}</Button>
              </Space>
            </Empty>
          ) : (
            upcoming.map((g) => (
              <div key={g.day} data-testid={`reminders-day-${g.day}`}>
                <div className="sc-reminder-day">{weekdayDate(g.day, lang)}</div>
                {g.items.map((r) => (
                  <ReminderRow key={r.key} reminder={r} zone={zone} communities={communities} />
                ))}
              </div>
            ))
          )}
        </Card>

        <div style={{ display: "flex", gap: 10, alignItems: "flex-start", color: "rgba(0,0,0,0.55)", fontSize: 13, padding: "0 4px" }} data-testid="reminders-note">
          <BellOutlined style={{ marginTop: 3 }} />
          <div>
            {t("reminders.note")} {t("reminders.noteSettings")}{" "}
            <Button type="link" size="small" style={{ padding: 0, height: "auto", fontSize: 13 }} onClick={() => go({ page: "settings" })} data-testid="reminders-go-settings">
              {t("reminders.goSettings")}
            </Button>
          </div>
        </div>
      </Space>
    </div>
  );
}
