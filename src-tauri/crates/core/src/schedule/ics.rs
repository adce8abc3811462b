//! The schedules as an iCalendar (.ics, RFC 5545) file a phone calendar
//! imports: one VEVENT per schedule with its RRULE as stored, EXDATEs for
//! skipped days, an alarm for the lead time, and a VTIMEZONE for each zone
//! so calendars that do not know IANA names still place 20:00 right.

use chrono::{DateTime, Datelike, Duration, NaiveDate, Offset, TimeZone, Utc};
use chrono_tz::{OffsetComponents, OffsetName, Tz};
use rusqlite::Connection;

use super::Stored;
use crate::Result;

/// Every schedule in force (not paused, not deleted) as one calendar file.
pub fn export(conn: &Connection, now: DateTime<Utc>) -> Result<String> {
    let schedules: Vec<Stored> = super::stored(conn)?.into_iter().filter(|s| !s.paused).collect();
    let shop = crate::shop::get(conn)?;
    let name = shop.map(|s| s.name).unwrap_or_else(|| "ShopCircle".into());
    Ok(calendar(&name, &schedules, now))
}

pub fn calendar(name: &str, schedules: &[Stored], now: DateTime<Utc>) -> String {
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_owned(),
        "VERSION:2.0".to_owned(),
        "PRODID:-//ShopCircle//Schedules//EN".to_owned(),
        "CALSCALE:GREGORIAN".to_owned(),
        "METHOD:PUBLISH".to_owned(),
        format!("X-WR-CALNAME:{}", escape(name)),
    ];
    let mut zones: Vec<Tz> = schedules.iter().map(|s| s.zone).collect();
    zones.sort_by_key(|z| z.name());
    zones.dedup();
    let year = now.year();
    for zone in zones {
        lines.extend(vtimezone(zone, year));
    }
    let stamp = now.format("%Y%m%dT%H%M%SZ").to_string();
    for s in schedules {
        lines.push("BEGIN:VEVENT".into());
        lines.push(format!("UID:schedule-{}-{}@shopcircle", s.id, s.created_at.timestamp()));
        lines.push(format!("DTSTAMP:{stamp}"));
        lines.extend(s.rule.to_ical(s.zone).split("\r\n").map(str::to_owned));
        lines.push("DURATION:PT30M".into());
        lines.push(format!("SUMMARY:{}", escape(&s.title)));
        if !s.message.is_empty() {
            lines.push(format!("DESCRIPTION:{}", escape(&s.message)));
        }
        lines.push(format!("CATEGORIES:{}", s.purpose.as_str().to_ascii_uppercase()));
        if s.lead_minutes > 0 {
            lines.push("BEGIN:VALARM".into());
            lines.push("ACTION:DISPLAY".into());
            lines.push(format!("DESCRIPTION:{}", escape(&s.title)));
            lines.push(format!("TRIGGER:-PT{}M", s.lead_minutes));
            lines.push("END:VALARM".into());
        }
        lines.push("END:VEVENT".into());
    }
    lines.push("END:VCALENDAR".into());
    let mut out = String::new();
    for line in lines {
        fold(&line, &mut out);
    }
    out
}

/// TEXT values escape backslash, comma, semicolon and newlines (RFC 5545
/// 3.3.11); other control characters are not allowed in TEXT at all and are
/// dropped (a row written before names refused them must not break the file).
fn escape(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace(';', "\\;")
        .replace(',', "\\,")
        .replace("\r\n", "\\n")
        .replace('\n', "\\n")
        .chars()
        .filter(|c| !c.is_control() || *c == '\t')
        .collect()
}

/// Lines longer than 75 octets are folded with CRLF + space, never inside a
/// UTF-8 character (Chinese titles are 3 octets a character).
fn fold(line: &str, out: &mut String) {
    let mut width = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if width + n > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += n;
    }
    out.push_str("\r\n");
}

fn offset_text(seconds: i32) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let s = seconds.abs();
    format!("{sign}{:02}{:02}", s / 3600, (s % 3600) / 60)
}

