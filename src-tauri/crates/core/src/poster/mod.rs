//! Saved drainage posters and the log of every file made from them.

mod model;

pub use model::{Poster, PosterInput, PosterOutput, PosterTemplate, Staleness, HEADLINE_MAX};

use chrono::{DateTime, Duration, Utc};
use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::{channel, qr_source, Error, Field, Problem, Result};

/// How soon before a group code expires its posters are flagged, as the
/// home screen's expiry watch does.
pub const EXPIRY_WARNING_DAYS: i64 = 2;

const COLUMNS: &str = "id, channel_id, template, headline, subline, gift, address, hours, brand_color,
     logo IS NOT NULL, archived_at, created_at, updated_at";

fn from_row(r: &Row) -> rusqlite::Result<Poster> {
    let template: String = r.get(2)?;
    Ok(Poster {
        id: r.get(0)?,
        channel_id: r.get(1)?,
        template: PosterTemplate::parse(&template).map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(2, rusqlite::types::Type::Text, Box::new(e))
        })?,
        headline: r.get(3)?,
        subline: r.get(4)?,
        gift: r.get(5)?,
        address: r.get(6)?,
        hours: r.get(7)?,
        brand_color: r.get(8)?,
        has_logo: r.get(9)?,
        archived_at: r.get(10)?,
        created_at: r.get(11)?,
        updated_at: r.get(12)?,
        last_output: None,
        stale: None,
    })
}

pub fn create(conn: &Connection, channel_id: i64, input: &PosterInput, now: DateTime<Utc>) -> Result<Poster> {
    let v = model::validate(input)?;
    channel::get(conn, channel_id)?;
    conn.execute(
        "INSERT INTO poster (channel_id, template, headline, subline, gift, address, hours, brand_color,
                             created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)",
        params![
            channel_id,
            v.template.as_str(),
            v.headline,
            v.subline,
            v.gift,
            v.address,
            v.hours,
            v.brand_color,
            now
        ],
    )?;
    get(conn, conn.last_insert_rowid(), now)
}

pub fn update(conn: &Connection, id: i64, input: &PosterInput, now: DateTime<Utc>) -> Result<Poster> {
    let v = model::validate(input)?;
    let changed = conn.execute(
        "UPDATE poster SET template = ?1, headline = ?2, subline = ?3, gift = ?4, address = ?5, hours = ?6,
             brand_color = ?7, updated_at = ?8 WHERE id = ?9",
        params![
            v.template.as_str(),
            v.headline,
            v.subline,
            v.gift,
            v.address,
            v.hours,
            v.brand_color,
            now,
            id
        ],
    )?;
    if changed == 0 {
        return Err(Error::NotFound { what: "poster", id });
    }
    get(conn, id, now)
}

/// Sets or clears the logo. The caller has checked the image (the print crate reads it).
pub fn set_logo(conn: &Connection, id: i64, logo: Option<&[u8]>, now: DateTime<Utc>) -> Result<Poster> {
    get(conn, id, now)?;
    conn.execute("UPDATE poster SET logo = ?1, updated_at = ?2 WHERE id = ?3", params![logo, now, id])?;
    get(conn, id, now)
}

pub fn logo(conn: &Connection, id: i64) -> Result<Option<Vec<u8>>> {
    conn.query_row("SELECT logo FROM poster WHERE id = ?1", [id], |r| r.get(0))
        .optional()?
        .ok_or(Error::NotFound { what: "poster", id })
}

pub fn get(conn: &Connection, id: i64, now: DateTime<Utc>) -> Result<Poster> {
    let sql = format!("SELECT {COLUMNS} FROM poster WHERE id = ?1");
    let p = conn.query_row(&sql, [id], from_row).map_err(|e| match e {
        rusqlite::Error::QueryReturnedNoRows => Error::NotFound { what: "poster", id },
        e => e.into(),
    })?;
    complete(conn, p, now)
}

/// Active posters, newest first; only one channel's when `channel_id` is given.
pub fn list(conn: &Connection, channel_id: Option<i64>, now: DateTime<Utc>) -> Result<Vec<Poster>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM poster WHERE archived_at IS NULL AND (?1 IS NULL OR channel_id = ?1)
         ORDER BY updated_at DESC, id DESC"
    );
    let mut stmt = conn.prepare(&sql)?;
    let rows: Vec<Poster> = stmt.query_map([channel_id], from_row)?.collect::<rusqlite::Result<_>>()?;
    rows.into_iter().map(|p| complete(conn, p, now)).collect()
}

/// Logs a file made from the poster with the channel's current code, which must exist.
pub fn record_output(
    conn: &Connection,
    id: i64,
    format: &str,
    dpi: Option<u32>,
    path: &str,
    now: DateTime<Utc>,
) -> Result<Poster> {
    let poster = get(conn, id, now)?;
    let qr =
        qr_source::current(conn, poster.channel_id)?.ok_or(Error::invalid(Field::Payload, Problem::Empty))?;
    if !matches!(format, "pdf" | "png" | "svg") {
        return Err(Error::invalid(
            Field::Format,
            Problem::Unknown { value: format.chars().take(10).collect() },
        ));
    }
    conn.execute(
        "INSERT INTO poster_output (poster_id, qr_source_id, format, dpi, path, made_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![id, qr.id, format, dpi, path, now],
    )?;
    get(conn, id, now)
}

/// Every file made from the poster, newest first: the print history.
pub fn outputs(conn: &Connection, id: i64) -> Result<Vec<PosterOutput>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, qr_source_id, format, dpi, path, made_at FROM poster_output WHERE poster_id = ?1
         ORDER BY made_at DESC, id DESC",
    )?;
    let rows = stmt
        .query_map([id], |r| {
            Ok(PosterOutput {
                id: r.get(0)?,
                qr_source_id: r.get(1)?,
                format: r.get(2)?,
                dpi: r.get(3)?,
                path: r.get(4)?,
                made_at: r.get(5)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

fn complete(conn: &Connection, mut p: Poster, now: DateTime<Utc>) -> Result<Poster> {
    p.last_output = outputs(conn, p.id)?.into_iter().next();
    let current = qr_source::current(conn, p.channel_id)?;
    p.stale = match (&current, &p.last_output) {
        (None, _) => Some(Staleness::NoQr),
        (Some(qr), _) if qr.expires_at.is_some_and(|e| e <= now) => Some(Staleness::QrExpired),
        (Some(qr), _) if qr.expires_at.is_some_and(|e| e <= now + Duration::days(EXPIRY_WARNING_DAYS)) => {
            Some(Staleness::QrExpiring)
        }
        (Some(qr), Some(out)) if out.qr_source_id != qr.id => Some(Staleness::QrReplaced),
        _ => None,
    };
    Ok(p)
}

#[cfg(test)]
mod tests;
