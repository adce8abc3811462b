//! The gift catalogue: what the shop hands out, what it costs, what it looks
//! worth, and how many are on the shelf, with every stock move explained.

mod model;

pub use model::{
    Gift, GiftInput, GiftKind, MoveReason, StockChange, StockMove, DEFAULT_LOW_STOCK_AT, MONEY_MAX, NAME_MAX,
    PACKAGING_MAX, STOCK_MAX, STOCK_NOTE_MAX,
};

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};

use crate::validate::in_range;
use crate::{voucher_code, Error, Field, Problem, Result};

const COLUMNS: &str = "id, name, kind, unit_cost_cents, value_cents, stock, low_stock_at, packaging,
     archived_at, created_at, updated_at";

fn from_row(r: &Row) -> rusqlite::Result<Gift> {
    let kind: String = r.get("kind")?;
    let stock: i64 = r.get("stock")?;
    let low_stock_at: i64 = r.get("low_stock_at")?;
    Ok(Gift {
        id: r.get("id")?,
        name: r.get("name")?,
        kind: GiftKind::parse(&kind).unwrap_or(GiftKind::Drainage),
        unit_cost_cents: r.get("unit_cost_cents")?,
        value_cents: r.get("value_cents")?,
        stock,
        low_stock_at,
        low_stock: stock <= low_stock_at,
        packaging: r.get("packaging")?,
        archived_at: r.get("archived_at")?,
        created_at: r.get("created_at")?,
        updated_at: r.get("updated_at")?,
    })
}

pub fn get(conn: &Connection, id: i64) -> Result<Gift> {
    conn.query_row(&format!("SELECT {COLUMNS} FROM gift WHERE id = ?1"), [id], from_row)
        .optional()?
        .ok_or(Error::NotFound { what: "gift", id })
}

pub fn list(conn: &Connection, include_archived: bool) -> Result<Vec<Gift>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM gift WHERE ?1 OR archived_at IS NULL ORDER BY archived_at IS NOT NULL, kind, name"
    ))?;
    let gifts = stmt.query_map([include_archived], from_row)?.collect::<rusqlite::Result<_>>()?;
    Ok(gifts)
}

/// Gifts in use that are at or below their warning level, for the home screen.
pub fn low_stock(conn: &Connection) -> Result<Vec<Gift>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM gift WHERE archived_at IS NULL AND stock <= low_stock_at ORDER BY stock, name"
    ))?;
    let gifts = stmt.query_map([], from_row)?.collect::<rusqlite::Result<_>>()?;
    Ok(gifts)
}

/// Adds a gift with the stock on hand; the first stock move records it.
pub fn create(conn: &mut Connection, input: &GiftInput, stock: i64, now: DateTime<Utc>) -> Result<Gift> {
    let tx = conn.transaction()?;
    let id = insert(&tx, input, stock, now)?;
    tx.commit()?;
    get(conn, id)
}

/// Checks and adds a gift inside the caller's transaction; its id.
pub(crate) fn insert(tx: &Transaction, input: &GiftInput, stock: i64, now: DateTime<Utc>) -> Result<i64> {
    let v = model::validate(input)?;
    let stock = in_range(Field::Stock, stock, 0, STOCK_MAX)?;
    tx.execute(
        "INSERT INTO gift (name, kind, unit_cost_cents, value_cents, stock, low_stock_at, packaging, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
        params![v.name, v.kind.as_str(), v.unit_cost_cents, v.value_cents, stock, v.low_stock_at, v.packaging, now],
    )?;
    let id = tx.last_insert_rowid();
    Move { gift_id: id, before: 0, after: stock, reason: MoveReason::Added, serial: None, note: "" }
        .log(tx, now)?;
    Ok(id)
}

pub fn update(conn: &Connection, id: i64, input: &GiftInput, now: DateTime<Utc>) -> Result<Gift> {
    let v = model::validate(input)?;
    let changed = conn.execute(
        "UPDATE gift SET name = ?1, kind = ?2, unit_cost_cents = ?3, value_cents = ?4, low_stock_at = ?5,
                packaging = ?6, updated_at = ?7
         WHERE id = ?8",
        params![
            v.name,
            v.kind.as_str(),
            v.unit_cost_cents,
            v.value_cents,
            v.low_stock_at,
            v.packaging,
            now,
            id
        ],
    )?;
    if changed == 0 {
        return Err(Error::NotFound { what: "gift", id });
    }
    get(conn, id)
}

