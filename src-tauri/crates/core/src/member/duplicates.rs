//! Probable duplicates, listed for the owner to judge and never merged
//! silently: the same name and WeChat nickname, the same nickname alone, or
//! the same name where one record has no phone (added at the counter, then
//! imported with one). Two records with one phone cannot exist: a phone is
//! one member's.

use std::collections::{BTreeSet, HashMap};

use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

use super::LIVE;
use crate::{phone, Result};

/// The most pairs listed at once.
pub const DUPLICATES_MAX: usize = 200;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum DuplicateReason {
    SameNameAndNickname,
    SameNickname,
    SameNameOneWithoutPhone,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct DuplicateSide {
    #[ts(type = "number")]
    pub id: i64,
    pub display_name: String,
    pub phone_masked: Option<String>,
    pub wechat_nickname: String,
    pub created_at: String,
}

/// Two records that may be one person; `a` is the older.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct DuplicatePair {
    pub a: DuplicateSide,
    pub b: DuplicateSide,
    pub reason: DuplicateReason,
}

/// Names compared as a person reads them: case and surrounding spaces aside.
fn key(s: &str) -> String {
    s.trim().to_lowercase()
}

pub fn duplicates(conn: &Connection) -> Result<Vec<DuplicatePair>> {
    let members: Vec<(DuplicateSide, bool)> = conn
        .prepare_cached(&format!(
            "SELECT m.id, m.display_name, m.phone, m.wechat_nickname, m.created_at FROM member m WHERE {LIVE}
             ORDER BY m.created_at, m.id"
        ))?
        .query_map([], |r| {
            let phone: Option<String> = r.get(2)?;
            Ok((
                DuplicateSide {
                    id: r.get(0)?,
                    display_name: r.get(1)?,
                    phone_masked: phone.as_deref().map(phone::masked),
                    wechat_nickname: r.get(3)?,
                    created_at: r.get(4)?,
                },
                phone.is_some(),
            ))
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut by_name: HashMap<String, Vec<usize>> = HashMap::new();
    let mut by_nickname: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, (m, _)) in members.iter().enumerate() {
        by_name.entry(key(&m.display_name)).or_default().push(i);
        if !m.wechat_nickname.trim().is_empty() {
            by_nickname.entry(key(&m.wechat_nickname)).or_default().push(i);
        }
    }
    // (older, newer) → the strongest reason found.
    let mut pairs: HashMap<(usize, usize), DuplicateReason> = HashMap::new();
    let mut note = |i: usize, j: usize, reason: DuplicateReason| {
        let e = pairs.entry((i.min(j), i.max(j))).or_insert(reason);
        *e = (*e).min(reason);
    };
    for group in by_nickname.values().filter(|g| g.len() > 1) {
        for (x, &i) in group.iter().enumerate() {
            for &j in &group[x + 1..] {
                let same_name = key(&members[i].0.display_name) == key(&members[j].0.display_name);
                note(
                    i,
                    j,
                    if same_name {
                        DuplicateReason::SameNameAndNickname
                    } else {
                        DuplicateReason::SameNickname
                    },
                );
            }
        }
    }
    for group in by_name.values().filter(|g| g.len() > 1) {
        for (x, &i) in group.iter().enumerate() {
            for &j in &group[x + 1..] {
                if !members[i].1 || !members[j].1 {
                    note(i, j, DuplicateReason::SameNameOneWithoutPhone);
                }
            }
        }
    }
    let ordered: BTreeSet<(DuplicateReason, usize, usize)> =
        pairs.into_iter().map(|((i, j), r)| (r, i, j)).collect();
    Ok(ordered
        .into_iter()
        .take(DUPLICATES_MAX)
        .map(|(reason, i, j)| DuplicatePair { a: members[i].0.clone(), b: members[j].0.clone(), reason })
        .collect())
}
