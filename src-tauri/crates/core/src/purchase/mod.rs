//! What customers bought: a sale recorded at the counter in seconds (only the
//! amount is needed), optionally by a member, with the voucher redeemed with
//! it and the campaign it came from; refunds kept as rows of their own.

mod model;
mod referral;

pub use model::{Purchase, PurchaseFilter, PurchaseInput, Refund};

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction, TransactionBehavior};

use crate::gift::MONEY_MAX;
use crate::validate::{in_range, optional, optional_lines, required_lines, unknown};
use crate::voucher::{self, key};
use crate::{shop, Error, Field, Lang, Problem, Result};

pub const ITEMS_MAX: usize = 200;
pub const REASON_MAX: usize = 200;
pub const STAFF_MAX: usize = 40;
pub const LIST_MAX: i64 = 500;

/// Records a sale at the counter in one transaction; a voucher given with it
/// is redeemed in the same commit (or linked, when the counter just redeemed it).
pub fn record(conn: &mut Connection, input: &PurchaseInput, now: DateTime<Utc>) -> Result<Purchase> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let id = record_in(&tx, input, now)?;
    tx.commit()?;
    get(conn, id)
}

/// `record` inside the caller's transaction (which holds the write lock); the sale's id.
pub(crate) fn record_in(tx: &Transaction, input: &PurchaseInput, now: DateTime<Utc>) -> Result<i64> {
    let amount = in_range(Field::Amount, input.amount_cents, 1, MONEY_MAX)?;
    let items = optional_lines(Field::Items, &input.items, ITEMS_MAX)?;
    let staff = optional(Field::Staff, &input.staff, STAFF_MAX)?;
    let lang = shop::language_or(tx, Lang::En);
    if let Some(m) = input.member_id {
        // A merged or erased member says so; an unknown number is refused at the field.
        match crate::member::exists(tx, m) {
            Err(Error::NotFound { .. }) => return Err(unknown(Field::Member, &m.to_string())),
            other => other?,
        }
    }
    if let Some(c) = input.campaign_id {
        let known: bool =
            tx.query_row("SELECT EXISTS (SELECT 1 FROM campaign WHERE id = ?1)", [c], |r| r.get(0))?;
        if !known {
            return Err(unknown(Field::Campaign, &c.to_string()));
        }
    }
    let serial = match input.voucher_code.trim() {
        "" => None,
        code => {
            let serial = voucher::redeem::redeemed_for_sale(tx, code, &staff, amount, lang, now)?;
            let taken: bool = tx.query_row(
                "SELECT EXISTS (SELECT 1 FROM purchase WHERE voucher_serial = ?1)",
                [serial],
                |r| r.get(0),
            )?;
            if taken {
                // One voucher, one sale.
                return Err(Error::invalid(Field::Code, Problem::Duplicate));
            }
            Some(serial)
        }
    };
    // A friend's welcome voucher is named to them: the sale is theirs.
    let member_id = match (input.member_id, serial) {
        (None, Some(s)) => referral::welcome_holder(tx, i64::from(s))?,
        (m, _) => m,
    };
    tx.execute(
        "INSERT INTO purchase (member_id, occurred_at, amount_cents, items, source, voucher_serial, campaign_id, staff, created_at)
         VALUES (?1, ?2, ?3, ?4, 'counter', ?5, ?6, ?7, ?2)",
        params![member_id, now, amount, items, serial, input.campaign_id, staff],
    )?;
    let id = tx.last_insert_rowid();
    if let Some(m) = member_id {
        // A referred friend's first purchase completes the referral, in this transaction.
        referral::qualify(tx, m, id, now)?;
    }
    Ok(id)
}

/// Refunds part or all of what is left of a sale, with the reason.
pub fn refund(
    conn: &mut Connection,
    id: i64,
    amount_cents: i64,
    reason: &str,
    staff: &str,
    now: DateTime<Utc>,
) -> Result<Purchase> {
    let reason = required_lines(Field::Reason, reason, REASON_MAX)?;
    let staff = optional(Field::Staff, staff, STAFF_MAX)?;
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let left: i64 = tx
        .query_row(
            "SELECT p.amount_cents - coalesce((SELECT sum(amount_cents) FROM refund WHERE purchase_id = p.id), 0)
             FROM purchase p WHERE p.id = ?1",
            [id],
            |r| r.get(0),
        )
        .optional()?
        .ok_or(Error::NotFound { what: "purchase", id })?;
    if left == 0 {
        return Err(Error::invalid(
            Field::Amount,
            Problem::Refused { reason: fully_refunded(shop::language_or(&tx, Lang::En)) },
        ));
    }
    let amount = in_range(Field::Amount, amount_cents, 1, left)?;
    tx.execute(
        "INSERT INTO refund (purchase_id, amount_cents, reason, staff, refunded_at) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![id, amount, reason, staff, now],
    )?;
    tx.commit()?;
    get(conn, id)
}

