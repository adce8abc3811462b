//! The price history and the reference price: the lowest price a product had
//! at any moment of the previous 7 days (SAMR's 2020 promotion rules measure a
//! "was ¥X" claim that way). Campaign prices join it once campaigns sell.

use chrono::{DateTime, Duration, Utc};
use rusqlite::{params, Connection};

use crate::Result;

/// How far back the reference price looks.
pub const REFERENCE_DAYS: i64 = 7;

/// The regular prices, oldest first: (price in fen, in effect from).
pub(crate) fn history(conn: &Connection, product_id: i64) -> Result<Vec<(i64, DateTime<Utc>)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT price_cents, from_at FROM product_price WHERE product_id = ?1 ORDER BY from_at, id",
    )?;
    let rows = stmt.query_map([product_id], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Records a new regular price from `now` on.
pub(crate) fn record(conn: &Connection, product_id: i64, price_cents: i64, now: DateTime<Utc>) -> Result<()> {
    conn.prepare_cached("INSERT INTO product_price (product_id, price_cents, from_at) VALUES (?1, ?2, ?3)")?
        .execute(params![product_id, price_cents, now])?;
    Ok(())
}

/// The lowest price in effect at any moment from `now` − 7 days to `now`: the
/// price that held when the window opened, and every later one. A price set
/// to take effect after `now` does not count; with no history, `current`.
pub(crate) fn reference(history: &[(i64, DateTime<Utc>)], current: i64, now: DateTime<Utc>) -> i64 {
    let opened = now - Duration::days(REFERENCE_DAYS);
    let mut lowest: Option<i64> = None;
    for (i, (price, from)) in history.iter().enumerate() {
        if *from > now {
            break;
        }
        // Until the next change, or still in effect.
        let until = history.get(i + 1).map(|(_, next)| *next);
        let overlaps = until.is_none_or(|u| u > opened);
        if overlaps {
            lowest = Some(lowest.map_or(*price, |l| l.min(*price)));
        }
    }
    lowest.unwrap_or(current)
}
