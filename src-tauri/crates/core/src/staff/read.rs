//! Reading the staff account matrix.

use rusqlite::{Connection, Row};

use super::model::{missing_brand, Role, Staff};
use crate::{Error, Result};

const COLUMNS: &str = "id, display_name, role, account_id, note, archived_at, created_at, updated_at";

fn from_row(r: &Row) -> rusqlite::Result<Staff> {
    let role: String = r.get("role")?;
    Ok(Staff {
        id: r.get("id")?,
        display_name: r.get("display_name")?,
        role: Role::parse(&role).map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(2, rusqlite::types::Type::Text, Box::new(e))
        })?,
        account_id: r.get("account_id")?,
        note: r.get("note")?,
        archived_at: r.get("archived_at")?,
        created_at: r.get("created_at")?,
        updated_at: r.get("updated_at")?,
        community_ids: Vec::new(),
        missing_brand: false,
    })
}

fn complete(conn: &Connection, mut s: Staff, brand: &str) -> Result<Staff> {
    let mut stmt = conn.prepare_cached(
        "SELECT community_id FROM staff_community WHERE staff_id = ?1 ORDER BY community_id",
    )?;
    s.community_ids = stmt.query_map([s.id], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
    s.missing_brand = missing_brand(&s.display_name, brand);
    Ok(s)
}

fn brand(conn: &Connection) -> Result<String> {
    Ok(crate::shop::get(conn)?.map(|s| s.brand).unwrap_or_default())
}

pub fn get(conn: &Connection, id: i64) -> Result<Staff> {
    let sql = format!("SELECT {COLUMNS} FROM staff WHERE id = ?1");
    let s = conn.query_row(&sql, [id], from_row).map_err(|e| match e {
        rusqlite::Error::QueryReturnedNoRows => Error::NotFound { what: "staff", id },
        e => e.into(),
    })?;
    complete(conn, s, &brand(conn)?)
}

/// Active accounts, managers first; archived ones too when asked.
pub fn list(conn: &Connection, include_archived: bool) -> Result<Vec<Staff>> {
    let brand = brand(conn)?;
    let sql = format!(
        "SELECT {COLUMNS} FROM staff WHERE (?1 OR archived_at IS NULL)
         ORDER BY archived_at IS NOT NULL, role = 'clerk', display_name COLLATE NOCASE, id"
    );
    let mut stmt = conn.prepare(&sql)?;
    let rows: Vec<Staff> = stmt.query_map([include_archived], from_row)?.collect::<rusqlite::Result<_>>()?;
    rows.into_iter().map(|s| complete(conn, s, &brand)).collect()
}
