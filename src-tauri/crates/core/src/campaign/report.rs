//! After a campaign: per session what sold, the pickup vouchers handed out,
//! collected and never collected, the money, and the campaign's return:
//!
//! return = (revenue − cost of goods − campaign cost) ÷ campaign cost,
//! campaign cost = discount given (the 7-day low, or the package's separate
//! price, less the price paid) + gifts handed out.
//!
//! A flash sale's revenue is counted at pickup (the counter is where money
//! meets goods), or when recorded if it gave no pickup vouchers; a
//! gift-package day's from its settlement.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;
use ts_rs::TS;

use super::{get, CampaignKind, Status};
use crate::money::yuan;
use crate::{shop, Lang, Result};

/// One session's figures, or the campaign's totals.
#[derive(Debug, Clone, Default, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ReportRow {
    /// The session's day; empty on the totals.
    pub day: String,
    /// Whether the session has begun (a chart leaves the rest blank, not 0).
    pub started: bool,
    /// Units (flash sale) or packages (gift-package day) sold.
    #[ts(type = "number")]
    pub sold: i64,
    /// Pickup vouchers handed to buyers.
    #[ts(type = "number")]
    pub issued: i64,
    #[ts(type = "number")]
    pub redeemed: i64,
    /// Handed out, never collected, and past their last day.
    #[ts(type = "number")]
    pub no_shows: i64,
    #[ts(type = "number")]
    pub revenue_cents: i64,
    #[ts(type = "number")]
    pub cost_of_goods_cents: i64,
    #[ts(type = "number")]
    pub discount_cents: i64,
    #[ts(type = "number")]
    pub gift_cost_cents: i64,
}

