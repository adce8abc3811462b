//! The QR code a channel carries: an imported WeChat group code (expires 7 days
//! after it was made), a staff member's contact code (never expires), or a link
//! the owner typed. Setting a new one keeps the old row, marked replaced.

use chrono::{DateTime, Duration, Utc};
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};
use serde::{Deserialize, Serialize};

use crate::validate::{required_lines, unknown};
use crate::{Error, Field, Problem, Result};

/// A WeChat group's own QR code stops admitting 7 days after it is made.
pub const GROUP_QR_LIFETIME_DAYS: i64 = 7;
/// The most bytes a printable QR code (version 40, level M) holds.
pub const PAYLOAD_MAX_BYTES: usize = 2331;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum QrKind {
    GroupQr,
    StaffQr,
    Link,
}

impl QrKind {
    pub fn as_str(self) -> &'static str {
        match self {
            QrKind::GroupQr => "group_qr",
            QrKind::StaffQr => "staff_qr",
            QrKind::Link => "link",
        }
    }

    pub fn parse(s: &str) -> Result<QrKind> {
        match s.trim().replace('-', "_").as_str() {
            "group_qr" | "group" => Ok(QrKind::GroupQr),
            "staff_qr" | "staff" => Ok(QrKind::StaffQr),
            "link" => Ok(QrKind::Link),
            _ => Err(unknown(Field::QrKind, s)),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct QrSource {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub channel_id: i64,
    pub kind: QrKind,
    pub payload: String,
    #[ts(type = "number | null")]
    pub staff_id: Option<i64>,
    pub has_image: bool,
    pub made_at: Option<DateTime<Utc>>,
    pub expires_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

/// A new code for a channel. `payload` is what the image decoded to (the print
/// crate reads it) or the typed link; `image` is the screenshot itself.
#[derive(Debug, Clone)]
pub struct QrSourceInput {
    pub kind: QrKind,
    pub payload: String,
    pub staff_id: Option<i64>,
    pub image: Option<Vec<u8>>,
    /// When WeChat made a group code; `now` if not given.
    pub made_at: Option<DateTime<Utc>>,
}

const COLUMNS: &str =
    "id, channel_id, kind, payload, staff_id, image IS NOT NULL AS has_image, made_at, expires_at, created_at";

fn from_row(r: &Row) -> rusqlite::Result<QrSource> {
    let kind: String = r.get("kind")?;
    Ok(QrSource {
        id: r.get("id")?,
        channel_id: r.get("channel_id")?,
        kind: QrKind::parse(&kind).map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(2, rusqlite::types::Type::Text, Box::new(e))
        })?,
        payload: r.get("payload")?,
        staff_id: r.get("staff_id")?,
        has_image: r.get("has_image")?,
        made_at: r.get("made_at")?,
        expires_at: r.get("expires_at")?,
        created_at: r.get("created_at")?,
    })
}

/// Makes `input` the channel's code, in one transaction: the old one is marked
/// replaced and the new one inserted, or (on any error) nothing changes.
pub fn set(
    conn: &mut Connection,
    channel_id: i64,
    input: QrSourceInput,
    now: DateTime<Utc>,
) -> Result<QrSource> {
    // IMMEDIATE: it reads before it writes, and a deferred transaction would
    // fail at once (not wait) if another process wrote in between.
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    let id = insert(&tx, channel_id, input, now)?;
    tx.commit()?;
    get(conn, id)
}

/// Checks `input` and inserts it as the channel's code inside the caller's
/// transaction; the id of the new row.
pub(crate) fn insert(
    tx: &Transaction,
    channel_id: i64,
    input: QrSourceInput,
    now: DateTime<Utc>,
) -> Result<i64> {
    let payload = required_lines(Field::Payload, &input.payload, PAYLOAD_MAX_BYTES)?;
    if payload.len() > PAYLOAD_MAX_BYTES {
        return Err(Error::invalid(Field::Payload, Problem::TooLong { max: PAYLOAD_MAX_BYTES }));
    }
    let (made_at, expires_at) = match input.kind {
        QrKind::GroupQr => {
            let made = input.made_at.unwrap_or(now);
            if made > now + Duration::minutes(5) {
                return Err(Error::invalid(Field::MadeAt, Problem::InFuture));
            }
            (Some(made), Some(made + Duration::days(GROUP_QR_LIFETIME_DAYS)))
        }
        QrKind::StaffQr | QrKind::Link => (None, None),
    };
    if input.kind == QrKind::StaffQr && input.staff_id.is_none() {
        return Err(Error::invalid(Field::Staff, Problem::Empty));
    }
    // Checked here rather than through `channel` (which shows each channel's
    // code, and so sits above this module).
    let channel_exists: bool =
        tx.query_row("SELECT EXISTS (SELECT 1 FROM channel WHERE id = ?1)", [channel_id], |r| r.get(0))?;
    if !channel_exists {
        return Err(Error::NotFound { what: "channel", id: channel_id });
    }
    if let Some(staff_id) = input.staff_id {
        crate::staff::read::get(tx, staff_id)
            .map_err(|_| Error::invalid(Field::Staff, Problem::Unknown { value: staff_id.to_string() }))?;
    }
    tx.execute(
        "UPDATE qr_source SET replaced_at = ?1 WHERE channel_id = ?2 AND replaced_at IS NULL",
        params![now, channel_id],
    )?;
    tx.execute(
        "INSERT INTO qr_source (channel_id, kind, payload, staff_id, image, made_at, expires_at, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            channel_id,
            input.kind.as_str(),
            payload,
            input.staff_id,
            input.image,
            made_at,
            expires_at,
            now
        ],
    )?;
    Ok(tx.last_insert_rowid())
}

