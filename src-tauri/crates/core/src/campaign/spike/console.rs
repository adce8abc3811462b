//! The flash-sale console for the evening itself: the owner records buyers in
//! the order they replied in the group (typed, or the group's 接龙 pasted),
//! the stock counts down, the limit per customer holds, each buyer is handed
//! the next pickup vouchers of the session, and the "N left" and sold-out
//! posts are ready to paste. Every recording is one transaction.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{params, Connection, OptionalExtension, Transaction, TransactionBehavior};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::campaign::copy::{Figures, SPIKE_LEFT, SPIKE_SOLD_OUT};
use crate::campaign::jielong::{self, Unreadable};
use crate::validate::{in_range, required};
use crate::voucher::{batch, key};
use crate::{shop, Error, Field, Lang, Result};

/// A buyer's name or phone tail, as long as a voucher's holder name.
pub const BUYER_MAX: usize = crate::voucher::HOLDER_NAME_MAX;

/// One session of a flash sale and how it is going.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct SessionLine {
    #[ts(type = "number")]
    pub id: i64,
    pub day: String,
    pub starts_at: String,
    pub ends_at: String,
    #[ts(type = "number")]
    pub sold: i64,
    #[ts(type = "number")]
    pub left: i64,
}

/// A buyer recorded in a session, with the pickup codes they were given.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Order {
    #[ts(type = "number")]
    pub id: i64,
    /// The 接龙 number, when pasted.
    #[ts(type = "number | null")]
    pub seq: Option<i64>,
    pub buyer: String,
    #[ts(type = "number")]
    pub quantity: i64,
    pub codes: Vec<String>,
    /// How many of the codes were redeemed at the counter.
    #[ts(type = "number")]
    pub collected: i64,
}

/// The console's screen: the sale's terms, one session's buyers, the posts.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Console {
    #[ts(type = "number")]
    pub campaign_id: i64,
    pub name: String,
    pub product: String,
    pub unit: String,
    #[ts(type = "number")]
    pub price_cents: i64,
    #[ts(type = "number")]
    pub quantity: i64,
    #[ts(type = "number")]
    pub per_customer: i64,
    pub cancelled: bool,
    pub session: SessionLine,
    pub sessions: Vec<SessionLine>,
    pub orders: Vec<Order>,
    /// "还剩 N 份" while some are left, ready to paste.
    pub left_post: String,
    /// The sold-out post, once none is left.
    pub sold_out_post: Option<String>,
}

/// A buyer as the owner types one.
#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct BuyerInput {
    pub buyer: String,
    #[ts(type = "number")]
    pub quantity: i64,
}

/// An entry the console did not take, and why, in the owner's language.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Turned {
    /// The paste's line, when pasted.
    #[ts(type = "number | null")]
    pub line: Option<usize>,
    pub buyer: String,
    pub reason: String,
}

/// What one recording did.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Recorded {
    pub added: Vec<Order>,
    /// Over the limit, or nothing left.
    pub turned_away: Vec<Turned>,
    /// Lines of a paste that are not entries.
    pub unreadable: Vec<Unreadable>,
    /// Pasted entries already recorded (a grown 接龙 pasted again).
    #[ts(type = "number")]
    pub already: i64,
    pub console: Console,
}

struct Terms {
    campaign_id: i64,
    name: String,
    product: String,
    unit: String,
    price_cents: i64,
    reference_cents: i64,
    quantity: i64,
    per_customer: i64,
    pickup_days: i64,
    cancelled: bool,
}

fn terms(conn: &Connection, campaign_id: i64) -> Result<Terms> {
    conn.query_row(
        "SELECT c.name, p.name, p.unit, s.price_cents, s.reference_cents, s.quantity, s.per_customer,
                s.pickup_days, c.cancelled_at IS NOT NULL
         FROM campaign c JOIN campaign_spike s ON s.campaign_id = c.id JOIN product p ON p.id = s.product_id
         WHERE c.id = ?1",
        [campaign_id],
        |r| {
            Ok(Terms {
                campaign_id,
                name: r.get(0)?,
                product: r.get(1)?,
                unit: r.get(2)?,
                price_cents: r.get(3)?,
                reference_cents: r.get(4)?,
                quantity: r.get(5)?,
                per_customer: r.get(6)?,
                pickup_days: r.get(7)?,
                cancelled: r.get(8)?,
            })
        },
    )
    .optional()?
    .ok_or(Error::NotFound { what: "campaign", id: campaign_id })
}

