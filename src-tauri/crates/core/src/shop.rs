//! The shop itself: its name, brand, industry, time zone and language. One row;
//! its absence means the first-run welcome has not been completed.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

use crate::validate::{optional, required, unknown};
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

/// What the owner fills in on the welcome screen and in Settings. Language and
/// zone arrive as text and are checked here, so a bad value gets a clear message.
#[derive(Debug, Clone, Default, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct ShopInput {
    pub name: String,
    /// Empty means "same as the shop name".
    #[serde(default)]
    pub brand: String,
    pub industry: String,
    pub time_zone: String,
    #[ts(as = "Lang")]
    pub language: String,
}

pub const NAME_MAX: usize = 60;
pub const BRAND_MAX: usize = 30;
pub const INDUSTRY_MAX: usize = 40;

struct ValidShop {
    name: String,
    brand: String,
    industry: String,
    time_zone: String,
    language: Lang,
}

fn validate(input: &ShopInput) -> Result<ValidShop> {
    let name = required(Field::ShopName, &input.name, NAME_MAX)?;
    let brand = optional(Field::Brand, &input.brand, BRAND_MAX)?;
    let brand = if brand.is_empty() { name.clone() } else { brand };
    let industry = required(Field::Industry, &input.industry, INDUSTRY_MAX)?;
    let time_zone = parse_zone(&input.time_zone)?.name().to_owned();
    let language =
        Lang::parse(input.language.trim()).ok_or_else(|| unknown(Field::Language, &input.language))?;
    Ok(ValidShop { name, brand, industry, time_zone, language })
}

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
            let lang: String = r.get(4)?;
            Ok(Shop {
                name: r.get(0)?,
                brand: r.get(1)?,
                industry: r.get(2)?,
                time_zone: r.get(3)?,
                language: Lang::parse(&lang).unwrap_or_default(),
                created_at: r.get(5)?,
                updated_at: r.get(6)?,
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

/// First run: creates the shop. Refused if one exists, so a second welcome
/// (two windows, a double click) cannot overwrite the first.
/// Sets the shop up, and makes its voucher key in the same transaction: the
/// secret is born with the shop, on this laptop, and never leaves the file.
pub fn set_up(conn: &Connection, input: &ShopInput, now: DateTime<Utc>) -> Result<Shop> {
    let v = validate(input)?;
    // The caller may hold a transaction already (the sample shop does): then
    // these writes are part of it; else they get their own.
    let tx = if conn.is_autocommit() { Some(conn.unchecked_transaction()?) } else { None };
    let inserted = conn.execute(
        "INSERT INTO shop (id, name, brand, industry, time_zone, language, created_at, updated_at)
         VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?6) ON CONFLICT (id) DO NOTHING",
        params![v.name, v.brand, v.industry, v.time_zone, v.language.as_str(), now],
    )?;
    if inserted == 0 {
        return Err(Error::AlreadySetUp);
    }
    crate::voucher::key::get_or_create(conn, now)?;
    if let Some(tx) = tx {
        tx.commit()?;
    }
    require(conn)
}

/// Settings: changes the shop's details.
/// Saves the shop's settings. A new time zone moves, in the same
/// transaction, what was planned in the old one: content items and the
/// schedules that were in the shop's zone keep their wall-clock times
/// ("10:00" stays 10:00) and get the instants of the new zone.
pub fn update(conn: &Connection, input: &ShopInput, now: DateTime<Utc>) -> Result<Shop> {
    let v = validate(input)?;
    let before = require(conn)?;
    let tx = conn.unchecked_transaction()?;
    tx.execute(
        "UPDATE shop SET name = ?1, brand = ?2, industry = ?3, time_zone = ?4, language = ?5, updated_at = ?6
         WHERE id = 1",
        params![v.name, v.brand, v.industry, v.time_zone, v.language.as_str(), now],
    )?;
    if before.time_zone != v.time_zone {
        crate::schedule::follow_shop_zone(&tx, &before.time_zone, &v.time_zone)?;
        crate::content::follow_shop_zone(&tx, &v.time_zone)?;
    }
    tx.commit()?;
    require(conn)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::open_in_memory;
    use crate::testing::{now, tea_shop};

    #[test]
    fn a_new_database_has_no_shop_until_the_welcome_is_completed() {
        let conn = open_in_memory().unwrap();
        assert!(get(&conn).unwrap().is_none());
        let shop = set_up(&conn, &tea_shop(), now()).unwrap();
        assert_eq!(shop.brand, "茶香");
        assert_eq!(shop.language, Lang::ZhCn);
    }

    #[test]
    fn the_welcome_cannot_run_twice() {
        let conn = open_in_memory().unwrap();
        set_up(&conn, &tea_shop(), now()).unwrap();
        let again = ShopInput { name: "Other".into(), ..tea_shop() };
        assert_eq!(set_up(&conn, &again, now()).unwrap_err().code(), "already_set_up");
        assert_eq!(require(&conn).unwrap().name, "茶香茶馆");
    }

    #[test]
    fn an_empty_brand_defaults_to_the_shop_name() {
        let conn = open_in_memory().unwrap();
        let shop = set_up(&conn, &ShopInput { brand: "  ".into(), ..tea_shop() }, now()).unwrap();
        assert_eq!(shop.brand, "茶香茶馆");
    }

    #[test]
    fn an_unknown_zone_or_language_is_refused_and_settings_stay() {
        let conn = open_in_memory().unwrap();
        set_up(&conn, &tea_shop(), now()).unwrap();
        let bad_zone = ShopInput { time_zone: "Mars/Olympus".into(), ..tea_shop() };
        assert_eq!(update(&conn, &bad_zone, now()).unwrap_err().field(), Some(Field::TimeZone));
        let bad_lang = ShopInput { language: "fr".into(), ..tea_shop() };
        assert_eq!(update(&conn, &bad_lang, now()).unwrap_err().field(), Some(Field::Language));
        assert_eq!(require(&conn).unwrap().time_zone, "Asia/Shanghai");
    }

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

    #[test]
    fn switching_language_in_settings_is_stored() {
        let conn = open_in_memory().unwrap();
        set_up(&conn, &tea_shop(), now()).unwrap();
        let shop = update(&conn, &ShopInput { language: "en".into(), ..tea_shop() }, now()).unwrap();
        assert_eq!(shop.language, Lang::En);
    }
}
