//! Setting the shop up (the first-run welcome) and changing its settings
//! later: the one place that writes the shop's row, and that moves what was
//! planned in the old time zone when the zone changes.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection};
use serde::Deserialize;

use crate::shop::{parse_zone, require, Shop, BRAND_MAX, INDUSTRY_MAX, NAME_MAX};
use crate::validate::{optional, required, unknown};
use crate::{Error, Field, Lang, Result};

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
    use crate::shop::get;
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
    fn switching_language_in_settings_is_stored() {
        let conn = open_in_memory().unwrap();
        set_up(&conn, &tea_shop(), now()).unwrap();
        let shop = update(&conn, &ShopInput { language: "en".into(), ..tea_shop() }, now()).unwrap();
        assert_eq!(shop.language, Lang::En);
    }
}
