// One occurrence opened from the calendar: when and where, the text to copy into
// the group, and what the owner did with it (done, skipped this time, or planned).
import { CheckCircleOutlined, CopyOutlined, EditOutlined, StopOutlined, UndoOutlined } from "@ant-design/icons";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { App as AntApp, Button, Card, Descriptions, Drawer, Space, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { CalendarOccurrence } from "../../bindings/CalendarOccurrence";
import type { OccurrenceState } from "../../bindings/OccurrenceState";
import { showError } from "../../errors";
import { ipc } from "../../ipc";
import { useLang } from "../../lang";
import { useNav } from "../../nav";
import { keys } from "../../queries";
import { PURPOSE_COLOR, leadText } from "../schedules/repeat";
import { formatDay } from "../schedules/when";
import { communityColor } from "./palette";

export const STATE_COLOR: Record<OccurrenceState, string> = { planned: "blue", done: "green", skipped: "default" };

type Props = {
  occurrence: CalendarOccurrence | null;
  communityName: (id: number | null) => string;
  zone: string;
  onClose: () => void;
};

export function OccurrenceDrawer({ occurrence: o, communityName, zone, onClose }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = AntApp.useApp();
  const { go } = useNav();
  const client = useQueryClient();

  const mark = useMutation({
    mutationFn: ({ occ, state }: { occ: CalendarOccurrence; state: OccurrenceState }) => ipc.markOccurrence(occ.schedule_id, occ.at, state),
    onSuccess: (_, { state }) => {
      void client.invalidateQueries({ queryKey: keys.occurrencesAll });
      void client.invalidateQueries({ queryKey: keys.reminderCentre });
      void message.success(t(`calendar.marked.${state}`));
      onClose();
    },
    onError: (e) => showError(e, message),
  });

  const copy = async (text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      void message.success(t("calendar.drawer.copied"));
    } catch {
      void message.error(t("calendar.drawer.copyFailed"));
    }
  };

  const busy = (state: OccurrenceState) => mark.isPending && mark.variables?.state === state;

  return (
    <Drawer
      open={o !== null}
      onClose={onClose}
      width={520}
      destroyOnHidden
      title={o ? <Typography.Text ellipsis={{ tooltip: o.title }} style={{ fontSize: 16, fontWeight: 600, maxWidth: 380 }}>{o.title}</Typography.Text> : null}
      footer={
        o && (
          <div style={{ display: "flex", justifyContent: "space-between", alignItems: "center", gap: 12, flexWrap: "wrap", padding: "4px 0" }}>
            <Button type="link" icon={<EditOutlined />} onClick={() => go({ page: "schedules" })} style={{ paddingInline: 0 }} data-testid="occurrence-edit-schedule">
              {t("calendar.drawer.editSchedule")}
            </Button>
            <Space wrap>
              {o.state !== "planned" && (
                <Button icon={<UndoOutlined />} loading={busy("planned")} disabled={mark.isPending} onClick={() => mark.mutate({ occ: o, state: "planned" })} data-testid="occurrence-planned">
                  {t("calendar.drawer.planned")}
                </Button>
              )}
              {o.state !== "skipped" && (
                <Button icon={<StopOutlined />} loading={busy("skipped")} disabled={mark.isPending} onClick={() => mark.mutate({ occ: o, state: "skipped" })} data-testid="occurrence-skip">
                  {t("calendar.drawer.skip")}
                </Button>
              )}
              {o.state !== "done" && (
                <Button type="primary" icon={<CheckCircleOutlined />} loading={busy("done")} disabled={mark.isPending} onClick={() => mark.mutate({ occ: o, state: "done" })} data-testid="occurrence-done">
                  {t("calendar.drawer.done")}
                </Button>
              )}
            </Space>
          </div>
        )
      }
    >
      {o && (
        <div data-testid="occurrence-drawer">
          <Descriptions
            column={1}
            size="small"
            colon={false}
            styles={{ label: { width: 110, color: "rgba(0,0,0,0.65)" } }}
            items={[
              {
                key: "when",
                label: t("calendar.drawer.when"),
                children: (
                  <span data-testid="occurrence-when">
                    <Typography.Text strong>{formatDay(o.day, t("calendar.fmt.long"), lang)}</Typography.Text>
                    <Typography.Text style={{ marginInlineStart: 8 }}>{o.time}</Typography.Text>
                    <Typography.Text type="secondary" style={{ display: "block", fontSize: 12 }}>
                      {t("calendar.drawer.zone", { zone })}
                    </Typography.Text>
                  </span>
                ),
              },
              {
                key: "community",
                label: t("calendar.drawer.community"),
                children: (
                  <span style={{ display: "inline-flex", alignItems: "center", gap: 8 }}>
                    <span aria-hidden style={{ width: 10, height: 10, borderRadius: 5, background: communityColor(o.community_id) }} />
                    {communityName(o.community_id)}
                  </span>
                ),
              },
              {
                key: "purpose",
                label: t("calendar.drawer.purpose"),
                children: (
                  <Tag bordered={false} color={PURPOSE_COLOR[o.purpose]}>
                    {t(`schedules.purpose.${o.purpose}`)}
                  </Tag>
                ),
              },
              { key: "lead", label: t("calendar.drawer.reminder"), children: leadText(t, o.lead_minutes, lang) },
              {
                key: "state",
                label: t("calendar.drawer.state"),
                children: (
                  <Tag color={STATE_COLOR[o.state]} data-testid="occurrence-state">
                    {t(`calendar.state.${o.state}`)}
                  </Tag>
                ),
              },
            ]}
          />
          <Card
            size="small"
            style={{ marginTop: 20, background: "#fafbf8" }}
            title={t("calendar.drawer.message")}
            extra={
              <Button size="small" icon={<CopyOutlined />} disabled={!o.message.trim()} onClick={() => void copy(o.message)} data-testid="occurrence-copy">
                {t("calendar.drawer.copy")}
              </Button>
            }
          >
            {o.message.trim() ? (
              <Typography.Paragraph className="sc-pre" style={{ margin: 0 }} data-testid="occurrence-message">
                {o.message}
              </Typography.Paragraph>
            ) : (
              <Typography.Text type="secondary">{t("calendar.drawer.noMessage")}</Typography.Text>
            )}
          </Card>
        </div>
      )}
    </Drawer>
  );
}
