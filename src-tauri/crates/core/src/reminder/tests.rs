use chrono::TimeZone;

use super::*;
use crate::content::{self, ContentInput};
use crate::schedule::tests::{shop_with_group, spike};
use crate::schedule::{self, ScheduleInput};
use crate::testing::now;
use crate::Lang;

/// A moment in Shanghai, as UTC.
fn sh(d: u32, h: u32, m: u32) -> DateTime<Utc> {
    chrono_tz::Asia::Shanghai.with_ymd_and_hms(2026, 11, d, h, m, 0).unwrap().with_timezone(&Utc)
}

fn kinds_at(rs: &[Reminder]) -> Vec<(ReminderKind, String)> {
    let zone = chrono_tz::Asia::Shanghai;
    rs.iter().map(|r| (r.kind, r.due_at.with_timezone(&zone).format("%d %H:%M").to_string())).collect()
}

#[test]
fn a_spike_reminds_at_its_lead_time_and_at_the_start_each_exactly_once() {
    let (mut conn, group) = shop_with_group();
    schedule::create(&mut conn, &spike(Some(group)), now()).unwrap();
    assert!(
        collect_due(&mut conn, sh(23, 19, 0)).unwrap().is_empty(),
        "the first check only starts the clock"
    );
    let announce = collect_due(&mut conn, sh(23, 19, 30)).unwrap();
    assert_eq!(kinds_at(&announce.fresh), [(ReminderKind::Announce, "23 19:30".to_owned())]);
    assert_eq!(announce.fresh[0].body, "今晚 8 点秒杀，限量 20 份！");
    assert_eq!(announce.fresh[0].route, "calendar:2026-11-23");
    assert!(collect_due(&mut conn, sh(23, 19, 31)).unwrap().is_empty());
    let start = collect_due(&mut conn, sh(23, 20, 0)).unwrap();
    assert_eq!(kinds_at(&start.fresh), [(ReminderKind::Start, "23 20:00".to_owned())]);
    assert!(collect_due(&mut conn, sh(23, 20, 0)).unwrap().is_empty());

    let notes = notices(&announce, chrono_tz::Asia::Shanghai, Lang::ZhCn);
    assert_eq!(notes[0].title, "20:00 开始：秒杀：桂花乌龙");
    let notes = notices(&start, chrono_tz::Asia::Shanghai, Lang::En);
    assert_eq!(notes[0].title, "Now: 秒杀：桂花乌龙");
}

#[test]
fn after_a_restart_nothing_fires_twice_and_nothing_is_lost() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shop.db");
    {
        let (mem, _) = shop_with_group();
        drop(mem);
        let mut conn = crate::db::open(&path).unwrap();
        crate::settings::set_up(&conn, &crate::testing::tea_shop(), now()).unwrap();
        schedule::create(&mut conn, &ScheduleInput { lead_minutes: 0, ..spike(None) }, now()).unwrap();
        collect_due(&mut conn, sh(23, 19, 0)).unwrap();
        assert_eq!(collect_due(&mut conn, sh(23, 20, 0)).unwrap().fresh.len(), 1);
    } // the app quits (or crashes) right after the notification
    let mut conn = crate::db::open(&path).unwrap();
    assert!(collect_due(&mut conn, sh(23, 20, 0)).unwrap().is_empty());
    assert!(collect_due(&mut conn, sh(23, 20, 5)).unwrap().is_empty());
    // The next day's comes as usual.
    assert_eq!(
        kinds_at(&collect_due(&mut conn, sh(24, 20, 0)).unwrap().fresh),
        [(ReminderKind::Start, "24 20:00".into())]
    );
}

#[test]
fn after_the_laptop_slept_for_days_the_passed_ones_are_missed_together() {
    let (mut conn, group) = shop_with_group();
    schedule::create(&mut conn, &spike(Some(group)), now()).unwrap();
    collect_due(&mut conn, sh(23, 10, 0)).unwrap();
    // Asleep from Monday morning to Thursday 19:35.
    let woke = collect_due(&mut conn, sh(26, 19, 35)).unwrap();
    assert_eq!(woke.missed.len(), 3 * 2, "Monday to Wednesday, announcement and start");
    // Thursday's 19:30 announcement is five minutes old: still worth showing on its own.
    assert_eq!(kinds_at(&woke.fresh), [(ReminderKind::Announce, "26 19:30".into())]);
    let notes = notices(&woke, chrono_tz::Asia::Shanghai, Lang::ZhCn);
    assert_eq!(
        notes.iter().map(|n| n.title.as_str()).collect::<Vec<_>>(),
        ["错过了 6 条提醒", "20:00 开始：秒杀：桂花乌龙"]
    );
}

