//! What each buyer did in the year before a moment, read in one pass over
//! that year's purchases in time order (the `purchase_by_time` index), with
//! the purchase day worked out here from the stored text. At a million
//! purchases, SQLite's `date()` and `count(DISTINCT …)` per row were most of
//! the segments' time; purchases older than the year are looked up one
//! member at a time, and only for the members whose segment needs them.

use chrono::{DateTime, Utc};
use rusqlite::types::{FromSql, ValueRef};
use rusqlite::{params, Connection, OpenFlags, OptionalExtension};

use crate::Result;

const DAY: i64 = 86_400;

/// One buyer's purchases in the year, times in seconds since 1970 (UTC).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Year {
    pub first: i64,
    pub last: i64,
    /// Days with a purchase, in the shop's calendar.
    pub days: i64,
    /// Spent, less what was refunded of it before the moment.
    pub cents: i64,
}

/// The year's buyers, by member id.
pub(super) struct Buyers(Vec<Option<Year>>);

impl Buyers {
    pub fn get(&self, member: i64) -> Option<&Year> {
        let i = usize::try_from(member).ok()?;
        self.0.get(i)?.as_ref()
    }

    pub fn iter(&self) -> impl Iterator<Item = &Year> {
        self.0.iter().flatten()
    }
}

/// A buyer in part of the year, with the shop's days of their first and
/// latest purchase in it (so two parts can be joined).
#[derive(Debug, Clone, Copy)]
struct Part {
    year: Year,
    first_day: i64,
    last_day: i64,
}

/// Every member who bought in `[start, end)`; days counted at `offset`
/// seconds east of UTC.
///
/// On a database file the two halves of the year are read at once, the
/// earlier on a read-only connection of its own on the other core, and joined
/// per member; at a million purchases the pass is most of the segments' time.
/// (The halves are two reads a moment apart: a sale recorded in between may
/// be counted or not, as it would a moment earlier or later.)
pub(super) fn year(
    conn: &Connection,
    start: DateTime<Utc>,
    end: DateTime<Utc>,
    offset: i64,
) -> Result<Buyers> {
    let refunded = Refunds::before(conn, end)?;
    let top: i64 = conn.query_row("SELECT coalesce(max(id), 0) FROM member", [], |r| r.get(0))?;
    let slots = usize::try_from(top).unwrap_or(0) + 1;
    let file = conn.path().filter(|p| !p.is_empty()).map(std::path::PathBuf::from);
    let Some(file) = file.filter(|_| end > start) else {
        let whole = scan(conn, start, end, offset, &refunded, slots)?;
        return Ok(Buyers(whole.into_iter().map(|p| p.map(|p| p.year)).collect()));
    };
    let middle = start + (end - start) / 2;
    let (earlier, later) = std::thread::scope(|scope| {
        let earlier = scope.spawn(|| -> Result<Vec<Option<Part>>> {
            let reader = Connection::open_with_flags(
                &file,
                OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
            )?;
            reader.busy_timeout(std::time::Duration::from_secs(10))?;
            scan(&reader, start, middle, offset, &refunded, slots)
        });
        let later = scan(conn, middle, end, offset, &refunded, slots);
        (
            earlier.join().unwrap_or_else(|_| Err(crate::Error::Damaged("the year's first half stopped"))),
            later,
        )
    });
    Ok(Buyers(earlier?.into_iter().zip(later?).map(|(a, b)| join(a, b)).collect()))
}

/// One buyer's two halves of the year as one: a day both halves reach (the
/// middle falls within a shop day) is one purchase day, not two.
fn join(earlier: Option<Part>, later: Option<Part>) -> Option<Year> {
    match (earlier, later) {
        (Some(a), Some(b)) => Some(Year {
            first: a.year.first,
            last: b.year.last,
            days: a.year.days + b.year.days - i64::from(a.last_day == b.first_day),
            cents: a.year.cents + b.year.cents,
        }),
        (a, b) => a.or(b).map(|p| p.year),
    }
}

