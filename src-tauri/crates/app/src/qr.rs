//! A channel's QR code, set from a screenshot or a typed link, and its
//! posters' kept files made again with the new code in the same step.

use chrono::{DateTime, Utc};
use serde::Serialize;
use shopcircle_core::channel::{self, Channel};
use shopcircle_core::db::Connection;
use shopcircle_core::qr_source::{self, QrKind, QrSource, QrSourceInput};
use shopcircle_core::{shop, Field, Lang};
use shopcircle_print::Fonts;

use crate::posters::{rerender_channel, Rerendered};
use crate::Result;

/// A channel's new code, and its posters' files made again with it.
#[derive(Debug, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct QrReplaced {
    pub qr: QrSource,
    pub rerendered: Vec<Rerendered>,
}

/// A screenshot's code, and what the owner said of it.
#[derive(Debug, Clone)]
pub struct Screenshot {
    pub kind: QrKind,
    pub image: Vec<u8>,
    pub staff_id: Option<i64>,
    /// The day WeChat made a group code (YYYY-MM-DD, the shop's calendar); today if not given.
    pub made_on: Option<String>,
}

impl Screenshot {
    /// Decodes the one QR in the image, and reads the day in the shop's zone.
    fn input(self, conn: &Connection) -> Result<QrSourceInput> {
        let payload = shopcircle_print::qr_import::decode(&self.image)?;
        let made_at = self.made_on.map(|d| shop::start_of_day(conn, &d, Field::MadeAt)).transpose()?;
        Ok(QrSourceInput {
            kind: self.kind,
            payload,
            staff_id: self.staff_id,
            image: Some(self.image),
            made_at,
        })
    }
}

/// Makes the screenshot's code the channel's, then remakes its posters' files.
pub fn import(
    conn: &mut Connection,
    fonts: &Fonts,
    channel_id: i64,
    shot: Screenshot,
    lang: Lang,
    now: DateTime<Utc>,
) -> Result<QrReplaced> {
    let input = shot.input(conn)?;
    replace(conn, fonts, channel_id, input, lang, now)
}

/// Makes the screenshot's code the code of the community's channel called
/// `channel_name` (made when there is none, in the same transaction), then
/// remakes that channel's posters' files.
pub fn import_to_named(
    conn: &mut Connection,
    fonts: &Fonts,
    community_id: i64,
    channel_name: &str,
    shot: Screenshot,
    lang: Lang,
    now: DateTime<Utc>,
) -> Result<(Channel, QrReplaced)> {
    let input = shot.input(conn)?;
    let (channel, qr) = channel::set_code_on_named(conn, community_id, channel_name, input, now)?;
    let rerendered = rerender_channel(conn, fonts, channel.id, lang, now)?;
    Ok((channel, QrReplaced { qr, rerendered }))
}

/// A link typed by the owner (a WeCom join link, the shop's page): never expires.
pub fn set_link(
    conn: &mut Connection,
    fonts: &Fonts,
    channel_id: i64,
    link: String,
    lang: Lang,
    now: DateTime<Utc>,
) -> Result<QrReplaced> {
    let input =
        QrSourceInput { kind: QrKind::Link, payload: link, staff_id: None, image: None, made_at: None };
    replace(conn, fonts, channel_id, input, lang, now)
}

/// Sets the channel's code, then, in the same step for the owner, makes every
/// saved file of its posters again with the new code. The code is committed
/// first: if rendering fails, the posters show as stale and nothing is lost.
fn replace(
    conn: &mut Connection,
    fonts: &Fonts,
    channel_id: i64,
    input: QrSourceInput,
    lang: Lang,
    now: DateTime<Utc>,
) -> Result<QrReplaced> {
    let qr = qr_source::set(conn, channel_id, input, now)?;
    let rerendered = rerender_channel(conn, fonts, channel_id, lang, now)?;
    Ok(QrReplaced { qr, rerendered })
}
