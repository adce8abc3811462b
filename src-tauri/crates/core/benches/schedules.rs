//! The shop's rhythm at scale: a year of occurrences for 1,000 schedules (the
//! calendar's and the export's work), and one round of the reminder task with
//! 100 schedules (what the idle app does once a minute).
//! `cargo bench -p shopcircle-core --bench schedules`.

use std::time::Duration as StdDuration;

use chrono::{Duration, TimeZone, Utc};
use criterion::{criterion_group, criterion_main, Criterion};
use shopcircle_core::schedule::{self, ScheduleInput};
use shopcircle_core::{db, reminder, settings};

const RULES: [&str; 5] = [
    "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH",
    "FREQ=WEEKLY;BYDAY=FR",
    "FREQ=MONTHLY;BYDAY=-1FR",
    "FREQ=DAILY",
    "FREQ=MONTHLY;BYMONTHDAY=15",
];

fn shop_with(n: usize) -> db::Connection {
    let mut conn = db::open_in_memory().expect("open");
    let now = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
    let input = settings::ShopInput {
        name: "茶香".into(),
        industry: "茶饮".into(),
        time_zone: "Asia/Shanghai".into(),
        language: "zh-CN".into(),
        ..Default::default()
    };
    settings::set_up(&conn, &input, now).expect("shop");
    for i in 0..n {
        let s = ScheduleInput {
            title: format!("日程 {i}"),
            purpose: "campaign".into(),
            rule: RULES[i % RULES.len()].into(),
            start: format!("2026-01-{:02} {:02}:{:02}", 1 + i % 28, 8 + i % 12, (i * 5) % 60),
            lead_minutes: 30,
            ..Default::default()
        };
        schedule::create(&mut conn, &s, now).expect("schedule");
    }
    conn
}

fn schedules(c: &mut Criterion) {
    let mut group = c.benchmark_group("schedules");
    group.sample_size(10).measurement_time(StdDuration::from_secs(10));

    let conn = shop_with(1_000);
    let from = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
    let to = from + Duration::days(365);
    let count = schedule::occurrences(&conn, from, to).expect("occurrences").len();
    assert!(count > 100_000, "{count} occurrences");
    group.bench_function("a year of occurrences, 1,000 schedules", |b| {
        b.iter(|| schedule::occurrences(&conn, from, to).expect("occurrences"))
    });

    // What the idle app does each minute: take what is due, find the next wake.
    let mut conn = shop_with(100);
    let mut now = Utc.with_ymd_and_hms(2026, 6, 1, 3, 0, 0).unwrap();
    reminder::collect_due(&mut conn, now).expect("first check");
    group.bench_function("one reminder round, 100 schedules", |b| {
        b.iter(|| {
            now += Duration::minutes(1);
            reminder::collect_due(&mut conn, now).expect("collect");
            reminder::next_due(&conn, now).expect("next")
        })
    });
    group.finish();
}

criterion_group!(benches, schedules);
criterion_main!(benches);
