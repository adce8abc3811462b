//! Saved drainage posters and the log of every file made from them.

mod model;

pub use model::{
    LogoChange, Offer, OutputFormat, OutputReason, Poster, PosterInput, PosterOutput, PosterTemplate,
    PosterWords, Printable, Staleness, DEFAULT_COLOR, HEADLINE_MAX, LINE_MAX,
};

use chrono::{DateTime, Duration, Utc};
use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::validate::{required, required_lines};
use crate::{channel, qr_source, shop, Error, Field, Result};

/// How soon before a group code expires its posters are flagged, as the
/// home screen's expiry watch does.
pub const EXPIRY_WARNING_DAYS: i64 = 2;

const COLUMNS: &str = "p.id, p.channel_id, ch.name AS channel_name, c.id AS community_id, c.name AS community_name,
     p.template, p.headline, p.subline, p.gift, p.address, p.hours, p.brand_color, p.logo IS NOT NULL AS has_logo,
     p.archived_at, p.created_at, p.updated_at, p.campaign_id";
const FROM: &str =
    "poster p JOIN channel ch ON ch.id = p.channel_id JOIN community c ON c.id = ch.community_id";

fn from_row(r: &Row) -> rusqlite::Result<Poster> {
    let template: String = r.get("template")?;
    Ok(Poster {
        id: r.get("id")?,
        channel_id: r.get("channel_id")?,
        channel_name: r.get("channel_name")?,
        community_id: r.get("community_id")?,
        community_name: r.get("community_name")?,
        template: PosterTemplate::parse(&template).map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(5, rusqlite::types::Type::Text, Box::new(e))
        })?,
        words: PosterWords {
            headline: r.get("headline")?,
            subline: r.get("subline")?,
            gift: r.get("gift")?,
            address: r.get("address")?,
            hours: r.get("hours")?,
        },
        brand_color: r.get("brand_color")?,
        has_logo: r.get("has_logo")?,
        campaign_id: r.get("campaign_id")?,
        archived_at: r.get("archived_at")?,
        created_at: r.get("created_at")?,
        updated_at: r.get("updated_at")?,
        last_output: None,
        qr_expires_at: None,
        stale: None,
    })
}

/// Saves a new poster for the channel; `logo` has been checked by the print crate.
pub fn create(
    conn: &Connection,
    channel_id: i64,
    input: &PosterInput,
    logo: Option<&[u8]>,
    now: DateTime<Utc>,
) -> Result<Poster> {
    let v = model::validate(input, None)?;
    channel::get(conn, channel_id)?;
    conn.execute(
        "INSERT INTO poster (channel_id, template, headline, subline, gift, address, hours, brand_color,
                             logo, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)",
        params![
            channel_id,
            v.template.as_str(),
            v.words.headline,
            v.words.subline,
            v.words.gift,
            v.words.address,
            v.words.hours,
            v.brand_color,
            logo,
            now
        ],
    )?;
    get(conn, conn.last_insert_rowid(), now)
}

/// Saves changed settings, and the logo change with them in the same statement.
pub fn update(
    conn: &Connection,
    id: i64,
    input: &PosterInput,
    logo: &LogoChange,
    now: DateTime<Utc>,
) -> Result<Poster> {
    // A campaign's offer poster keeps its template (its offer is frozen with
    // it); any other stays a drainage poster.
    let current = get(conn, id, now)?.template;
    let v = model::validate(input, Some(current).filter(|t| t.prints_offer()))?;
    let (replace_logo, new_logo) = match logo {
        LogoChange::Keep => (false, None),
        LogoChange::Remove => (true, None),
        LogoChange::Set(bytes) => (true, Some(bytes.as_slice())),
    };
    let changed = conn.execute(
        "UPDATE poster SET template = ?1, headline = ?2, subline = ?3, gift = ?4, address = ?5, hours = ?6,
             brand_color = ?7, logo = CASE WHEN ?8 THEN ?9 ELSE logo END, updated_at = ?10
         WHERE id = ?11 AND archived_at IS NULL",
        params![
            v.template.as_str(),
            v.words.headline,
            v.words.subline,
            v.words.gift,
            v.words.address,
            v.words.hours,
            v.brand_color,
            replace_logo,
            new_logo,
            now,
            id
        ],
    )?;
    if changed == 0 {
        return Err(Error::NotFound { what: "poster", id });
    }
    get(conn, id, now)
}

