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
pub use crate::rfm;

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

/// A checked period: its days, the same number of days before it, the
/// shop's zone and the community asked about. Each figure is one call on it,
/// so each can be measured (and printed) on its own.
pub struct Period {
    from: NaiveDate,
    to: NaiveDate,
    current: Span,
    previous: Span,
    zone: chrono_tz::Tz,
    community: Option<i64>,
}

pub fn period(conn: &Connection, q: &DashboardQuery) -> Result<Period> {
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
    Ok(Period {
        from,
        to,
        current: span(from, to)?,
        previous: span(from - Duration::days(days), from - Duration::days(1))?,
        zone: shop::zone(conn)?,
        community: q.community_id,
    })
}

impl Period {
    /// The key figures of the period and of the one before.
    pub fn key_figures(&self, conn: &Connection) -> Result<(Kpis, Kpis)> {
        let moves = presence::moves(conn, self.community)?;
        Ok((
            kpis::kpis(conn, &self.current, &moves, self.community, self.zone)?,
            kpis::kpis(conn, &self.previous, &moves, self.community, self.zone)?,
        ))
    }

    pub fn funnel(&self, conn: &Connection) -> Result<Vec<FunnelStep>> {
        funnel::funnel(conn, &self.current, self.community)
    }

    pub fn members_over_time(&self, conn: &Connection) -> Result<Vec<DayPoint>> {
        let moves = presence::moves(conn, self.community)?;
        let days: Vec<NaiveDate> = self.from.iter_days().take_while(|d| *d <= self.to).collect();
        Ok(presence::series(&moves, &self.current, &days, self.zone))
    }

    pub fn channels(&self, conn: &Connection) -> Result<Vec<ChannelFigures>> {
        channels::channels(conn, &self.current, self.community)
    }

    /// The RFM segments at the end of the period's last day.
    pub fn segments(&self, conn: &Connection) -> Result<Vec<SegmentCount>> {
        rfm::counts(conn, self.current.end, self.community)
    }
}

/// Each of the community's channels since it began, for the channel cards:
/// joins, buyers within 30 days, their sales, the gifts' cost per buyer.
pub fn channels_to_date(
    conn: &Connection,
    community_id: i64,
    now: DateTime<Utc>,
) -> Result<Vec<ChannelFigures>> {
    let known: bool =
        conn.query_row("SELECT EXISTS (SELECT 1 FROM community WHERE id = ?1)", [community_id], |r| {
            r.get(0)
        })?;
    if !known {
        return Err(Error::NotFound { what: "community", id: community_id });
    }
    let all = Span { start: DateTime::<Utc>::MIN_UTC, end: now };
    channels::channels(conn, &all, Some(community_id))
}

pub fn dashboard(conn: &Connection, q: &DashboardQuery) -> Result<Dashboard> {
    let p = period(conn, q)?;
    let (current, previous) = p.key_figures(conn)?;
    Ok(Dashboard {
        from: p.from.to_string(),
        to: p.to.to_string(),
        current,
        previous,
        funnel: p.funnel(conn)?,
        series: p.members_over_time(conn)?,
        channels: p.channels(conn)?,
        segments: p.segments(conn)?,
        thresholds: rfm::thresholds(conn)?,
    })
}

/// `part` of `whole` in whole percent, rounded half up; none of nothing.
pub(crate) fn percent(part: i64, whole: i64) -> Option<i64> {
    (whole > 0).then(|| (part * 200 + whole) / (2 * whole))
}

#[cfg(test)]
mod tests;
