//! Adding, changing and archiving staff accounts and what they run.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, Transaction};

use super::model::{validate, Staff, StaffInput, Valid};
use super::read;
use crate::{Error, Field, Problem, Result};

pub fn create(conn: &mut Connection, input: &StaffInput, now: DateTime<Utc>) -> Result<Staff> {
    let v = validate(input)?;
    let tx = conn.transaction()?;
    let id = insert(&tx, &v, now)?;
    tx.commit()?;
    read::get(conn, id)
}

pub(crate) fn insert(tx: &Transaction, v: &Valid, now: DateTime<Utc>) -> Result<i64> {
    tx.execute(
        "INSERT INTO staff (display_name, role, account_id, note, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
        params![v.display_name, v.role.as_str(), v.account_id, v.note, now],
    )?;
    let id = tx.last_insert_rowid();
    assign(tx, id, &v.community_ids)?;
    Ok(id)
}

pub fn update(conn: &mut Connection, id: i64, input: &StaffInput, now: DateTime<Utc>) -> Result<Staff> {
    let v = validate(input)?;
    let tx = conn.transaction()?;
    let changed = tx.execute(
        "UPDATE staff SET display_name = ?1, role = ?2, account_id = ?3, note = ?4, updated_at = ?5
         WHERE id = ?6",
        params![v.display_name, v.role.as_str(), v.account_id, v.note, now, id],
    )?;
    if changed == 0 {
        return Err(Error::NotFound { what: "staff", id });
    }
    assign(&tx, id, &v.community_ids)?;
    tx.commit()?;
    read::get(conn, id)
}

/// An archived account keeps its history; it just leaves the working matrix.
pub fn set_archived(conn: &Connection, id: i64, archived: bool, now: DateTime<Utc>) -> Result<Staff> {
    read::get(conn, id)?;
    let at = archived.then_some(now);
    conn.execute("UPDATE staff SET archived_at = ?1, updated_at = ?2 WHERE id = ?3", params![at, now, id])?;
    read::get(conn, id)
}

fn assign(tx: &Transaction, staff_id: i64, community_ids: &[i64]) -> Result<()> {
    for &cid in community_ids {
        let exists: bool =
            tx.query_row("SELECT EXISTS (SELECT 1 FROM community WHERE id = ?1)", [cid], |r| r.get(0))?;
        if !exists {
            return Err(Error::invalid(Field::Communities, Problem::Unknown { value: cid.to_string() }));
        }
    }
    tx.execute("DELETE FROM staff_community WHERE staff_id = ?1", [staff_id])?;
    let mut stmt =
        tx.prepare_cached("INSERT INTO staff_community (staff_id, community_id) VALUES (?1, ?2)")?;
    for &cid in community_ids {
        stmt.execute([staff_id, cid])?;
    }
    Ok(())
}