/// The buyers of `[start, end)` in one pass along `purchase_by_time`.
fn scan(
    conn: &Connection,
    start: DateTime<Utc>,
    end: DateTime<Utc>,
    offset: i64,
    refunded: &Refunds,
    slots: usize,
) -> Result<Vec<Option<Part>>> {
    // In time order, along `purchase_by_time`: purchases are recorded as they
    // happen, so that index lies on disk in the order it is read (one by
    // member is scattered). Member ids are the table's row ids, so a slot per
    // id is a small dense table; each keeps the day of the member's latest
    // purchase so far, and a purchase day is new exactly when it differs.
    let mut buyers: Vec<Option<Part>> = vec![None; slots];
    let mut stmt = conn.prepare_cached(
        "SELECT member_id, occurred_at, amount_cents, id FROM purchase
         WHERE occurred_at >= ?1 AND occurred_at < ?2 AND member_id IS NOT NULL ORDER BY occurred_at",
    )?;
    let mut rows = stmt.query(params![start, end])?;
    let mut clock = Clock::default();
    while let Some(r) = rows.next()? {
        let member: i64 = r.get(0)?;
        let at = clock.seconds(r.get_ref(1)?)?;
        let cents = r.get::<_, i64>(2)? - refunded.of(r.get(3)?);
        let day = (at + offset).div_euclid(DAY);
        // A purchase always names an existing member (a foreign key); one
        // recorded after the slots were counted waits for the next reading.
        let Some(slot) = usize::try_from(member).ok().and_then(|i| buyers.get_mut(i)) else { continue };
        match slot {
            Some(p) => {
                p.year.last = at;
                p.year.cents += cents;
                if day != p.last_day {
                    p.year.days += 1;
                    p.last_day = day;
                }
            }
            None => {
                *slot = Some(Part {
                    year: Year { first: at, last: at, days: 1, cents },
                    first_day: day,
                    last_day: day,
                })
            }
        }
    }
    Ok(buyers)
}

/// What was refunded before a moment, by purchase: a bit per purchase id
/// says whether to look at all (refunds are one sale in a hundred, and
/// every one of a year's purchases is asked about), then a sorted list.
struct Refunds {
    marked: Vec<u64>,
    sums: Vec<(i64, i64)>,
}

impl Refunds {
    fn before(conn: &Connection, end: DateTime<Utc>) -> Result<Refunds> {
        let mut sums: Vec<(i64, i64)> = conn
            .prepare_cached(
                "SELECT purchase_id, amount_cents FROM refund WHERE refunded_at < ?1 ORDER BY purchase_id",
            )?
            .query_map(params![end], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        sums.dedup_by(|later, earlier| {
            let same = later.0 == earlier.0;
            if same {
                earlier.1 += later.1;
            }
            same
        });
        let top = sums.last().map_or(0, |(id, _)| usize::try_from(*id).unwrap_or(0));
        let mut marked = vec![0u64; top / 64 + 1];
        for (id, _) in &sums {
            if let Ok(i) = usize::try_from(*id) {
                marked[i / 64] |= 1 << (i % 64);
            }
        }
        Ok(Refunds { marked, sums })
    }

    /// Refunded of this purchase, in fen.
    fn of(&self, purchase: i64) -> i64 {
        let Ok(i) = usize::try_from(purchase) else { return 0 };
        if self.marked.get(i / 64).is_none_or(|bits| bits & (1 << (i % 64)) == 0) {
            return 0;
        }
        self.sums.binary_search_by_key(&purchase, |(id, _)| *id).map_or(0, |k| self.sums[k].1)
    }
}

/// The member's latest purchase before `before`, in seconds since 1970.
pub(super) fn latest_before(conn: &Connection, member: i64, before: DateTime<Utc>) -> Result<Option<i64>> {
    let at: Option<DateTime<Utc>> = conn
        .prepare_cached("SELECT max(occurred_at) FROM purchase WHERE member_id = ?1 AND occurred_at < ?2")?
        .query_row(params![member, before], |r| r.get(0))
        .optional()?
        .flatten();
    Ok(at.map(|at| at.timestamp()))
}

/// The member's first purchase ever, in seconds since 1970.
pub(super) fn first(conn: &Connection, member: i64) -> Result<Option<i64>> {
    let at: Option<DateTime<Utc>> = conn
        .prepare_cached("SELECT min(occurred_at) FROM purchase WHERE member_id = ?1")?
        .query_row(params![member], |r| r.get(0))
        .optional()?
        .flatten();
    Ok(at.map(|at| at.timestamp()))
}

/// Reads stored times in seconds since 1970, remembering the last day it
/// worked out: a year's purchases in time order share a date a thousand at a time.
#[derive(Default)]
struct Clock {
    date: [u8; 10],
    midnight: i64,
}

impl Clock {
    /// The form this app writes ("2026-11-27 10:00:00+00:00") read by hand,
    /// anything else by chrono.
    fn seconds(&mut self, v: ValueRef<'_>) -> rusqlite::Result<i64> {
        if let ValueRef::Text(t) = v {
            if t.len() >= 10 && t[..10] == self.date {
                if let Some(s) = time_of_day(t) {
                    return Ok(self.midnight + s);
                }
            }
            if let Some(s) = utc_text(t) {
                self.date.copy_from_slice(&t[..10]);
                self.midnight = s - time_of_day(t).unwrap_or(0);
                return Ok(s);
            }
        }
        DateTime::<Utc>::column_result(v)
            .map(|at| at.timestamp())
            .map_err(|e| rusqlite::Error::FromSqlConversionFailure(1, v.data_type(), e.into()))
    }
}

/// A stored time in seconds since 1970, without remembering.
#[cfg(test)]
fn seconds(v: ValueRef<'_>) -> rusqlite::Result<i64> {
    Clock::default().seconds(v)
}

fn digits(t: &[u8], from: usize, to: usize) -> Option<i64> {
    t.get(from..to)?.iter().try_fold(0i64, |n, b| b.is_ascii_digit().then(|| n * 10 + i64::from(b - b'0')))
}

/// "…HH:MM:SS" then an optional fraction and "+00:00", "Z" or nothing: the
/// seconds since midnight. Anything else: none.
fn time_of_day(t: &[u8]) -> Option<i64> {
    if t.len() < 19 || !(t[10] == b' ' || t[10] == b'T') || t[13] != b':' || t[16] != b':' {
        return None;
    }
    let mut rest = &t[19..];
    if let Some(fraction) = rest.strip_prefix(b".") {
        let n = fraction.iter().take_while(|b| b.is_ascii_digit()).count();
        rest = &fraction[n..];
    }
    if !matches!(rest, b"" | b"Z" | b"+00:00") {
        return None;
    }
    let (h, m, s) = (digits(t, 11, 13)?, digits(t, 14, 16)?, digits(t, 17, 19)?);
    (h <= 23 && m <= 59 && s <= 60).then_some(h * 3600 + m * 60 + s)
}

/// "YYYY-MM-DD HH:MM:SS" (or with a "T"), optional fraction, then "+00:00",
/// "Z" or nothing: seconds since 1970. Anything else: none.
fn utc_text(t: &[u8]) -> Option<i64> {
    if t.len() < 10 || t[4] != b'-' || t[7] != b'-' {
        return None;
    }
    let (y, m, d) = (digits(t, 0, 4)?, digits(t, 5, 7)?, digits(t, 8, 10)?);
    let days_in_month = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) => 29,
        2 => 28,
        _ => return None,
    };
    if !(1..=days_in_month).contains(&d) {
        return None;
    }
    Some(days_from_civil(y, m, d) * DAY + time_of_day(t)?)
}

