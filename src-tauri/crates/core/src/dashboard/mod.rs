//! The dashboard's figures, each one typed query the window's charts and the
//! CLI print alike: the period's key figures against the period before, the
//! funnel of the members who joined in it (joined → bought within 90 days →
//! bought again → referred someone, its percentages computed here, not by a
//! chart library), members over time, join attribution per channel, and the
//! RFM segments.

mod channels;
mod funnel;
mod kpis;
mod presence;
pub mod rfm;

use chrono::{DateTime, Duration, NaiveDate, Utc};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use channels::{ChannelFigures, CHANNEL_DAYS};
pub use funnel::FunnelStep;
pub use kpis::Kpis;
pub use presence::DayPoint;
pub use rfm::{RfmThresholds, Segment, SegmentCount};

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

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Dashboard {
    pub from: String,
    pub to: String,
    pub current: Kpis,
    /// The same number of days just before.
    pub previous: Kpis,
    pub funnel: Vec<FunnelStep>,
    /// Each day of the period: joins, leaves, members in at its end.
    pub series: Vec<DayPoint>,
    /// Joins and buyers per channel.
    pub channels: Vec<ChannelFigures>,
    /// The members in each RFM segment at the end of the period.
    pub segments: Vec<SegmentCount>,
    pub thresholds: RfmThresholds,
}

pub(crate) struct Span {
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
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
    let zone = shop::zone(conn)?;
    let moves = presence::moves(conn, q.community_id)?;
    let days: Vec<NaiveDate> = from.iter_days().take(days as usize).collect();
    Ok(Dashboard {
        from: from.to_string(),
        to: to.to_string(),
        current: kpis::kpis(conn, &current, &moves, q.community_id, zone)?,
        previous: kpis::kpis(conn, &previous, &moves, q.community_id, zone)?,
        funnel: funnel::funnel(conn, &current, q.community_id)?,
        series: presence::series(&moves, &current, &days, zone),
        channels: channels::channels(conn, &current, q.community_id)?,
        segments: rfm::counts(conn, current.end, q.community_id)?,
        thresholds: rfm::thresholds(conn)?,
    })
}

/// The members in scope: every member, or those ever in the community.
pub(crate) const IN_SCOPE: &str =
    "(?3 IS NULL OR EXISTS (SELECT 1 FROM membership s WHERE s.member_id = m.id AND s.community_id = ?3))";

/// `part` of `whole` in whole percent, rounded half up; none of nothing.
pub(crate) fn percent(part: i64, whole: i64) -> Option<i64> {
    (whole > 0).then(|| (part * 200 + whole) / (2 * whole))
}

#[cfg(test)]
mod tests;
