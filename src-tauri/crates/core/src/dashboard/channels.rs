//! Join attribution: for each channel (the poster at the counter, the table
//! tent, the partner store…), the members who joined through it in the
//! period, how many of them bought within 30 days of joining and for how much,
//! and what its gifts cost per buyer.

use std::collections::HashMap;

use chrono::{DateTime, Duration, Utc};
use rusqlite::{params, Connection};
use serde::Serialize;
use ts_rs::TS;

use super::{percent, Span};
use crate::Result;

/// A new member's purchases count for the channel within this many days of joining.
pub const CHANNEL_DAYS: i64 = 30;

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ChannelFigures {
    #[ts(type = "number")]
    pub channel_id: i64,
    pub name: String,
    /// The channel's kind, as stored ("counter", "table_tent", …).
    pub kind: String,
    #[ts(type = "number")]
    pub community_id: i64,
    pub community_name: String,
    /// Members who joined through it in the period.
    #[ts(type = "number")]
    pub joins: i64,
    /// Of those, who bought within 30 days of joining.
    #[ts(type = "number")]
    pub buyers: i64,
    #[ts(type = "number | null")]
    pub first_purchase_percent: Option<i64>,
    /// What those buyers spent within 30 days of joining, in fen.
    #[ts(type = "number")]
    pub sales_cents: i64,
    /// Gifts handed over for this channel in the period, at unit cost.
    #[ts(type = "number")]
    pub gift_cost_cents: i64,
    #[ts(type = "number | null")]
    pub cost_per_buyer_cents: Option<i64>,
}

#[derive(Default)]
struct Tally {
    joins: i64,
    buyers: i64,
    sales: i64,
    cost: i64,
}

pub(super) fn channels(conn: &Connection, s: &Span, community: Option<i64>) -> Result<Vec<ChannelFigures>> {
    let mut tally: HashMap<i64, Tally> = HashMap::new();
    let mut stmt = conn.prepare_cached(
        "SELECT s.id, s.channel_id, s.joined_at, p.occurred_at, p.amount_cents FROM membership s
         LEFT JOIN purchase p ON p.member_id = s.member_id AND p.occurred_at >= s.joined_at
         WHERE s.channel_id IS NOT NULL AND s.joined_at >= ?1 AND s.joined_at < ?2
           AND (?3 IS NULL OR s.community_id = ?3)
         ORDER BY s.id",
    )?;
    let rows = stmt.query_map(params![s.start, s.end, community], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, i64>(1)?,
            r.get::<_, DateTime<Utc>>(2)?,
            r.get::<_, Option<DateTime<Utc>>>(3)?,
            r.get::<_, Option<i64>>(4)?,
        ))
    })?;
    // (membership, whether it already counted as a buyer)
    let mut last: Option<(i64, bool)> = None;
    for row in rows {
        let (membership, channel, joined, bought, amount) = row?;
        let t = tally.entry(channel).or_default();
        if last.map(|(m, _)| m) != Some(membership) {
            t.joins += 1;
            last = Some((membership, false));
        }
        if let (Some(at), Some(cents)) = (bought, amount) {
            if at < joined + Duration::days(CHANNEL_DAYS) {
                t.sales += cents;
                if let Some((m, false)) = last {
                    t.buyers += 1;
                    last = Some((m, true));
                }
            }
        }
    }
    for row in conn
        .prepare_cached(
            "SELECT c.channel_id, sum(d.unit_cost_cents) FROM drainage_claim c
             JOIN campaign_drainage d ON d.campaign_id = c.campaign_id
             WHERE d.gift_id IS NOT NULL AND c.undone_at IS NULL AND c.channel_id IS NOT NULL
               AND c.claimed_at >= ?1 AND c.claimed_at < ?2
             GROUP BY c.channel_id
             UNION ALL
             SELECT b.channel_id, sum(g.unit_cost_cents) FROM voucher v JOIN voucher_batch b ON b.id = v.batch_id
             JOIN gift g ON g.id = b.gift_id
             WHERE b.channel_id IS NOT NULL AND v.redeemed_at >= ?1 AND v.redeemed_at < ?2
             GROUP BY b.channel_id",
        )?
        .query_map(params![s.start, s.end], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?)))?
    {
        let (channel, cents) = row?;
        tally.entry(channel).or_default().cost += cents;
    }
    let mut out: Vec<ChannelFigures> = conn
        .prepare_cached(
            "SELECT ch.id, ch.name, ch.kind, ch.community_id, c.name, ch.archived_at IS NOT NULL
             FROM channel ch JOIN community c ON c.id = ch.community_id
             WHERE (?1 IS NULL OR ch.community_id = ?1) ORDER BY ch.id",
        )?
        .query_map(params![community], |r| {
            Ok((
                ChannelFigures {
                    channel_id: r.get(0)?,
                    name: r.get(1)?,
                    kind: r.get(2)?,
                    community_id: r.get(3)?,
                    community_name: r.get(4)?,
                    joins: 0,
                    buyers: 0,
                    first_purchase_percent: None,
                    sales_cents: 0,
                    gift_cost_cents: 0,
                    cost_per_buyer_cents: None,
                },
                r.get::<_, bool>(5)?,
            ))
        })?
        .filter_map(|row| match row {
            Ok((mut f, archived)) => {
                let t = tally.remove(&f.channel_id).unwrap_or_default();
                // An archived channel shows only while it still has figures in the period.
                if archived && t.joins == 0 && t.cost == 0 {
                    return None;
                }
                f.joins = t.joins;
                f.buyers = t.buyers;
                f.first_purchase_percent = percent(t.buyers, t.joins);
                f.sales_cents = t.sales;
                f.gift_cost_cents = t.cost;
                f.cost_per_buyer_cents = (t.buyers > 0).then(|| (t.cost + t.buyers / 2) / t.buyers);
                Some(Ok(f))
            }
            Err(e) => Some(Err(e)),
        })
        .collect::<rusqlite::Result<_>>()?;
    out.sort_by(|a, b| b.joins.cmp(&a.joins).then(a.channel_id.cmp(&b.channel_id)));
    Ok(out)
}
