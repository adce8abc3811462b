//! Who is in (the community, or any community) and when: each member's
//! memberships swept into the moments they came in and went out, so a member
//! who joins a second group is not a second join of the shop, and the running
//! total the chart draws is the members actually in on that day.

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{params, Connection};
use serde::Serialize;
use ts_rs::TS;

use super::Span;
use crate::Result;

/// A member coming in (true) or going out (false), and when.
pub(super) type Move = (DateTime<Utc>, bool);

/// Every member's comings and goings in scope, oldest first.
pub(super) fn moves(conn: &Connection, community: Option<i64>) -> Result<Vec<Move>> {
    let mut stmt = conn.prepare_cached(
        "SELECT member_id, joined_at, left_at FROM membership
         WHERE (?1 IS NULL OR community_id = ?1) ORDER BY member_id",
    )?;
    let rows = stmt.query_map(params![community], |r| {
        Ok((r.get::<_, i64>(0)?, r.get::<_, DateTime<Utc>>(1)?, r.get::<_, Option<DateTime<Utc>>>(2)?))
    })?;
    let mut out = Vec::new();
    let mut member = None;
    let mut edges: Vec<(DateTime<Utc>, i32)> = Vec::new();
    for row in rows {
        let (id, joined, left) = row?;
        if member != Some(id) {
            sweep(&mut edges, &mut out);
            member = Some(id);
        }
        edges.push((joined, 1));
        if let Some(left) = left {
            edges.push((left, -1));
        }
    }
    sweep(&mut edges, &mut out);
    out.sort_by_key(|m| m.0);
    Ok(out)
}

/// One member's memberships as in/out moves: in when the first opens, out when the last closes.
fn sweep(edges: &mut Vec<(DateTime<Utc>, i32)>, out: &mut Vec<Move>) {
    // At the same moment a join counts before a leave: moving groups is staying.
    edges.sort_by_key(|&(at, delta)| (at, -delta));
    let mut open = 0;
    for &(at, delta) in edges.iter() {
        let was = open;
        open += delta;
        if was == 0 && open > 0 {
            out.push((at, true));
        } else if was > 0 && open == 0 {
            out.push((at, false));
        }
    }
    edges.clear();
}

/// Joins and leaves in the span.
pub(super) fn counts(moves: &[Move], s: &Span) -> (i64, i64) {
    let within = moves.iter().filter(|(at, _)| *at >= s.start && *at < s.end);
    within.fold((0, 0), |(j, l), (_, came)| if *came { (j + 1, l) } else { (j, l + 1) })
}

/// One day of the members-over-time chart.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct DayPoint {
    /// "YYYY-MM-DD" in the shop's zone.
    pub day: String,
    #[ts(type = "number")]
    pub joined: i64,
    #[ts(type = "number")]
    pub left: i64,
    /// Members in at the end of the day.
    #[ts(type = "number")]
    pub total: i64,
}

/// Each day of the span: joins and leaves as bars, the running total as a line.
pub(super) fn series(moves: &[Move], s: &Span, days: &[NaiveDate], zone: chrono_tz::Tz) -> Vec<DayPoint> {
    let mut total: i64 =
        moves.iter().filter(|(at, _)| *at < s.start).map(|(_, came)| if *came { 1 } else { -1 }).sum();
    let mut points: Vec<DayPoint> =
        days.iter().map(|d| DayPoint { day: d.to_string(), joined: 0, left: 0, total: 0 }).collect();
    let first = days[0];
    for (at, came) in moves.iter().filter(|(at, _)| *at >= s.start && *at < s.end) {
        let i = (at.with_timezone(&zone).date_naive() - first).num_days();
        if let Some(p) = usize::try_from(i).ok().and_then(|i| points.get_mut(i)) {
            if *came {
                p.joined += 1;
            } else {
                p.left += 1;
            }
        }
    }
    for p in &mut points {
        total += p.joined - p.left;
        p.total = total;
    }
    points
}
