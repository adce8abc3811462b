//! A schedule's rule and its occurrences.
//!
//! The rule is RFC 5545 RRULE text (`FREQ=WEEKLY;BYDAY=MO,TU,WE,TH`),
//! expanded by the `rrule` crate; the same text is stored and exported.
//!
//! Expansion runs on *wall-clock* time: the rule is expanded from the first
//! local date-time as if it were a zone without daylight saving, and only then
//! is each local date-time placed in the shop's zone. So "20:00" stays 20:00
//! across a DST change, a time a change skips falls at the first instant
//! after the gap, and one it repeats falls at the first of the two. (China
//! has no DST; shops elsewhere do.)

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc, Weekday};
use chrono_tz::Tz;
use rrule::{Frequency, NWeekday, RRule, RRuleSet, Unvalidated, Validated};
use serde::Serialize;
use ts_rs::TS;

use crate::validate::unknown;
use crate::{Error, Field, Problem, Result};

/// The shape of a rule, for showing it in words and editing it in the form.
/// Anything else the CLI accepted (every other week, yearly…) is `Custom`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum Repeat {
    /// Just once.
    Once,
    /// Every day.
    Daily,
    /// Every week on these days, as "mo".."su" (Mon–Thu for a spike).
    Weekly {
        days: Vec<String>,
    },
    /// Every month on this day (1–31); a month without it is skipped.
    MonthlyOnDay {
        day: u8,
    },
    /// Every month on its last such weekday ("the last Friday").
    MonthlyLastWeekday {
        weekday: String,
    },
    Custom,
}

/// One occurrence: the shop's day, and the instant it falls at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Occurrence {
    pub day: NaiveDate,
    pub at: DateTime<Utc>,
}

/// When a schedule's occurrences fall.
#[derive(Debug, Clone)]
pub struct Rule {
    /// The RRULE text, upper case, without UNTIL (that is `ends`).
    text: String,
    parsed: RRule<Unvalidated>,
    /// The rule with what the start implies made explicit (BYDAY from a
    /// weekly start, the time of day), so it can be expanded from a later start.
    validated: RRule<Validated>,
    /// The first occurrence's local date and time.
    pub start: NaiveDateTime,
    /// The last day it may fall on, if it ends.
    pub ends: Option<NaiveDate>,
    /// Days it does not fall on (a holiday).
    pub skipped: Vec<NaiveDate>,
}

/// One BYDAY item: a weekday, optionally after ±1…±53 ("MO", "-1FR", "+2TU").
fn valid_byday(item: &str) -> bool {
    let item = item.trim();
    if !item.is_ascii() {
        return false;
    }
    let split = item.len().saturating_sub(2);
    let (n, day) = item.split_at(split);
    let day_ok = matches!(day, "MO" | "TU" | "WE" | "TH" | "FR" | "SA" | "SU");
    let digits = n.strip_prefix(['+', '-']).unwrap_or(n);
    let n_ok = n.is_empty()
        || (!digits.is_empty()
            && digits.chars().all(|c| c.is_ascii_digit())
            && digits.parse::<u32>().is_ok_and(|v| (1..=53).contains(&v)));
    day_ok && n_ok
}

/// The most occurrences one expansion returns: a year of a daily rule is 366;
/// a window far larger than any view asks for is cut here rather than hang.
const MAX_PER_EXPANSION: u16 = 5_000;
/// How far ahead a rule must occur at least once to be accepted.
const NEVER_HORIZON_YEARS: i32 = 8;

