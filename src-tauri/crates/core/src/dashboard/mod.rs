//! The dashboard's figures, each one typed query the window's charts and the
//! CLI print alike: the period's key figures against the period before, and
//! the funnel of the members who joined in it (joined → bought within 90 days
//! → bought again → referred someone), its percentages computed here, not by
//! a chart library.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::validate::unknown;
use crate::{shop, Error, Field, Problem, Result};

/// The longest period one query covers, in days.
pub const MAX_DAYS: i64 = 3660;
/// A new member's first purchase counts for the funnel within this many days of joining.
pub const FIRST_PURCHASE_DAYS: i64 = 90;

/// Which days, and which community (none: all of them).
#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct DashboardQuery {
    /// First and last day, "YYYY-MM-DD", in the shop's zone, both included.
    pub from: String,
    pub to: String,
    #[ts(type = "number | null", optional)]
    pub community_id: Option<i64>,
}

/// One period's key figures.
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
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct FunnelStep {
    /// joined, bought, bought_again, referred.
    pub step: String,
    #[ts(type = "number")]
    pub count: i64,
    /// Of the step before, in whole percent; none for the first step or after an empty one.
    #[ts(type = "number | null")]
    pub of_previous: Option<i64>,
    /// Of the first step.
    #[ts(type = "number | null")]
    pub of_first: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Dashboard {
    pub from: String,
    pub to: String,
    pub current: Kpis,
    /// The same number of days just before.
    pub previous: Kpis,
    pub funnel: Vec<FunnelStep>,
}

struct Span {
    start: DateTime<Utc>,
    end: DateTime<Utc>,
}

fn day(field: Field, s: &str) -> Result<NaiveDate> {
    s.trim().parse().map_err(|_| unknown(field, s))
}

pub fn dashboard(conn: &Connection, q: &DashboardQuery) -> Result<Dashboard> {
    let (from, to) = (day(Field::Date, &q.from)?, day(Field::EndsOn, &q.to)?);
    if to < from {
        return Err(Error::invalid(Field::EndsOn, Problem::BeforeStart));
    }
    let days = (to - from).num_days() + 1;
    if days > MAX_DAYS {
        return Err(Error::invalid(Field::EndsOn, Problem::OutOfRange { min: 1, max: MAX_DAYS }));
    }
    if let Some(c) = q.community_id {
        let known: bool =
            conn.query_row("SELECT EXISTS (SELECT 1 FROM community WHERE id = ?1)", [c], |r| r.get(0))?;
        if !known {
            return Err(unknown(Field::Community, &c.to_string()));
        }
    }
    let span = |a: NaiveDate, b: NaiveDate| -> Result<Span> {
        Ok(Span {
            start: shop::start_of_day(conn, &a.to_string(), Field::Date)?,
            end: shop::start_of_day(conn, &(b + Duration::days(1)).to_string(), Field::EndsOn)?,
        })
    };
    let current = span(from, to)?;
    let previous = span(from - Duration::days(days), from - Duration::days(1))?;
    Ok(Dashboard {
        from: from.to_string(),
        to: to.to_string(),
        current: kpis(conn, &current, q.community_id)?,
        previous: kpis(conn, &previous, q.community_id)?,
        funnel: funnel(conn, &current, q.community_id)?,
    })
}

/// The members in scope: every member, or those ever in the community.
const IN_SCOPE: &str =
    "(?3 IS NULL OR EXISTS (SELECT 1 FROM membership s WHERE s.member_id = m.id AND s.community_id = ?3))";

fn kpis(conn: &Connection, s: &Span, community: Option<i64>) -> Result<Kpis> {
    let joined: i64 = conn.query_row(
        "SELECT count(DISTINCT member_id) FROM membership
         WHERE joined_at >= ?1 AND joined_at < ?2 AND (?3 IS NULL OR community_id = ?3)",
        params![s.start, s.end, community],
        |r| r.get(0),
    )?;
    let left: i64 = conn.query_row(
        "SELECT count(DISTINCT member_id) FROM membership
         WHERE left_at >= ?1 AND left_at < ?2 AND (?3 IS NULL OR community_id = ?3)",
        params![s.start, s.end, community],
        |r| r.get(0),
    )?;
    // A community's sales are its members'; the whole shop's include walk-ins.
    let sold: i64 = conn.query_row(
        &format!(
            "SELECT coalesce(sum(p.amount_cents), 0) FROM purchase p LEFT JOIN member m ON m.id = p.member_id
             WHERE p.occurred_at >= ?1 AND p.occurred_at < ?2 AND (?3 IS NULL OR (m.id IS NOT NULL AND {IN_SCOPE}))"
        ),
        params![s.start, s.end, community],
        |r| r.get(0),
    )?;
    let refunded: i64 = conn.query_row(
        &format!(
            "SELECT coalesce(sum(f.amount_cents), 0) FROM refund f JOIN purchase p ON p.id = f.purchase_id
             LEFT JOIN member m ON m.id = p.member_id
             WHERE f.refunded_at >= ?1 AND f.refunded_at < ?2 AND (?3 IS NULL OR (m.id IS NOT NULL AND {IN_SCOPE}))"
        ),
        params![s.start, s.end, community],
        |r| r.get(0),
    )?;
    let zone = shop::zone(conn)?;
    // Purchase days per buyer, in the shop's calendar.
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT p.member_id, p.occurred_at FROM purchase p JOIN member m ON m.id = p.member_id
         WHERE p.occurred_at >= ?1 AND p.occurred_at < ?2 AND {IN_SCOPE}"
    ))?;
    let mut days: std::collections::HashMap<i64, std::collections::HashSet<NaiveDate>> = Default::default();
    for row in stmt.query_map(params![s.start, s.end, community], |r| {
        Ok((r.get::<_, i64>(0)?, r.get::<_, DateTime<Utc>>(1)?))
    })? {
        let (member, at) = row?;
        days.entry(member).or_default().insert(at.with_timezone(&zone).date_naive());
    }
    let buyers = days.len() as i64;
    let repeat = days.values().filter(|d| d.len() >= 2).count() as i64;
    Ok(Kpis {
        joined,
        left,
        net: joined - left,
        sales_cents: sold - refunded,
        buyers,
        repeat_percent: percent(repeat, buyers),
    })
}

