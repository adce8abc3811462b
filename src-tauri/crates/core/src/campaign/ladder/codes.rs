//! A settled gift-package day's pickup codes: one per package, named to the
//! address that ordered it, collected at the counter for the address's price.
//!
//! Settling again keeps an address's codes, since its buyers may hold them
//! already: more packages add codes, fewer void the open ones, an address no
//! longer on the list has its open ones voided. A collected code is never
//! taken back, so a list giving an address fewer packages than it collected
//! is refused.

use std::collections::HashMap;

use chrono::{DateTime, Duration, NaiveDate, Utc};
use rusqlite::{params, Connection, Transaction};

use super::model::PackageCode;
use crate::voucher::{batch, key};
use crate::{Error, Lang, Result};

/// Days after the gift-package day in which a package can be collected.
pub const PICKUP_DAYS: i64 = 7;

/// What one address should hold after settling.
pub(super) struct Wanted<'a> {
    pub key: &'a str,
    pub address: &'a str,
    pub shares: i64,
}

#[derive(Default)]
struct Held {
    collected: i64,
    /// Neither collected nor voided, oldest first.
    open: Vec<i64>,
}

/// Brings the session's codes in line with the settled list, inside the
/// settling transaction.
pub(super) fn reissue(
    tx: &Transaction,
    campaign_id: i64,
    session_id: i64,
    day: &str,
    wanted: &[Wanted],
    lang: Lang,
    now: DateTime<Utc>,
) -> Result<()> {
    let mut held = held(tx, session_id)?;
    let mut to_issue: Vec<(&Wanted, i64)> = Vec::new();
    for w in wanted {
        let h = held.remove(w.key).unwrap_or_default();
        if h.collected > w.shares {
            return Err(Error::PackagesCollected {
                address: w.address.to_owned(),
                collected: h.collected,
                shares: w.shares,
            });
        }
        let keep = h.open.len().min((w.shares - h.collected) as usize);
        for serial in &h.open[..keep] {
            // The address as the list now spells it.
            tx.prepare_cached("UPDATE voucher SET holder_name = ?1 WHERE serial = ?2")?
                .execute(params![w.address, serial])?;
        }
        void(tx, &h.open[keep..], fewer_reason(lang), now)?;
        let missing = w.shares - h.collected - keep as i64;
        if missing > 0 {
            to_issue.push((w, missing));
        }
    }
    // Addresses no longer on the list.
    for (key, h) in held {
        if h.collected > 0 {
            let address = collected_by(tx, session_id, &key)?;
            return Err(Error::PackagesCollected { address, collected: h.collected, shares: 0 });
        }
        void(tx, &h.open, gone_reason(lang), now)?;
    }
    let count: i64 = to_issue.iter().map(|(_, n)| n).sum();
    if count == 0 {
        return Ok(());
    }
    let first: NaiveDate = day.parse().map_err(|_| Error::Damaged("a session's day"))?;
    let name: String =
        tx.query_row("SELECT name FROM campaign WHERE id = ?1", [campaign_id], |r| r.get(0))?;
    let serials = batch::insert_packages(
        tx,
        campaign_id,
        &format!("{name} · {day}"),
        count,
        (first, first + Duration::days(PICKUP_DAYS)),
        now,
    )?;
    let batch_id: i64 =
        tx.query_row("SELECT batch_id FROM voucher WHERE serial = ?1", [serials[0]], |r| r.get(0))?;
    crate::campaign::link(tx, campaign_id, "batch", batch_id)?;
    let mut next = serials.into_iter();
    for (w, n) in to_issue {
        for serial in next.by_ref().take(n as usize) {
            tx.prepare_cached("UPDATE voucher SET holder_name = ?1 WHERE serial = ?2")?
                .execute(params![w.address, serial])?;
            tx.prepare_cached(
                "INSERT INTO ladder_code (serial, session_id, address_key) VALUES (?1, ?2, ?3)",
            )?
            .execute(params![serial, session_id, w.key])?;
        }
    }
    Ok(())
}

fn held(conn: &Connection, session_id: i64) -> Result<HashMap<String, Held>> {
    let mut out: HashMap<String, Held> = HashMap::new();
    let mut stmt = conn.prepare_cached(
        "SELECT k.address_key, k.serial, v.redeemed_at IS NOT NULL, v.voided_at IS NOT NULL
         FROM ladder_code k JOIN voucher v ON v.serial = k.serial WHERE k.session_id = ?1 ORDER BY k.serial",
    )?;
    let rows = stmt.query_map([session_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?;
    for row in rows {
        let (key, serial, collected, voided): (String, i64, bool, bool) = row?;
        let h = out.entry(key).or_default();
        if collected {
            h.collected += 1;
        } else if !voided {
            h.open.push(serial);
        }
    }
    Ok(out)
}

/// The address a collected code was named to, for the refusal.
fn collected_by(conn: &Connection, session_id: i64, address_key: &str) -> Result<String> {
    Ok(conn.query_row(
        "SELECT v.holder_name FROM ladder_code k JOIN voucher v ON v.serial = k.serial
         WHERE k.session_id = ?1 AND k.address_key = ?2 AND v.redeemed_at IS NOT NULL LIMIT 1",
        params![session_id, address_key],
        |r| r.get(0),
    )?)
}

fn void(tx: &Transaction, serials: &[i64], reason: &str, now: DateTime<Utc>) -> Result<()> {
    for serial in serials {
        tx.prepare_cached("UPDATE voucher SET voided_at = ?1, void_reason = ?2 WHERE serial = ?3")?
            .execute(params![now, reason, serial])?;
        tx.prepare_cached(
            "INSERT INTO voucher_event (serial, action, reason, at) VALUES (?1, 'voided', ?2, ?3)",
        )?
        .execute(params![serial, reason, now])?;
    }
    Ok(())
}

fn fewer_reason(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "Settled again: fewer packages for this address",
        Lang::ZhCn => "重新结算：该地址的份数减少",
    }
}

fn gone_reason(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "Settled again: this address is no longer on the list",
        Lang::ZhCn => "重新结算：名单上已没有这个地址",
    }
}

/// Each address's codes (by its key), collected ones included, voided ones not.
pub(super) fn of_session(conn: &Connection, session_id: i64) -> Result<HashMap<String, Vec<PackageCode>>> {
    let Some(k) = key::existing(conn)? else { return Ok(HashMap::new()) };
    let mut out: HashMap<String, Vec<PackageCode>> = HashMap::new();
    let mut stmt = conn.prepare_cached(
        "SELECT k.address_key, k.serial, v.redeemed_at IS NOT NULL
         FROM ladder_code k JOIN voucher v ON v.serial = k.serial
         WHERE k.session_id = ?1 AND v.voided_at IS NULL ORDER BY k.serial",
    )?;
    let rows = stmt.query_map([session_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    for row in rows {
        let (address_key, serial, collected): (String, u32, bool) = row?;
        out.entry(address_key).or_default().push(PackageCode { code: batch::encode(serial, &k)?, collected });
    }
    Ok(out)
}
