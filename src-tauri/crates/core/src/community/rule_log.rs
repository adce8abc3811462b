//! Group rules in action: a warning given or a member removed, for which of
//! the community's rules, by which staff account, with a note. A member with
//! two warnings in a community is flagged; a removal ends their membership
//! there in the same transaction.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension, Transaction, TransactionBehavior};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::validate::{optional_lines, required, unknown};
use crate::{Error, Field, Result};

/// Warnings in one community from which a member is flagged.
pub const FLAG_AT: i64 = 2;
pub const NOTE_MAX: usize = 200;
pub const RULE_MAX: usize = 200;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum RuleAction {
    Warning,
    Removal,
}

#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct RuleEventInput {
    #[ts(type = "number")]
    pub member_id: i64,
    pub kind: RuleAction,
    /// The rule, as the community states it.
    pub rule: String,
    #[ts(type = "number | null", optional)]
    pub staff_id: Option<i64>,
    #[serde(default)]
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct RuleEvent {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub member_id: i64,
    pub member_name: String,
    pub kind: RuleAction,
    pub rule: String,
    pub staff_name: Option<String>,
    pub note: String,
    pub at: String,
    /// The member's warnings in this community so far: flagged from two.
    #[ts(type = "number")]
    pub warnings: i64,
    pub flagged: bool,
}

pub fn record(
    conn: &mut Connection,
    community_id: i64,
    input: &RuleEventInput,
    now: DateTime<Utc>,
) -> Result<RuleEvent> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let id = record_in(&tx, community_id, input, now)?;
    tx.commit()?;
    list(conn, community_id)?
        .into_iter()
        .find(|e| e.id == id)
        .ok_or(Error::NotFound { what: "rule event", id })
}

/// `record` inside the caller's transaction; the event's id.
pub(crate) fn record_in(
    tx: &Transaction,
    community_id: i64,
    input: &RuleEventInput,
    now: DateTime<Utc>,
) -> Result<i64> {
    let rule = required(Field::Rule, &input.rule, RULE_MAX)?;
    let note = optional_lines(Field::Note, &input.note, NOTE_MAX)?;
    super::write::ensure_active(tx, community_id)?;
    crate::member::exists(tx, input.member_id).map_err(|e| match e {
        Error::NotFound { .. } => unknown(Field::Member, &input.member_id.to_string()),
        other => other,
    })?;
    if let Some(s) = input.staff_id {
        let known: bool =
            tx.query_row("SELECT EXISTS (SELECT 1 FROM staff WHERE id = ?1)", [s], |r| r.get(0))?;
        if !known {
            return Err(unknown(Field::Staff, &s.to_string()));
        }
    }
    let kind = match input.kind {
        RuleAction::Warning => "warning",
        RuleAction::Removal => "removal",
    };
    tx.execute(
        "INSERT INTO rule_event (community_id, member_id, kind, rule, staff_id, note, at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![community_id, input.member_id, kind, rule, input.staff_id, note, now],
    )?;
    let id = tx.last_insert_rowid();
    if input.kind == RuleAction::Removal {
        tx.execute(
            "UPDATE membership SET left_at = ?1 WHERE member_id = ?2 AND community_id = ?3 AND left_at IS NULL",
            params![now, input.member_id, community_id],
        )?;
    }
    Ok(id)
}