#[test]
fn a_reminder_within_ten_minutes_is_fresh_and_older_ones_are_missed() {
    let (mut conn, group) = shop_with_group();
    schedule::create(&mut conn, &spike(Some(group)), now()).unwrap();
    collect_due(&mut conn, sh(23, 10, 0)).unwrap();
    let woke = collect_due(&mut conn, sh(25, 19, 35)).unwrap();
    assert_eq!(kinds_at(&woke.fresh), [(ReminderKind::Announce, "25 19:30".into())]);
    assert_eq!(woke.missed.len(), 4);
    let notes = notices(&woke, chrono_tz::Asia::Shanghai, Lang::En);
    assert_eq!(notes.len(), 2, "one summary for the missed, one for the fresh: {notes:?}");
    assert_eq!((notes[0].title.as_str(), notes[0].route.as_str()), ("4 reminders were missed", "reminders"));

    let centre = centre(&conn, sh(25, 19, 36)).unwrap();
    assert_eq!(centre.today, "2026-11-25");
    assert_eq!(centre.missed.len(), 4);
    assert_eq!(
        kinds_at(&centre.today_list),
        [(ReminderKind::Announce, "25 19:30".into()), (ReminderKind::Start, "25 20:00".into())]
    );
    assert!(centre.today_list[0].delivered_at.is_some() && centre.today_list[1].delivered_at.is_none());
    // Thursday's two, next Monday's and Tuesday's two each, and next
    // Wednesday's 19:30 announcement (within 7 days of now; its start is not).
    assert_eq!(centre.upcoming.len(), 2 + 2 + 2 + 1);
    dismiss(&conn, None, sh(25, 19, 37)).unwrap();
    assert!(self::centre(&conn, sh(25, 19, 37)).unwrap().missed.is_empty());
}

#[test]
fn a_clock_that_jumps_backwards_does_not_refire() {
    let (mut conn, group) = shop_with_group();
    schedule::create(&mut conn, &spike(Some(group)), now()).unwrap();
    collect_due(&mut conn, sh(23, 19, 0)).unwrap();
    let both = collect_due(&mut conn, sh(23, 20, 1)).unwrap();
    assert_eq!((both.missed.len(), both.fresh.len()), (1, 1), "19:30 is over ten minutes old by 20:01");
    // The clock is set back an hour (a wrong NTP answer, a manual change).
    assert!(collect_due(&mut conn, sh(23, 19, 1)).unwrap().is_empty());
    assert!(collect_due(&mut conn, sh(23, 19, 31)).unwrap().is_empty());
    assert!(collect_due(&mut conn, sh(23, 20, 1)).unwrap().is_empty());
    assert_eq!(collect_due(&mut conn, sh(24, 19, 30)).unwrap().fresh.len(), 1);
}

#[test]
fn skipped_and_done_occurrences_and_paused_schedules_stay_quiet() {
    let (mut conn, group) = shop_with_group();
    let s = schedule::create(&mut conn, &spike(Some(group)), now()).unwrap();
    schedule::mark(&conn, s.id, sh(23, 20, 0), "skipped", now()).unwrap();
    collect_due(&mut conn, sh(23, 10, 0)).unwrap();
    assert!(collect_due(&mut conn, sh(23, 20, 5)).unwrap().is_empty());
    schedule::set_paused(&conn, s.id, true, now()).unwrap();
    assert!(collect_due(&mut conn, sh(24, 20, 5)).unwrap().is_empty());
}

