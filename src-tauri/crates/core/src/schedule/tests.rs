use chrono::{TimeZone, Utc};

use super::*;
use crate::community::{self, CommunityInput, Kind};
use crate::db::open_in_memory;
use crate::testing::{now, tea_shop};
use crate::{settings, Problem};

pub(crate) fn shop_with_group() -> (Connection, i64) {
    let mut conn = open_in_memory().unwrap();
    settings::set_up(&conn, &tea_shop(), now()).unwrap();
    let c =
        community::write::create(&mut conn, &CommunityInput::new("老街茶友群", Kind::HighFrequency), now())
            .unwrap();
    (conn, c.id)
}

pub(crate) fn spike(community_id: Option<i64>) -> ScheduleInput {
    ScheduleInput {
        title: "秒杀：桂花乌龙".into(),
        purpose: "campaign".into(),
        community_id,
        rule: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH".into(),
        start: "2026-11-23 20:00".into(),
        lead_minutes: 30,
        message: "今晚 8 点秒杀，限量 20 份！".into(),
        ..Default::default()
    }
}

fn invalid(e: Error) -> (Field, Problem) {
    match e {
        Error::Invalid { field, problem } => (field, problem),
        other => panic!("expected an invalid-input error, got {other:?}"),
    }
}

#[test]
fn a_schedule_is_stored_with_its_rule_text_zone_and_next_occurrence() {
    let (mut conn, group) = shop_with_group();
    let s = create(&mut conn, &spike(Some(group)), now()).unwrap();
    assert_eq!(s.rule, "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH");
    assert_eq!(
        (s.zone.as_str(), s.time.as_str(), s.start.as_str()),
        ("Asia/Shanghai", "20:00", "2026-11-23 20:00")
    );
    assert_eq!(s.starts_at, Utc.with_ymd_and_hms(2026, 11, 23, 12, 0, 0).unwrap());
    // Now is Saturday 21 November; the next is Monday 23rd at 20:00 Shanghai.
    assert_eq!(s.next_at, Some(Utc.with_ymd_and_hms(2026, 11, 23, 12, 0, 0).unwrap()));
    assert_eq!(list(&conn, now()).unwrap(), vec![s]);
}

#[test]
fn the_calendar_lists_occurrences_in_order_and_marks_stick() {
    let (mut conn, group) = shop_with_group();
    let s = create(&mut conn, &spike(Some(group)), now()).unwrap();
    let friday = ScheduleInput {
        title: "会员礼包日".into(),
        rule: "FREQ=WEEKLY;BYDAY=FR".into(),
        start: "2026-11-27 20:00".into(),
        ..spike(Some(group))
    };
    create(&mut conn, &friday, now()).unwrap();
    let (from, to) = day_range(&conn, "2026-11-23", "2026-11-29").unwrap();
    let week = occurrences(&conn, from, to).unwrap();
    let days: Vec<(&str, &str)> = week.iter().map(|o| (o.day.as_str(), o.title.as_str())).collect();
    assert_eq!(
        days,
        [
            ("2026-11-23", "秒杀：桂花乌龙"),
            ("2026-11-24", "秒杀：桂花乌龙"),
            ("2026-11-25", "秒杀：桂花乌龙"),
            ("2026-11-26", "秒杀：桂花乌龙"),
            ("2026-11-27", "会员礼包日")
        ]
    );
    let tuesday = week[1].at;
    assert_eq!(mark(&conn, s.id, tuesday, "done", now()).unwrap().state, OccurrenceState::Done);
    assert_eq!(mark(&conn, s.id, week[2].at, "skipped", now()).unwrap().state, OccurrenceState::Skipped);
    let again = occurrences(&conn, from, to).unwrap();
    assert_eq!(again[1].state, OccurrenceState::Done);
    assert_eq!(again[2].state, OccurrenceState::Skipped);
    assert_eq!(mark(&conn, s.id, tuesday, "planned", now()).unwrap().state, OccurrenceState::Planned);
    // An instant the schedule does not have cannot be marked.
    let (field, _) = invalid(mark(&conn, s.id, tuesday + Duration::hours(1), "done", now()).unwrap_err());
    assert_eq!(field, Field::Occurrence);
}

#[test]
fn pausing_takes_a_schedule_off_the_calendar_until_resumed_and_delete_removes_it() {
    let (mut conn, group) = shop_with_group();
    let s = create(&mut conn, &spike(Some(group)), now()).unwrap();
    let (from, to) = day_range(&conn, "2026-11-23", "2026-11-29").unwrap();
    let paused = set_paused(&conn, s.id, true, now()).unwrap();
    assert!(paused.paused && paused.next_at.is_none());
    assert!(occurrences(&conn, from, to).unwrap().is_empty());
    set_paused(&conn, s.id, false, now()).unwrap();
    assert_eq!(occurrences(&conn, from, to).unwrap().len(), 4);
    delete(&conn, s.id, now()).unwrap();
    assert!(occurrences(&conn, from, to).unwrap().is_empty());
    assert!(matches!(get(&conn, s.id, now()), Err(Error::NotFound { .. })));
}

