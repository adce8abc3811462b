//! Reading communities.

use rusqlite::{params, Connection, Row};

use super::model::{Community, Kind, Platform, Stage};
use crate::{Error, Result};

const COLUMNS: &str = "c.id, c.name, c.kind, c.stage, c.platform, c.purpose, c.goal, c.capacity,
     c.archived_at, c.created_at, c.updated_at,
     (SELECT m.count FROM member_count m WHERE m.community_id = c.id
      ORDER BY m.recorded_on DESC LIMIT 1) AS members";

fn from_row(r: &Row) -> rusqlite::Result<Community> {
    // The CHECK constraints keep these columns to known values; a stray one
    // (a hand-edited file) reads as a conversion error rather than a panic.
    let bad = |i: usize, e: Error| {
        rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, Box::new(e))
    };
    Ok(Community {
        id: r.get("id")?,
        name: r.get("name")?,
        kind: Kind::parse(&r.get::<_, String>("kind")?).map_err(|e| bad(2, e))?,
        stage: Stage::parse(&r.get::<_, String>("stage")?).map_err(|e| bad(3, e))?,
        platform: Platform::parse(&r.get::<_, String>("platform")?).map_err(|e| bad(4, e))?,
        purpose: r.get("purpose")?,
        goal: r.get("goal")?,
        capacity: r.get("capacity")?,
        rules: Vec::new(),
        archived_at: r.get("archived_at")?,
        created_at: r.get("created_at")?,
        updated_at: r.get("updated_at")?,
        members: r.get("members")?,
    })
}

fn rules_of(conn: &Connection, id: i64) -> Result<Vec<String>> {
    let mut stmt =
        conn.prepare_cached("SELECT text FROM community_rule WHERE community_id = ?1 ORDER BY position")?;
    let rules = stmt.query_map([id], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
    Ok(rules)
}

pub fn get(conn: &Connection, id: i64) -> Result<Community> {
    let sql = format!("SELECT {COLUMNS} FROM community c WHERE c.id = ?1");
    let mut community = conn.query_row(&sql, params![id], from_row).map_err(|e| match e {
        rusqlite::Error::QueryReturnedNoRows => Error::NotFound { what: "community", id },
        e => e.into(),
    })?;
    community.rules = rules_of(conn, id)?;
    Ok(community)
}

/// Active communities by name; archived ones too when asked.
pub fn list(conn: &Connection, include_archived: bool) -> Result<Vec<Community>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM community c WHERE (?1 OR c.archived_at IS NULL)
         ORDER BY c.archived_at IS NOT NULL, c.name COLLATE NOCASE, c.id"
    );
    let mut stmt = conn.prepare(&sql)?;
    let mut all: Vec<Community> =
        stmt.query_map([include_archived], from_row)?.collect::<rusqlite::Result<_>>()?;
    for c in &mut all {
        c.rules = rules_of(conn, c.id)?;
    }
    Ok(all)
}