/// The zone's rules for `year`: one STANDARD observance for a zone without
/// DST, else a DAYLIGHT and a STANDARD one repeating yearly on the weekday
/// rule each change followed that year ("the last Sunday of March").
fn vtimezone(zone: Tz, year: i32) -> Vec<String> {
    let offset_at = |t: DateTime<Utc>| zone.offset_from_utc_datetime(&t.naive_utc());
    let begin = Utc.with_ymd_and_hms(year, 1, 1, 0, 0, 0).single().unwrap_or_else(Utc::now);
    let mut changes = Vec::new();
    let mut t = begin;
    let mut before = offset_at(t);
    // A quarter of an hour at a time through the year: changes fall on the
    // hour or the half hour (Adelaide, St John's), never between quarters.
    while t.year() == year {
        let next = t + Duration::minutes(15);
        let after = offset_at(next);
        if after.fix() != before.fix() {
            changes.push((next, before, after));
        }
        before = after;
        t = next;
    }
    let mut lines = vec!["BEGIN:VTIMEZONE".to_owned(), format!("TZID:{}", zone.name())];
    if changes.is_empty() {
        let o = offset_at(begin);
        let off = offset_text(o.fix().local_minus_utc());
        lines.push("BEGIN:STANDARD".into());
        lines.push("DTSTART:19700101T000000".into());
        lines.push(format!("TZOFFSETFROM:{off}"));
        lines.push(format!("TZOFFSETTO:{off}"));
        if let Some(abbr) = o.abbreviation() {
            lines.push(format!("TZNAME:{abbr}"));
        }
        lines.push("END:STANDARD".into());
    }
    for (at, from, to) in changes {
        let kind = if to.dst_offset().is_zero() { "STANDARD" } else { "DAYLIGHT" };
        // DTSTART is the wall-clock moment of the change in the old offset.
        let local = at.naive_utc() + Duration::seconds(i64::from(from.fix().local_minus_utc()));
        let day = local.date();
        // The observance starts long before any schedule, on the same weekday
        // rule, so dates before this year's change are placed right too.
        let first = same_rule_in(1970, day).and_time(local.time());
        lines.push(format!("BEGIN:{kind}"));
        lines.push(format!("DTSTART:{}", first.format("%Y%m%dT%H%M%S")));
        lines.push(format!("TZOFFSETFROM:{}", offset_text(from.fix().local_minus_utc())));
        lines.push(format!("TZOFFSETTO:{}", offset_text(to.fix().local_minus_utc())));
        lines.push(format!("RRULE:FREQ=YEARLY;BYMONTH={};BYDAY={}", day.month(), nth_weekday(day)));
        if let Some(abbr) = to.abbreviation() {
            lines.push(format!("TZNAME:{abbr}"));
        }
        lines.push(format!("END:{kind}"));
    }
    lines.push("END:VTIMEZONE".into());
    lines
}

/// The day in `year` that `day`'s rule (its month, weekday, and which one of
/// the month: the last, or the n-th) gives.
fn same_rule_in(year: i32, day: NaiveDate) -> NaiveDate {
    let last = (day + Duration::days(7)).month() != day.month();
    let nth = (day.day() - 1) / 7 + 1;
    let candidates: Vec<NaiveDate> = (1..=31)
        .filter_map(|d| NaiveDate::from_ymd_opt(year, day.month(), d))
        .filter(|d| d.weekday() == day.weekday())
        .collect();
    let pick = if last { candidates.last() } else { candidates.get(nth as usize - 1) };
    pick.copied().unwrap_or(day)
}

/// "-1SU" for the last Sunday of its month, "2SU" for the second.
fn nth_weekday(day: NaiveDate) -> String {
    let wd = super::rule::ical_day(day.weekday());
    if (day + Duration::days(7)).month() != day.month() {
        format!("-1{wd}")
    } else {
        format!("{}{wd}", (day.day() - 1) / 7 + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono_tz::{Asia::Shanghai, Europe::Berlin};

    #[test]
    fn control_characters_never_reach_the_file() {
        assert_eq!(escape("Spike\u{1b}[2J\u{7}, 8pm\nToday"), "Spike[2J\\, 8pm\\nToday");
    }

    #[test]
    fn berlin_gets_its_daylight_and_standard_rules_shanghai_one_fixed_offset() {
        let berlin = vtimezone(Berlin, 2026).join("\n");
        assert!(berlin.contains(
            "BEGIN:DAYLIGHT\nDTSTART:19700329T020000\nTZOFFSETFROM:+0100\nTZOFFSETTO:+0200\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU"
        ), "{berlin}");
        assert!(berlin.contains(
            "BEGIN:STANDARD\nDTSTART:19701025T030000\nTZOFFSETFROM:+0200\nTZOFFSETTO:+0100\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU"
        ), "{berlin}");
        let shanghai = vtimezone(Shanghai, 2026).join("\n");
        assert!(shanghai.contains("TZOFFSETFROM:+0800\nTZOFFSETTO:+0800"), "{shanghai}");
        assert!(!shanghai.contains("DAYLIGHT"));
    }

    #[test]
    fn long_chinese_lines_fold_at_75_octets_between_characters() {
        let mut out = String::new();
        fold(&format!("SUMMARY:{}", "周一至周四晚八点秒杀".repeat(5)), &mut out);
        for line in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(line.len() <= 75, "{line:?} is {} octets", line.len());
        }
        let unfolded = out.replace("\r\n ", "");
        assert_eq!(unfolded.trim_end(), format!("SUMMARY:{}", "周一至周四晚八点秒杀".repeat(5)));
        assert_eq!(escape("a,b;c\nd\\"), "a\\,b\\;c\\nd\\\\");
    }
}
