//! A member joining another community (through a channel, added by a staff
//! account) and leaving one. Leaving is recorded, never deleted: the
//! dashboard counts who left and when.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};

use super::{exists, get, join_is_known, JoinInput, Member};
use crate::{Error, Field, Problem, Result};

/// Adds the member to a community; refused while they are in it already.
pub fn join(conn: &mut Connection, member_id: i64, j: &JoinInput, now: DateTime<Utc>) -> Result<Member> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    exists(&tx, member_id)?;
    join_is_known(&tx, j)?;
    let already: bool = tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM membership WHERE member_id = ?1 AND community_id = ?2 AND left_at IS NULL)",
        params![member_id, j.community_id],
        |r| r.get(0),
    )?;
    if already {
        return Err(Error::invalid(Field::Community, Problem::Duplicate));
    }
    tx.execute(
        "INSERT INTO membership (member_id, community_id, channel_id, staff_id, joined_at) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![member_id, j.community_id, j.channel_id, j.staff_id, now],
    )?;
    tx.execute("UPDATE member SET updated_at = ?1 WHERE id = ?2", params![now, member_id])?;
    tx.commit()?;
    get(conn, member_id)
}

/// Records that the member left the community of this membership.
pub fn leave(conn: &mut Connection, membership_id: i64, now: DateTime<Utc>) -> Result<Member> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let found: Option<(i64, Option<String>)> = tx
        .query_row("SELECT member_id, left_at FROM membership WHERE id = ?1", [membership_id], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .optional()?;
    let Some((member_id, left)) = found else {
        return Err(Error::NotFound { what: "membership", id: membership_id });
    };
    if left.is_none() {
        tx.execute("UPDATE membership SET left_at = ?1 WHERE id = ?2", params![now, membership_id])?;
        tx.execute("UPDATE member SET updated_at = ?1 WHERE id = ?2", params![now, member_id])?;
    }
    tx.commit()?;
    get(conn, member_id)
}
