//! The QR code a channel carries: an imported WeChat group code (expires 7 days
//! after it was made), a staff member's contact code (never expires), or a link
//! the owner typed. Setting a new one keeps the old row, marked replaced.

use chrono::{DateTime, Duration, Utc};
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};
use serde::{Deserialize, Serialize};

use crate::channel::{self, Channel, ChannelInput, ChannelKind};
use crate::validate::{in_range, required_lines, unknown};
use crate::{Error, Field, Problem, Result};

/// A WeChat group's own QR code stops admitting 7 days after it is made.
pub const GROUP_QR_LIFETIME_DAYS: i64 = 7;
/// How far ahead the expiry watch may look: a year covers every real question.
pub const EXPIRING_DAYS_MAX: i64 = 366;
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
    "id, channel_id, kind, payload, staff_id, image IS NOT NULL, made_at, expires_at, created_at";

fn from_row(r: &Row) -> rusqlite::Result<QrSource> {
    let kind: String = r.get(2)?;
    Ok(QrSource {
        id: r.get(0)?,
        channel_id: r.get(1)?,
        kind: QrKind::parse(&kind).map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(2, rusqlite::types::Type::Text, Box::new(e))
        })?,
        payload: r.get(3)?,
        staff_id: r.get(4)?,
        has_image: r.get(5)?,
        made_at: r.get(6)?,
        expires_at: r.get(7)?,
        created_at: r.get(8)?,
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
    let tx = conn.transaction()?;
    let id = insert(&tx, channel_id, input, now)?;
    tx.commit()?;
    get(conn, id)
}

/// Makes `input` the code of the community's channel called `name`, creating
/// that channel when there is none (a name that is a channel kind, such as
/// "counter", gives the kind). One transaction: a refused code leaves no new
/// channel behind (issue 11).
pub fn set_on_channel_named(
    conn: &mut Connection,
    community_id: i64,
    name: &str,
    input: QrSourceInput,
    now: DateTime<Utc>,
) -> Result<(Channel, QrSource)> {
    let tx = conn.transaction()?;
    let channel_id = match channel::find_by_name(&tx, community_id, name)? {
        Some(ch) => ch.id,
        None => {
            let kind = ChannelKind::parse(name).unwrap_or(ChannelKind::Custom);
            let input = ChannelInput { kind: kind.as_str().into(), name: name.into() };
            channel::create(&tx, community_id, &input, now)?.id
        }
    };
    let id = insert(&tx, channel_id, input, now)?;
    tx.commit()?;
    Ok((channel::get(conn, channel_id)?, get(conn, id)?))
}

/// Checks `input` and inserts it as the channel's code inside the caller's
/// transaction; the id of the new row.
fn insert(tx: &Transaction, channel_id: i64, input: QrSourceInput, now: DateTime<Utc>) -> Result<i64> {
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
    channel::get(tx, channel_id)?;
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

/// A current group code that has expired or expires soon, with where it hangs.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct ExpiringQr {
    pub qr: QrSource,
    pub channel_name: String,
    #[ts(type = "number")]
    pub community_id: i64,
    pub community_name: String,
    pub expired: bool,
    /// The posters that carry it, all stale until reprinted with a new code.
    pub posters: Vec<PosterRef>,
}

/// A poster named where a list points to it.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct PosterRef {
    #[ts(type = "number")]
    pub id: i64,
    pub headline: String,
    pub template: crate::poster::PosterTemplate,
}

/// Current group codes that expired or expire within `within_days` of `now`, soonest first.
pub fn expiring(conn: &Connection, now: DateTime<Utc>, within_days: i64) -> Result<Vec<ExpiringQr>> {
    // A bound keeps `now + within` a real date (issue 11: --days 9223372036854775807 panicked).
    let within = Duration::days(in_range(Field::Days, within_days, 0, EXPIRING_DAYS_MAX)?);
    let cols = COLUMNS.split(", ").map(|c| format!("q.{c}")).collect::<Vec<_>>().join(", ");
    let sql = format!(
        "SELECT {cols}, ch.name, c.id, c.name FROM qr_source q
         JOIN channel ch ON ch.id = q.channel_id JOIN community c ON c.id = ch.community_id
         WHERE q.replaced_at IS NULL AND q.expires_at IS NOT NULL AND q.expires_at <= ?1
           AND ch.archived_at IS NULL AND c.archived_at IS NULL
         ORDER BY q.expires_at"
    );
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt
        .query_map([now + within], |r| {
            let qr = from_row(r)?;
            let expired = qr.expires_at.is_some_and(|e| e <= now);
            Ok(ExpiringQr {
                qr,
                channel_name: r.get(9)?,
                community_id: r.get(10)?,
                community_name: r.get(11)?,
                expired,
                posters: Vec::new(),
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    rows.into_iter()
        .map(|mut e| {
            e.posters = crate::poster::on_channel(conn, e.qr.channel_id)?
                .into_iter()
                .map(|(id, headline, template)| PosterRef { id, headline, template })
                .collect();
            Ok(e)
        })
        .collect()
}