/// Takes the poster off the lists; its history stays.
pub fn archive(conn: &Connection, id: i64, now: DateTime<Utc>) -> Result<()> {
    let changed = conn.execute(
        "UPDATE poster SET archived_at = ?1 WHERE id = ?2 AND archived_at IS NULL",
        params![now, id],
    )?;
    if changed == 0 {
        return Err(Error::NotFound { what: "poster", id });
    }
    Ok(())
}

pub fn logo(conn: &Connection, id: i64) -> Result<Option<Vec<u8>>> {
    conn.query_row("SELECT logo FROM poster WHERE id = ?1", [id], |r| r.get(0))
        .optional()?
        .ok_or(Error::NotFound { what: "poster", id })
}

pub fn get(conn: &Connection, id: i64, now: DateTime<Utc>) -> Result<Poster> {
    let sql = format!("SELECT {COLUMNS} FROM {FROM} WHERE p.id = ?1");
    let p = conn.query_row(&sql, [id], from_row).map_err(|e| match e {
        rusqlite::Error::QueryReturnedNoRows => Error::NotFound { what: "poster", id },
        e => e.into(),
    })?;
    complete(conn, p, now)
}

/// Active posters, newest first; only one channel's when `channel_id` is given.
pub fn list(conn: &Connection, channel_id: Option<i64>, now: DateTime<Utc>) -> Result<Vec<Poster>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM {FROM}
         WHERE p.archived_at IS NULL AND ch.archived_at IS NULL AND c.archived_at IS NULL
           AND (?1 IS NULL OR p.channel_id = ?1)
         ORDER BY p.updated_at DESC, p.id DESC"
    );
    let mut stmt = conn.prepare(&sql)?;
    let rows: Vec<Poster> = stmt.query_map([channel_id], from_row)?.collect::<rusqlite::Result<_>>()?;
    rows.into_iter().map(|p| complete(conn, p, now)).collect()
}

/// What a saved poster prints with its channel's code now.
pub fn printable(conn: &Connection, id: i64, now: DateTime<Utc>) -> Result<Printable> {
    let p = get(conn, id, now)?;
    let input =
        PosterInput { template: p.template.as_str().into(), words: p.words, brand_color: p.brand_color };
    draft_for(conn, p.channel_id, &input, logo(conn, id)?, stored_offer(conn, id)?)
}

/// The offer a campaign's poster prints (a flash sale's, a gift-package
/// day's), kept with it, and its template; `None` for a drainage poster (a
/// welcome-gift campaign's too: its gift line is its offer).
fn stored_offer(conn: &Connection, id: i64) -> Result<Option<(PosterTemplate, Offer)>> {
    let row: Option<(String, Offer, String)> = conn
        .query_row(
            "SELECT template, offer_price, offer_was, offer_when, offer_terms, offer_tiers FROM poster
             WHERE id = ?1 AND template IN ('spike', 'ladder')",
            [id],
            |r| {
                let offer = Offer {
                    price: r.get(1)?,
                    was: r.get(2)?,
                    when: r.get(3)?,
                    terms: r.get(4)?,
                    tiers: Vec::new(),
                };
                Ok((r.get(0)?, offer, r.get(5)?))
            },
        )
        .optional()?;
    let Some((template, mut offer, tiers)) = row else { return Ok(None) };
    offer.tiers = tiers_from_text(&tiers);
    Ok(Some((PosterTemplate::parse(&template)?, offer)))
}