impl ReportRow {
    fn add(&mut self, r: &ReportRow) {
        self.sold += r.sold;
        self.issued += r.issued;
        self.redeemed += r.redeemed;
        self.no_shows += r.no_shows;
        self.revenue_cents += r.revenue_cents;
        self.cost_of_goods_cents += r.cost_of_goods_cents;
        self.discount_cents += r.discount_cents;
        self.gift_cost_cents += r.gift_cost_cents;
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Report {
    #[ts(type = "number")]
    pub campaign_id: i64,
    pub kind: CampaignKind,
    pub name: String,
    pub status: Status,
    pub sessions: Vec<ReportRow>,
    pub totals: ReportRow,
    /// Discount given plus gifts handed out.
    #[ts(type = "number")]
    pub campaign_cost_cents: i64,
    /// Revenue less cost of goods less campaign cost.
    #[ts(type = "number")]
    pub net_cents: i64,
    /// Net ÷ campaign cost, in whole percent; none when nothing was spent.
    #[ts(type = "number | null")]
    pub return_percent: Option<i64>,
    /// A drainage campaign's claims per channel the member came through.
    pub by_channel: Vec<ChannelClaims>,
}

/// A campaign's row in the list: done of planned (a sale's units or packages
/// sold, a welcome gift's claims), and the money (a sale's revenue, a welcome
/// gift's cost).
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct KeyFigures {
    #[ts(type = "number")]
    pub done: i64,
    #[ts(type = "number")]
    pub planned: i64,
    #[ts(type = "number")]
    pub money_cents: i64,
}

/// Claims recorded for one channel (the counter may leave it unknown).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ChannelClaims {
    /// None: the counter did not ask.
    pub channel: Option<String>,
    #[ts(type = "number")]
    pub claims: i64,
}

/// Each session's (or a welcome gift's each day's) figures.
fn rows(conn: &Connection, id: i64, kind: CampaignKind, now: DateTime<Utc>) -> Result<Vec<ReportRow>> {
    let today = shop::today(conn, now)?.to_string();
    match kind {
        CampaignKind::Spike => spike_rows(conn, id, &today, now),
        CampaignKind::Ladder => ladder_rows(conn, id, &today, now),
        CampaignKind::Drainage => drainage_rows(conn, id, &today),
        _ => Ok(Vec::new()),
    }
}

/// The figures a campaign's row in the list shows: what is done of what was
/// planned, and the money it stands for. None for a draft.
pub(crate) fn key_figures(
    conn: &Connection,
    id: i64,
    kind: CampaignKind,
    now: DateTime<Utc>,
) -> Result<KeyFigures> {
    if kind == CampaignKind::Draw {
        // Entrants, and of their vouchers those claimed, at what they cost.
        let (entrants, claimed, spent) = super::draw::claimed(conn, id)?;
        return Ok(KeyFigures { done: claimed, planned: entrants, money_cents: spent });
    }
    if kind == CampaignKind::Referral {
        return super::referral::key_figures(conn, id);
    }
    if kind == CampaignKind::Alliance {
        return super::alliance::key_figures(conn, id);
    }
    let mut totals = ReportRow::default();
    for r in &rows(conn, id, kind, now)? {
        totals.add(r);
    }
    let planned: i64 = match kind {
        CampaignKind::Spike => conn.query_row(
            "SELECT s.quantity * (SELECT count(*) FROM campaign_session x WHERE x.campaign_id = s.campaign_id)
             FROM campaign_spike s WHERE s.campaign_id = ?1",
            [id],
            |r| r.get(0),
        ),
        CampaignKind::Ladder => conn.query_row(
            "SELECT l.shares * (SELECT count(*) FROM campaign_session x WHERE x.campaign_id = l.campaign_id)
             FROM campaign_ladder l WHERE l.campaign_id = ?1",
            [id],
            |r| r.get(0),
        ),
        CampaignKind::Drainage => {
            conn.query_row("SELECT expected_joins FROM campaign_drainage WHERE campaign_id = ?1", [id], |r| r.get(0))
        }
        _ => Ok(0),
    }
    .optional()?
    .unwrap_or(0);
    Ok(match kind {
        CampaignKind::Drainage => KeyFigures {
            done: totals.issued,
            planned,
            money_cents: totals.gift_cost_cents + totals.discount_cents,
        },
        _ => KeyFigures { done: totals.sold, planned, money_cents: totals.revenue_cents },
    })
}

pub fn report(conn: &Connection, id: i64, now: DateTime<Utc>) -> Result<Report> {
    let c = get(conn, id, now)?;
    let sessions = rows(conn, id, c.kind, now)?;
    let by_channel = if c.kind == CampaignKind::Drainage { claims_by_channel(conn, id)? } else { Vec::new() };
    let mut totals = ReportRow::default();
    for r in &sessions {
        totals.add(r);
    }
    let campaign_cost = totals.discount_cents + totals.gift_cost_cents;
    let net = totals.revenue_cents - totals.cost_of_goods_cents - campaign_cost;
    Ok(Report {
        campaign_id: id,
        kind: c.kind,
        name: c.name,
        status: c.status,
        sessions,
        totals,
        campaign_cost_cents: campaign_cost,
        net_cents: net,
        // A welcome gift's return shows in the new members' later purchases,
        // which the campaign does not see: no figure rather than a false −100 %.
        return_percent: (campaign_cost > 0 && c.kind != CampaignKind::Drainage)
            .then(|| net * 100 / campaign_cost),
        by_channel,
    })
}

fn spike_rows(conn: &Connection, id: i64, today: &str, now: DateTime<Utc>) -> Result<Vec<ReportRow>> {
    let mut stmt = conn.prepare_cached(
        "SELECT x.day, s.price_cents, s.reference_cents, p.cost_cents,
                (SELECT coalesce(sum(o.quantity), 0) FROM spike_order o WHERE o.session_id = x.id AND o.undone_at IS NULL),
                (SELECT count(*) FROM spike_order o JOIN spike_order_voucher ov ON ov.order_id = o.id
                 WHERE o.session_id = x.id AND o.undone_at IS NULL),
                (SELECT count(*) FROM spike_order o JOIN spike_order_voucher ov ON ov.order_id = o.id
                 JOIN voucher v ON v.serial = ov.serial
                 WHERE o.session_id = x.id AND o.undone_at IS NULL AND v.redeemed_at IS NOT NULL),
                coalesce((SELECT b.valid_until < ?2 FROM voucher_batch b WHERE b.id = x.batch_id), 0),
                x.starts_at <= ?3, x.batch_id IS NULL
         FROM campaign_session x JOIN campaign_spike s ON s.campaign_id = x.campaign_id
         JOIN product p ON p.id = s.product_id
         WHERE x.campaign_id = ?1 ORDER BY x.starts_at",
    )?;
    let rows = stmt.query_map(params![id, today, now], |r| {
        let (price, reference, cost): (i64, i64, i64) = (r.get(1)?, r.get(2)?, r.get(3)?);
        let (sold, issued, redeemed, past): (i64, i64, i64, bool) =
            (r.get(4)?, r.get(5)?, r.get(6)?, r.get(7)?);
        // Without pickup vouchers there is no pickup to count: the sale is the sale.
        let paid = if r.get::<_, bool>(9)? { sold } else { redeemed };
        Ok(ReportRow {
            day: r.get(0)?,
            started: r.get(8)?,
            sold,
            issued,
            redeemed,
            no_shows: if past { issued - redeemed } else { 0 },
            revenue_cents: paid * price,
            cost_of_goods_cents: paid * cost,
            discount_cents: paid * (reference - price).max(0),
            gift_cost_cents: 0,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn ladder_rows(conn: &Connection, id: i64, today: &str, now: DateTime<Utc>) -> Result<Vec<ReportRow>> {
    let (value, cost): (i64, i64) = conn.query_row(
        "SELECT coalesce(sum(unit_price_cents * quantity), 0), coalesce(sum(unit_cost_cents * quantity), 0)
         FROM campaign_ladder_item WHERE campaign_id = ?1",
        [id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    // Codes count while not voided; a package not collected by its last day is a no-show.
    let mut stmt = conn.prepare_cached(
        "SELECT x.day,
                (SELECT coalesce(sum(o.shares), 0) FROM ladder_order o WHERE o.session_id = x.id),
                (SELECT coalesce(sum(o.total_cents), 0) FROM ladder_order o WHERE o.session_id = x.id),
                x.starts_at <= ?2,
                (SELECT count(*) FROM ladder_code k JOIN voucher v ON v.serial = k.serial
                 WHERE k.session_id = x.id AND v.voided_at IS NULL),
                (SELECT count(*) FROM ladder_code k JOIN voucher v ON v.serial = k.serial
                 WHERE k.session_id = x.id AND v.voided_at IS NULL AND v.redeemed_at IS NOT NULL),
                date(x.day, '+' || ?4 || ' days') < ?3
         FROM campaign_session x WHERE x.campaign_id = ?1 ORDER BY x.starts_at",
    )?;
    let rows = stmt.query_map(params![id, now, today, super::ladder::PICKUP_DAYS], |r| {
        let (shares, revenue, issued, redeemed, past): (i64, i64, i64, i64, bool) =
            (r.get(1)?, r.get(2)?, r.get(4)?, r.get(5)?, r.get(6)?);
        Ok(ReportRow {
            day: r.get(0)?,
            started: r.get(3)?,
            sold: shares,
            issued,
            redeemed,
            no_shows: if past { issued - redeemed } else { 0 },
            revenue_cents: revenue,
            cost_of_goods_cents: cost * shares,
            discount_cents: (value * shares - revenue).max(0),
            ..ReportRow::default()
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// A drainage campaign's days: claims each day (issued), gifts handed over
/// or next-visit vouchers used (redeemed), and what they cost.
fn drainage_rows(conn: &Connection, id: i64, today: &str) -> Result<Vec<ReportRow>> {
    let found: Option<(String, DateTime<Utc>, i64, bool)> = conn
        .query_row(
            "SELECT x.day, x.ends_at, d.unit_cost_cents, d.gift_id IS NOT NULL
         FROM campaign_session x JOIN campaign_drainage d ON d.campaign_id = x.campaign_id
         WHERE x.campaign_id = ?1 ORDER BY x.starts_at LIMIT 1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .optional()?;
    // A draft has no days yet.
    let Some((first, ends_at, unit_cost, is_gift)) = found else { return Ok(Vec::new()) };
    let zone = shop::zone(conn)?;
    let first: chrono::NaiveDate =
        first.parse().map_err(|_| crate::Error::Damaged("a drainage campaign's first day"))?;
    // The campaign ends at the midnight after its last day.
    let last = (ends_at.with_timezone(&zone) - chrono::Duration::seconds(1)).date_naive();
    let mut claims = conn.prepare_cached(
        "SELECT k.claimed_at, v.redeemed_at IS NOT NULL FROM drainage_claim k
         LEFT JOIN voucher v ON v.serial = k.serial WHERE k.campaign_id = ?1 AND k.undone_at IS NULL",
    )?;
    let mut per_day = std::collections::BTreeMap::<chrono::NaiveDate, (i64, i64)>::new();
    for row in claims.query_map([id], |r| Ok((r.get::<_, DateTime<Utc>>(0)?, r.get::<_, bool>(1)?)))? {
        let (at, used) = row?;
        let e = per_day.entry(at.with_timezone(&zone).date_naive()).or_default();
        e.0 += 1;
        e.1 += i64::from(is_gift || used);
    }
    let mut out = Vec::new();
    let mut d = first;
    while d <= last {
        let (issued, redeemed) = per_day.get(&d).copied().unwrap_or_default();
        let cost = redeemed * unit_cost;
        out.push(ReportRow {
            day: d.to_string(),
            started: d.to_string().as_str() <= today,
            issued,
            redeemed,
            gift_cost_cents: if is_gift { cost } else { 0 },
            discount_cents: if is_gift { 0 } else { cost },
            ..ReportRow::default()
        });
        d += chrono::Duration::days(1);
    }
    Ok(out)
}

fn claims_by_channel(conn: &Connection, id: i64) -> Result<Vec<ChannelClaims>> {
    let mut stmt = conn.prepare_cached(
        "SELECT ch.name, count(*) FROM drainage_claim k LEFT JOIN channel ch ON ch.id = k.channel_id
         WHERE k.campaign_id = ?1 AND k.undone_at IS NULL GROUP BY k.channel_id ORDER BY count(*) DESC, ch.name",
    )?;
    let rows = stmt.query_map([id], |r| Ok(ChannelClaims { channel: r.get(0)?, claims: r.get(1)? }))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The report as CSV (a row per session, then the totals), with a byte-order
/// mark so a spreadsheet opens the Chinese as UTF-8.
pub fn csv(conn: &Connection, id: i64, lang: Lang, now: DateTime<Utc>) -> Result<String> {
    let r = report(conn, id, now)?;
    let total = if lang == Lang::ZhCn { "合计" } else { "total" };
    if r.kind == CampaignKind::Drainage {
        // A welcome gift's days: claims, gifts handed over (or vouchers used), their cost.
        let header = match lang {
            Lang::En => "day,claims,handed over or used,gift cost,vouchers used",
            Lang::ZhCn => "日期,领取,已交付/已使用,礼品成本,已用券金额",
        };
        let mut out = format!("\u{feff}{header}\n");
        for row in r.sessions.iter().chain(std::iter::once(&r.totals)) {
            let day = if row.day.is_empty() { total } else { row.day.as_str() };
            out.push_str(&format!(
                "{day},{},{},{},{}\n",
                row.issued,
                row.redeemed,
                yuan(row.gift_cost_cents),
                yuan(row.discount_cents)
            ));
        }
        return Ok(out);
    }
    let header = match lang {
        Lang::En => {
            "session,sold,pickup vouchers issued,redeemed,no-shows,revenue,cost of goods,discount,gift cost"
        }
        Lang::ZhCn => "场次,售出,发出提货券,已核销,未到店,收入,商品成本,让利,赠品成本",
    };
    let mut out = format!("\u{feff}{header}\n");
    for row in r.sessions.iter().chain(std::iter::once(&r.totals)) {
        let day = if row.day.is_empty() { total } else { row.day.as_str() };
        out.push_str(&format!(
            "{day},{},{},{},{},{},{},{},{}\n",
            row.sold,
            row.issued,
            row.redeemed,
            row.no_shows,
            yuan(row.revenue_cents),
            yuan(row.cost_of_goods_cents),
            yuan(row.discount_cents),
            yuan(row.gift_cost_cents)
        ));
    }
    Ok(out)
}
