// Two controls of the schedule form that antd does not have as such: the week's
// seven day toggles and the list of skipped days (holidays).
import { CloseOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, DatePicker, Tag, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { day as dayText } from "../../format";
import { useLang } from "../../lang";
import { WEEK } from "./repeat";

type ToggleProps = { id?: string; value?: string[]; onChange?: (days: string[]) => void };

/** Monday to Sunday, each a button that is pressed or not. */
export function WeekdayToggles({ id, value = [], onChange }: ToggleProps) {
  const { t } = useTranslation();
  const toggle = (d: string) => {
    const next = value.includes(d) ? value.filter((x) => x !== d) : [...value, d];
    onChange?.(WEEK.filter((w) => next.includes(w)));
  };
  return (
    <div id={id} role="group" aria-label={t("schedules.form.days")} style={{ display: "flex", flexWrap: "wrap", gap: 8 }}>
      {WEEK.map((d) => {
        const on = value.includes(d);
        return (
          <Button
            key={d}
            type={on ? "primary" : "default"}
            aria-pressed={on}
            onClick={() => toggle(d)}
            data-testid={`schedule-day-${d}`}
            style={{ minWidth: 58 }}
          >
            {/* Seen short, heard in full. */}
            <span aria-hidden>{t(`schedules.day.${d}`)}</span>
            <span className="sc-visually-hidden">{t(`schedules.dayLong.${d}`)}</span>
          </Button>
        );
      })}
    </div>
  );
}

type SkippedProps = {
  id?: string;
  value?: string[];
  onChange?: (days: string[]) => void;
  /** Days before this (the first day) cannot be picked. */
  from?: string;
  /** Nor days after the last day. */
  until?: string;
};

const DAY = "YYYY-MM-DD";

/** Days the schedule leaves out: add one with the picker, remove one with its tag's cross. */
export function SkippedDays({ id, value = [], onChange, from, until }: SkippedProps) {
  const { t } = useTranslation();
  const lang = useLang();
  // A fresh picker after each pick, so it is empty again.
  const [round, setRound] = useState(0);
  const add = (d: Dayjs | null) => {
    if (!d) return;
    const s = d.format(DAY);
    if (!value.includes(s)) onChange?.([...value, s].sort());
    setRound((r) => r + 1);
  };
  return (
    <div id={id} data-testid="schedule-skipped">
      <DatePicker
        key={round}
        data-testid="schedule-skipped-add"
        placeholder={t("schedules.form.skippedAdd")}
        suffixIcon={<PlusOutlined />}
        onChange={add}
        disabledDate={(d) => (from !== undefined && d.format(DAY) < from) || (until !== undefined && d.format(DAY) > until) || value.includes(d.format(DAY))}
        style={{ width: 200 }}
      />
      <div style={{ display: "flex", flexWrap: "wrap", gap: 6, marginTop: value.length ? 10 : 0 }}>
        {value.map((d) => (
          <Tag
            key={d}
            closable
            onClose={(e) => {
              e.preventDefault();
              onChange?.(value.filter((x) => x !== d));
            }}
            closeIcon={<CloseOutlined aria-label={t("schedules.form.skippedRemove", { date: dayText(d, lang) })} />}
            data-testid={`schedule-skipped-${d}`}
            style={{ marginInlineEnd: 0, padding: "2px 8px" }}
          >
            {dayText(d, lang)}
            <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 6 }}>
              {dayjs(d).locale(lang === "zh-CN" ? "zh-cn" : "en").format("ddd")}
            </Typography.Text>
          </Tag>
        ))}
      </div>
    </div>
  );
}
