// The shop's recurring tasks: a spike every weeknight, a gift-package day, a member
// day, a daily topic. Each one fills the calendar and brings its reminders.
import { BellOutlined, DeleteOutlined, EditOutlined, MobileOutlined, PauseCircleOutlined, PlayCircleOutlined, PlusOutlined } from "@ant-design/icons";
import { useMutation } from "@tanstack/react-query";
import { App as AntApp, Button, Card, Empty, Popconfirm, Space, Table, Tag, Tooltip, Typography, type ButtonProps } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Schedule } from "../../bindings/Schedule";
import { showError, toMessage } from "../../errors";
import { day as dayText } from "../../format";
import { ipc } from "../../ipc";
import { useLang } from "../../lang";
import { useShop } from "../../queries";
import { communityColor } from "../calendar/palette";
import { useCommunities } from "../communities/queries";
import { useInvalidateSchedules, useSchedules } from "./queries";
import { PURPOSE_COLOR, leadText, repeatAt, type PresetKey } from "./repeat";
import { PresetButtons, ScheduleForm } from "./ScheduleForm";
import { formatInstant } from "./when";
import { PageHeader } from "../../components/PageHeader";

/** Soonest first; paused and finished ones after, by title. */
function byNext(a: Schedule, b: Schedule): number {
  const ka = !a.paused && a.next_at ? a.next_at : null;
  const kb = !b.paused && b.next_at ? b.next_at : null;
  if (ka && kb) return Date.parse(ka) - Date.parse(kb);
  if (ka) return -1;
  if (kb) return 1;
  return a.title.localeCompare(b.title);
}

function fileName(path: string): string {
  return path.split(/[\\/]/).pop() || path;
}

