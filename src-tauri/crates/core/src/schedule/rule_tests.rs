use chrono::{NaiveDate, NaiveTime, TimeZone, Utc, Weekday};
use chrono_tz::{Asia::Shanghai, Europe::Berlin, Tz};
use proptest::prelude::*;

use super::*;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn at(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap()
}

fn rule(repeat: Repeat, time: NaiveTime) -> Rule {
    Rule { repeat, at: time, starts: day(2026, 11, 1), ends: None, skipped: Vec::new() }
}

fn local(zone: Tz, o: &Occurrence) -> String {
    o.at.with_timezone(&zone).format("%a %Y-%m-%d %H:%M").to_string()
}

#[test]
fn a_spike_falls_monday_to_thursday_at_eight_in_the_evening_shop_time() {
    use Weekday::*;
    let spike = rule(Repeat::Weekly(vec![Mon, Tue, Wed, Thu]), at(20, 0));
    // The week of Monday 23 November 2026, Shanghai.
    let from = Shanghai.with_ymd_and_hms(2026, 11, 23, 0, 0, 0).unwrap().with_timezone(&Utc);
    let to = from + Duration::days(7);
    let shown: Vec<String> = spike.between(Shanghai, from, to).iter().map(|o| local(Shanghai, o)).collect();
    assert_eq!(
        shown,
        ["Mon 2026-11-23 20:00", "Tue 2026-11-24 20:00", "Wed 2026-11-25 20:00", "Thu 2026-11-26 20:00"]
    );
    // 20:00 in Shanghai is 12:00 UTC.
    assert_eq!(
        spike.between(Shanghai, from, to)[0].at,
        Utc.with_ymd_and_hms(2026, 11, 23, 12, 0, 0).unwrap()
    );
}

#[test]
fn the_last_friday_of_each_month_and_a_day_of_the_month_that_some_months_lack() {
    let last_friday = rule(Repeat::MonthlyLastWeekday(Weekday::Fri), at(20, 0));
    let from = Utc.with_ymd_and_hms(2026, 11, 1, 0, 0, 0).unwrap();
    let to = Utc.with_ymd_and_hms(2027, 3, 1, 0, 0, 0).unwrap();
    let days: Vec<NaiveDate> = last_friday.between(Shanghai, from, to).iter().map(|o| o.day).collect();
    assert_eq!(days, [day(2026, 11, 27), day(2026, 12, 25), day(2027, 1, 29), day(2027, 2, 26)]);

    let the_31st = rule(Repeat::MonthlyOnDay(31), at(10, 0));
    let days: Vec<NaiveDate> = the_31st.between(Shanghai, from, to).iter().map(|o| o.day).collect();
    assert_eq!(days, [day(2026, 12, 31), day(2027, 1, 31)]);
}

#[test]
fn an_end_date_skipped_holidays_and_a_one_off() {
    use Weekday::*;
    let mut spike = rule(Repeat::Weekly(vec![Mon, Tue, Wed, Thu]), at(20, 0));
    spike.ends = Some(day(2026, 12, 31));
    spike.skipped = vec![day(2026, 12, 24)];
    let from = Utc.with_ymd_and_hms(2026, 12, 21, 0, 0, 0).unwrap();
    let days: Vec<NaiveDate> =
        spike.between(Shanghai, from, from + Duration::days(30)).iter().map(|o| o.day).collect();
    assert_eq!(
        days,
        [
            day(2026, 12, 21),
            day(2026, 12, 22),
            day(2026, 12, 23),
            day(2026, 12, 28),
            day(2026, 12, 29),
            day(2026, 12, 30),
            day(2026, 12, 31)
        ]
    );

    let once = rule(Repeat::Once(day(2026, 12, 12)), at(19, 30));
    let now = Utc.with_ymd_and_hms(2026, 11, 24, 0, 0, 0).unwrap();
    assert_eq!(once.next(Shanghai, now).map(|o| o.day), Some(day(2026, 12, 12)));
    assert_eq!(once.next(Shanghai, Utc.with_ymd_and_hms(2026, 12, 13, 0, 0, 0).unwrap()), None);
}

