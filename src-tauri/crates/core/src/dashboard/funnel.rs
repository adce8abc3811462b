//! The funnel of the members who joined in the period (their first
//! membership in scope) and how far each went: bought within 90 days of
//! joining, bought again, referred someone. Three grouped queries, whatever
//! the number of members.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Duration, Utc};
use rusqlite::{params, Connection};
use serde::Serialize;
use ts_rs::TS;

use super::{percent, Span, FIRST_PURCHASE_DAYS};
use crate::Result;

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

const JOINED: &str = "SELECT member_id, min(joined_at) AS at FROM membership
     WHERE (?3 IS NULL OR community_id = ?3) GROUP BY member_id
     HAVING min(joined_at) >= ?1 AND min(joined_at) < ?2";

pub(super) fn funnel(conn: &Connection, s: &Span, community: Option<i64>) -> Result<Vec<FunnelStep>> {
    let joined: HashMap<i64, DateTime<Utc>> = conn
        .prepare_cached(JOINED)?
        .query_map(params![s.start, s.end, community], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    // Their purchases since joining: how many, and whether one came in time.
    let mut since: HashMap<i64, (i64, bool)> = HashMap::new();
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT p.member_id, p.occurred_at FROM ({JOINED}) j
         JOIN purchase p ON p.member_id = j.member_id AND p.occurred_at >= j.at"
    ))?;
    for row in stmt.query_map(params![s.start, s.end, community], |r| {
        Ok((r.get::<_, i64>(0)?, r.get::<_, DateTime<Utc>>(1)?))
    })? {
        let (member, at) = row?;
        let joined_at = joined[&member];
        let entry = since.entry(member).or_default();
        entry.0 += 1;
        entry.1 |= at < joined_at + Duration::days(FIRST_PURCHASE_DAYS);
    }
    let referrers: HashSet<i64> = conn
        .prepare_cached(&format!(
            "SELECT DISTINCT r.referred_by FROM member r JOIN ({JOINED}) j ON j.member_id = r.referred_by"
        ))?
        .query_map(params![s.start, s.end, community], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let bought: Vec<(&i64, &(i64, bool))> = since.iter().filter(|(_, (_, in_time))| *in_time).collect();
    let again: Vec<i64> = bought.iter().filter(|(_, (n, _))| *n >= 2).map(|(m, _)| **m).collect();
    let counts = [
        ("joined", joined.len() as i64),
        ("bought", bought.len() as i64),
        ("bought_again", again.len() as i64),
        ("referred", again.iter().filter(|m| referrers.contains(m)).count() as i64),
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
