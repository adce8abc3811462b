//! A schedule's rule and its occurrences.
//!
//! The owner picks one of four shapes, so occurrences are found by walking
//! the shop's calendar days and asking each whether it matches, rather than
//! by a general RFC 5545 engine: simpler to trust, and exact about local
//! time. A wall-clock time that a daylight-saving change skips falls at the
//! first instant after the gap; one that happens twice falls at the first.
//! (China has no DST; shops elsewhere do.)

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, TimeZone, Utc, Weekday};
use chrono_tz::Tz;

/// How a schedule repeats.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Repeat {
    /// Once, on this day.
    Once(NaiveDate),
    /// Every week on these days (Mon–Thu for a spike).
    Weekly(Vec<Weekday>),
    /// Every month on this day of the month (1–31); a month without it is skipped.
    MonthlyOnDay(u32),
    /// Every month on its last such weekday ("the last Friday").
    MonthlyLastWeekday(Weekday),
}

/// When a schedule's occurrences fall, in the shop's zone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rule {
    pub repeat: Repeat,
    /// The local wall-clock time of each occurrence.
    pub at: NaiveTime,
    /// The first day it may fall on.
    pub starts: NaiveDate,
    /// The last day it may fall on, if it ends.
    pub ends: Option<NaiveDate>,
    /// Days it does not fall on (a holiday).
    pub skipped: Vec<NaiveDate>,
}

/// One occurrence: the shop's day, and the instant it falls at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Occurrence {
    pub day: NaiveDate,
    pub at: DateTime<Utc>,
}

/// The most days a single expansion walks: a month view asks for ~42, a
/// year's export 366; the cap keeps a bad window from hanging the app.
const MAX_DAYS: i64 = 3 * 366;

impl Rule {
    /// Whether the rule falls on `day` at all (ignoring start, end and skips).
    fn matches(&self, day: NaiveDate) -> bool {
        match &self.repeat {
            Repeat::Once(d) => day == *d,
            Repeat::Weekly(days) => days.contains(&day.weekday()),
            Repeat::MonthlyOnDay(n) => day.day() == *n,
            Repeat::MonthlyLastWeekday(w) => {
                day.weekday() == *w && (day + Duration::days(7)).month() != day.month()
            }
        }
    }

    fn in_force(&self, day: NaiveDate) -> bool {
        day >= self.starts && self.ends.is_none_or(|end| day <= end) && !self.skipped.contains(&day)
    }

    /// Every occurrence whose instant is in `[from, to)`, in order.
    pub fn between(&self, zone: Tz, from: DateTime<Utc>, to: DateTime<Utc>) -> Vec<Occurrence> {
        if to <= from {
            return Vec::new();
        }
        // Local days that can hold an instant of the window, a day either
        // side for zones far from UTC.
        let first = from.with_timezone(&zone).date_naive() - Duration::days(1);
        let last = to.with_timezone(&zone).date_naive() + Duration::days(1);
        let last = last.min(first + Duration::days(MAX_DAYS));
        first
            .iter_days()
            .take_while(|d| *d <= last)
            .filter(|d| self.in_force(*d) && self.matches(*d))
            .map(|day| Occurrence { day, at: local_instant(zone, day, self.at) })
            .filter(|o| o.at >= from && o.at < to)
            .collect()
    }

    /// The first occurrence at or after `now`, looking a year ahead.
    pub fn next(&self, zone: Tz, now: DateTime<Utc>) -> Option<Occurrence> {
        self.between(zone, now, now + Duration::days(366)).into_iter().next()
    }

    /// The rule as RFC 5545 lines (DTSTART with the zone, RRULE, EXDATE), for
    /// an .ics export.
    pub fn to_ical(&self, zone: Tz) -> String {
        let stamp = |d: NaiveDate| format!("{}T{}", d.format("%Y%m%d"), self.at.format("%H%M%S"));
        let mut out = format!("DTSTART;TZID={}:{}", zone.name(), stamp(self.starts));
        let until = self.ends.map(|e| {
            let end = local_instant(zone, e, self.at);
            format!(";UNTIL={}", end.format("%Y%m%dT%H%M%SZ"))
        });
        let rrule = match &self.repeat {
            Repeat::Once(d) => {
                out = format!("DTSTART;TZID={}:{}", zone.name(), stamp(*d));
                None
            }
            Repeat::Weekly(days) => {
                let by: Vec<&str> = days.iter().map(|d| ical_day(*d)).collect();
                Some(format!("FREQ=WEEKLY;BYDAY={}", by.join(",")))
            }
            Repeat::MonthlyOnDay(n) => Some(format!("FREQ=MONTHLY;BYMONTHDAY={n}")),
            Repeat::MonthlyLastWeekday(w) => Some(format!("FREQ=MONTHLY;BYDAY=-1{}", ical_day(*w))),
        };
        if let Some(r) = rrule {
            out.push_str(&format!("\nRRULE:{r}{}", until.unwrap_or_default()));
        }
        if !self.skipped.is_empty() {
            let days: Vec<String> = self.skipped.iter().map(|d| stamp(*d)).collect();
            out.push_str(&format!("\nEXDATE;TZID={}:{}", zone.name(), days.join(",")));
        }
        out
    }
}

/// `time` on `day` in `zone`: the first instant after a skipped hour, the
/// earlier of a repeated one.
fn local_instant(zone: Tz, day: NaiveDate, time: NaiveTime) -> DateTime<Utc> {
    let local = day.and_time(time);
    (0..=120)
        .find_map(|m| zone.from_local_datetime(&(local + Duration::minutes(m))).earliest())
        .map(|t| t.with_timezone(&Utc))
        .unwrap_or_else(|| local.and_utc())
}

fn ical_day(d: Weekday) -> &'static str {
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
