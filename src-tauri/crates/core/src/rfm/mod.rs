//! RFM segments: each member placed by how long ago they last bought
//! (recency), on how many days they bought in the last year (frequency) and
//! how much they spent in it (money, in quartiles among that year's buyers).
//! The buckets are fixed and the owner can edit them: quintiles swing wildly
//! in a shop with a few hundred buyers.

use std::collections::HashMap;

use chrono::{DateTime, Duration, Offset, Utc};
use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

mod history;
#[cfg(test)]
mod tests;

use crate::sql_scope::{IN_SCOPE, LIVE};
use crate::validate::in_range;
use crate::{Error, Field, Problem, Result};

const DAY: i64 = 86_400;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RfmThresholds {
    /// Bought within this many days: recent.
    #[ts(type = "number")]
    pub recent_days: i64,
    /// Not bought for more than this many days: lapsing.
    #[ts(type = "number")]
    pub lapsing_days: i64,
    /// Not bought for more than this many days: hibernating.
    #[ts(type = "number")]
    pub lost_days: i64,
    /// Purchase days in the last year from which a buyer is a repeat buyer.
    #[ts(type = "number")]
    pub repeat_days: i64,
    /// … and a regular.
    #[ts(type = "number")]
    pub regular_days: i64,
}

pub fn thresholds(conn: &Connection) -> Result<RfmThresholds> {
    Ok(conn.query_row(
        "SELECT recent_days, lapsing_days, lost_days, repeat_days, regular_days FROM rfm_threshold WHERE id = 1",
        [],
        |r| {
            Ok(RfmThresholds {
                recent_days: r.get(0)?,
                lapsing_days: r.get(1)?,
                lost_days: r.get(2)?,
                repeat_days: r.get(3)?,
                regular_days: r.get(4)?,
            })
        },
    )?)
}

/// Changes the thresholds; each must be above the one before it, as typed.
pub fn set_thresholds(conn: &Connection, t: &RfmThresholds) -> Result<RfmThresholds> {
    in_range(Field::RecentDays, t.recent_days, 1, 3648)?;
    in_range(Field::LapsingDays, t.lapsing_days, t.recent_days + 1, 3649)?;
    in_range(Field::LostDays, t.lost_days, t.lapsing_days + 1, 3650)?;
    in_range(Field::RepeatDays, t.repeat_days, 2, 365)?;
    in_range(Field::RegularDays, t.regular_days, t.repeat_days + 1, 366)?;
    conn.execute(
        "UPDATE rfm_threshold SET recent_days = ?1, lapsing_days = ?2, lost_days = ?3, repeat_days = ?4,
         regular_days = ?5 WHERE id = 1",
        params![t.recent_days, t.lapsing_days, t.lost_days, t.repeat_days, t.regular_days],
    )?;
    thresholds(conn)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Segment {
    /// Recent and regular.
    Core,
    /// Regular, bought within the lapsing window.
    Loyal,
    /// First purchase recent.
    New,
    /// Bought within the lapsing window, not (yet) a regular.
    Potential,
    /// Lapsing, and among the top quarter by money.
    CantLose,
    /// Lapsing.
    AtRisk,
    /// Not bought for longer than the lost window.
    Hibernating,
    NeverBought,
}

impl Segment {
    pub const ALL: [Segment; 8] = [
        Segment::Core,
        Segment::Loyal,
        Segment::New,
        Segment::Potential,
        Segment::CantLose,
        Segment::AtRisk,
        Segment::Hibernating,
        Segment::NeverBought,
    ];

    pub fn parse(s: &str) -> Result<Segment> {
        Segment::ALL
            .into_iter()
            .find(|g| serde_json::to_value(g).ok().and_then(|v| v.as_str().map(|v| v == s)).unwrap_or(false))
            .ok_or_else(|| {
                Error::invalid(Field::Kind, Problem::Unknown { value: s.chars().take(40).collect() })
            })
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct SegmentCount {
    pub segment: Segment,
    #[ts(type = "number")]
    pub members: i64,
    /// Of them, who may be sent offers (marketing consent, not withdrawn).
    #[ts(type = "number")]
    pub marketing: i64,
}

/// Every member in scope (who existed by `end`) and their segment at `end`.
pub fn assign(
    conn: &Connection,
    end: DateTime<Utc>,
    community: Option<i64>,
) -> Result<HashMap<i64, Segment>> {
    let t = thresholds(conn)?;
    let year_start = end - Duration::days(365);
    let zone = crate::shop::zone(conn)?;
    // Purchase days counted in the shop's calendar, at its offset at `end`.
    let offset = i64::from(end.with_timezone(&zone).offset().fix().local_minus_utc());
    let year = history::year(conn, year_start, end, offset)?;
    // The top quarter by money among the year's buyers starts at this many fen.
    let mut spent: Vec<i64> = year.iter().map(|y| y.cents).collect();
    spent.sort_unstable();
    let top_quarter = spent.get((spent.len() * 3) / 4).copied();
    let end_s = end.timestamp();
    let days_ago = |at: i64| (end_s - at).div_euclid(DAY);
    let mut out = HashMap::new();
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT m.id FROM member m WHERE m.created_at < ?1 AND {IN_SCOPE} AND {LIVE}"
    ))?;
    for id in stmt.query_map(params![end, rusqlite::types::Null, community], |r| r.get::<_, i64>(0))? {
        let id = id?;
        let (last, first_known, regular, top) = match year.get(id) {
            Some(y) => (y.last, y.first, y.days >= t.regular_days, top_quarter.is_some_and(|q| y.cents >= q)),
            None => match history::latest_before(conn, id, year_start)? {
                Some(last) => (last, last, false, false),
                None => {
                    out.insert(id, Segment::NeverBought);
                    continue;
                }
            },
        };
        let r = days_ago(last);
        let segment = if r <= t.recent_days && regular {
            Segment::Core
        } else if r <= t.lapsing_days && regular {
            Segment::Loyal
        // New only when nothing came before the year's first purchase (asked
        // only when that one is itself recent enough).
        } else if days_ago(first_known) <= t.recent_days
            && history::first(conn, id)?.is_some_and(|first| days_ago(first) <= t.recent_days)
        {
            Segment::New
        } else if r <= t.lapsing_days {
            Segment::Potential
        } else if top {
            Segment::CantLose
        } else if r <= t.lost_days {
            Segment::AtRisk
        } else {
            Segment::Hibernating
        };
        out.insert(id, segment);
    }
    Ok(out)
}

/// How many members are in each segment at `end`, every segment listed.
pub fn counts(conn: &Connection, end: DateTime<Utc>, community: Option<i64>) -> Result<Vec<SegmentCount>> {
    let segments = assign(conn, end, community)?;
    let marketing: std::collections::HashSet<i64> = conn
        .prepare_cached("SELECT member_id FROM consent WHERE purpose = 'marketing' AND withdrawn_at IS NULL")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(Segment::ALL
        .into_iter()
        .map(|segment| {
            let ids = segments.iter().filter(|(_, s)| **s == segment);
            let (members, marketing) =
                ids.fold((0, 0), |(n, k), (id, _)| (n + 1, k + i64::from(marketing.contains(id))));
            SegmentCount { segment, members, marketing }
        })
        .collect())
}