/// A ladder as stored: a rung a line, its label and price split by a tab.
pub(crate) fn tiers_text(tiers: &[(String, String)]) -> String {
    tiers.iter().map(|(label, price)| format!("{label}\t{price}")).collect::<Vec<_>>().join("\n")
}

fn tiers_from_text(text: &str) -> Vec<(String, String)> {
    text.lines()
        .filter_map(|l| l.split_once('\t'))
        .map(|(label, price)| (label.to_owned(), price.to_owned()))
        .collect()
}

/// What the settings print: a campaign's poster with its offer, or a drainage poster.
fn draft_for(
    conn: &Connection,
    channel_id: i64,
    input: &PosterInput,
    logo: Option<Vec<u8>>,
    offer: Option<(PosterTemplate, Offer)>,
) -> Result<Printable> {
    let v = model::validate(input, offer.as_ref().map(|(t, _)| *t))?;
    let mut printable = with_code(conn, channel_id, v, logo)?;
    printable.offer = offer.map(|(_, o)| o);
    Ok(printable)
}

/// A campaign's poster of `template` before the campaign exists (the
/// wizard's preview): the caller puts the offer in.
pub(crate) fn draft_campaign(
    conn: &Connection,
    channel_id: i64,
    template: PosterTemplate,
    input: &PosterInput,
) -> Result<Printable> {
    with_code(conn, channel_id, model::validate(input, Some(template))?, None)
}

/// Checked settings with the channel's current code and the shop's name.
fn with_code(
    conn: &Connection,
    channel_id: i64,
    v: model::Valid,
    logo: Option<Vec<u8>>,
) -> Result<Printable> {
    channel::get(conn, channel_id)?;
    let qr = qr_source::current(conn, channel_id)?.ok_or(Error::NoQrCode)?;
    let shop_name = shop::get(conn)?.map(|s| s.name).unwrap_or_default();
    Ok(v.printable(shop_name, qr.payload, Some(qr.id), logo))
}

/// What unsaved settings would print: the designer's live preview. The input
/// is checked exactly as saving checks it, so the preview never shows a poster
/// that could not be saved.
pub fn draft(
    conn: &Connection,
    channel_id: i64,
    input: &PosterInput,
    logo: Option<Vec<u8>>,
) -> Result<Printable> {
    draft_for(conn, channel_id, input, logo, None)
}

/// The designer's preview of unsaved settings with the logo as it would be
/// saved: a new one, the saved poster's (`Keep`), or none.
pub fn draft_with_logo(
    conn: &Connection,
    channel_id: i64,
    input: &PosterInput,
    poster_id: Option<i64>,
    change: LogoChange,
) -> Result<Printable> {
    let logo = match (change, poster_id) {
        (LogoChange::Set(png), _) => Some(png),
        (LogoChange::Keep, Some(id)) => logo(conn, id)?,
        _ => None,
    };
    // A campaign's poster previews with its offer.
    let offer = match poster_id {
        Some(id) => stored_offer(conn, id)?,
        None => None,
    };
    draft_for(conn, channel_id, input, logo, offer)
}

/// Every file made from a poster, newest first.
pub fn history(conn: &Connection, id: i64, now: DateTime<Utc>) -> Result<Vec<PosterOutput>> {
    get(conn, id, now)?;
    outputs(conn, id)
}

/// A poster made once from words and a code given on the spot (the CLI's
/// `poster render --payload`), checked exactly as a saved poster is.
pub fn one_off(
    conn: &Connection,
    payload: &str,
    input: &PosterInput,
    logo: Option<Vec<u8>>,
) -> Result<Printable> {
    let v = model::validate(input, None)?;
    let payload = required_lines(Field::Payload, payload, qr_source::PAYLOAD_MAX_BYTES)?;
    let shop_name = shop::get(conn)?.map(|s| s.name).unwrap_or_default();
    Ok(v.printable(shop_name, payload, None, logo))
}

