//! The content calendar: a topic for a community on a day, with the text to
//! post (and an optional image), planned then posted. A group with a topic
//! every day stays alive; an empty day is a gap the owner should see.

mod ideas;

pub use ideas::{ideas, TopicIdea};

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::image_change::ImageChange;
use crate::schedule::{parse_day, parse_time, rule::local_instant};
use crate::validate::{optional_lines, required, unknown};
use crate::{shop, Error, Field, Result};

pub const TOPIC_MAX: usize = 60;
pub const BODY_MAX: usize = 2_000;
pub use crate::image_change::IMAGE_MAX_BYTES;

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ContentItem {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub community_id: i64,
    /// The shop's day, "YYYY-MM-DD", and the time to post, "HH:MM".
    pub day: String,
    pub time: String,
    /// Day and time in the shop's zone, as an instant: when the reminder comes.
    pub at: DateTime<Utc>,
    pub topic: String,
    pub body: String,
    pub has_image: bool,
    pub posted: bool,
    pub posted_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[ts(export)]
pub struct ContentInput {
    #[ts(type = "number")]
    pub community_id: i64,
    /// "YYYY-MM-DD"
    pub day: String,
    /// "HH:MM"
    pub time: String,
    pub topic: String,
    #[serde(default)]
    pub body: String,
}

const COLUMNS: &str =
    "id, community_id, day, time, due_at, topic, body, image IS NOT NULL AS has_image, posted_at, created_at, updated_at";

fn from_row(r: &Row) -> rusqlite::Result<ContentItem> {
    let posted_at: Option<DateTime<Utc>> = r.get("posted_at")?;
    Ok(ContentItem {
        id: r.get("id")?,
        community_id: r.get("community_id")?,
        day: r.get("day")?,
        time: r.get("time")?,
        at: r.get("due_at")?,
        topic: r.get("topic")?,
        body: r.get("body")?,
        has_image: r.get("has_image")?,
        posted: posted_at.is_some(),
        posted_at,
        created_at: r.get("created_at")?,
        updated_at: r.get("updated_at")?,
    })
}

struct Valid {
    community_id: i64,
    day: String,
    time: String,
    at: DateTime<Utc>,
    topic: String,
    body: String,
}

fn validate(conn: &Connection, input: &ContentInput) -> Result<Valid> {
    let day = parse_day(Field::Date, &input.day)?;
    let time = parse_time(Field::Time, &input.time)?;
    let topic = required(Field::Topic, &input.topic, TOPIC_MAX)?;
    let body = optional_lines(Field::Body, &input.body, BODY_MAX)?;
    let found: bool =
        conn.query_row("SELECT EXISTS (SELECT 1 FROM community WHERE id = ?1)", [input.community_id], |r| {
            r.get(0)
        })?;
    if !found {
        return Err(unknown(Field::Community, &input.community_id.to_string()));
    }
    let at = local_instant(shop::zone(conn)?, day.and_time(time));
    Ok(Valid {
        community_id: input.community_id,
        day: day.to_string(),
        time: time.format("%H:%M").to_string(),
        at,
        topic,
        body,
    })
}

/// The shop's zone changed: every item keeps its day and time and gets the
/// instant they mean in the new zone (part of the settings' transaction).
pub(crate) fn follow_shop_zone(conn: &Connection, zone: &str) -> Result<()> {
    let zone = shop::parse_zone(zone)?;
    let mut stmt = conn.prepare("SELECT id, day, time FROM content_item")?;
    let rows: Vec<(i64, String, String)> =
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?.collect::<rusqlite::Result<_>>()?;
    let mut update = conn.prepare("UPDATE content_item SET due_at = ?1 WHERE id = ?2")?;
    for (id, day, time) in rows {
        let (Ok(day), Ok(time)) = (parse_day(Field::Date, &day), parse_time(Field::Time, &time)) else {
            return Err(Error::Damaged("a content item's day or time"));
        };
        update.execute(params![local_instant(zone, day.and_time(time)), id])?;
    }
    Ok(())
}

pub fn get(conn: &Connection, id: i64) -> Result<ContentItem> {
    conn.query_row(&format!("SELECT {COLUMNS} FROM content_item WHERE id = ?1"), [id], from_row)
        .optional()?
        .ok_or(Error::NotFound { what: "content item", id })
}

/// Items from day `from` to day `to` (both "YYYY-MM-DD", included), of one
/// community or all, by day and time.
pub fn list(conn: &Connection, from: &str, to: &str, community_id: Option<i64>) -> Result<Vec<ContentItem>> {
    let from = parse_day(Field::Date, from)?.to_string();
    let to = parse_day(Field::Date, to)?.to_string();
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM content_item
         WHERE day >= ?1 AND day <= ?2 AND (?3 IS NULL OR community_id = ?3) AND withdrawn_at IS NULL
         ORDER BY day, time, id"
    ))?;
    let rows = stmt.query_map(params![from, to, community_id], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Starter topics for a community's kind and the shop's industry.
pub fn ideas_for(conn: &Connection, community_id: i64, lang: crate::Lang) -> Result<Vec<TopicIdea>> {
    let community = crate::community::read::get(conn, community_id)?;
    let industry = crate::shop::get(conn)?.map(|s| s.industry).unwrap_or_default();
    Ok(ideas(&industry, community.kind, lang))
}

/// Adds a topic, with its image if one is given, in one transaction.
pub fn create(
    conn: &Connection,
    input: &ContentInput,
    image: &ImageChange,
    now: DateTime<Utc>,
) -> Result<ContentItem> {
    let tx = conn.unchecked_transaction()?;
    let id = insert(&tx, input, image, now)?;
    tx.commit()?;
    get(conn, id)
}

/// Checks and adds a topic inside the caller's transaction; its id.
pub(crate) fn insert(
    tx: &Transaction,
    input: &ContentInput,
    image: &ImageChange,
    now: DateTime<Utc>,
) -> Result<i64> {
    let v = validate(tx, input)?;
    let image = image.checked_picture()?;
    tx.execute(
        "INSERT INTO content_item (community_id, day, time, due_at, topic, body, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
        params![v.community_id, v.day, v.time, v.at, v.topic, v.body, now],
    )?;
    let id = tx.last_insert_rowid();
    store_image(tx, id, image)?;
    Ok(id)
}

/// Saves a topic's words and its image change together: both or neither.
pub fn update(
    conn: &Connection,
    id: i64,
    input: &ContentInput,
    image: &ImageChange,
    now: DateTime<Utc>,
) -> Result<ContentItem> {
    get(conn, id)?;
    let v = validate(conn, input)?;
    let image = image.checked_picture()?;
    let tx = conn.unchecked_transaction()?;
    tx.execute(
        "UPDATE content_item SET community_id = ?1, day = ?2, time = ?3, due_at = ?4, topic = ?5, body = ?6,
                updated_at = ?7
         WHERE id = ?8",
        params![v.community_id, v.day, v.time, v.at, v.topic, v.body, now, id],
    )?;
    store_image(&tx, id, image)?;
    tx.commit()?;
    get(conn, id)
}

pub fn delete(conn: &Connection, id: i64) -> Result<()> {
    get(conn, id)?;
    conn.execute("DELETE FROM content_item WHERE id = ?1", [id])?;
    Ok(())
}

/// Posted (or back to planned, if marked by mistake).
pub fn set_posted(conn: &Connection, id: i64, posted: bool, now: DateTime<Utc>) -> Result<ContentItem> {
    get(conn, id)?;
    conn.execute(
        "UPDATE content_item SET posted_at = ?1, updated_at = ?2 WHERE id = ?3",
        params![posted.then_some(now), now, id],
    )?;
    get(conn, id)
}

fn store_image(conn: &Connection, id: i64, image: crate::image_change::CheckedImage<'_>) -> Result<()> {
    if let Some(image) = image {
        let (bytes, kind) = image.unzip();
        conn.execute(
            "UPDATE content_item SET image = ?1, image_type = ?2 WHERE id = ?3",
            params![bytes, kind, id],
        )?;
    }
    Ok(())
}

/// The image and its MIME type, if the item has one.
pub fn image(conn: &Connection, id: i64) -> Result<Option<(String, Vec<u8>)>> {
    get(conn, id)?;
    let found: Option<(Option<String>, Option<Vec<u8>>)> = conn
        .query_row("SELECT image_type, image FROM content_item WHERE id = ?1", [id], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .optional()?;
    Ok(match found {
        Some((Some(kind), Some(bytes))) => Some((kind, bytes)),
        _ => None,
    })
}

#[cfg(test)]
mod tests;