export function SchedulesPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = AntApp.useApp();
  const shop = useShop();
  const zone = shop?.time_zone ?? "UTC";
  const schedules = useSchedules();
  const communities = useCommunities(false);
  const invalidate = useInvalidateSchedules();
  // A new key per opening: the form starts from its initial values each time.
  const [editing, setEditing] = useState<{ key: number; schedule: Schedule | null; preset: PresetKey | null } | null>(null);
  const [formOpen, setFormOpen] = useState(false);

  const open = (schedule: Schedule | null, preset: PresetKey | null = null) => {
    setEditing((e) => ({ key: (e?.key ?? 0) + 1, schedule, preset }));
    setFormOpen(true);
  };

  const setPaused = useMutation({
    mutationFn: ({ id, paused }: { id: number; paused: boolean }) => ipc.setSchedulePaused(id, paused),
    onSuccess: (s) => {
      invalidate();
      void message.success(s.paused ? t("schedules.pausedDone") : t("schedules.resumedDone"));
    },
    onError: (e) => showError(e, message),
  });
  const remove = useMutation({
    mutationFn: (id: number) => ipc.deleteSchedule(id),
    onSuccess: () => {
      invalidate();
      void message.success(t("schedules.deleted"));
    },
    onError: (e) => showError(e, message),
  });
  const exportIcs = useMutation({
    mutationFn: () => ipc.exportSchedulesIcs(),
    onSuccess: (path) => {
      if (path) void message.success({ content: t("schedules.exported", { file: fileName(path) }), duration: 6 });
    },
    onError: (e) => showError(e, message),
  });

  const communityName = (id: number | null) =>
    id == null ? t("schedules.wholeShop") : (communities.data?.find((c) => c.id === id)?.name ?? t("schedules.unknownCommunity"));

  const columns = [
    {
      title: t("schedules.col.task"),
      key: "task",
      render: (_: unknown, s: Schedule) => (
        <div style={{ minWidth: 180, maxWidth: 300 }}>
          <Typography.Text strong type={s.paused ? "secondary" : undefined} ellipsis={{ tooltip: s.title }} style={{ display: "block", fontSize: 15 }} data-testid="schedule-row-title">
            {s.title}
          </Typography.Text>
          <div style={{ display: "flex", alignItems: "center", gap: 8, marginTop: 4, minWidth: 0 }}>
            <Tag bordered={false} color={PURPOSE_COLOR[s.purpose]} style={{ marginInlineEnd: 0, flex: "none" }}>
              {t(`schedules.purpose.${s.purpose}`)}
            </Tag>
            <span aria-hidden style={{ width: 8, height: 8, borderRadius: 4, background: communityColor(s.community_id), flex: "none" }} />
            <Typography.Text type="secondary" ellipsis={{ tooltip: communityName(s.community_id) }} style={{ fontSize: 13, minWidth: 0 }} data-testid="schedule-row-community">
              {communityName(s.community_id)}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    {
      title: t("schedules.col.when"),
      key: "when",
      render: (_: unknown, s: Schedule) => (
        <div style={{ minWidth: 220 }}>
          <Typography.Text data-testid="schedule-row-repeat">{repeatAt(t, s.repeat, s.start, s.time, lang)}</Typography.Text>
          {s.repeat.kind === "custom" && (
            <Typography.Text code style={{ display: "block", width: "fit-content", fontSize: 12, marginTop: 2 }} data-testid="schedule-row-rule">
              {s.rule}
            </Typography.Text>
          )}
          {(s.ends_on || s.skipped.length > 0) && (
            <Typography.Text type="secondary" style={{ display: "block", fontSize: 12, marginTop: 2 }}>
              {[s.ends_on ? t("schedules.until", { date: dayText(s.ends_on, lang) }) : null, s.skipped.length ? t("schedules.skippedCount", { count: s.skipped.length }) : null]
                .filter(Boolean)
                .join(" · ")}
            </Typography.Text>
          )}
          <Typography.Text type="secondary" style={{ display: "flex", alignItems: "center", gap: 6, fontSize: 12, marginTop: 4 }} data-testid="schedule-row-lead">
            <BellOutlined aria-hidden />
            {leadText(t, s.lead_minutes, lang)}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: t("schedules.col.next"),
      key: "next",
      render: (_: unknown, s: Schedule) =>
        s.paused ? (
          <Tag icon={<PauseCircleOutlined />} color="default" data-testid="schedule-row-paused">
            {t("schedules.paused")}
          </Tag>
        ) : s.next_at ? (
          <Typography.Text data-testid="schedule-row-next" style={{ whiteSpace: "nowrap" }}>
            {formatInstant(s.next_at, zone, t("schedules.fmt.next"), lang)}
          </Typography.Text>
        ) : (
          <Typography.Text type="secondary" data-testid="schedule-row-next">
            {t("schedules.noMoreDates")}
          </Typography.Text>
        ),
    },
    {
      title: t("schedules.col.actions"),
      key: "actions",
      render: (_: unknown, s: Schedule) => (
        <Space size={4} wrap={false}>
          <Button size="small" icon={<EditOutlined />} onClick={() => open(s)} data-testid={`schedule-edit-${s.id}`}>
            {t("common.edit")}
          </Button>
          <Button
            size="small"
            type="text"
            icon={s.paused ? <PlayCircleOutlined /> : <PauseCircleOutlined />}
            loading={setPaused.isPending && setPaused.variables?.id === s.id}
            onClick={() => setPaused.mutate({ id: s.id, paused: !s.paused })}
            data-testid={`schedule-pause-${s.id}`}
          >
            {s.paused ? t("schedules.resume") : t("schedules.pause")}
          </Button>
          <Popconfirm
            title={t("schedules.deleteConfirm")}
            description={<div style={{ maxWidth: 280 }}>{t("schedules.deleteConfirmHint")}</div>}
            okText={t("schedules.delete")}
            cancelText={t("common.cancel")}
            okButtonProps={{ danger: true, "data-testid": "schedule-delete-confirm" } as ButtonProps}
            onConfirm={() => remove.mutate(s.id)}
          >
            <Tooltip title={t("schedules.delete")}>
              <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t("schedules.delete")} data-testid={`schedule-delete-${s.id}`} />
            </Tooltip>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  const list = [...(schedules.data ?? [])].sort(byNext);

  return (
    <div className="sc-page">
      <PageHeader
        title={t("schedules.title")}
        description={t("schedules.subtitle")}
        actions={
          <Space size={12} wrap>
            <Tooltip title={t("schedules.exportHint")}>
              <Button
                icon={<MobileOutlined />}
                loading={exportIcs.isPending}
                disabled={list.length === 0}
                onClick={() => exportIcs.mutate()}
                data-testid="schedules-export-ics"
              >
                {t("schedules.exportIcs")}
              </Button>
            </Tooltip>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => open(null)} data-testid="schedule-add">
              {t("schedules.add")}
            </Button>
          </Space>
        }
      />
      {schedules.isError ? (
        <Typography.Text type="danger">{toMessage(schedules.error)}</Typography.Text>
      ) : (
        <Card styles={{ body: { padding: 0 } }}>
          <Table<Schedule>
            rowKey="id"
            loading={schedules.isPending}
            dataSource={list}
            columns={columns}
            pagination={false}
            onRow={(s) => ({ "data-testid": `schedule-row-${s.id}` }) as React.HTMLAttributes<HTMLElement>}
            locale={{
              emptyText: schedules.isPending ? (
                <div style={{ height: 200 }} />
              ) : (
                <div style={{ maxWidth: 640, margin: "0 auto", padding: "40px 24px", textAlign: "start" }} data-testid="schedules-empty">
                  <Empty
                    image={Empty.PRESENTED_IMAGE_SIMPLE}
                    description={
                      <>
                        <Typography.Text strong style={{ display: "block", fontSize: 16 }}>
                          {t("schedules.empty")}
                        </Typography.Text>
                        <Typography.Paragraph type="secondary" style={{ margin: "6px auto 20px", maxWidth: 560 }}>
                          {t("schedules.emptyHint")}
                        </Typography.Paragraph>
                      </>
                    }
                  >
                    <PresetButtons onPick={(p) => open(null, p.key)} testIdPrefix="schedules-empty-preset" columns={2} />
                  </Empty>
                </div>
              ),
            }}
            tableLayout="auto"
            scroll={{ x: 860 }}
          />
        </Card>
      )}
      {editing && (
        <ScheduleForm key={editing.key} open={formOpen} schedule={editing.schedule} preset={editing.preset} onClose={() => setFormOpen(false)} />
      )}
    </div>
  );
}