impl Rule {
    /// Parses RRULE text for a schedule starting at `start` (local). An UNTIL
    /// in the text becomes the end day, read in `zone` (a UTC `Z` time) or as
    /// written; the earlier of it and `ends` wins.
    pub fn parse(
        text: &str,
        start: NaiveDateTime,
        ends: Option<NaiveDate>,
        skipped: Vec<NaiveDate>,
        zone: Tz,
    ) -> Result<Rule> {
        let raw = text.trim();
        let raw = raw.strip_prefix("RRULE:").or_else(|| raw.strip_prefix("rrule:")).unwrap_or(raw);
        if raw.is_empty() {
            return Err(Error::invalid(Field::Rule, Problem::Empty));
        }
        if raw.chars().count() > 300 {
            return Err(Error::invalid(Field::Rule, Problem::TooLong { max: 300 }));
        }
        let upper = raw.to_ascii_uppercase();
        let mut parts = Vec::new();
        let mut until_day = None;
        for part in upper.split(';').map(str::trim).filter(|p| !p.is_empty()) {
            let (name, value) = part.split_once('=').ok_or_else(|| unknown(Field::Rule, part))?;
            match name {
                "UNTIL" => {
                    until_day = Some(until_to_day(value, zone).ok_or_else(|| unknown(Field::Rule, part))?)
                }
                // The time of day comes from the start; these would fire it again within a day.
                "BYHOUR" | "BYMINUTE" | "BYSECOND" => {
                    return Err(Error::invalid(Field::Rule, Problem::TooFrequent))
                }
                "DTSTART" | "TZID" => return Err(unknown(Field::Rule, part)),
                // The rrule crate reads "0MO" as "every Monday"; RFC 5545 allows
                // only ±1 to ±53 before a day (issue 11).
                "BYDAY" if !value.split(',').all(valid_byday) => return Err(unknown(Field::Rule, part)),
                _ => parts.push(part.to_owned()),
            }
        }
        let text = parts.join(";");
        let parsed: RRule<Unvalidated> = text.parse().map_err(|_| unknown(Field::Rule, raw))?;
        if matches!(parsed.get_freq(), Frequency::Hourly | Frequency::Minutely | Frequency::Secondly) {
            return Err(Error::invalid(Field::Rule, Problem::TooFrequent));
        }
        let ends = match (ends, until_day) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        if ends.is_some_and(|e| e < start.date()) {
            return Err(Error::invalid(Field::EndsOn, Problem::BeforeStart));
        }
        // RFC 5545 allows COUNT or UNTIL, not both.
        if ends.is_some() && parsed.get_count().is_some() {
            return Err(Error::invalid(Field::EndsOn, Problem::CountAndEnd));
        }
        let mut skipped = skipped;
        skipped.sort();
        skipped.dedup();
        // Validating catches what parsing cannot (BYMONTHDAY=32 and the like).
        let validated = parsed.clone().validate(floating(start)).map_err(|_| unknown(Field::Rule, raw))?;
        let rule = Rule { text, parsed, validated, start, ends, skipped };
        let horizon = start.with_year(start.year() + NEVER_HORIZON_YEARS).unwrap_or(start);
        if rule.local_between(start, horizon, 1).is_empty() {
            let field =
                if rule.ends.is_some() || !rule.skipped.is_empty() { Field::EndsOn } else { Field::Rule };
            return Err(Error::invalid(field, Problem::NeverOccurs));
        }
        Ok(rule)
    }

    /// The RRULE text as stored and exported (without UNTIL).
    pub fn text(&self) -> &str {
        &self.text
    }

    /// A start no later than `from` from which the rule gives the same
    /// occurrences: whole periods (days, weeks, months or years, times the
    /// interval) after the real start. The `rrule` crate walks from its start,
    /// so without this a year-old daily schedule would walk a year each time.
    /// A COUNT counts from the real start, so such rules are not moved.
    fn start_near(&self, from: NaiveDateTime) -> NaiveDateTime {
        let r = &self.validated;
        if r.get_count().is_some() || from <= self.start {
            return self.start;
        }
        let interval = i64::from(r.get_interval().max(1));
        let days = |n: i64| Duration::days(n);
        match r.get_freq() {
            Frequency::Daily | Frequency::Weekly => {
                let period = interval * if r.get_freq() == Frequency::Weekly { 7 } else { 1 };
                let k = (from - self.start).num_days() / period - 1;
                if k > 0 {
                    self.start + days(k * period)
                } else {
                    self.start
                }
            }
            Frequency::Monthly | Frequency::Yearly => {
                let step = interval * if r.get_freq() == Frequency::Yearly { 12 } else { 1 };
                let months = |t: NaiveDateTime| i64::from(t.year()) * 12 + i64::from(t.month0());
                let k = (months(from) - months(self.start)) / step - 1;
                if k <= 0 {
                    return self.start;
                }
                // The first of the month: the validated rule names its days.
                let target = months(self.start) + k * step;
                let (y, m) = (target.div_euclid(12) as i32, target.rem_euclid(12) as u32 + 1);
                NaiveDate::from_ymd_opt(y, m, 1).map_or(self.start, |d| d.and_time(self.start.time()))
            }
            _ => self.start,
        }
    }

