//! When a campaign's sessions fall: the schedule's own reading of the repeat
//! rule, from the first session to the last day, with its checks — shared by
//! every kind that runs on a rhythm (the flash sale's evenings, Friday's
//! gift-package day).

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};
use chrono_tz::Tz;

use crate::schedule::{self, ScheduleInput};
use crate::Lang;

/// Sessions one campaign may hold: a season, not an endless rule.
pub const MAX_SESSIONS: usize = 60;

/// One session: its local day, start and end.
pub(crate) type Session = (NaiveDate, DateTime<Utc>, DateTime<Utc>);

/// A reason no session can be planned, in both languages.
pub(crate) struct Refusal {
    pub en: String,
    pub zh: String,
}

/// The reminder schedule a campaign's sessions follow, for `community_id`.
pub(crate) fn schedule(
    title: &str,
    rule: &str,
    start: &str,
    ends_on: &str,
    lead_minutes: i64,
    community_id: Option<i64>,
    message: String,
) -> ScheduleInput {
    ScheduleInput {
        title: title.to_owned(),
        purpose: "campaign".into(),
        community_id,
        rule: rule.to_owned(),
        start: start.to_owned(),
        zone: String::new(),
        // A rule that counts its sessions (one date is COUNT=1) ends by itself;
        // the schedule refuses an end date beside a count.
        ends_on: (!rule.to_ascii_uppercase().contains("COUNT=")).then(|| ends_on.to_owned()),
        skipped: Vec::new(),
        lead_minutes,
        message,
    }
}

/// Every session from the rule's first to `ends_on`, each lasting `minutes`;
/// the sessions found (at most `MAX_SESSIONS`) and the refusal, if any.
pub(crate) fn sessions(
    rule: &str,
    start: &str,
    ends_on: &str,
    minutes: i64,
    what: (&str, &str),
    zone: Tz,
    now: DateTime<Utc>,
) -> (Vec<Session>, Option<Refusal>) {
    let refuse = |en: String, zh: String| Some(Refusal { en, zh });
    let valid =
        match schedule::model::validate(&schedule("-", rule, start, ends_on, 0, None, String::new()), zone) {
            Ok(v) => v,
            Err(e) => return (Vec::new(), refuse(e.message(Lang::En), e.message(Lang::ZhCn))),
        };
    let Ok(last) = NaiveDate::parse_from_str(ends_on, "%Y-%m-%d") else {
        return (
            Vec::new(),
            refuse(format!("Choose the last day of the {}", what.0), format!("请选择{}的最后一天", what.1)),
        );
    };
    let from = schedule::rule::local_instant(zone, valid.rule.start);
    let until = schedule::rule::local_instant(zone, (last + Duration::days(1)).and_time(NaiveTime::MIN));
    let found = valid.rule.between(zone, from, until);
    let refusal = if found.len() > MAX_SESSIONS {
        refuse(
            format!(
                "That makes {} sessions; at most {MAX_SESSIONS} — choose an earlier last day",
                found.len()
            ),
            format!("一共 {} 场，最多 {MAX_SESSIONS} 场——请把结束日期提前", found.len()),
        )
    } else if found.is_empty() {
        refuse(
            "No session falls between the start and the last day".into(),
            "开始到结束之间没有一场活动".into(),
        )
    } else if found[0].at <= now {
        refuse(
            "The first session has already begun; choose a later start".into(),
            "第一场已经开始了，请选择更晚的开始时间".into(),
        )
    } else {
        None
    };
    let sessions = found
        .into_iter()
        .take(MAX_SESSIONS)
        .map(|o| (o.day, o.at, o.at + Duration::minutes(minutes)))
        .collect();
    (sessions, refusal)
}

/// A day as the wizards send it, "YYYY-MM-DD".
pub(crate) fn day(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok()
}

/// From the first day's midnight to the midnight after the last, as instants
/// in the shop's zone: the days a campaign runs that has no evening of its own.
pub(crate) fn days_period(first: NaiveDate, last: NaiveDate, zone: Tz) -> (DateTime<Utc>, DateTime<Utc>) {
    use crate::schedule::rule::local_instant;
    (
        local_instant(zone, first.and_time(NaiveTime::MIN)),
        local_instant(zone, (last + Duration::days(1)).and_time(NaiveTime::MIN)),
    )
}

/// The first day of a month typed "YYYY-MM" (a leaderboard's, a settlement's);
/// anything else refused at the field.
pub(crate) fn month_start(text: &str) -> crate::Result<NaiveDate> {
    let m = text.trim();
    match NaiveDate::parse_from_str(&format!("{m}-01"), "%Y-%m-%d") {
        Ok(d) if m.len() == 7 => Ok(d),
        _ => Err(crate::Error::invalid(
            crate::Field::Date,
            crate::Problem::Unknown { value: m.chars().take(20).collect() },
        )),
    }
}