#[test]
fn content_group_qr_and_voucher_batch_reminders() {
    let (mut conn, group) = shop_with_group();
    let item = content::create(
        &conn,
        &ContentInput {
            community_id: group,
            day: "2026-11-22".into(),
            time: "10:00".into(),
            topic: "每日一茶".into(),
            body: "今天冲泡桂花乌龙".into(),
        },
        &crate::image_change::ImageChange::Keep,
        now(),
    )
    .unwrap();
    // A group QR made Saturday 14:30 expires the next Saturday 14:30.
    let ch = crate::channel::create(
        &conn,
        group,
        &crate::channel::ChannelInput { kind: "counter".into(), name: "收银台".into() },
        now(),
    )
    .unwrap();
    crate::qr_source::set(
        &mut conn,
        ch.id,
        crate::qr_source::QrSourceInput {
            kind: crate::qr_source::QrKind::GroupQr,
            payload: "https://weixin.qq.com/g/abc".into(),
            staff_id: None,
            image: None,
            made_at: None,
        },
        now(),
    )
    .unwrap();
    use crate::voucher::{BatchInput, BenefitInput};
    crate::voucher::issue(
        &mut conn,
        &BatchInput::new(BenefitInput::AmountOff { cents: 500 }, 3, "2026-11-30"),
        now(),
    )
    .unwrap();
    collect_due(&mut conn, now()).unwrap();
    let week = collect_due(&mut conn, sh(29, 0, 0)).unwrap();
    let all: Vec<Reminder> = week.missed.iter().chain(&week.fresh).cloned().collect();
    assert_eq!(
        kinds_at(&all),
        [
            (ReminderKind::Content, "22 10:00".into()),
            (ReminderKind::QrExpiry, "26 14:30".into()),
            (ReminderKind::BatchExpiry, "27 09:00".into()),
            (ReminderKind::QrExpiry, "27 14:30".into()),
        ]
    );
    assert_eq!(all[0].key, format!("content:{}:2026-11-22T02:00:00Z", item.id));
    assert_eq!(all[0].route, format!("content:{group}:2026-11-22"));
    assert_eq!(all[1].route, format!("community:{group}"));
    // Keys carry their due time: a corrected QR date reminds again for the real expiry.
    assert!(
        all[1].key.starts_with("qr:") && all[1].key.ends_with(":2d:2026-11-26T06:30:00Z"),
        "{}",
        all[1].key
    );
    assert!(all[2].key.ends_with(":3d:2026-11-27T01:00:00Z"), "{}", all[2].key);
    assert!(all[2].route.starts_with("batch:"));
    let notes = notices(
        &Delivery { fresh: vec![all[1].clone()], ..Default::default() },
        chrono_tz::Asia::Shanghai,
        Lang::ZhCn,
    );
    assert_eq!(notes[0].title, "群二维码将于 11-28 14:30 过期");
}

#[test]
fn paused_notifications_still_reach_the_centre_and_the_sleep_knows_the_next_one() {
    let (mut conn, group) = shop_with_group();
    schedule::create(&mut conn, &spike(Some(group)), now()).unwrap();
    collect_due(&mut conn, sh(23, 10, 0)).unwrap();
    assert_eq!(next_due(&conn, sh(23, 10, 0)).unwrap(), Some(sh(23, 19, 30)));
    pause_until(&conn, Some(sh(23, 20, 30)), sh(23, 19, 29)).unwrap();
    let d = collect_due(&mut conn, sh(23, 19, 30)).unwrap();
    assert!(d.paused && d.fresh.len() == 1);
    assert!(notices(&d, chrono_tz::Asia::Shanghai, Lang::En).is_empty());
    assert_eq!(next_due(&conn, sh(23, 19, 30)).unwrap(), Some(sh(23, 20, 0)));
    assert_eq!(paused_until(&conn, sh(23, 20, 31)).unwrap(), None, "a pause ends by itself");
}

#[test]
fn after_the_clock_ran_a_year_ahead_and_was_set_right_reminders_carry_on() {
    let (mut conn, group) = shop_with_group();
    schedule::create(&mut conn, &spike(Some(group)), now()).unwrap();
    collect_due(&mut conn, sh(23, 10, 0)).unwrap();
    // A year ahead: only the last week of that future counts as missed.
    let ahead = collect_due(&mut conn, sh(23, 10, 0) + Duration::days(365)).unwrap();
    assert!((1..=8).contains(&ahead.missed.len()), "{} missed", ahead.missed.len());
    // Set right again: tonight's reminders come as usual.
    assert!(collect_due(&mut conn, sh(23, 10, 1)).unwrap().is_empty());
    assert_eq!(next_due(&conn, sh(23, 10, 1)).unwrap(), Some(sh(23, 19, 30)));
    let tonight = collect_due(&mut conn, sh(23, 19, 30)).unwrap();
    assert_eq!(kinds_at(&tonight.fresh), [(ReminderKind::Announce, "23 19:30".into())]);
    assert!(!centre(&conn, sh(23, 19, 31)).unwrap().upcoming.is_empty());
}

