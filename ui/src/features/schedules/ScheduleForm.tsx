// Add or edit a schedule: what it is, when it comes back (built into RRULE text),
// the first day and time, the days it skips, how early to remind and the text to post.
import { CalendarOutlined, ClockCircleOutlined, CodeOutlined, InfoCircleOutlined, FireOutlined, GiftOutlined, MessageOutlined, CrownOutlined } from "@ant-design/icons";
import { useMutation } from "@tanstack/react-query";
import { Alert, App as AntApp, Button, DatePicker, Drawer, Form, Input, Segmented, Select, Space, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { TFunction } from "i18next";
import type { Field } from "../../bindings/Field";
import type { Purpose } from "../../bindings/Purpose";
import type { Schedule } from "../../bindings/Schedule";
import type { ScheduleInput } from "../../bindings/ScheduleInput";
import { day as dayText } from "../../format";
import { ipc, toErrorPayload } from "../../ipc";
import { useLang } from "../../lang";
import { useShop } from "../../queries";
import { communityColor } from "../calendar/palette";
import { useCommunities } from "../communities/queries";
import { todayIn } from "../../days";
import { useInvalidateSchedules } from "./queries";
import { LIMITS } from "../../bindings/limits";
import { NumberInput } from "../../components/NumberInput";
import { lengthRule, limited } from "../../components/textLimit";
import { numberRules, readNumber } from "../../numbers";
import {
  PRESETS, REPEAT_KINDS, WEEK, durationText, leadText, normaliseTime, ordinal, repeatAt, repeatOfChoice, ruleOf, weekdayOf,
  type Preset, type PresetKey, type RepeatKind,
} from "./repeat";
import { Hint } from "./Hint";
import { SkippedDays, WeekdayToggles } from "./ScheduleFields";
import { useDiscardGuard } from "../../components/discardGuard";

export type Values = {
  title: string;
  purpose: Purpose;
  communityId?: number;
  kind: RepeatKind;
  days: string[];
  monthDay: string;
  weekday: string;
  customRule: string;
  startDate: Dayjs | null;
  time: string;
  endsOn: Dayjs | null;
  skipped: string[];
  /** Minutes before, as typed (numbers.ts). */
  lead: string;
  message: string;
};

const DAY = "YYYY-MM-DD";
const PURPOSES: Purpose[] = ["campaign", "content", "custom"];
const LEAD_CHOICES = [0, 15, 30, 60, 1440];
const PRESET_ICON: Record<PresetKey, React.ReactNode> = {
  spike: <FireOutlined />,
  "gift-day": <GiftOutlined />,
  "member-day": <CrownOutlined />,
  "daily-topic": <MessageOutlined />,
};

/** A new schedule's form: weekly on today's weekday at 20:00, from today. */
export function blankValues(today: string): Values {
  return {
    title: "", purpose: "campaign", communityId: undefined, kind: "weekly", days: [weekdayOf(today)], monthDay: String(Number(today.slice(8, 10))),
    weekday: "fr", customRule: "", startDate: dayjs(today), time: "20:00", endsOn: null, skipped: [], lead: "30", message: "",
  };
}

/** A saved schedule in the form, its repeat taken apart. */
export function valuesOf(s: Schedule): Values {
  const first = s.start.slice(0, 10);
  const r = s.repeat;
  return {
    title: s.title, purpose: s.purpose, communityId: s.community_id ?? undefined, kind: r.kind,
    days: r.kind === "weekly" ? [...r.days] : [weekdayOf(first)],
    monthDay: String(r.kind === "monthly_on_day" ? r.day : Number(first.slice(8, 10))),
    weekday: r.kind === "monthly_last_weekday" ? r.weekday : weekdayOf(first),
    customRule: s.rule, startDate: dayjs(first), time: s.time, endsOn: s.ends_on ? dayjs(s.ends_on) : null, skipped: [...s.skipped],
    lead: String(s.lead_minutes), message: s.message,
  };
}

/** A preset laid over the form; the first day and the community stay as they were. */
export function withPreset(v: Values, p: Preset, t: TFunction, today: string): Values {
  return {
    ...v,
    title: t(`schedules.presets.${p.name}.title`),
    purpose: p.purpose,
    kind: p.repeat.kind,
    days: p.repeat.days ?? v.days,
    monthDay: p.repeat.monthDay ? String(p.repeat.monthDay) : v.monthDay,
    weekday: p.repeat.weekday ?? v.weekday,
    startDate: v.startDate ?? dayjs(today),
    time: p.time,
    lead: String(p.lead),
    message: t(`schedules.presets.${p.name}.message`),
  };
}

/** What the backend is sent. `zone` is "" for the shop's own. */
export function toScheduleInput(v: Values, zone: string): ScheduleInput {
  const once = v.kind === "once";
  return {
    title: v.title.trim(),
    purpose: v.purpose,
    community_id: v.communityId ?? null,
    rule: ruleOf(v),
    start: `${v.startDate ? v.startDate.format(DAY) : ""} ${normaliseTime(v.time) ?? v.time.trim()}`,
    zone,
    ends_on: once || !v.endsOn ? null : v.endsOn.format(DAY),
    skipped: once ? [] : [...v.skipped].sort(),
    lead_minutes: readNumber(v.lead) ?? 0,
    message: v.message.trim(),
  };
}

/** Where a backend complaint about `field` is shown; undefined for the form's own alert. */
function formField(field: Field | null, kind: RepeatKind): keyof Values | undefined {
  switch (field) {
    case "title":
      return "title";
    case "purpose":
      return "purpose";
    case "community":
      return "communityId";
    case "rule":
      return kind === "weekly" ? "days" : kind === "monthly_on_day" ? "monthDay" : kind === "monthly_last_weekday" ? "weekday" : kind === "custom" ? "customRule" : "kind";
    case "start":
      return "startDate";
    case "time":
    case "time_zone":
      return "time";
    case "ends_on":
      return kind === "once" ? undefined : "endsOn";
    case "skipped":
      return kind === "once" ? undefined : "skipped";
    case "lead_minutes":
      return "lead";
    case "message":
      return "message";
    default:
      return undefined;
  }
}

type Props = {
  open: boolean;
  /** The schedule to edit; null for a new one. */
  schedule: Schedule | null;
  /** A preset to start a new schedule from. */
  preset?: PresetKey | null;
  onClose: () => void;
};

/** Mount it afresh for each opening (a new `key`): it starts from its initial values. */
export function ScheduleForm({ open, schedule, preset = null, onClose }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = AntApp.useApp();
  const shop = useShop();
  const shopZone = shop?.time_zone ?? "UTC";
  const today = todayIn(shopZone);
  const communities = useCommunities(false);
  const invalidate = useInvalidateSchedules();
  const [form] = Form.useForm<Values>();
  const cancel = useDiscardGuard(form, onClose);
  const [formError, setFormError] = useState<string | null>(null);
  const [chosen, setChosen] = useState<PresetKey | null>(preset);

  // The form is mounted anew for each opening; later renders must not reset it.
  const [initial] = useState<Values>(() => {
    if (schedule) return valuesOf(schedule);
    const p = PRESETS.find((x) => x.key === preset);
    return p ? withPreset(blankValues(today), p, t, today) : blankValues(today);
  });

  const watched = (Form.useWatch([], { form, preserve: true }) ?? initial) as Partial<Values>;
  const v: Values = { ...initial, ...watched };
  const kind = v.kind;
  const lead = readNumber(v.lead);
  const monthDay = readNumber(v.monthDay);
  const zone = schedule && schedule.zone !== shopZone ? schedule.zone : "";
  const firstDay = v.startDate ? v.startDate.format(DAY) : today;
  const lastDay = v.endsOn ? v.endsOn.format(DAY) : undefined;
  const time = normaliseTime(v.time ?? "");

  const save = useMutation({
    mutationFn: (input: ScheduleInput) => (schedule ? ipc.updateSchedule(schedule.id, input) : ipc.createSchedule(input)),
    onSuccess: () => {
      invalidate();
      void message.success(schedule ? t("schedules.form.saved") : t("schedules.form.created"));
      onClose();
    },
    onError: (e) => {
      const p = toErrorPayload(e);
      const name = formField(p.field as Field | null, kind);
      if (name) {
        form.setFields([{ name, errors: [p.message] }]);
        form.scrollToField(name, { block: "center" });
      } else {
        setFormError(p.message);
      }
    },
  });

  // Stale complaints go once the owner changes the values wholesale.
  const clearErrors = () => {
    const stale = form.getFieldsError().filter((f) => f.errors.length > 0);
    if (stale.length) form.setFields(stale.map((f) => ({ name: f.name[0] as keyof Values, errors: [] })));
  };

  const submit = () => {
    setFormError(null);
    const all = { ...initial, ...(form.getFieldsValue(true) as Partial<Values>) };
    save.mutate(toScheduleInput(all, zone));
  };

  const applyPreset = (p: Preset) => {
    const all = { ...initial, ...(form.getFieldsValue(true) as Partial<Values>) };
    // Only what the preset sets: the first day and the community stay as they are.
    const { title, purpose, kind, days, monthDay, weekday, time, lead, message } = withPreset(all, p, t, today);
    const next = { title, purpose, kind, days, monthDay, weekday, time, lead, message };
    form.setFieldsValue(next);
    clearErrors();
    setFormError(null);
    setChosen(p.key);
  };

  // Switching the repeat starts each kind from the first day's weekday or date.
  const onKind = (k: RepeatKind) => {
    if (k === "weekly" && !(v.days ?? []).length) form.setFieldValue("days", [weekdayOf(firstDay)]);
    if (k === "monthly_on_day" && !v.monthDay) form.setFieldValue("monthDay", String(Number(firstDay.slice(8, 10))));
    setChosen(null);
  };

  const kinds = schedule?.repeat.kind === "custom" ? [...REPEAT_KINDS, "custom" as const] : REPEAT_KINDS;
  const summary =
    time && v.startDate && (kind !== "weekly" || v.days.length > 0)
      ? kind === "custom"
        ? t("schedules.form.summaryCustom", { time, date: dayText(firstDay, lang) })
        : kind === "once"
          ? t("schedules.form.summaryOnce", { when: repeatAt(t, { kind: "once" }, firstDay, time, lang) })
          : t("schedules.form.summary", { when: repeatAt(t, repeatOfChoice(v), firstDay, time, lang), date: dayText(firstDay, lang) })
      : null;

  const section = (label: string) => (
    <Typography.Title level={5} style={{ margin: "8px 0 16px" }}>
      {label}
    </Typography.Title>
  );

  return (
    <Drawer
      open={open}
      onClose={save.isPending ? undefined : cancel}
      maskClosable={!save.isPending}
      width={680}
      destroyOnHidden
      title={schedule ? t("schedules.form.editTitle") : t("schedules.form.newTitle")}
      extra={
        <Space>
          <Button onClick={cancel} disabled={save.isPending}>
            {t("common.cancel")}
          </Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="schedule-save">
            {t("common.save")}
          </Button>
        </Space>
      }
    >
      <div data-testid="schedule-form">
        {formError && (
          <Alert type="error" showIcon closable onClose={() => setFormError(null)} message={formError} style={{ marginBottom: 20 }} data-testid="schedule-form-error" />
        )}
        {!schedule && (
          <div style={{ marginBottom: 24 }}>
            <Typography.Text strong>{t("schedules.form.presets")}</Typography.Text>
            <Typography.Text type="secondary" style={{ display: "block", fontSize: 13, marginBottom: 10 }}>
              {t("schedules.form.presetsHint")}
            </Typography.Text>
            <PresetButtons chosen={chosen} onPick={applyPreset} testIdPrefix="schedule-preset" columns={2} />
          </div>
        )}
        <Form<Values> form={form} layout="vertical" requiredMark={false} initialValues={initial} onFinish={submit} scrollToFirstError>
          {section(t("schedules.form.what"))}
          <Form.Item
            name="title"
            label={t("schedules.form.title")}
            rules={[{ required: true, whitespace: true, message: t("schedules.form.titleRequired") }, lengthRule(t, LIMITS.scheduleTitle)]}
          >
            <Input data-testid="schedule-title" {...limited(LIMITS.scheduleTitle)} placeholder={t("schedules.form.titlePlaceholder")} />
          </Form.Item>
          <div style={{ display: "grid", gridTemplateColumns: "auto 1fr", gap: 16 }}>
            <Form.Item name="purpose" label={t("schedules.form.purpose")}>
              <Segmented<Purpose>
                data-testid="schedule-purpose"
                options={PURPOSES.map((p) => ({ value: p, label: <span data-testid={`schedule-purpose-${p}`}>{t(`schedules.purpose.${p}`)}</span> }))}
              />
            </Form.Item>
            <Form.Item name="communityId" label={t("schedules.form.community")}>
              <Select
                data-testid="schedule-community"
                allowClear
                loading={communities.isPending}
                placeholder={t("schedules.form.communityPlaceholder")}
                options={(communities.data ?? []).map((c) => ({
                  value: c.id,
                  title: c.name,
                  label: (
                    <span style={{ display: "inline-flex", alignItems: "center", gap: 8 }}>
                      <span style={{ width: 8, height: 8, borderRadius: 4, background: communityColor(c.id), flex: "none" }} />
                      {c.name}
                    </span>
                  ),
                }))}
              />
            </Form.Item>
          </div>

          {section(t("schedules.form.when"))}
          <Form.Item name="kind" label={t("schedules.form.repeat")}>
            <Segmented<RepeatKind>
              data-testid="schedule-repeat"
              onChange={onKind}
              options={kinds.map((k) => ({ value: k, label: <span data-testid={`schedule-repeat-${k}`}>{t(`schedules.form.kind.${k}`)}</span> }))}
              style={{ maxWidth: "100%", overflowX: "auto" }}
            />
          </Form.Item>
          {kind === "weekly" && (
            <Form.Item name="days" label={t("schedules.form.days")} rules={[{ type: "array", required: true, min: 1, message: t("schedules.form.daysRequired") }]}>
              <WeekdayToggles />
            </Form.Item>
          )}
          {kind === "monthly_on_day" && (
            <Form.Item
              name="monthDay"
              label={t("schedules.form.monthDay")}
              rules={numberRules(t, { min: 1, max: 31, required: t("schedules.form.monthDayRequired") })}
              extra={monthDay !== null && monthDay > 28 && monthDay <= 31 ? t("schedules.form.monthDayShort", { day: monthDay, nth: ordinal(monthDay) }) : undefined}
            >
              <NumberInput data-testid="schedule-month-day" style={{ width: 140 }} />
            </Form.Item>
          )}
          {kind === "monthly_last_weekday" && (
            <Form.Item name="weekday" label={t("schedules.form.weekday")}>
              <Select
                data-testid="schedule-weekday"
                style={{ width: 200 }}
                options={WEEK.map((d) => ({ value: d, label: t(`schedules.dayLong.${d}`) }))}
              />
            </Form.Item>
          )}
          {kind === "custom" && (
            <Form.Item name="customRule" label={t("schedules.form.customRule")}>
              <Input
                readOnly
                prefix={<CodeOutlined />}
                data-testid="schedule-custom-rule"
                style={{ fontFamily: "ui-monospace, SFMono-Regular, Menlo, Consolas, monospace" }}
              />
            </Form.Item>
          )}
          {kind === "custom" && <Hint icon={<InfoCircleOutlined />} title={t("schedules.form.customNote")} style={{ marginTop: -8, marginBottom: 20 }} />}

          <div style={{ display: "grid", gridTemplateColumns: "1fr 1fr", gap: 16 }}>
            <Form.Item
              name="startDate"
              label={kind === "once" ? t("schedules.form.onceDate") : t("schedules.form.startDate")}
              rules={[{ required: true, message: t("schedules.form.startRequired") }]}
            >
              <DatePicker data-testid="schedule-start-date" allowClear={false} style={{ width: "100%" }} />
            </Form.Item>
            <Form.Item
              name="time"
              label={t("schedules.form.time")}
              extra={t("schedules.form.timeZoneNote", { zone: schedule?.zone || shopZone })}
              rules={[
                { required: true, message: t("schedules.form.timeInvalid") },
                { validator: (_, value: string) => (!value || normaliseTime(value) ? Promise.resolve() : Promise.reject(new Error(t("schedules.form.timeInvalid")))) },
              ]}
            >
              <Input data-testid="schedule-time" placeholder="20:00" prefix={<ClockCircleOutlined style={{ color: "rgba(0,0,0,0.35)" }} />} style={{ width: 160 }} />
            </Form.Item>
          </div>
          {kind !== "once" && (
            <>
              <Form.Item name="endsOn" label={t("schedules.form.ends")} extra={t("schedules.form.endsHelp")}>
                <DatePicker
                  data-testid="schedule-ends"
                  placeholder={t("schedules.form.endsPlaceholder")}
                  style={{ width: "calc(50% - 8px)" }}
                  disabledDate={(d) => d.format(DAY) < firstDay}
                />
              </Form.Item>
              <Form.Item name="skipped" label={t("schedules.form.skipped")} extra={t("schedules.form.skippedHelp")}>
                <SkippedDays from={firstDay} until={lastDay} />
              </Form.Item>
            </>
          )}
          {summary && (
            <Hint icon={<CalendarOutlined />} title={summary} style={{ marginBottom: 24 }} data-testid="schedule-summary" />
          )}

          {section(t("schedules.form.reminder"))}
          <Form.Item
            label={t("schedules.form.lead")}
            required={false}
            extra={
              <>
                {lead !== null && lead <= LIMITS.leadMax && (
                  <span style={{ display: "block", color: "rgba(0,0,0,0.72)" }} data-testid="schedule-lead-words">
                    {leadText(t, lead, lang)}
                  </span>
                )}
                {t("schedules.form.leadHelp")}
              </>
            }
          >
            <div style={{ display: "flex", flexWrap: "wrap", alignItems: "center", gap: 12 }}>
              <Form.Item name="lead" noStyle rules={numberRules(t, { min: 0, max: LIMITS.leadMax, required: t("schedules.form.leadRequired") })}>
                <NumberInput data-testid="schedule-lead" aria-label={t("schedules.form.lead")} suffix={t("schedules.form.minutes")} style={{ width: 150 }} />
              </Form.Item>
              <Space size={6} wrap>
                {LEAD_CHOICES.map((m) => (
                  <Button
                    key={m}
                    size="small"
                    type={lead === m ? "primary" : "default"}
                    ghost={lead === m}
                    onClick={() => {
                      form.setFieldValue("lead", String(m));
                      if (form.getFieldError("lead").length) form.setFields([{ name: "lead", errors: [] }]);
                    }}
                    data-testid={`schedule-lead-${m}`}
                  >
                    {m === 0 ? t("schedules.form.leadNone") : durationText(t, m, lang)}
                  </Button>
                ))}
              </Space>
            </div>
          </Form.Item>
          <Form.Item name="message" label={t("schedules.form.message")} extra={t("schedules.form.messageHelp")} rules={[lengthRule(t, LIMITS.scheduleMessage)]}>
            <Input.TextArea
              data-testid="schedule-message"
              autoSize={{ minRows: 4, maxRows: 10 }}
              {...limited(LIMITS.scheduleMessage)}
              placeholder={t("schedules.form.messagePlaceholder")}
            />
          </Form.Item>
        </Form>
      </div>
    </Drawer>
  );
}

/** The method's regular days as buttons, each with its repeat in words. */
export function PresetButtons({ chosen, onPick, testIdPrefix, columns }: { chosen?: PresetKey | null; onPick: (p: Preset) => void; testIdPrefix: string; columns?: number }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <div style={{ display: "grid", gridTemplateColumns: columns ? `repeat(${columns}, minmax(0, 1fr))` : "repeat(auto-fill, minmax(170px, 1fr))", gap: 10 }}>
      {PRESETS.map((p) => (
        <Button
          key={p.key}
          onClick={() => onPick(p)}
          data-testid={`${testIdPrefix}-${p.key}`}
          type={chosen === p.key ? "primary" : "default"}
          ghost={chosen === p.key}
          style={{ height: "auto", padding: "10px 14px", display: "flex", alignItems: "flex-start", justifyContent: "flex-start", gap: 10, textAlign: "start", whiteSpace: "normal" }}
        >
          <span style={{ fontSize: 18, lineHeight: "22px" }}>{PRESET_ICON[p.key]}</span>
          <span style={{ display: "flex", flexDirection: "column", minWidth: 0 }}>
            <span style={{ fontWeight: 600 }}>{t(`schedules.presets.${p.name}.title`)}</span>
            <span style={{ fontSize: 12, opacity: 0.7 }}>
              {repeatAt(t, repeatOfChoice({ days: [], monthDay: "", weekday: "fr", customRule: "", ...p.repeat }), "", p.time, lang)}
            </span>
          </span>
        </Button>
      ))}
    </div>
  );
}