fn fully_refunded(lang: Lang) -> String {
    match lang {
        Lang::En => "This sale has been refunded in full already".into(),
        Lang::ZhCn => "这笔销售已全额退款".into(),
    }
}

const COLUMNS: &str = "p.id, p.member_id, m.display_name, p.occurred_at, p.amount_cents,
     coalesce((SELECT sum(amount_cents) FROM refund WHERE purchase_id = p.id), 0), p.items, p.source,
     p.voucher_serial, p.campaign_id, c.name, p.staff";
const FROM: &str =
    "purchase p LEFT JOIN member m ON m.id = p.member_id LEFT JOIN campaign c ON c.id = p.campaign_id";

fn from_row(r: &Row, voucher_key: Option<&voucher::code::VoucherKey>) -> rusqlite::Result<Purchase> {
    let serial: Option<u32> = r.get(8)?;
    Ok(Purchase {
        id: r.get(0)?,
        member_id: r.get(1)?,
        member_name: r.get(2)?,
        occurred_at: r.get(3)?,
        amount_cents: r.get(4)?,
        refunded_cents: r.get(5)?,
        items: r.get(6)?,
        source: r.get(7)?,
        voucher_code: match (serial, voucher_key) {
            (Some(s), Some(k)) => voucher::batch::encode(s, k).ok(),
            _ => None,
        },
        campaign_id: r.get(9)?,
        campaign_name: r.get(10)?,
        staff: r.get(11)?,
        refunds: Vec::new(),
    })
}

pub fn get(conn: &Connection, id: i64) -> Result<Purchase> {
    let k = key::existing(conn)?;
    let mut p = conn
        .query_row(&format!("SELECT {COLUMNS} FROM {FROM} WHERE p.id = ?1"), [id], |r| {
            from_row(r, k.as_ref())
        })
        .optional()?
        .ok_or(Error::NotFound { what: "purchase", id })?;
    p.refunds = conn
        .prepare_cached(
            "SELECT amount_cents, reason, staff, refunded_at FROM refund WHERE purchase_id = ?1 ORDER BY refunded_at, id",
        )?
        .query_map([id], |r| {
            Ok(Refund { amount_cents: r.get(0)?, reason: r.get(1)?, staff: r.get(2)?, refunded_at: r.get(3)? })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(p)
}

/// Sales newest first, by member and between two days of the shop's calendar.
pub fn list(conn: &Connection, f: &PurchaseFilter) -> Result<Vec<Purchase>> {
    let limit = in_range(Field::Count, f.limit.unwrap_or(100), 1, LIST_MAX)?;
    query(conn, f, limit)
}

/// Every sale that matches, for an export (the filter's limit aside).
pub(crate) fn all(conn: &Connection, f: &PurchaseFilter) -> Result<Vec<Purchase>> {
    query(conn, f, i64::MAX)
}

fn query(conn: &Connection, f: &PurchaseFilter, limit: i64) -> Result<Vec<Purchase>> {
    let bound = |field: Field, day: &str, end: bool| -> Result<Option<DateTime<Utc>>> {
        if day.trim().is_empty() {
            return Ok(None);
        }
        let start = shop::start_of_day(conn, day, field)?;
        // The end is the next day's midnight, so the last day counts whole.
        Ok(Some(if end { shop::start_of_day(conn, &next_day(day, field)?, field)? } else { start }))
    };
    let from = bound(Field::Date, &f.from, false)?;
    let to = bound(Field::EndsOn, &f.to, true)?;
    let k = key::existing(conn)?;
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM {FROM}
         WHERE (?1 IS NULL OR p.member_id = ?1) AND (?2 IS NULL OR p.occurred_at >= ?2) AND (?3 IS NULL OR p.occurred_at < ?3)
         ORDER BY p.occurred_at DESC, p.id DESC LIMIT ?4"
    ))?;
    let rows = stmt.query_map(params![f.member_id, from, to, limit], |r| from_row(r, k.as_ref()))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn next_day(day: &str, field: Field) -> Result<String> {
    let d: chrono::NaiveDate = day.trim().parse().map_err(|_| unknown(field, day))?;
    Ok(d.succ_opt().ok_or_else(|| unknown(field, day))?.to_string())
}

mod csv;
pub use csv::csv;

#[cfg(test)]
mod tests;