#[test]
fn local_time_holds_across_daylight_saving_and_a_skipped_hour_falls_just_after() {
    let daily_evening = rule(Repeat::Weekly(vec![Weekday::Sat, Weekday::Sun]), at(20, 0));
    // Berlin leaves summer time on Sunday 25 October 2026.
    let from = Utc.with_ymd_and_hms(2026, 10, 24, 0, 0, 0).unwrap();
    let mut r = daily_evening.clone();
    r.starts = day(2026, 10, 1);
    let shown: Vec<String> =
        r.between(Berlin, from, from + Duration::days(2)).iter().map(|o| local(Berlin, o)).collect();
    assert_eq!(shown, ["Sat 2026-10-24 20:00", "Sun 2026-10-25 20:00"]);
    // 02:30 does not exist on Sunday 29 March 2026 in Berlin: it falls at 03:00.
    let mut early = rule(Repeat::Once(day(2026, 3, 29)), at(2, 30));
    early.starts = day(2026, 3, 1);
    let o = early.next(Berlin, Utc.with_ymd_and_hms(2026, 3, 28, 0, 0, 0).unwrap()).unwrap();
    assert_eq!(local(Berlin, &o), "Sun 2026-03-29 03:00");
}

#[test]
fn the_rule_exports_as_rfc_5545_lines() {
    use Weekday::*;
    let mut spike = rule(Repeat::Weekly(vec![Mon, Tue, Wed, Thu]), at(20, 0));
    spike.ends = Some(day(2026, 12, 31));
    spike.skipped = vec![day(2026, 12, 24)];
    assert_eq!(
        spike.to_ical(Shanghai),
        "DTSTART;TZID=Asia/Shanghai:20261101T200000\n\
         RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH;UNTIL=20261231T120000Z\n\
         EXDATE;TZID=Asia/Shanghai:20261224T200000"
    );
    let last_friday = rule(Repeat::MonthlyLastWeekday(Fri), at(20, 0));
    assert!(last_friday.to_ical(Shanghai).ends_with("RRULE:FREQ=MONTHLY;BYDAY=-1FR"));
    let once = rule(Repeat::Once(day(2026, 12, 12)), at(19, 30));
    assert_eq!(once.to_ical(Shanghai), "DTSTART;TZID=Asia/Shanghai:20261212T193000");
}

#[test]
fn an_empty_or_backwards_window_has_no_occurrences() {
    let r = rule(Repeat::Weekly(vec![Weekday::Mon]), at(9, 0));
    let t = Utc.with_ymd_and_hms(2026, 11, 30, 0, 0, 0).unwrap();
    assert!(r.between(Shanghai, t, t).is_empty());
    assert!(r.between(Shanghai, t + Duration::days(7), t).is_empty());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn weekly_occurrences_fall_on_the_chosen_days_at_the_chosen_local_time(
        mask in 1u8..128, hour in 0u32..24, start in 0i64..400, span in 1i64..60,
    ) {
        let days: Vec<Weekday> = (0..7).filter(|i| mask & (1 << i) != 0).map(|i| Weekday::try_from(i as u8).unwrap()).collect();
        let mut r = rule(Repeat::Weekly(days.clone()), at(hour, 0));
        r.starts = day(2026, 1, 1);
        let from = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap() + Duration::days(start);
        let found = r.between(Berlin, from, from + Duration::days(span));
        for o in &found {
            prop_assert!(days.contains(&o.day.weekday()));
            prop_assert!(o.at >= from && o.at < from + Duration::days(span));
            prop_assert_eq!(o.at.with_timezone(&Berlin).date_naive(), o.day);
        }
        // Every chosen weekday of every whole week in the window is there.
        prop_assert!(found.len() as i64 >= (span / 7) * days.len() as i64);
        prop_assert!(found.windows(2).all(|w| w[0].at < w[1].at));
    }
}