/// A restock or a shelf count, logged with the owner's note.
pub fn change_stock(
    conn: &mut Connection,
    id: i64,
    change: StockChange,
    note: &str,
    now: DateTime<Utc>,
) -> Result<Gift> {
    let note = crate::validate::optional(Field::Note, note, STOCK_NOTE_MAX)?;
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    let stock: i64 = tx
        .query_row("SELECT stock FROM gift WHERE id = ?1", [id], |r| r.get(0))
        .optional()?
        .ok_or(Error::NotFound { what: "gift", id })?;
    let (after, reason) = match change {
        StockChange::Restocked(n) => {
            (stock + in_range(Field::Stock, n, 1, STOCK_MAX)?, MoveReason::Restocked)
        }
        StockChange::Counted(n) => (in_range(Field::Stock, n, 0, STOCK_MAX)?, MoveReason::Counted),
    };
    Move { gift_id: id, before: stock, after, reason, serial: None, note: &note }.apply(&tx, now)?;
    tx.commit()?;
    get(conn, id)
}

pub fn set_archived(conn: &Connection, id: i64, archived: bool, now: DateTime<Utc>) -> Result<Gift> {
    get(conn, id)?;
    // A prize of a lucky draw still to be drawn is a promise: archived, its
    // vouchers could not be issued at the draw, which must happen once, on time.
    let promised: Option<String> = if archived {
        conn.query_row(
            "SELECT c.name FROM draw_prize p JOIN campaign c ON c.id = p.campaign_id
             JOIN campaign_draw d ON d.campaign_id = c.id
             WHERE p.gift_id = ?1 AND c.published_at IS NOT NULL AND c.cancelled_at IS NULL AND d.drawn_at IS NULL
             LIMIT 1",
            [id],
            |r| r.get(0),
        )
        .optional()?
    } else {
        None
    };
    if let Some(draw) = promised {
        let reason = match crate::shop::language_or(conn, crate::Lang::En) {
            crate::Lang::ZhCn => format!("这个礼品是抽奖「{draw}」的奖品，开奖后才能归档"),
            crate::Lang::En => {
                format!("This gift is a prize of the lucky draw \"{draw}\": archive it after the draw")
            }
        };
        return Err(Error::invalid(Field::Gift, Problem::Refused { reason }));
    }
    conn.execute(
        "UPDATE gift SET archived_at = ?1, updated_at = ?2 WHERE id = ?3",
        params![archived.then_some(now), now, id],
    )?;
    get(conn, id)
}

/// The stock history, newest first.
pub fn moves(conn: &Connection, id: i64) -> Result<Vec<StockMove>> {
    get(conn, id)?;
    let key = voucher_code::key::existing(conn)?;
    let mut stmt = conn.prepare_cached(
        "SELECT id, change, stock_after, reason, serial, note, made_at FROM gift_stock_move
         WHERE gift_id = ?1 ORDER BY id DESC",
    )?;
    let rows = stmt.query_map([id], |r| {
        let reason: String = r.get("reason")?;
        let serial: Option<u32> = r.get("serial")?;
        Ok(StockMove {
            id: r.get("id")?,
            change: r.get("change")?,
            stock_after: r.get("stock_after")?,
            reason: MoveReason::parse(&reason),
            code: serial.zip(key.as_ref()).and_then(|(s, k)| voucher_code::encode(s, k).ok()),
            note: r.get("note")?,
            made_at: r.get("made_at")?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// One gift handed over for a voucher or a drainage claim (or given back when
/// that is undone), inside the caller's transaction; the stock after.
pub(crate) fn hand_over(
    tx: &Transaction,
    gift_id: i64,
    serial: Option<u32>,
    reason: MoveReason,
    now: DateTime<Utc>,
) -> Result<i64> {
    let stock: i64 = tx.query_row("SELECT stock FROM gift WHERE id = ?1", [gift_id], |r| r.get(0))?;
    let after =
        if matches!(reason, MoveReason::Redeemed | MoveReason::Claimed) { stock - 1 } else { stock + 1 };
    Move { gift_id, before: stock, after, reason, serial, note: "" }.apply(tx, now)?;
    Ok(after)
}

/// One change of a gift's stock, as the log records it.
struct Move<'a> {
    gift_id: i64,
    before: i64,
    after: i64,
    reason: MoveReason,
    serial: Option<u32>,
    note: &'a str,
}

impl Move<'_> {
    fn apply(&self, tx: &Transaction, now: DateTime<Utc>) -> Result<()> {
        tx.execute(
            "UPDATE gift SET stock = ?1, updated_at = ?2 WHERE id = ?3",
            params![self.after, now, self.gift_id],
        )?;
        self.log(tx, now)
    }

    fn log(&self, tx: &Transaction, now: DateTime<Utc>) -> Result<()> {
        tx.prepare_cached(
            "INSERT INTO gift_stock_move (gift_id, change, stock_after, reason, serial, note, made_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )?
        .execute(params![
            self.gift_id,
            self.after - self.before,
            self.after,
            self.reason.as_str(),
            self.serial,
            self.note,
            now
        ])?;
        Ok(())
    }
}

#[cfg(test)]
mod tests;
