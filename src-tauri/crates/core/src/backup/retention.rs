//! Which backups to keep: a year of history in a few dozen files. A pure
//! function of the backups' times and reasons and the clock (`to_delete`),
//! and `thin`, which applies it to a folder after a backup succeeded.
//!
//! Kept, whatever else: every manual backup; the newest backup; everything
//! taken today or yesterday (in the shop's time zone); backups made before
//! a risky operation, for 30 days; anything dated after now (a clock that was
//! wrong is no reason to lose data). Of the rest, newest first, in tiers that
//! follow each other back in time: the newest of each of 12 days, then of
//! each of the 10 whole weeks before those, then of each of the 9 whole
//! months before those.

use std::path::Path;

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use chrono_tz::Tz;

use super::{list, Reason};

/// What retention needs to know of a backup.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    pub taken_at: DateTime<Utc>,
    pub reason: Reason,
}

/// The calendar bucket a day falls in (its day, ISO week or month).
type Bucket = fn(NaiveDate) -> (i32, u32);

const DAILY: usize = 12;
const WEEKLY: usize = 10;
const MONTHLY: usize = 9;
const BEFORE_OPERATION_DAYS: i64 = 30;

/// The positions in `stamps` (any order) of the backups to delete.
pub fn to_delete(stamps: &[Stamp], now: DateTime<Utc>, zone: Tz) -> Vec<usize> {
    let day = |s: &Stamp| s.taken_at.with_timezone(&zone).date_naive();
    let yesterday = now.with_timezone(&zone).date_naive() - Duration::days(1);
    let mut order: Vec<usize> = (0..stamps.len()).collect();
    order.sort_by(|&a, &b| stamps[b].taken_at.cmp(&stamps[a].taken_at));
    let mut keep = vec![false; stamps.len()];
    if let Some(&newest) = order.first() {
        keep[newest] = true;
    }
    for &i in &order {
        let s = &stamps[i];
        if s.reason == Reason::Manual
            || day(s) >= yesterday
            || s.taken_at > now
            || (s.reason.before_an_operation() && now - s.taken_at < Duration::days(BEFORE_OPERATION_DAYS))
        {
            keep[i] = true;
        }
    }
    // The tiers walk the older backups, newest first; each starts before the
    // oldest day the previous one kept.
    let older: Vec<usize> = order.iter().copied().filter(|&i| day(&stamps[i]) < yesterday).collect();
    let mut before = yesterday;
    let tiers: [(usize, Bucket); 3] = [
        (DAILY, |d| (d.year(), d.ordinal())),
        (WEEKLY, |d| (d.iso_week().year(), d.iso_week().week())),
        (MONTHLY, |d| (d.year(), d.month())),
    ];
    for (count, bucket) in tiers {
        let mut seen: Vec<(i32, u32)> = Vec::new();
        let mut oldest = before;
        // The bucket the previous tier reached into is already represented.
        let reached = bucket(before);
        for &i in older.iter().filter(|&&i| day(&stamps[i]) < before) {
            let b = bucket(day(&stamps[i]));
            if b == reached || seen.contains(&b) {
                continue;
            }
            if seen.len() == count {
                break;
            }
            seen.push(b);
            keep[i] = true;
            oldest = oldest.min(day(&stamps[i]));
        }
        before = oldest;
    }
    (0..stamps.len()).filter(|&i| !keep[i]).collect()
}

/// Deletes from `dir` the backups retention lets go; how many. Called only
/// after a backup into `dir` succeeded.
pub fn thin(dir: &Path, now: DateTime<Utc>, zone: Tz) -> usize {
    let backups = list::list(dir);
    let stamps: Vec<Stamp> =
        backups.iter().map(|b| Stamp { taken_at: b.manifest.taken_at, reason: b.manifest.reason }).collect();
    let mut removed = 0;
    for i in to_delete(&stamps, now, zone) {
        let copy = Path::new(&backups[i].path);
        // The copy first: a manifest left alone is cleaned up at the next start.
        if std::fs::remove_file(copy).is_ok() {
            let _ = std::fs::remove_file(copy.with_extension("json"));
            removed += 1;
        }
    }
    removed
}
