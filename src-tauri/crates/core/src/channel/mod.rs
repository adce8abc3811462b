//! Drainage channels of a community.

mod model;

pub use model::{Channel, ChannelInput, ChannelKind, NAME_MAX};

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::community::write::ensure_active;
use crate::qr_source::{self, QrSource, QrSourceInput};
use crate::{Error, Field, Problem, Result};

const COLUMNS: &str = "id, community_id, kind, name, archived_at, created_at";

fn from_row(r: &Row) -> rusqlite::Result<Channel> {
    let kind: String = r.get("kind")?;
    Ok(Channel {
        id: r.get("id")?,
        community_id: r.get("community_id")?,
        kind: ChannelKind::parse(&kind).map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(2, rusqlite::types::Type::Text, Box::new(e))
        })?,
        name: r.get("name")?,
        qr: None,
        archived_at: r.get("archived_at")?,
        created_at: r.get("created_at")?,
    })
}

fn with_qr(conn: &Connection, mut c: Channel) -> Result<Channel> {
    c.qr = qr_source::current(conn, c.id)?;
    Ok(c)
}

/// Adds a channel; names are unique within a community (they name it in the CLI).
pub fn create(
    conn: &Connection,
    community_id: i64,
    input: &ChannelInput,
    now: DateTime<Utc>,
) -> Result<Channel> {
    let (kind, name) = model::validate(input)?;
    ensure_active(conn, community_id)?;
    if find_by_name(conn, community_id, &name)?.is_some() {
        return Err(Error::invalid(Field::Name, Problem::Duplicate));
    }
    conn.execute(
        "INSERT INTO channel (community_id, kind, name, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?4)",
        params![community_id, kind.as_str(), name, now],
    )?;
    get(conn, conn.last_insert_rowid())
}

pub fn get(conn: &Connection, id: i64) -> Result<Channel> {
    let sql = format!("SELECT {COLUMNS} FROM channel WHERE id = ?1");
    let c = conn.query_row(&sql, [id], from_row).map_err(|e| match e {
        rusqlite::Error::QueryReturnedNoRows => Error::NotFound { what: "channel", id },
        e => e.into(),
    })?;
    with_qr(conn, c)
}

pub fn find_by_name(conn: &Connection, community_id: i64, name: &str) -> Result<Option<Channel>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM channel WHERE community_id = ?1 AND name = ?2 COLLATE NOCASE AND archived_at IS NULL"
    );
    let c = conn.query_row(&sql, params![community_id, name.trim()], from_row).optional()?;
    c.map(|c| with_qr(conn, c)).transpose()
}

/// A community's active channels, in the order they were added.
pub fn list(conn: &Connection, community_id: i64) -> Result<Vec<Channel>> {
    crate::community::read::get(conn, community_id)?;
    let sql =
        format!("SELECT {COLUMNS} FROM channel WHERE community_id = ?1 AND archived_at IS NULL ORDER BY id");
    let mut stmt = conn.prepare(&sql)?;
    let rows: Vec<Channel> = stmt.query_map([community_id], from_row)?.collect::<rusqlite::Result<_>>()?;
    rows.into_iter().map(|c| with_qr(conn, c)).collect()
}

/// Makes `input` the code of the community's channel called `name`, creating
/// that channel when there is none (a name that is a channel kind, such as
/// "counter", gives the kind). One transaction: a refused code leaves no new
/// channel behind (issue 11).
pub fn set_code_on_named(
    conn: &mut Connection,
    community_id: i64,
    name: &str,
    input: QrSourceInput,
    now: DateTime<Utc>,
) -> Result<(Channel, QrSource)> {
    // IMMEDIATE: it reads before it writes (see `qr_source::set`).
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    let channel_id = match find_by_name(&tx, community_id, name)? {
        Some(ch) => ch.id,
        None => {
            let kind = ChannelKind::parse(name).unwrap_or(ChannelKind::Custom);
            let input = ChannelInput { kind: kind.as_str().into(), name: name.into() };
            create(&tx, community_id, &input, now)?.id
        }
    };
    let id = qr_source::insert(&tx, channel_id, input, now)?;
    tx.commit()?;
    Ok((get(conn, channel_id)?, qr_source::get(conn, id)?))
}

#[cfg(test)]
mod tests;
