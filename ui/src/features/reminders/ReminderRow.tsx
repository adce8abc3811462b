// One reminder: when, an icon and the words for its kind, its title, its
// state, the text to copy and where it leads.
import {
  CloseOutlined, CopyOutlined, EditOutlined, NotificationOutlined, QrcodeOutlined, RightOutlined, TagsOutlined, ThunderboltOutlined,
} from "@ant-design/icons";
import { App as AntApp, Button, Tag, Tooltip, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { Community } from "../../bindings/Community";
import type { Reminder } from "../../bindings/Reminder";
import type { ReminderKind } from "../../bindings/ReminderKind";
import { useLang } from "../../lang";
import { routeFromReminder, useNav } from "../../nav";
import { weekdayDate } from "../../days";
import { dayOf, hhmm, kindLine, stateOf } from "./words";
import { communityColor } from "../calendar/palette";

const KIND_LOOK: Record<ReminderKind, { icon: React.ReactNode; color: string; bg: string }> = {
  announce: { icon: <NotificationOutlined />, color: "#1668dc", bg: "#e8f1fd" },
  start: { icon: <ThunderboltOutlined />, color: "#2f7d5b", bg: "#e6f2ec" },
  content: { icon: <EditOutlined />, color: "#6941c6", bg: "#f0ebfb" },
  qr_expiry: { icon: <QrcodeOutlined />, color: "#8a5300", bg: "#fff4d6" },
  batch_expiry: { icon: <TagsOutlined />, color: "#c8463c", bg: "#fdecea" },
};

const STATE_COLOR = { delivered: "green", missed: "orange", coming: "blue" } as const;

type Props = {
  reminder: Reminder;
  zone: string;
  /** Show the day under the time (missed and upcoming rows). */
  withDate?: boolean;
  communities: Community[];
  onDismiss?: () => void;
  dismissing?: boolean;
};

export function ReminderRow({ reminder: r, zone, withDate, communities, onDismiss, dismissing }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = AntApp.useApp();
  const { go } = useNav();
  const look = KIND_LOOK[r.kind] ?? KIND_LOOK.start;
  const state = stateOf(r);
  const route = routeFromReminder(r.route);
  const community = r.community_id === null ? undefined : communities.find((c) => c.id === r.community_id);

  const copy = () => {
    const clip = typeof navigator !== "undefined" ? navigator.clipboard : undefined;
    if (!clip) {
      void message.error(t("reminders.copyFailed"));
      return;
    }
    clip.writeText(r.body).then(
      () => void message.success(t("reminders.copied")),
      () => void message.error(t("reminders.copyFailed")),
    );
  };

  return (
    <div className="sc-reminder" data-testid={`reminder-${r.key}`} data-kind={r.kind} data-state={state}>
      <div className="sc-reminder-when">
        <span className="sc-reminder-time" data-testid="reminder-time">{hhmm(r.due_at, lang, zone)}</span>
        {withDate && <span className="sc-reminder-date">{weekdayDate(dayOf(r.due_at, zone), lang)}</span>}
      </div>
      <span className="sc-reminder-icon" style={{ color: look.color, background: look.bg }} aria-hidden>
        {look.icon}
      </span>
      <div className="sc-reminder-main">
        <div className="sc-reminder-title">
          <strong title={r.title}>{r.title}</strong>
          <Tag color={STATE_COLOR[state]} bordered={false} style={{ marginInlineEnd: 0, flex: "none" }} data-testid="reminder-state">
            {t(`reminders.state.${state}`)}
          </Tag>
        </div>
        <Typography.Text style={{ color: look.color }} data-testid="reminder-words">
          {kindLine(t, r, lang, zone)}
        </Typography.Text>
        {r.body.trim() && <div className="sc-reminder-body">{r.body}</div>}
        {community && (
          <span className="sc-reminder-community">
            <span className="sc-dot" style={{ background: communityColor(community.id) }} />
            {community.name}
          </span>
        )}
      </div>
      <div className="sc-reminder-actions">
        {r.body.trim() && (
          <Button size="small" icon={<CopyOutlined />} onClick={copy} data-testid={`reminder-copy-${r.key}`}>
            {t("reminders.copy")}
          </Button>
        )}
        {route.page !== "reminders" && (
          <Button size="small" type="primary" ghost onClick={() => go(route)} data-testid={`reminder-open-${r.key}`}>
            {t("reminders.open")} <RightOutlined />
          </Button>
        )}
        {onDismiss && (
          <Tooltip title={t("reminders.dismiss")}>
            <Button
              size="small"
              type="text"
              icon={<CloseOutlined />}
              aria-label={t("reminders.dismiss")}
              loading={dismissing}
              onClick={onDismiss}
              data-testid={`reminder-dismiss-${r.key}`}
            />
          </Tooltip>
        )}
      </div>
    </div>
  );
}
