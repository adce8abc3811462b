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