    /// Local date-times in `[from, to)` the rule gives, skips and end applied.
    fn local_between(&self, from: NaiveDateTime, to: NaiveDateTime, limit: u16) -> Vec<NaiveDateTime> {
        let last = match self.ends {
            Some(end) => to.min(end.succ_opt().unwrap_or(end).and_time(NaiveTime::MIN)),
            None => to,
        };
        let mut out = Vec::new();
        if last <= from {
            return out;
        }
        let set = RRuleSet::new(floating(self.start_near(from))).rrule(self.validated.clone());
        for d in &set {
            let t = d.naive_utc();
            if t >= last || out.len() >= usize::from(limit.min(MAX_PER_EXPANSION)) {
                break;
            }
            if t >= from && t >= self.start && !self.skipped.contains(&t.date()) {
                out.push(t);
            }
        }
        out
    }

    /// Every occurrence whose instant is in `[from, to)`, in order.
    pub fn between(&self, zone: Tz, from: DateTime<Utc>, to: DateTime<Utc>) -> Vec<Occurrence> {
        if to <= from {
            return Vec::new();
        }
        // Local wall-clock bounds a day wider either side: a local time maps to
        // an instant within a day of its naive reading in any zone.
        let from_local = from.with_timezone(&zone).naive_local() - Duration::days(1);
        let to_local = to.with_timezone(&zone).naive_local() + Duration::days(1);
        self.local_between(from_local, to_local, MAX_PER_EXPANSION)
            .into_iter()
            .map(|t| Occurrence { day: t.date(), at: local_instant(zone, t) })
            .filter(|o| o.at >= from && o.at < to)
            .collect()
    }

    /// The first occurrence at or after `now`, looking a year ahead.
    pub fn next(&self, zone: Tz, now: DateTime<Utc>) -> Option<Occurrence> {
        self.between(zone, now, now + Duration::days(366)).into_iter().next()
    }

    /// The rule's shape, for the form and for words.
    pub fn repeat(&self) -> Repeat {
        let r = &self.parsed;
        let plain = r.get_interval() <= 1
            && r.get_by_month().is_empty()
            && r.get_by_set_pos().is_empty()
            && r.get_by_year_day().is_empty()
            && r.get_by_week_no().is_empty();
        if r.get_count() == Some(1) {
            return Repeat::Once;
        }
        if !plain || r.get_count().is_some() {
            return Repeat::Custom;
        }
        let days = r.get_by_weekday();
        match r.get_freq() {
            Frequency::Daily if days.is_empty() && r.get_by_month_day().is_empty() => Repeat::Daily,
            Frequency::Weekly if r.get_by_month_day().is_empty() => {
                let mut days: Vec<Weekday> = if days.is_empty() {
                    vec![self.start.weekday()]
                } else {
                    days.iter()
                        .filter_map(|d| match d {
                            NWeekday::Every(w) => Some(*w),
                            NWeekday::Nth(..) => None,
                        })
                        .collect()
                };
                days.sort_by_key(|d| d.num_days_from_monday());
                Repeat::Weekly { days: days.into_iter().map(|d| ical_day(d).to_ascii_lowercase()).collect() }
            }
            Frequency::Monthly => match (r.get_by_month_day(), days) {
                ([], []) => Repeat::MonthlyOnDay { day: self.start.day() as u8 },
                ([d], []) if *d > 0 => Repeat::MonthlyOnDay { day: *d as u8 },
                ([], [NWeekday::Nth(-1, w)]) => {
                    Repeat::MonthlyLastWeekday { weekday: ical_day(*w).to_ascii_lowercase() }
                }
                _ => Repeat::Custom,
            },
            _ => Repeat::Custom,
        }
    }