/// The owner corrects when a group code was made; its expiry follows.
pub fn correct_made_at(
    conn: &Connection,
    id: i64,
    made_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<QrSource> {
    let qr = get(conn, id)?;
    if qr.kind != QrKind::GroupQr {
        return Err(Error::invalid(Field::MadeAt, Problem::Unknown { value: qr.kind.as_str().into() }));
    }
    if made_at > now + Duration::minutes(5) {
        return Err(Error::invalid(Field::MadeAt, Problem::InFuture));
    }
    conn.execute(
        "UPDATE qr_source SET made_at = ?1, expires_at = ?2 WHERE id = ?3",
        params![made_at, made_at + Duration::days(GROUP_QR_LIFETIME_DAYS), id],
    )?;
    get(conn, id)
}

/// The same, with the day as the owner typed it (YYYY-MM-DD, the shop's calendar).
pub fn correct_made_on(conn: &Connection, id: i64, made_on: &str, now: DateTime<Utc>) -> Result<QrSource> {
    let made_at = crate::shop::start_of_day(conn, made_on, Field::MadeAt)?;
    correct_made_at(conn, id, made_at, now)
}

pub fn get(conn: &Connection, id: i64) -> Result<QrSource> {
    let sql = format!("SELECT {COLUMNS} FROM qr_source WHERE id = ?1");
    conn.query_row(&sql, [id], from_row).map_err(|e| match e {
        rusqlite::Error::QueryReturnedNoRows => Error::NotFound { what: "qr code", id },
        e => e.into(),
    })
}

/// The channel's code now, if it has one.
pub fn current(conn: &Connection, channel_id: i64) -> Result<Option<QrSource>> {
    let sql = format!("SELECT {COLUMNS} FROM qr_source WHERE channel_id = ?1 AND replaced_at IS NULL");
    Ok(conn.query_row(&sql, [channel_id], from_row).optional()?)
}

/// Current group codes that expire by `until` (or have), soonest first, with
/// the names of the channel and community they hang in; what the expiry watch
/// (`qr_watch`) is made of.
pub(crate) fn expiring_by(conn: &Connection, until: DateTime<Utc>) -> Result<Vec<(QrSource, Hanging)>> {
    let cols = COLUMNS.split(", ").map(|c| format!("q.{c}")).collect::<Vec<_>>().join(", ");
    let sql = format!(
        "SELECT {cols}, ch.name AS channel_name, c.id AS community_id, c.name AS community_name
         FROM qr_source q JOIN channel ch ON ch.id = q.channel_id JOIN community c ON c.id = ch.community_id
         WHERE q.replaced_at IS NULL AND q.expires_at IS NOT NULL AND q.expires_at <= ?1
           AND ch.archived_at IS NULL AND c.archived_at IS NULL
         ORDER BY q.expires_at"
    );
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map([until], |r| {
        let hanging = Hanging {
            channel_name: r.get("channel_name")?,
            community_id: r.get("community_id")?,
            community_name: r.get("community_name")?,
        };
        Ok((from_row(r)?, hanging))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Where a code hangs: its channel and community.
pub(crate) struct Hanging {
    pub channel_name: String,
    pub community_id: i64,
    pub community_name: String,
}
