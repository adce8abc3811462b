//! One period's key figures: members in and out, sales after refunds, buyers
//! and how many came back, how many vouchers were used, and what the gifts
//! cost against the sales that came with a voucher or a campaign.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{params, Connection};
use serde::Serialize;
use ts_rs::TS;

use super::presence::{self, Move};
use super::{percent, Span};
use crate::sql_scope::PURCHASE_IN_SCOPE;
use crate::Result;

#[derive(Debug, Clone, Default, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Kpis {
    #[ts(type = "number")]
    pub joined: i64,
    #[ts(type = "number")]
    pub left: i64,
    /// Joined less left.
    #[ts(type = "number")]
    pub net: i64,
    /// Sales less refunds given in the period, in fen (anonymous sales too,
    /// unless one community is asked for).
    #[ts(type = "number")]
    pub sales_cents: i64,
    /// Members who bought in the period.
    #[ts(type = "number")]
    pub buyers: i64,
    /// Buyers who bought on two days or more, of all buyers, in whole percent.
    #[ts(type = "number | null")]
    pub repeat_percent: Option<i64>,
    /// Gift and discount vouchers issued in the period (void ones left out).
    #[ts(type = "number")]
    pub vouchers_issued: i64,
    /// Of those, redeemed so far, in whole percent.
    #[ts(type = "number | null")]
    pub voucher_redemption_percent: Option<i64>,
    /// What the gifts handed over in the period cost (vouchers for a gift and
    /// welcome-gift claims), at their unit cost.
    #[ts(type = "number")]
    pub gift_cost_cents: i64,
    /// Sales in the period that came with a voucher or from a campaign.
    #[ts(type = "number")]
    pub attributed_sales_cents: i64,
    /// Gift cost of attributed sales, in whole percent.
    #[ts(type = "number | null")]
    pub gift_cost_percent: Option<i64>,
}

pub(super) fn kpis(
    conn: &Connection,
    s: &Span,
    moves: &[Move],
    community: Option<i64>,
    zone: chrono_tz::Tz,
) -> Result<Kpis> {
    let (joined, left) = presence::counts(moves, s);
    // A community's sales are its members'; the whole shop's include walk-ins
    // (PURCHASE_IN_SCOPE).
    let sold: i64 = conn.query_row(
        &format!(
            "SELECT coalesce(sum(p.amount_cents), 0) FROM purchase p
             WHERE p.occurred_at >= ?1 AND p.occurred_at < ?2 AND {PURCHASE_IN_SCOPE}"
        ),
        params![s.start, s.end, community],
        |r| r.get(0),
    )?;
    let refunded: i64 = conn.query_row(
        &format!(
            "SELECT coalesce(sum(f.amount_cents), 0) FROM refund f JOIN purchase p ON p.id = f.purchase_id
             WHERE f.refunded_at >= ?1 AND f.refunded_at < ?2 AND {PURCHASE_IN_SCOPE}"
        ),
        params![s.start, s.end, community],
        |r| r.get(0),
    )?;
    let attributed: i64 = conn.query_row(
        &format!(
            "SELECT coalesce(sum(p.amount_cents), 0) FROM purchase p
             WHERE p.occurred_at >= ?1 AND p.occurred_at < ?2 AND {PURCHASE_IN_SCOPE}
               AND (p.voucher_serial IS NOT NULL OR p.campaign_id IS NOT NULL)"
        ),
        params![s.start, s.end, community],
        |r| r.get(0),
    )?;
    // Purchase days per buyer, in the shop's calendar.
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT p.member_id, p.occurred_at FROM purchase p
         WHERE p.occurred_at >= ?1 AND p.occurred_at < ?2 AND p.member_id IS NOT NULL AND {PURCHASE_IN_SCOPE}"
    ))?;
    let mut days: HashMap<i64, HashSet<NaiveDate>> = HashMap::new();
    for row in stmt.query_map(params![s.start, s.end, community], |r| {
        Ok((r.get::<_, i64>(0)?, r.get::<_, DateTime<Utc>>(1)?))
    })? {
        let (member, at) = row?;
        days.entry(member).or_default().insert(at.with_timezone(&zone).date_naive());
    }
    let buyers = days.len() as i64;
    let repeat = days.values().filter(|d| d.len() >= 2).count() as i64;
    let (issued, redeemed) = vouchers(conn, s, community)?;
    let gift_cost = gift_cost(conn, s, community)?;
    Ok(Kpis {
        joined,
        left,
        net: joined - left,
        sales_cents: sold - refunded,
        buyers,
        repeat_percent: percent(repeat, buyers),
        vouchers_issued: issued,
        voucher_redemption_percent: percent(redeemed, issued),
        gift_cost_cents: gift_cost,
        attributed_sales_cents: attributed,
        gift_cost_percent: percent(gift_cost, attributed),
    })
}

/// Gift and discount vouchers issued in the period, and how many of them were
/// redeemed since; pickup and package codes are orders, not offers.
fn vouchers(conn: &Connection, s: &Span, community: Option<i64>) -> Result<(i64, i64)> {
    Ok(conn.query_row(
        "SELECT count(*), count(v.redeemed_at) FROM voucher v JOIN voucher_batch b ON b.id = v.batch_id
         WHERE b.created_at >= ?1 AND b.created_at < ?2 AND b.benefit IN ('gift', 'amount_off', 'percent_off')
           AND b.voided_at IS NULL AND v.voided_at IS NULL AND (?3 IS NULL OR b.community_id = ?3)",
        params![s.start, s.end, community],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?)
}

/// Gifts handed over in the period at their unit cost: vouchers for a gift
/// redeemed (and not undone), and welcome gifts claimed (and not undone).
fn gift_cost(conn: &Connection, s: &Span, community: Option<i64>) -> Result<i64> {
    let by_voucher: i64 = conn.query_row(
        "SELECT coalesce(sum(g.unit_cost_cents), 0) FROM voucher v JOIN voucher_batch b ON b.id = v.batch_id
         JOIN gift g ON g.id = b.gift_id
         WHERE v.redeemed_at >= ?1 AND v.redeemed_at < ?2 AND (?3 IS NULL OR b.community_id = ?3)",
        params![s.start, s.end, community],
        |r| r.get(0),
    )?;
    let by_claim: i64 = conn.query_row(
        "SELECT coalesce(sum(d.unit_cost_cents), 0) FROM drainage_claim c
         JOIN campaign_drainage d ON d.campaign_id = c.campaign_id
         WHERE d.gift_id IS NOT NULL AND c.undone_at IS NULL AND c.claimed_at >= ?1 AND c.claimed_at < ?2
           AND (?3 IS NULL OR d.community_id = ?3)",
        params![s.start, s.end, community],
        |r| r.get(0),
    )?;
    Ok(by_voucher + by_claim)
}