/// Days since 1970-01-01 of a date in the proleptic Gregorian calendar
/// (Howard Hinnant's `days_from_civil`): a few integer steps, where building
/// a chrono date per purchase was a measurable share of the pass.
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let year_of_era = y - era * 400;
    let day_of_year = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_times_read_by_hand_agree_with_chrono() {
        for text in [
            "2026-11-27 10:00:00+00:00",
            "2026-11-27 10:00:00.123456+00:00",
            "2026-11-27T23:59:59Z",
            "2024-02-29 00:00:00",
            "1969-12-31 23:59:59+00:00",
        ] {
            let by_chrono = DateTime::<Utc>::column_result(ValueRef::Text(text.as_bytes())).unwrap();
            assert_eq!(utc_text(text.as_bytes()), Some(by_chrono.timestamp()), "{text}");
        }
    }

    #[test]
    fn a_day_both_halves_reach_is_one_purchase_day() {
        let part = |first, last, days, first_day, last_day| Part {
            year: Year { first, last, days, cents: 100 },
            first_day,
            last_day,
        };
        let straddling = join(Some(part(10, 20, 3, 1, 5)), Some(part(30, 40, 2, 5, 7))).unwrap();
        assert_eq!(straddling, Year { first: 10, last: 40, days: 4, cents: 200 });
        let apart = join(Some(part(10, 20, 3, 1, 5)), Some(part(30, 40, 2, 6, 7))).unwrap();
        assert_eq!(apart.days, 5);
        assert_eq!(
            join(None, Some(part(30, 40, 2, 6, 7))),
            Some(Year { first: 30, last: 40, days: 2, cents: 100 })
        );
        assert_eq!(join(None, None), None);
    }

    #[test]
    fn other_forms_are_left_to_chrono() {
        for text in ["2026-11-27 18:00:00+08:00", "2026-02-30 10:00:00", "2026-11-27", "27/11/2026 10:00:00"]
        {
            assert_eq!(utc_text(text.as_bytes()), None, "{text}");
        }
        let east = seconds(ValueRef::Text(b"2026-11-27 18:00:00+08:00")).unwrap();
        assert_eq!(Some(east), utc_text(b"2026-11-27 10:00:00+00:00"));
    }
}