#[test]
fn an_edit_replaces_the_skipped_days_in_one_go() {
    let (mut conn, group) = shop_with_group();
    let s = create(&mut conn, &spike(Some(group)), now()).unwrap();
    let holiday =
        ScheduleInput { skipped: vec!["2026-11-24".into(), "2026-11-25".into()], ..spike(Some(group)) };
    let edited = update(&mut conn, s.id, &holiday, now()).unwrap();
    assert_eq!(edited.skipped, ["2026-11-24", "2026-11-25"]);
    let (from, to) = day_range(&conn, "2026-11-23", "2026-11-29").unwrap();
    let days: Vec<String> = occurrences(&conn, from, to).unwrap().into_iter().map(|o| o.day).collect();
    assert_eq!(days, ["2026-11-23", "2026-11-26"]);
}

#[test]
fn bad_input_is_refused_by_field_and_nothing_is_stored() {
    let (mut conn, group) = shop_with_group();
    let cases: Vec<(ScheduleInput, Field)> = vec![
        (ScheduleInput { title: " ".into(), ..spike(None) }, Field::Title),
        (ScheduleInput { start: "2026-11-23 24:61".into(), ..spike(None) }, Field::Start),
        (ScheduleInput { start: "23/11/2026 20:00".into(), ..spike(None) }, Field::Start),
        (ScheduleInput { zone: "Mars/Olympus".into(), ..spike(None) }, Field::TimeZone),
        (ScheduleInput { ends_on: Some("2026-11-01".into()), ..spike(None) }, Field::EndsOn),
        (ScheduleInput { rule: "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30".into(), ..spike(None) }, Field::Rule),
        (ScheduleInput { lead_minutes: -5, ..spike(None) }, Field::LeadMinutes),
        (ScheduleInput { lead_minutes: 1441, ..spike(None) }, Field::LeadMinutes),
        (ScheduleInput { purpose: "party".into(), ..spike(None) }, Field::Purpose),
        (ScheduleInput { skipped: vec!["next tuesday".into()], ..spike(None) }, Field::Skipped),
        (spike(Some(group + 99)), Field::Community),
    ];
    for (input, field) in cases {
        let e = create(&mut conn, &input, now()).unwrap_err();
        assert!(!e.message(crate::Lang::ZhCn).is_empty());
        assert_eq!(invalid(e).0, field, "{input:?}");
    }
    assert!(list(&conn, now()).unwrap().is_empty());
    let count: i64 = conn.query_row("SELECT COUNT(*) FROM schedule_skip", [], |r| r.get(0)).unwrap();
    assert_eq!(count, 0);
}

#[test]
fn the_ics_export_carries_every_schedule_with_its_rule_as_stored() {
    let (mut conn, group) = shop_with_group();
    let input = ScheduleInput {
        ends_on: Some("2026-12-31".into()),
        skipped: vec!["2026-12-24".into()],
        ..spike(Some(group))
    };
    create(&mut conn, &input, now()).unwrap();
    let paused = create(&mut conn, &ScheduleInput { title: "暂停的".into(), ..spike(None) }, now()).unwrap();
    set_paused(&conn, paused.id, true, now()).unwrap();
    let ics = ics::export(&conn, now()).unwrap();
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
    assert!(ics.ends_with("END:VCALENDAR\r\n"));
    for line in [
        "DTSTART;TZID=Asia/Shanghai:20261123T200000",
        "RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH;UNTIL=20261231T120000Z",
        "EXDATE;TZID=Asia/Shanghai:20261224T200000",
        "SUMMARY:秒杀：桂花乌龙",
        "TRIGGER:-PT30M",
        "TZID:Asia/Shanghai",
    ] {
        assert!(ics.contains(&format!("{line}\r\n")), "missing {line} in\n{ics}");
    }
    assert_eq!(ics.matches("BEGIN:VEVENT").count(), 1, "paused schedules are not exported");
    // The rrule crate, reading the exported lines back with the real zone, finds the same days.
    let event: Vec<&str> = ics
        .lines()
        .filter(|l| l.starts_with("DTSTART;TZID") || l.starts_with("RRULE:") || l.starts_with("EXDATE"))
        .collect();
    let set: rrule::RRuleSet = event.join("\n").parse().unwrap();
    let read_back: Vec<String> =
        set.all(100).dates.iter().map(|d| d.format("%Y-%m-%d %H:%M").to_string()).collect();
    let (from, to) = day_range(&conn, "2026-11-01", "2027-01-31").unwrap();
    let ours: Vec<String> =
        occurrences(&conn, from, to).unwrap().iter().map(|o| format!("{} {}", o.day, o.time)).collect();
    assert_eq!(read_back, ours);
    // Six weeks of Monday to Thursday to the end of December, less Christmas Eve.
    assert_eq!(ours.len(), 6 * 4 - 1);
}

#[test]
fn the_export_starts_at_the_first_real_occurrence_and_odd_dates_are_refused_not_panicked() {
    let (mut conn, group) = shop_with_group();
    // Set up on a Saturday: phone calendars would show that Saturday as a spike.
    create(&mut conn, &ScheduleInput { start: "2026-11-21 20:00".into(), ..spike(Some(group)) }, now())
        .unwrap();
    assert!(ics::export(&conn, now()).unwrap().contains("DTSTART;TZID=Asia/Shanghai:20261123T200000\r\n"));
    let counted = ScheduleInput {
        rule: "FREQ=DAILY;COUNT=5".into(),
        ends_on: Some("2026-12-31".into()),
        ..spike(None)
    };
    assert_eq!(
        invalid(create(&mut conn, &counted, now()).unwrap_err()),
        (Field::EndsOn, Problem::CountAndEnd)
    );
    assert!(day_range(&conn, "+262142-12-01", "+262142-12-31").is_err());
}
