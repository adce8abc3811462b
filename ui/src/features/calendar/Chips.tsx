// One entry of a calendar day: an occurrence of a schedule, or a content item,
// coloured by its community; a full chip in the week, a one-line one in the month.
import { CheckOutlined, FileTextOutlined } from "@ant-design/icons";
import { Tooltip } from "antd";
import { useTranslation } from "react-i18next";
import type { CalendarOccurrence } from "../../bindings/CalendarOccurrence";
import type { ContentItem } from "../../bindings/ContentItem";
import { communityColor, tint } from "./palette";

export type Entry =
  | { kind: "occurrence"; time: string; o: CalendarOccurrence }
  | { kind: "content"; time: string; c: ContentItem };

export function entryKey(e: Entry): string {
  return e.kind === "occurrence" ? `o${e.o.schedule_id}-${e.o.at}` : `c${e.c.id}`;
}

/** Each day's entries, by time; at the same time, occurrences first. */
export function entriesByDay(occurrences: CalendarOccurrence[], content: ContentItem[]): Map<string, Entry[]> {
  const map = new Map<string, Entry[]>();
  const add = (day: string, e: Entry) => {
    const list = map.get(day);
    if (list) list.push(e);
    else map.set(day, [e]);
  };
  for (const o of occurrences) add(o.day, { kind: "occurrence", time: o.time, o });
  for (const c of content) add(c.day, { kind: "content", time: c.time, c });
  for (const list of map.values()) {
    list.sort((a, b) => a.time.localeCompare(b.time) || (a.kind === b.kind ? 0 : a.kind === "occurrence" ? -1 : 1));
  }
  return map;
}

type Props = {
  entry: Entry;
  compact?: boolean;
  communityName: (id: number | null) => string;
  onOpen: (e: Entry) => void;
};

export function EntryChip({ entry, compact = false, communityName, onOpen }: Props) {
  const { t } = useTranslation();
  const isOcc = entry.kind === "occurrence";
  const communityId = isOcc ? entry.o.community_id : entry.c.community_id;
  const color = communityColor(communityId);
  const title = isOcc ? entry.o.title : entry.c.topic;
  const done = isOcc ? entry.o.state === "done" : entry.c.posted;
  const skipped = isOcc && entry.o.state === "skipped";
  const status = isOcc ? t(`calendar.state.${entry.o.state}`) : entry.c.posted ? t("calendar.posted") : t("calendar.notPosted");
  const testId = isOcc ? `occurrence-${entry.o.schedule_id}-${entry.o.day}` : `content-chip-${entry.c.id}`;
  const muted = done || skipped;

  const tip = (
    <div style={{ maxWidth: 260 }}>
      <div style={{ fontWeight: 600 }}>{title}</div>
      <div style={{ opacity: 0.85, fontSize: 12 }}>
        {entry.time} · {isOcc ? communityName(communityId) : `${t("calendar.contentPost")} · ${communityName(communityId)}`} · {status}
      </div>
    </div>
  );

  const icon = !isOcc && <FileTextOutlined aria-hidden style={{ color, fontSize: compact ? 11 : 12 }} />;
  const check = done && <CheckOutlined aria-hidden style={{ color: "#3f9a52", fontSize: compact ? 11 : 12, flex: "none" }} data-testid="chip-done" />;

  return (
    <Tooltip title={tip} mouseEnterDelay={0.35} placement="top">
      <button
        type="button"
        className="sc-cal-chip"
        data-testid={testId}
        data-state={isOcc ? entry.o.state : entry.c.posted ? "posted" : "planned"}
        onClick={() => onOpen(entry)}
        style={{
          display: "flex",
          flexDirection: compact ? "row" : "column",
          alignItems: compact ? "center" : "stretch",
          gap: compact ? 4 : 2,
          width: "100%",
          minWidth: 0,
          margin: 0,
          padding: compact ? "2px 6px" : "6px 8px",
          border: "none",
          borderInlineStart: `3px solid ${color}`,
          borderRadius: 6,
          background: isOcc ? tint(color, muted ? 0.05 : 0.12) : "#fff",
          boxShadow: isOcc ? undefined : `inset 0 0 0 1px ${tint(color, 0.35)}`,
          color: "#1f2d27",
          // Muted (past or done) by a paler tint, not by opacity, so the words keep their contrast.
          textAlign: "start",
          font: "inherit",
          fontSize: compact ? 12 : 13,
          lineHeight: compact ? "18px" : "18px",
          cursor: "pointer",
        }}
      >
        {compact ? (
          <>
            {icon}
            <span style={{ fontVariantNumeric: "tabular-nums", color: "rgba(0,0,0,0.62)", flex: "none" }}>{entry.time}</span>{" "}
            <span style={{ flex: 1, minWidth: 0, overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap", textDecoration: skipped ? "line-through" : undefined }}>
              {title}
            </span>
            {check}
            <span className="sc-visually-hidden">, {status}</span>
          </>
        ) : (
          <>
            <span style={{ display: "flex", alignItems: "center", gap: 6 }}>
              {icon}
              <span style={{ fontVariantNumeric: "tabular-nums", fontWeight: 600, color: "rgba(0,0,0,0.62)", fontSize: 12 }}>{entry.time}</span>{" "}
              <span style={{ flex: 1 }} />
              {check}
            </span>
            <span
              style={{
                display: "-webkit-box",
                WebkitLineClamp: 2,
                WebkitBoxOrient: "vertical",
                overflow: "hidden",
                wordBreak: "break-word",
                fontWeight: 500,
                textDecoration: skipped ? "line-through" : undefined,
              }}
            >
              {title}
            </span>
            <span className="sc-visually-hidden">, {status}</span>
          </>
        )}
      </button>
    </Tooltip>
  );
}