#[test]
fn a_skip_stays_with_its_day_when_the_time_is_edited() {
    let (mut conn, group) = shop_with_group();
    let s = schedule::create(&mut conn, &spike(Some(group)), now()).unwrap();
    schedule::mark(&conn, s.id, sh(24, 20, 0), "skipped", now()).unwrap();
    let later = ScheduleInput { start: "2026-11-23 20:30".into(), ..spike(Some(group)) };
    schedule::update(&mut conn, s.id, &later, now()).unwrap();
    collect_due(&mut conn, sh(24, 10, 0)).unwrap();
    assert!(collect_due(&mut conn, sh(24, 20, 35)).unwrap().is_empty(), "Tuesday stays skipped");
    let (from, to) = schedule::day_range(&conn, "2026-11-24", "2026-11-25").unwrap();
    let states: Vec<_> =
        schedule::occurrences(&conn, from, to).unwrap().into_iter().map(|o| (o.time, o.state)).collect();
    assert_eq!(
        states,
        [
            ("20:30".into(), schedule::OccurrenceState::Skipped),
            ("20:30".into(), schedule::OccurrenceState::Planned)
        ]
    );
}

#[test]
fn a_new_shop_zone_keeps_wall_clock_times_of_what_was_planned() {
    let (mut conn, group) = shop_with_group();
    let s = schedule::create(&mut conn, &spike(Some(group)), now()).unwrap();
    let item = content::create(
        &conn,
        &ContentInput {
            community_id: group,
            day: "2026-11-24".into(),
            time: "10:00".into(),
            topic: "每日一茶".into(),
            body: String::new(),
        },
        &crate::image_change::ImageChange::Keep,
        now(),
    )
    .unwrap();
    let berlin =
        crate::settings::ShopInput { time_zone: "Europe/Berlin".into(), ..crate::testing::tea_shop() };
    crate::settings::update(&conn, &berlin, now()).unwrap();
    let moved = content::get(&conn, item.id).unwrap();
    assert_eq!((moved.time.as_str(), moved.at.to_rfc3339().as_str()), ("10:00", "2026-11-24T09:00:00+00:00"));
    let s = schedule::get(&conn, s.id, now()).unwrap();
    assert_eq!((s.zone.as_str(), s.time.as_str()), ("Europe/Berlin", "20:00"));
    assert_eq!(s.starts_at.to_rfc3339(), "2026-11-23T19:00:00+00:00");
}

#[test]
fn an_edit_that_brings_tonight_forward_still_reminds_of_its_announcement() {
    let (mut conn, group) = shop_with_group();
    let s = schedule::create(&mut conn, &ScheduleInput { lead_minutes: 60, ..spike(Some(group)) }, now())
        .unwrap();
    collect_due(&mut conn, sh(23, 18, 40)).unwrap();
    // At 18:45 the owner moves tonight to 19:30: its announcement was due at 18:30.
    let earlier = ScheduleInput { start: "2026-11-23 19:30".into(), lead_minutes: 60, ..spike(Some(group)) };
    schedule::update(&mut conn, s.id, &earlier, sh(23, 18, 45)).unwrap();
    let d = collect_due(&mut conn, sh(23, 18, 46)).unwrap();
    assert_eq!(kinds_at(&d.missed), [(ReminderKind::Announce, "23 18:30".into())], "{d:?}");
    assert!(collect_due(&mut conn, sh(23, 18, 47)).unwrap().is_empty());
    assert_eq!(
        kinds_at(&collect_due(&mut conn, sh(23, 19, 30)).unwrap().fresh),
        [(ReminderKind::Start, "23 19:30".into())]
    );
}
