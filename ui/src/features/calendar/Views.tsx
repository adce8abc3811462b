// The week (seven columns, every entry) and the month (a 6×7 grid, a few entries
// a day and "+N more" to open the day's week).
import { Button, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useLang } from "../../lang";
import { BRAND } from "../../theme";
import { formatDay } from "../schedules/when";
import { EntryChip, entryKey, type Entry } from "./Chips";
import { daysFrom } from "../../days";

const LINE = "1px solid #eceee8";
const FOCUS_BG = "#f2f8f4";
/** Entries a month cell shows before "+N more". */
export const MONTH_CELL_MAX = 3;

type Common = {
  from: string;
  today: string;
  /** The day asked for (highlighted). */
  focus: string | null;
  entries: Map<string, Entry[]>;
  communityName: (id: number | null) => string;
  onOpen: (e: Entry) => void;
};

function DayNumber({ day, today, big, onClick }: { day: string; today: string; big?: boolean; onClick?: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const isToday = day === today;
  const size = big ? 32 : 26;
  const first = day.endsWith("-01");
  const label = formatDay(day, first ? t("calendar.fmt.firstOfMonth") : "D", lang);
  const style: React.CSSProperties = {
    display: "inline-flex",
    alignItems: "center",
    justifyContent: "center",
    minWidth: size,
    height: size,
    padding: first ? "0 8px" : 0,
    borderRadius: size / 2,
    fontSize: big ? 18 : 13,
    fontWeight: isToday || big ? 600 : 500,
    fontVariantNumeric: "tabular-nums",
    background: isToday ? BRAND : "transparent",
    color: isToday ? "#fff" : "#1f2d27",
    border: "none",
    fontFamily: "inherit",
    cursor: onClick ? "pointer" : "default",
  };
  return onClick ? (
    <button type="button" className="sc-cal-daynum" style={style} onClick={onClick} aria-label={t("calendar.openDay", { date: formatDay(day, t("calendar.fmt.long"), lang) })}>
      {label}
    </button>
  ) : (
    <span style={style} aria-current={isToday ? "date" : undefined}>
      {label}
    </span>
  );
}

/** What marks a day's cell in both views: its name for screen readers, its test id, focus and today. */
function useDayCell(today: string, focus: string | null) {
  const { t } = useTranslation();
  const lang = useLang();
  return (d: string) => ({
    role: "group",
    "aria-label": formatDay(d, t("calendar.fmt.long"), lang),
    "data-testid": `calendar-day-${d}`,
    "data-focus": d === focus || undefined,
    "aria-current": d === today ? ("date" as const) : undefined,
  });
}

export function WeekView({ from, today, focus, entries, communityName, onOpen }: Common) {
  const { t } = useTranslation();
  const lang = useLang();
  const dayCell = useDayCell(today, focus);
  return (
    <div
      role="region"
      aria-label={t("calendar.week")}
      style={{ display: "grid", gridTemplateColumns: "repeat(7, minmax(0, 1fr))", background: "#fff", border: LINE, borderRadius: 12, overflow: "hidden" }}
    >
      {daysFrom(from, 7).map((d, i) => {
        const list = entries.get(d) ?? [];
        const isToday = d === today;
        return (
          <div
            key={d}
            {...dayCell(d)}
            style={{ display: "flex", flexDirection: "column", minWidth: 0, borderInlineStart: i ? LINE : undefined, background: d === focus ? FOCUS_BG : undefined }}
          >
            <div
              style={{
                padding: "12px 10px 10px",
                borderBottom: LINE,
                boxShadow: d === focus ? `inset 0 3px 0 ${BRAND}` : undefined,
              }}
            >
              <Typography.Text type={isToday ? undefined : "secondary"} style={{ display: "block", fontSize: 12, color: isToday ? BRAND : undefined, fontWeight: isToday ? 600 : undefined }}>
                {formatDay(d, "ddd", lang)}
                {isToday && ` · ${t("calendar.todayBadge")}`}
              </Typography.Text>
              <div style={{ marginTop: 4 }}>
                <DayNumber day={d} today={today} big />
              </div>
            </div>
            <div style={{ display: "flex", flexDirection: "column", gap: 6, padding: 8, minHeight: 340, flex: 1 }}>
              {list.length ? (
                list.map((e) => <EntryChip key={entryKey(e)} entry={e} communityName={communityName} onOpen={onOpen} />)
              ) : (
                <Typography.Text type="secondary" aria-label={t("calendar.nothingLabel")} style={{ textAlign: "center", marginTop: 12, opacity: 0.6 }}>
                  {t("calendar.nothingMark")}
                </Typography.Text>
              )}
            </div>
          </div>
        );
      })}
    </div>
  );
}

export function MonthView({ from, today, focus, entries, communityName, onOpen, month, onOpenDay }: Common & { month: string; onOpenDay: (day: string) => void }) {
  const { t } = useTranslation();
  const dayCell = useDayCell(today, focus);
  const lang = useLang();
  const days = daysFrom(from, 42);
  return (
    <div role="region" aria-label={t("calendar.month")} style={{ background: "#fff", border: LINE, borderRadius: 12, overflow: "hidden" }}>
      <div aria-hidden style={{ display: "grid", gridTemplateColumns: "repeat(7, minmax(0, 1fr))", borderBottom: LINE, background: "#fafbf8" }}>
        {days.slice(0, 7).map((d) => (
          <Typography.Text key={d} type="secondary" style={{ padding: "8px 10px", fontSize: 12, fontWeight: 500 }}>
            {formatDay(d, "ddd", lang)}
          </Typography.Text>
        ))}
      </div>
      <div style={{ display: "grid", gridTemplateColumns: "repeat(7, minmax(0, 1fr))", gridAutoRows: "minmax(104px, auto)" }}>
        {days.map((d, i) => {
          const list = entries.get(d) ?? [];
          const inMonth = d.slice(0, 7) === month.slice(0, 7);
          const shown = list.length > MONTH_CELL_MAX ? list.slice(0, MONTH_CELL_MAX - 1) : list;
          const more = list.length - shown.length;
          return (
            <div
              key={d}
              {...dayCell(d)}
              style={{
                display: "flex",
                flexDirection: "column",
                gap: 3,
                minWidth: 0,
                padding: "6px 6px 8px",
                borderInlineStart: i % 7 ? LINE : undefined,
                borderTop: i >= 7 ? LINE : undefined,
                background: d === focus ? FOCUS_BG : inMonth ? undefined : "#fafbf8",
                boxShadow: d === focus ? `inset 0 0 0 2px ${BRAND}` : undefined,
              }}
            >
              <div style={{ opacity: inMonth ? 1 : 0.45, marginBottom: 2 }}>
                <DayNumber day={d} today={today} onClick={() => onOpenDay(d)} />
              </div>
              {shown.map((e) => (
                <EntryChip key={entryKey(e)} entry={e} compact communityName={communityName} onOpen={onOpen} />
              ))}
              {more > 0 && (
                <Button
                  type="link"
                  size="small"
                  onClick={() => onOpenDay(d)}
                  data-testid={`calendar-more-${d}`}
                  style={{ alignSelf: "flex-start", padding: "0 4px", height: 20, fontSize: 12 }}
                >
                  {t("calendar.more", { count: more })}
                </Button>
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}
