//! The task with tokio's paused time: the clock below is tied to it, so an
//! hour passes in no time and every wake-up can be counted.

use std::sync::atomic::{AtomicUsize, Ordering};

use chrono::{DateTime, TimeZone, Utc};
use shopcircle_core::schedule::{self, ScheduleInput};
use tokio::time::Instant;

use super::*;

struct PausedClock {
    base: DateTime<Utc>,
    started: Instant,
    /// Wall-clock jumps (a laptop asleep: tokio's time stood still, the wall's did not).
    jumped: Mutex<Duration>,
    reads: AtomicUsize,
}

impl Now for PausedClock {
    fn now(&self) -> DateTime<Utc> {
        self.reads.fetch_add(1, Ordering::Relaxed);
        let elapsed = Duration::from_std(self.started.elapsed()).unwrap();
        self.base + elapsed + *self.jumped.lock().unwrap()
    }
}

#[derive(Default)]
struct Seen(Mutex<Vec<Notice>>);

impl Notifier for Seen {
    fn show(&self, notice: Notice) {
        self.0.lock().unwrap().push(notice);
    }
}

impl Seen {
    fn titles(&self) -> Vec<String> {
        self.0.lock().unwrap().iter().map(|n| n.title.clone()).collect()
    }
}

fn shanghai(d: u32, h: u32, m: u32) -> DateTime<Utc> {
    chrono_tz::Asia::Shanghai.with_ymd_and_hms(2026, 11, d, h, m, 0).unwrap().with_timezone(&Utc)
}

fn shop_with_spike(path: &std::path::Path) {
    let mut conn = shopcircle_core::db::open(path).unwrap();
    let input = shopcircle_core::settings::ShopInput {
        name: "茶香".into(),
        industry: "茶饮".into(),
        time_zone: "Asia/Shanghai".into(),
        language: "en".into(),
        ..Default::default()
    };
    shopcircle_core::settings::set_up(&conn, &input, shanghai(21, 12, 0)).unwrap();
    let spike = ScheduleInput {
        title: "Spike".into(),
        purpose: "campaign".into(),
        rule: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH".into(),
        start: "2026-11-23 20:00".into(),
        lead_minutes: 30,
        ..Default::default()
    };
    schedule::create(&mut conn, &spike, shanghai(21, 12, 0)).unwrap();
}

fn start(path: &std::path::Path, clock: Arc<PausedClock>, seen: Arc<Seen>) -> tokio::task::JoinHandle<()> {
    let task = Task {
        db: Arc::new(Mutex::new(shopcircle_core::db::open(path).unwrap())),
        clock,
        wake: Arc::new(Notify::new()),
        fallback_lang: Lang::En,
    };
    tokio::spawn(task.run(seen))
}

/// Lets `d` of paused time pass. Tokio advances the paused clock only when
/// every task is idle and no blocking work is running, so each of the task's
/// rounds (database work on the blocking pool) finishes before time moves on.
async fn pass(d: std::time::Duration) {
    tokio::time::sleep(d).await;
    for _ in 0..10 {
        tokio::task::yield_now().await;
    }
}

fn clock_at(t: DateTime<Utc>) -> Arc<PausedClock> {
    Arc::new(PausedClock {
        base: t,
        started: Instant::now(),
        jumped: Mutex::new(Duration::zero()),
        reads: AtomicUsize::new(0),
    })
}

#[tokio::test(start_paused = true)]
async fn an_evening_of_reminders_each_once_and_the_task_mostly_sleeps() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shop.db");
    shop_with_spike(&path);
    let clock = clock_at(shanghai(23, 19, 0));
    let seen = Arc::new(Seen::default());
    let task = start(&path, Arc::clone(&clock), Arc::clone(&seen));
    pass(std::time::Duration::from_secs(29 * 60)).await;
    assert!(seen.titles().is_empty());
    pass(std::time::Duration::from_secs(2 * 60)).await;
    assert_eq!(seen.titles(), ["At 20:00: Spike"]);
    pass(std::time::Duration::from_secs(30 * 60)).await;
    assert_eq!(seen.titles(), ["At 20:00: Spike", "Now: Spike"]);
    // An hour and a minute: about one round a minute (two clock reads a round), not one a second.
    let reads = clock.reads.load(Ordering::Relaxed);
    assert!(reads <= 2 * (61 + 4), "{reads} clock reads in an hour");
    task.abort();
}

#[tokio::test(start_paused = true)]
async fn a_restart_does_not_refire_what_was_shown() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shop.db");
    shop_with_spike(&path);
    let seen = Arc::new(Seen::default());
    let first = start(&path, clock_at(shanghai(23, 19, 29)), Arc::clone(&seen));
    pass(std::time::Duration::from_secs(2 * 60)).await;
    assert_eq!(seen.titles(), ["At 20:00: Spike"]);
    first.abort();
    // The app starts again at 19:31 and runs to 20:01.
    let again = Arc::new(Seen::default());
    let second = start(&path, clock_at(shanghai(23, 19, 31)), Arc::clone(&again));
    pass(std::time::Duration::from_secs(30 * 60)).await;
    assert_eq!(again.titles(), ["Now: Spike"]);
    second.abort();
}

#[tokio::test(start_paused = true)]
async fn waking_from_sleep_shows_one_summary_not_a_burst() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shop.db");
    shop_with_spike(&path);
    let clock = clock_at(shanghai(23, 10, 0));
    let seen = Arc::new(Seen::default());
    let task = start(&path, Arc::clone(&clock), Arc::clone(&seen));
    pass(std::time::Duration::from_secs(5)).await;
    // The lid closes: the wall clock moves two days, tokio's time does not.
    *clock.jumped.lock().unwrap() = Duration::days(2);
    pass(std::time::Duration::from_secs(61)).await;
    assert_eq!(seen.titles(), ["4 reminders were missed"]);
    task.abort();
}

#[tokio::test(start_paused = true)]
async fn a_clock_set_back_an_hour_does_not_refire() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shop.db");
    shop_with_spike(&path);
    let clock = clock_at(shanghai(23, 19, 25));
    let seen = Arc::new(Seen::default());
    let task = start(&path, Arc::clone(&clock), Arc::clone(&seen));
    pass(std::time::Duration::from_secs(40 * 60)).await;
    assert_eq!(seen.titles().len(), 2);
    *clock.jumped.lock().unwrap() = Duration::hours(-1);
    pass(std::time::Duration::from_secs(70 * 60)).await;
    assert_eq!(seen.titles().len(), 2, "{:?}", seen.titles());
    task.abort();
}