impl Printable {
    /// The poster with another name printed as the shop's, checked as the shop's name is.
    pub fn with_shop_name(mut self, name: &str) -> Result<Printable> {
        self.shop_name = required(Field::ShopName, name, shop::NAME_MAX)?;
        Ok(self)
    }
}

/// Logs a file made from the poster with the code it carried.
#[allow(clippy::too_many_arguments)] // each is one column of the log
pub fn record_output(
    conn: &Connection,
    id: i64,
    qr_source_id: i64,
    format: OutputFormat,
    dpi: Option<u32>,
    path: &str,
    reason: OutputReason,
    now: DateTime<Utc>,
) -> Result<Poster> {
    let poster = get(conn, id, now)?;
    if qr_source::get(conn, qr_source_id)?.channel_id != poster.channel_id {
        // A code from another channel would make the history lie about what was printed.
        return Err(Error::NotFound { what: "qr code", id: qr_source_id });
    }
    conn.execute(
        "INSERT INTO poster_output (poster_id, qr_source_id, format, dpi, path, reason, made_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![id, qr_source_id, format.as_str(), dpi, path, reason.as_str(), now],
    )?;
    get(conn, id, now)
}

/// Every file made from the poster, newest first: the print history.
pub fn outputs(conn: &Connection, id: i64) -> Result<Vec<PosterOutput>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, qr_source_id, format, dpi, path, reason, made_at FROM poster_output WHERE poster_id = ?1
         ORDER BY made_at DESC, id DESC",
    )?;
    let rows = stmt
        .query_map([id], |r| {
            let format: String = r.get("format")?;
            let reason: String = r.get("reason")?;
            Ok(PosterOutput {
                id: r.get("id")?,
                qr_source_id: r.get("qr_source_id")?,
                format: OutputFormat::parse(&format).unwrap_or(OutputFormat::Pdf),
                dpi: r.get("dpi")?,
                path: r.get("path")?,
                reason: OutputReason::from_db(&reason),
                made_at: r.get("made_at")?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// Where a file in a poster's history was written.
pub fn output_path(conn: &Connection, output_id: i64) -> Result<String> {
    conn.query_row("SELECT path FROM poster_output WHERE id = ?1", [output_id], |r| r.get(0))
        .optional()?
        .ok_or(Error::NotFound { what: "file", id: output_id })
}

/// The channel's active posters that have a file the owner keeps (saved, or
/// re-rendered before) made with an older code, each with that newest file:
/// what must be made again when the code is replaced.
pub fn needing_rerender(
    conn: &Connection,
    channel_id: i64,
    now: DateTime<Utc>,
) -> Result<Vec<(Poster, PosterOutput)>> {
    let Some(current) = qr_source::current(conn, channel_id)? else { return Ok(Vec::new()) };
    let mut due = Vec::new();
    for poster in list(conn, Some(channel_id), now)? {
        let kept = outputs(conn, poster.id)?.into_iter().find(|o| o.reason != OutputReason::Printed);
        if let Some(out) = kept.filter(|o| o.qr_source_id != current.id) {
            due.push((poster, out));
        }
    }
    Ok(due)
}

/// Active posters on a channel, for the expiry watch: (id, headline, template).
pub fn on_channel(conn: &Connection, channel_id: i64) -> Result<Vec<(i64, String, PosterTemplate)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, headline, template FROM poster WHERE channel_id = ?1 AND archived_at IS NULL ORDER BY id",
    )?;
    let rows = stmt
        .query_map([channel_id], |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    rows.into_iter().map(|(id, h, t)| Ok((id, h, PosterTemplate::parse(&t)?))).collect()
}

fn complete(conn: &Connection, mut p: Poster, now: DateTime<Utc>) -> Result<Poster> {
    p.last_output = outputs(conn, p.id)?.into_iter().next();
    let current = qr_source::current(conn, p.channel_id)?;
    p.qr_expires_at = current.as_ref().and_then(|q| q.expires_at);
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
