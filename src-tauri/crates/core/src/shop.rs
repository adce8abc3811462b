//! The shop itself as every area reads it: its name and brand, its time zone
//! (what "today" and "10:00" mean) and its language. One row; its absence
//! means the first-run welcome has not been completed. A leaf: it uses no
//! other area, so every area may use it. Setting the shop up and changing its
//! settings are `settings`.

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{Connection, OptionalExtension};
use serde::Serialize;

use crate::validate::unknown;
use crate::{Error, Field, Lang, Result};

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct Shop {
    pub name: String,
    /// The short brand word staff display names should carry ("茶香").
    pub brand: String,
    pub industry: String,
    /// An IANA zone such as `Asia/Shanghai`.
    pub time_zone: String,
    pub language: Lang,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

pub const NAME_MAX: usize = 60;
pub const BRAND_MAX: usize = 30;
pub const INDUSTRY_MAX: usize = 40;

pub fn parse_zone(zone: &str) -> Result<chrono_tz::Tz> {
    let zone = zone.trim();
    if zone.is_empty() {
        return Err(Error::invalid(Field::TimeZone, crate::Problem::Empty));
    }
    zone.parse::<chrono_tz::Tz>().map_err(|_| unknown(Field::TimeZone, zone))
}

/// Midnight at the start of `day` (YYYY-MM-DD) in the shop's zone, UTC before
/// the shop is set up. A day that is not a date is refused as `field`.
pub fn start_of_day(conn: &Connection, day: &str, field: Field) -> Result<DateTime<Utc>> {
    use chrono::TimeZone;
    let date = chrono::NaiveDate::parse_from_str(day.trim(), "%Y-%m-%d").map_err(|_| unknown(field, day))?;
    let midnight = date.and_hms_opt(0, 0, 0).ok_or_else(|| unknown(field, day))?;
    let zone = zone(conn)?;
    // Where a zone skips midnight (a DST change), the day starts at the first valid instant.
    Ok(zone
        .from_local_datetime(&midnight)
        .earliest()
        .or_else(|| zone.from_local_datetime(&(midnight + chrono::Duration::hours(1))).earliest())
        .map(|t| t.with_timezone(&Utc))
        .unwrap_or_else(|| midnight.and_utc()))
}

/// The shop's time zone; UTC before the shop is set up.
pub fn zone(conn: &Connection) -> Result<chrono_tz::Tz> {
    match get(conn)? {
        Some(s) => parse_zone(&s.time_zone),
        None => Ok(chrono_tz::UTC),
    }
}

/// A stored moment ("2026-11-24 06:35:22.240378956+00:00") as the shop's
/// wall-clock minute, "2026-11-24 14:35"; anything else is returned as it is.
pub fn local_minute(stored: &str, zone: chrono_tz::Tz) -> String {
    chrono::DateTime::parse_from_str(stored, "%Y-%m-%d %H:%M:%S%.f%:z")
        .or_else(|_| chrono::DateTime::parse_from_rfc3339(stored))
        .map(|t| t.with_timezone(&zone).format("%Y-%m-%d %H:%M").to_string())
        .unwrap_or_else(|_| stored.to_owned())
}

pub fn get(conn: &Connection) -> Result<Option<Shop>> {
    conn.query_row(
        "SELECT name, brand, industry, time_zone, language, created_at, updated_at FROM shop WHERE id = 1",
        [],
        |r| {
            let lang: String = r.get("language")?;
            Ok(Shop {
                name: r.get("name")?,
                brand: r.get("brand")?,
                industry: r.get("industry")?,
                time_zone: r.get("time_zone")?,
                language: Lang::parse(&lang).unwrap_or_default(),
                created_at: r.get("created_at")?,
                updated_at: r.get("updated_at")?,
            })
        },
    )
    .optional()
    .map_err(Error::from)
}

/// The shop, or `NotSetUp` when the welcome has not been completed.
pub fn require(conn: &Connection) -> Result<Shop> {
    get(conn)?.ok_or(Error::NotSetUp)
}

/// The language to speak to the owner in; Chinese before the shop is set up
/// only if the caller's guess says so.
pub fn language_or(conn: &Connection, fallback: Lang) -> Lang {
    get(conn).ok().flatten().map(|s| s.language).unwrap_or(fallback)
}

/// The shop's calendar day at `now` (UTC's before the shop is set up).
pub fn today(conn: &Connection, now: DateTime<Utc>) -> Result<NaiveDate> {
    Ok(now.with_timezone(&zone(conn)?).date_naive())
}

/// The colour posters and vouchers are printed in when the owner chose none.
pub const DEFAULT_BRAND_COLOR: &str = "#2f7d5b";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::open_in_memory;
    use crate::settings::set_up;
    use crate::testing::{now, tea_shop};

    #[test]
    fn a_day_starts_at_midnight_in_the_shops_zone() {
        let conn = open_in_memory().unwrap();
        assert_eq!(
            start_of_day(&conn, "2026-11-20", Field::Date).unwrap().to_rfc3339(),
            "2026-11-20T00:00:00+00:00"
        );
        set_up(&conn, &tea_shop(), now()).unwrap();
        assert_eq!(
            start_of_day(&conn, "2026-11-20", Field::Date).unwrap().to_rfc3339(),
            "2026-11-19T16:00:00+00:00"
        );
        assert_eq!(
            start_of_day(&conn, "20.11.2026", Field::MadeAt).unwrap_err().field(),
            Some(Field::MadeAt)
        );
    }
}
