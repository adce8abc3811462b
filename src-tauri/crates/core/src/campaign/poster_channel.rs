//! The channel whose code a campaign's poster carries (a flash sale's, a
//! gift-package day's): what the plan reads of it, its checks, and the colour
//! the poster takes.

use rusqlite::{Connection, OptionalExtension};
use serde::Serialize;
use ts_rs::TS;

use crate::Result;

/// A campaign's poster, on a channel of one of its communities.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct PlannedPoster {
    #[ts(type = "number")]
    pub channel_id: i64,
    pub channel_name: String,
}

/// The chosen channel as it stands: its name, community, and whether it has a code.
pub(crate) struct Fact {
    name: String,
    community_id: i64,
    has_code: bool,
}

pub(crate) fn fact(conn: &Connection, channel_id: Option<i64>) -> Result<Option<Fact>> {
    let Some(id) = channel_id else { return Ok(None) };
    Ok(conn
        .query_row(
            "SELECT ch.name, ch.community_id, EXISTS (SELECT 1 FROM qr_source q WHERE q.channel_id = ch.id)
             FROM channel ch WHERE ch.id = ?1 AND ch.archived_at IS NULL",
            [id],
            |r| Ok(Fact { name: r.get(0)?, community_id: r.get(1)?, has_code: r.get(2)? }),
        )
        .optional()?)
}

/// The poster the plan will save, and what is refused about its channel (in
/// English and Chinese): one of the campaign's communities', with a code.
pub(crate) fn check(
    channel_id: Option<i64>,
    fact: Option<&Fact>,
    community_ids: &[i64],
) -> (Option<PlannedPoster>, Vec<(String, String)>) {
    match (channel_id, fact) {
        (None, _) => (None, Vec::new()),
        (Some(id), Some(f)) if community_ids.contains(&f.community_id) => {
            let refusals = if f.has_code {
                Vec::new()
            } else {
                vec![(
                    format!("The channel \"{}\" has no QR code yet: import its screenshot first", f.name),
                    format!("渠道「{}」还没有二维码：请先导入截图", f.name),
                )]
            };
            (Some(PlannedPoster { channel_id: id, channel_name: f.name.clone() }), refusals)
        }
        (Some(id), _) => (
            None,
            vec![(
                format!("Channel {id} is not a channel of the communities chosen"),
                format!("渠道 {id} 不属于所选社群"),
            )],
        ),
    }
}

/// The brand colour of the shop's last poster, so a campaign's matches.
pub(crate) fn brand_color(conn: &Connection) -> Result<String> {
    Ok(conn
        .query_row("SELECT brand_color FROM poster ORDER BY updated_at DESC LIMIT 1", [], |r| r.get(0))
        .optional()?
        .unwrap_or_else(|| crate::shop::DEFAULT_BRAND_COLOR.to_owned()))
}

/// A campaign's poster on a channel: the channel's usual headline and colour
/// (or "Join {community}"), the campaign's gift line, the campaign's mark.
pub(crate) fn campaign_poster(
    tx: &rusqlite::Transaction,
    campaign_id: i64,
    channel_id: i64,
    template: crate::poster::PosterTemplate,
    gift_line: &str,
    community_name: &str,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<i64> {
    use crate::{shop, Lang};
    // The channel's latest poster already says what the owner wants said; keep its headline and colour.
    let earlier: Option<(String, String, String, String, String)> = tx
        .query_row(
            "SELECT headline, subline, address, hours, brand_color FROM poster
             WHERE channel_id = ?1 AND campaign_id IS NULL ORDER BY updated_at DESC LIMIT 1",
            [channel_id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )
        .optional()?;
    let lang = shop::language_or(tx, Lang::En);
    let (headline, subline, address, hours, color) = earlier.unwrap_or_else(|| {
        let headline = match lang {
            Lang::ZhCn => format!("扫码加入{community_name}"),
            Lang::En => format!("Join {community_name}"),
        };
        (headline, String::new(), String::new(), String::new(), shop::DEFAULT_BRAND_COLOR.to_owned())
    });
    let headline: String = headline.chars().take(crate::poster::HEADLINE_MAX).collect();
    tx.execute(
        "INSERT INTO poster (channel_id, template, headline, subline, gift, address, hours, brand_color,
                             campaign_id, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)",
        rusqlite::params![
            channel_id,
            template.as_str(),
            headline,
            subline,
            gift_line,
            address,
            hours,
            color,
            campaign_id,
            now
        ],
    )?;
    Ok(tx.last_insert_rowid())
}