/// The members who joined in the period (their first membership in scope),
/// and how far each went.
fn funnel(conn: &Connection, s: &Span, community: Option<i64>) -> Result<Vec<FunnelStep>> {
    let mut stmt = conn.prepare_cached(
        "SELECT member_id, min(joined_at) FROM membership
         WHERE (?3 IS NULL OR community_id = ?3) GROUP BY member_id
         HAVING min(joined_at) >= ?1 AND min(joined_at) < ?2",
    )?;
    let joined: Vec<(i64, DateTime<Utc>)> = stmt
        .query_map(params![s.start, s.end, community], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let (mut bought, mut again, mut referred) = (0, 0, 0);
    for (member, at) in &joined {
        let within = *at + Duration::days(FIRST_PURCHASE_DAYS);
        let purchases: i64 = conn.query_row(
            "SELECT count(*) FROM purchase WHERE member_id = ?1 AND occurred_at >= ?2",
            params![member, at],
            |r| r.get(0),
        )?;
        let first_in_time: bool = conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM purchase WHERE member_id = ?1 AND occurred_at >= ?2 AND occurred_at < ?3)",
            params![member, at, within],
            |r| r.get(0),
        )?;
        if !first_in_time {
            continue;
        }
        bought += 1;
        if purchases >= 2 {
            again += 1;
            let brought: bool = conn.query_row(
                "SELECT EXISTS (SELECT 1 FROM member WHERE referred_by = ?1)",
                [member],
                |r| r.get(0),
            )?;
            referred += i64::from(brought);
        }
    }
    let counts = [
        ("joined", joined.len() as i64),
        ("bought", bought),
        ("bought_again", again),
        ("referred", referred),
    ];
    let first = counts[0].1;
    Ok(counts
        .iter()
        .enumerate()
        .map(|(i, (step, count))| FunnelStep {
            step: (*step).to_owned(),
            count: *count,
            of_previous: if i == 0 { None } else { percent(*count, counts[i - 1].1) },
            of_first: percent(*count, first),
        })
        .collect())
}

/// `part` of `whole` in whole percent, rounded half up; none of nothing.
fn percent(part: i64, whole: i64) -> Option<i64> {
    (whole > 0).then(|| (part * 200 + whole) / (2 * whole))
}

#[cfg(test)]
mod tests;
