//! How many members a community has had over time: one count per day, recorded
//! by the owner from the group's member list.

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{params, Connection};
use serde::Serialize;

use crate::community::write::ensure_active;
use crate::shop::today;
use crate::validate::in_range;
use crate::{Error, Field, Problem, Result};

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct MemberCount {
    #[ts(type = "number")]
    pub community_id: i64,
    pub recorded_on: NaiveDate,
    #[ts(type = "number")]
    pub count: i64,
}

pub const COUNT_MAX: i64 = 100_000;

/// Records the count for a day; recording the same day again corrects it.
/// The day may not be later than today in the shop's zone.
pub fn record(
    conn: &Connection,
    community_id: i64,
    day: &str,
    count: i64,
    now: DateTime<Utc>,
) -> Result<MemberCount> {
    let day = NaiveDate::parse_from_str(day.trim(), "%Y-%m-%d")
        .map_err(|_| crate::validate::unknown(Field::Date, day))?;
    let count = in_range(Field::Count, count, 0, COUNT_MAX)?;
    if day > today(conn, now)? {
        return Err(Error::invalid(Field::Date, Problem::InFuture));
    }
    ensure_active(conn, community_id)?;
    conn.execute(
        "INSERT INTO member_count (community_id, recorded_on, count, recorded_at) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (community_id, recorded_on) DO UPDATE SET count = excluded.count, recorded_at = excluded.recorded_at",
        params![community_id, day, count, now],
    )?;
    Ok(MemberCount { community_id, recorded_on: day, count })
}

/// Every count of a community, oldest first (the order a chart draws them).
pub fn list(conn: &Connection, community_id: i64) -> Result<Vec<MemberCount>> {
    crate::community::read::get(conn, community_id)?;
    let mut stmt = conn.prepare_cached(
        "SELECT recorded_on, count FROM member_count WHERE community_id = ?1 ORDER BY recorded_on",
    )?;
    let rows = stmt
        .query_map([community_id], |r| {
            Ok(MemberCount { community_id, recorded_on: r.get(0)?, count: r.get(1)? })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::community::{write, CommunityInput, Kind};
    use crate::db::open_in_memory;
    use crate::testing::now;

    #[test]
    fn counts_are_listed_oldest_first_and_a_day_recorded_twice_is_corrected() {
        let mut conn = open_in_memory().unwrap();
        let c = write::create(&mut conn, &CommunityInput::new("A", Kind::Niche), now()).unwrap();
        record(&conn, c.id, "2026-11-20", 120, now()).unwrap();
        record(&conn, c.id, "2026-11-01", 80, now()).unwrap();
        record(&conn, c.id, "2026-11-20", 125, now()).unwrap();
        let counts: Vec<i64> = list(&conn, c.id).unwrap().iter().map(|m| m.count).collect();
        assert_eq!(counts, vec![80, 125]);
        assert_eq!(crate::community::read::get(&conn, c.id).unwrap().members, Some(125));
    }

    #[test]
    fn a_future_day_a_bad_date_or_a_negative_count_is_refused() {
        let mut conn = open_in_memory().unwrap();
        let c = write::create(&mut conn, &CommunityInput::new("A", Kind::Niche), now()).unwrap();
        assert_eq!(record(&conn, c.id, "2026-11-22", 1, now()).unwrap_err().field(), Some(Field::Date));
        assert_eq!(record(&conn, c.id, "21/11/2026", 1, now()).unwrap_err().field(), Some(Field::Date));
        assert_eq!(record(&conn, c.id, "2026-11-21", -1, now()).unwrap_err().field(), Some(Field::Count));
        assert!(list(&conn, c.id).unwrap().is_empty());
    }

    #[test]
    fn today_follows_the_shops_zone() {
        let conn = open_in_memory().unwrap();
        let late_utc = chrono::TimeZone::with_ymd_and_hms(&Utc, 2026, 11, 21, 20, 0, 0).unwrap();
        assert_eq!(today(&conn, late_utc).unwrap().to_string(), "2026-11-21");
        let shop = crate::settings::ShopInput {
            name: "S".into(),
            brand: String::new(),
            industry: "Tea".into(),
            time_zone: "Asia/Shanghai".into(),
            language: "en".into(),
        };
        crate::settings::set_up(&conn, &shop, now()).unwrap();
        assert_eq!(today(&conn, late_utc).unwrap().to_string(), "2026-11-22");
    }
}