    /// The rule as RFC 5545 lines (DTSTART with the zone, RRULE with UNTIL
    /// from the end day, EXDATE for skipped days), for an .ics export.
    pub fn to_ical(&self, zone: Tz) -> String {
        let time = self.start.time();
        let stamp = |t: NaiveDateTime| t.format("%Y%m%dT%H%M%S").to_string();
        // Calendars count DTSTART as an occurrence even when the rule does not
        // give it (a spike set up on a Saturday): start at the first real one.
        let horizon = self.start.with_year(self.start.year() + NEVER_HORIZON_YEARS).unwrap_or(self.start);
        let first = self.local_between(self.start, horizon, 1).first().copied().unwrap_or(self.start);
        let mut out = format!("DTSTART;TZID={}:{}", zone.name(), stamp(first));
        let mut rrule = self.text.clone();
        if let Some(end) = self.ends {
            // RFC 5545: with a zoned DTSTART, UNTIL is UTC; the end day's last
            // possible occurrence is its own time of day.
            let until = local_instant(zone, end.and_time(time));
            rrule.push_str(&format!(";UNTIL={}", until.format("%Y%m%dT%H%M%SZ")));
        }
        out.push_str(&format!("\r\nRRULE:{rrule}"));
        if !self.skipped.is_empty() {
            let days: Vec<String> = self.skipped.iter().map(|d| stamp(d.and_time(time))).collect();
            out.push_str(&format!("\r\nEXDATE;TZID={}:{}", zone.name(), days.join(",")));
        }
        out
    }
}

/// A local date-time as the `rrule` crate's input: wall-clock time read as
/// UTC, which has no DST, so the expansion is purely on the calendar.
fn floating(t: NaiveDateTime) -> chrono::DateTime<rrule::Tz> {
    rrule::Tz::UTC.from_utc_datetime(&t)
}

/// An UNTIL value as the last local day: `20261231T120000Z` read in `zone`,
/// `20261231` or `20261231T200000` as written.
fn until_to_day(value: &str, zone: Tz) -> Option<NaiveDate> {
    let v = value.trim();
    if let Some(utc) = v.strip_suffix('Z') {
        let t = NaiveDateTime::parse_from_str(utc, "%Y%m%dT%H%M%S").ok()?;
        return Some(t.and_utc().with_timezone(&zone).date_naive());
    }
    NaiveDateTime::parse_from_str(v, "%Y%m%dT%H%M%S")
        .map(|t| t.date())
        .or_else(|_| NaiveDate::parse_from_str(v, "%Y%m%d"))
        .ok()
}

/// A local date-time in `zone`: the first instant after a skipped hour, the
/// earlier of a repeated one.
pub fn local_instant(zone: Tz, local: NaiveDateTime) -> DateTime<Utc> {
    (0..=180)
        .find_map(|m| zone.from_local_datetime(&(local + Duration::minutes(m))).earliest())
        .map(|t| t.with_timezone(&Utc))
        .unwrap_or_else(|| local.and_utc())
}

pub fn ical_day(d: Weekday) -> &'static str {
    match d {
        Weekday::Mon => "MO",
        Weekday::Tue => "TU",
        Weekday::Wed => "WE",
        Weekday::Thu => "TH",
        Weekday::Fri => "FR",
        Weekday::Sat => "SA",
        Weekday::Sun => "SU",
    }
}

#[cfg(test)]
#[path = "rule_tests.rs"]
mod tests;