fn sessions(conn: &Connection, t: &Terms) -> Result<Vec<SessionLine>> {
    let mut stmt = conn.prepare_cached(
        "SELECT x.id, x.day, x.starts_at, x.ends_at,
                (SELECT coalesce(sum(o.quantity), 0) FROM spike_order o WHERE o.session_id = x.id AND o.undone_at IS NULL)
         FROM campaign_session x WHERE x.campaign_id = ?1 ORDER BY x.starts_at",
    )?;
    let rows = stmt.query_map([t.campaign_id], |r| {
        let sold: i64 = r.get(4)?;
        Ok(SessionLine {
            id: r.get(0)?,
            day: r.get(1)?,
            starts_at: r.get::<_, DateTime<Utc>>(2)?.to_rfc3339(),
            ends_at: r.get::<_, DateTime<Utc>>(3)?.to_rfc3339(),
            sold,
            left: t.quantity - sold,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn orders(conn: &Connection, session_id: i64) -> Result<Vec<Order>> {
    let key = key::existing(conn)?;
    let mut stmt = conn.prepare_cached(
        "SELECT id, seq, buyer, quantity FROM spike_order WHERE session_id = ?1 AND undone_at IS NULL ORDER BY id",
    )?;
    let rows = stmt
        .query_map([session_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
        .collect::<rusqlite::Result<Vec<(i64, Option<i64>, String, i64)>>>()?;
    let mut vouchers = conn.prepare_cached(
        "SELECT v.serial, v.redeemed_at IS NOT NULL FROM spike_order_voucher ov JOIN voucher v ON v.serial = ov.serial
         WHERE ov.order_id = ?1 ORDER BY v.serial",
    )?;
    let mut out = Vec::with_capacity(rows.len());
    for (id, seq, buyer, quantity) in rows {
        let held = vouchers
            .query_map([id], |r| Ok((r.get::<_, u32>(0)?, r.get::<_, bool>(1)?)))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let codes = match &key {
            Some(k) => held.iter().map(|(s, _)| batch::encode(*s, k)).collect::<Result<_>>()?,
            None => Vec::new(),
        };
        let collected = held.iter().filter(|(_, r)| *r).count() as i64;
        out.push(Order { id, seq, buyer, quantity, codes, collected });
    }
    Ok(out)
}

/// The session to show when none is named: the one running now, else the
/// next to come, else the last.
fn default_session(list: &[SessionLine], now: DateTime<Utc>) -> Option<&SessionLine> {
    let at = |s: &str| DateTime::parse_from_rfc3339(s).map(|t| t.with_timezone(&Utc)).ok();
    list.iter().find(|s| at(&s.ends_at).is_some_and(|e| now < e)).or(list.last())
}

/// The console of campaign `campaign_id` on session `session_id` (or the
/// current one).
pub fn console(
    conn: &Connection,
    campaign_id: i64,
    session_id: Option<i64>,
    now: DateTime<Utc>,
) -> Result<Console> {
    let t = terms(conn, campaign_id)?;
    let list = sessions(conn, &t)?;
    let session = match session_id {
        Some(id) => list.iter().find(|s| s.id == id).ok_or(Error::NotFound { what: "session", id })?,
        None => default_session(&list, now).ok_or(Error::NotFound { what: "session", id: 0 })?,
    }
    .clone();
    let lang = shop::language_or(conn, Lang::En);
    let day = NaiveDate::parse_from_str(&session.day, "%Y-%m-%d").unwrap_or_default();
    let zone = shop::zone(conn)?;
    let local =
        |s: &str| DateTime::parse_from_rfc3339(s).map(|x| x.with_timezone(&zone).time()).unwrap_or_default();
    let figures = Figures {
        product: &t.product,
        unit: &t.unit,
        day,
        time: local(&session.starts_at),
        end: local(&session.ends_at),
        price_cents: t.price_cents,
        reference_cents: t.reference_cents,
        quantity: t.quantity,
        left: session.left,
        limit: t.per_customer,
        pickup_days: t.pickup_days,
    };
    let left_post = SPIKE_LEFT.fill(lang, &figures).1;
    let sold_out_post = (session.left <= 0).then(|| SPIKE_SOLD_OUT.fill(lang, &figures).1);
    Ok(Console {
        campaign_id,
        name: t.name,
        product: t.product,
        unit: t.unit,
        price_cents: t.price_cents,
        quantity: t.quantity,
        per_customer: t.per_customer,
        cancelled: t.cancelled,
        orders: orders(conn, session.id)?,
        session,
        sessions: list,
        left_post,
        sold_out_post,
    })
}

/// A session and the campaign it belongs to; refused when the campaign was cancelled.
fn open_session(tx: &Transaction, session_id: i64) -> Result<(i64, Option<i64>, Terms)> {
    let (campaign_id, batch_id): (i64, Option<i64>) = tx
        .query_row("SELECT campaign_id, batch_id FROM campaign_session WHERE id = ?1", [session_id], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .optional()?
        .ok_or(Error::NotFound { what: "session", id: session_id })?;
    let t = terms(tx, campaign_id)?;
    if t.cancelled {
        return Err(Error::CampaignClosed);
    }
    Ok((campaign_id, batch_id, t))
}

/// One entry to weigh: where it came from, who, how many.
pub(super) struct Candidate {
    pub(super) line: Option<usize>,
    pub(super) seq: Option<i64>,
    pub(super) buyer: String,
    pub(super) quantity: i64,
}

/// Records buyers typed one by one, in order.
pub fn record(
    conn: &mut Connection,
    session_id: i64,
    buyers: &[BuyerInput],
    now: DateTime<Utc>,
) -> Result<Recorded> {
    let mut candidates = Vec::with_capacity(buyers.len());
    for b in buyers {
        let buyer = required(Field::Buyer, &b.buyer, BUYER_MAX)?;
        let quantity = in_range(Field::Shares, b.quantity, 1, crate::voucher::COUNT_MAX)?;
        candidates.push(Candidate { line: None, seq: None, buyer, quantity });
    }
    write(conn, session_id, candidates, Vec::new(), now)
}

/// Records the buyers of a pasted 接龙, in its order. An entry recorded from an
/// earlier paste (same number) is left as it is, so pasting the grown list
/// again adds only the new lines; lines that are not entries are listed.
pub fn record_pasted(
    conn: &mut Connection,
    session_id: i64,
    text: &str,
    now: DateTime<Utc>,
) -> Result<Recorded> {
    let lang = shop::language_or(conn, Lang::En);
    let (entries, mut unreadable) = jielong::entries(text, lang)?;
    let mut candidates = Vec::with_capacity(entries.len());
    for e in entries {
        let (buyer, quantity) = jielong::split_quantity(&e.text);
        if buyer.chars().count() > BUYER_MAX {
            unreadable.push(Unreadable::new(
                e.line,
                &e.text,
                lang,
                &format!("A buyer's name is at most {BUYER_MAX} characters"),
                &format!("买家名称最多 {BUYER_MAX} 个字"),
            ));
            continue;
        }
        if quantity == Some(0) {
            unreadable.push(Unreadable::new(
                e.line,
                &e.text,
                lang,
                "A quantity is at least 1",
                "份数至少为 1",
            ));
            continue;
        }
        candidates.push(Candidate {
            line: Some(e.line),
            seq: Some(e.seq),
            buyer,
            quantity: quantity.unwrap_or(1),
        });
    }
    write(conn, session_id, candidates, unreadable, now)
}

fn write(
    conn: &mut Connection,
    session_id: i64,
    candidates: Vec<Candidate>,
    unreadable: Vec<Unreadable>,
    now: DateTime<Utc>,
) -> Result<Recorded> {
    let lang = shop::language_or(conn, Lang::En);
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let (campaign_id, batch_id, t) = open_session(&tx, session_id)?;
    if let Some(b) = batch_id {
        // A pickup batch voided on the vouchers page hands out nothing more.
        let voided: bool =
            tx.query_row("SELECT voided_at IS NOT NULL FROM voucher_batch WHERE id = ?1", [b], |r| r.get(0))?;
        if voided {
            return Err(Error::BatchVoided);
        }
    }
    let mut left: i64 = t.quantity
        - tx.query_row(
            "SELECT coalesce(sum(quantity), 0) FROM spike_order WHERE session_id = ?1 AND undone_at IS NULL",
            [session_id],
            |r| r.get::<_, i64>(0),
        )?;
    // The session as it stands, read once: who holds how many, which 接龙
    // numbers are in, and the open vouchers in serial order.
    let mut held: HashMap<String, i64> = HashMap::new();
    // Who each recorded 接龙 number belonged to, and each buyer's entries read from a list.
    let mut by_seq: HashMap<i64, String> = HashMap::new();
    let mut entries: HashMap<String, usize> = HashMap::new();
    {
        let mut stmt = tx.prepare_cached(
            "SELECT buyer_key, quantity, seq FROM spike_order WHERE session_id = ?1 AND undone_at IS NULL",
        )?;
        let mut rows = stmt.query([session_id])?;
        while let Some(r) = rows.next()? {
            let key: String = r.get(0)?;
            *held.entry(key.clone()).or_default() += r.get::<_, i64>(1)?;
            // Only entries read from a list can move in it; a typed one stays typed.
            if let Some(seq) = r.get::<_, Option<i64>>(2)? {
                *entries.entry(key.clone()).or_default() += 1;
                by_seq.insert(seq, key);
            }
        }
    }
    let already_in = super::repaste::recorded_already(&candidates, &by_seq, entries);
    let mut free: std::vec::IntoIter<i64> = match batch_id {
        Some(b) => tx
            .prepare_cached(
                "SELECT serial FROM voucher WHERE batch_id = ?1 AND holder_name = '' AND redeemed_at IS NULL
                 AND voided_at IS NULL ORDER BY serial",
            )?
            .query_map([b], |r| r.get(0))?
            .collect::<rusqlite::Result<Vec<i64>>>()?
            .into_iter(),
        None => Vec::new().into_iter(),
    };
    let mut added = Vec::new();
    let mut turned_away = Vec::new();
    let mut already = 0;
    let turn = |c: &Candidate, en: String, zh: String| Turned {
        line: c.line,
        buyer: c.buyer.clone(),
        reason: if lang == Lang::ZhCn { zh } else { en },
    };
    for (c, recorded) in candidates.into_iter().zip(already_in) {
        if recorded {
            already += 1;
            continue;
        }
        let key = jielong::key(&c.buyer);
        let has = held.get(&key).copied().unwrap_or(0);
        if has + c.quantity > t.per_customer {
            turned_away.push(turn(
                &c,
                format!("Over the limit of {} per person ({} already has {has})", t.per_customer, c.buyer),
                format!("超过每人限购 {}（{} 已有 {has}）", t.per_customer, c.buyer),
            ));
            continue;
        }
        if c.quantity > left {
            turned_away.push(if left == 0 {
                turn(&c, "Sold out".into(), "已抢光".into())
            } else {
                turn(&c, format!("Only {left} left"), format!("只剩 {left}"))
            });
            continue;
        }
        // A renumbered list can give a new buyer the number an earlier entry
        // was recorded under: that number stays with the earlier entry.
        let seq = c.seq.filter(|n| !by_seq.contains_key(n));
        tx.prepare_cached(
            "INSERT INTO spike_order (session_id, seq, buyer, buyer_key, quantity, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?
        .execute(params![session_id, seq, c.buyer, key, c.quantity, now])?;
        if let Some(n) = seq {
            by_seq.insert(n, key.clone());
        }
        let order_id = tx.last_insert_rowid();
        if batch_id.is_some() {
            let serials: Vec<i64> = free.by_ref().take(c.quantity as usize).collect();
            super::codes::hand_out(&tx, order_id, &c.buyer, c.quantity, &serials)?;
        }
        *held.entry(key).or_default() += c.quantity;
        left -= c.quantity;
        added.push(order_id);
    }
    tx.commit()?;
    let console = console(conn, campaign_id, Some(session_id), now)?;
    let added = console.orders.iter().filter(|o| added.contains(&o.id)).cloned().collect();
    Ok(Recorded { added, turned_away, unreadable, already, console })
}

/// Takes back the session's last buyer: their units go back on sale and their
/// pickup vouchers back into the batch. Refused once they collected.
pub fn undo_last(conn: &mut Connection, session_id: i64, now: DateTime<Utc>) -> Result<Console> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let (campaign_id, _, _) = open_session(&tx, session_id)?;
    let last: i64 = tx
        .query_row(
            "SELECT id FROM spike_order WHERE session_id = ?1 AND undone_at IS NULL ORDER BY id DESC LIMIT 1",
            [session_id],
            |r| r.get(0),
        )
        .optional()?
        .ok_or(Error::NoBuyerToUndo)?;
    let collected: bool = tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM spike_order_voucher ov JOIN voucher v ON v.serial = ov.serial
                        WHERE ov.order_id = ?1 AND v.redeemed_at IS NOT NULL)",
        [last],
        |r| r.get(0),
    )?;
    if collected {
        return Err(Error::AlreadyCollected);
    }
    tx.execute(
        "UPDATE voucher SET holder_name = '' WHERE serial IN (SELECT serial FROM spike_order_voucher WHERE order_id = ?1)",
        [last],
    )?;
    tx.execute("DELETE FROM spike_order_voucher WHERE order_id = ?1", [last])?;
    tx.execute("UPDATE spike_order SET undone_at = ?1 WHERE id = ?2", params![now, last])?;
    tx.commit()?;
    console(conn, campaign_id, Some(session_id), now)
}
