//! Creating, changing, archiving and restoring communities. Each write that
//! touches more than one row is one transaction.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, Transaction};

use super::model::{validate, Community, CommunityInput, Valid};
use super::read;
use crate::{Error, Result};

pub fn create(conn: &mut Connection, input: &CommunityInput, now: DateTime<Utc>) -> Result<Community> {
    let v = validate(input)?;
    let tx = conn.transaction()?;
    let id = insert(&tx, &v, now)?;
    tx.commit()?;
    read::get(conn, id)
}

/// Inserts a checked community inside the caller's transaction.
pub(crate) fn insert(tx: &Transaction, v: &Valid, now: DateTime<Utc>) -> Result<i64> {
    tx.execute(
        "INSERT INTO community (name, kind, stage, platform, purpose, goal, capacity, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
        params![
            v.name,
            v.kind.as_str(),
            v.stage.as_str(),
            v.platform.as_str(),
            v.purpose,
            v.goal,
            v.capacity,
            now
        ],
    )?;
    let id = tx.last_insert_rowid();
    replace_rules(tx, id, &v.rules)?;
    Ok(id)
}

pub fn update(
    conn: &mut Connection,
    id: i64,
    input: &CommunityInput,
    now: DateTime<Utc>,
) -> Result<Community> {
    let v = validate(input)?;
    let tx = conn.transaction()?;
    ensure_active(&tx, id)?;
    tx.execute(
        "UPDATE community SET name = ?1, kind = ?2, stage = ?3, platform = ?4, purpose = ?5, goal = ?6,
             capacity = ?7, updated_at = ?8 WHERE id = ?9",
        params![
            v.name,
            v.kind.as_str(),
            v.stage.as_str(),
            v.platform.as_str(),
            v.purpose,
            v.goal,
            v.capacity,
            now,
            id
        ],
    )?;
    replace_rules(&tx, id, &v.rules)?;
    tx.commit()?;
    read::get(conn, id)
}

/// Archiving hides a community from the working lists; nothing of it is deleted.
pub fn archive(conn: &Connection, id: i64, now: DateTime<Utc>) -> Result<Community> {
    read::get(conn, id)?;
    conn.execute(
        "UPDATE community SET archived_at = ?1, updated_at = ?1 WHERE id = ?2 AND archived_at IS NULL",
        params![now, id],
    )?;
    read::get(conn, id)
}

pub fn restore(conn: &Connection, id: i64, now: DateTime<Utc>) -> Result<Community> {
    read::get(conn, id)?;
    conn.execute("UPDATE community SET archived_at = NULL, updated_at = ?1 WHERE id = ?2", params![now, id])?;
    read::get(conn, id)
}

/// `NotFound` or `Archived` unless the community exists and is active.
pub(crate) fn ensure_active(conn: &Connection, id: i64) -> Result<()> {
    let archived: Option<Option<String>> = conn
        .query_row("SELECT archived_at FROM community WHERE id = ?1", [id], |r| r.get(0))
        .map(Some)
        .or_else(|e| match e {
            rusqlite::Error::QueryReturnedNoRows => Ok(None),
            e => Err(e),
        })?;
    match archived {
        None => Err(Error::NotFound { what: "community", id }),
        Some(Some(_)) => Err(Error::Archived),
        Some(None) => Ok(()),
    }
}

fn replace_rules(tx: &Transaction, id: i64, rules: &[String]) -> Result<()> {
    tx.execute("DELETE FROM community_rule WHERE community_id = ?1", [id])?;
    let mut stmt =
        tx.prepare_cached("INSERT INTO community_rule (community_id, position, text) VALUES (?1, ?2, ?3)")?;
    for (position, text) in rules.iter().enumerate() {
        stmt.execute(params![id, position as i64, text])?;
    }
    Ok(())
}