/// The community's warnings and removals, newest first.
pub fn list(conn: &Connection, community_id: i64) -> Result<Vec<RuleEvent>> {
    Ok(conn
        .prepare_cached(
            "SELECT e.id, e.member_id, m.display_name, e.kind, e.rule, s.display_name, e.note, e.at,
                    (SELECT count(*) FROM rule_event w WHERE w.community_id = e.community_id
                       AND w.member_id = e.member_id AND w.kind = 'warning')
             FROM rule_event e JOIN member m ON m.id = e.member_id LEFT JOIN staff s ON s.id = e.staff_id
             WHERE e.community_id = ?1 ORDER BY e.at DESC, e.id DESC LIMIT 500",
        )?
        .query_map([community_id], |r| {
            let warnings: i64 = r.get(8)?;
            Ok(RuleEvent {
                id: r.get(0)?,
                member_id: r.get(1)?,
                member_name: r.get(2)?,
                kind: if r.get::<_, String>(3)? == "removal" {
                    RuleAction::Removal
                } else {
                    RuleAction::Warning
                },
                rule: r.get(4)?,
                staff_name: r.get(5)?,
                note: r.get(6)?,
                at: r.get(7)?,
                warnings,
                flagged: warnings >= FLAG_AT,
            })
        })?
        .collect::<rusqlite::Result<_>>()?)
}

/// Whether any warning or removal was recorded in the community since `since`.
pub fn enforced_since(conn: &Connection, community_id: i64, since: DateTime<Utc>) -> Result<bool> {
    Ok(conn
        .query_row(
            "SELECT 1 FROM rule_event WHERE community_id = ?1 AND at >= ?2 LIMIT 1",
            params![community_id, since],
            |r| r.get::<_, i64>(0),
        )
        .optional()?
        .is_some())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::member::{self, ConsentInput, JoinInput, MemberInput};
    use crate::testing::now;

    #[test]
    fn two_warnings_flag_a_member_and_a_removal_ends_their_membership() {
        let (mut conn, _) = crate::schedule::tests::shop_with_group();
        let rules = crate::community::CommunityInput {
            rules: Some(vec!["不发广告".into(), "不刷屏".into(), "友善交流".into()]),
            ..crate::community::CommunityInput::new("规矩群", crate::community::Kind::HighFrequency)
        };
        let group = crate::community::write::create(&mut conn, &rules, now()).unwrap().id;
        let input = MemberInput {
            join: Some(JoinInput { community_id: group, channel_id: None, staff_id: None }),
            ..MemberInput::new("刷屏哥", ConsentInput::verbal(false))
        };
        let m = member::create(&mut conn, &input, now()).unwrap().id;
        let warn = RuleEventInput {
            member_id: m,
            kind: RuleAction::Warning,
            rule: "不发广告".into(),
            staff_id: None,
            note: "发了微商广告".into(),
        };
        let first = record(&mut conn, group, &warn, now()).unwrap();
        assert!(!first.flagged);
        let second = record(&mut conn, group, &warn, now() + chrono::Duration::hours(1)).unwrap();
        assert_eq!((second.warnings, second.flagged), (2, true));
        let health = crate::health::check(&conn, group, now()).unwrap();
        assert!(
            health.items.iter().any(|i| i.finding == crate::health::Finding::RulesEnforced),
            "{health:?}"
        );

        let out = RuleEventInput { kind: RuleAction::Removal, note: String::new(), ..warn };
        record(&mut conn, group, &out, now() + chrono::Duration::hours(2)).unwrap();
        assert!(member::get(&conn, m).unwrap().memberships[0].left_at.is_some());
        let log = list(&conn, group).unwrap();
        assert_eq!(
            log.iter().map(|e| e.kind).collect::<Vec<_>>(),
            [RuleAction::Removal, RuleAction::Warning, RuleAction::Warning]
        );

        let nobody = RuleEventInput {
            member_id: 999,
            kind: RuleAction::Warning,
            rule: "x".into(),
            staff_id: None,
            note: String::new(),
        };
        assert_eq!(record(&mut conn, group, &nobody, now()).unwrap_err().field(), Some(Field::Member));
        let long = RuleEventInput {
            member_id: m,
            kind: RuleAction::Warning,
            rule: "长".repeat(300),
            staff_id: None,
            note: String::new(),
        };
        assert_eq!(record(&mut conn, group, &long, now()).unwrap_err().field(), Some(Field::Rule));
        assert_eq!(list(&conn, group).unwrap().len(), 3, "nothing written by a refusal");
    }
}
