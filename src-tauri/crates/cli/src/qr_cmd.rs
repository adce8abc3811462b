//! `shopcircle-cli qr …`: import a community's QR code, watch expiring ones.

use std::path::PathBuf;

use chrono::{DateTime, Utc};
use clap::Subcommand;
use serde_json::json;
use shopcircle_app::files::{read_input, IMAGE_MAX_BYTES};
use shopcircle_app::qr::{self, Screenshot};
use shopcircle_core::db::Connection;
use shopcircle_core::qr_source::QrKind;
use shopcircle_core::qr_watch;
use shopcircle_core::text::one_line;
use shopcircle_core::Lang;
use shopcircle_print::Fonts;

use crate::error::CliResult;
use crate::Output;

#[derive(Subcommand)]
pub enum QrCommand {
    /// Read the QR code in a screenshot and make it a channel's code; prints the
    /// content and, for a group code, when it expires
    Import {
        /// The image: a screenshot of the group's QR, or a staff member's contact code
        image: PathBuf,
        #[arg(long)]
        community: i64,
        /// The channel's name; created if the community has none by that name [default: counter]
        #[arg(long, default_value = "counter")]
        channel: String,
        /// group (expires 7 days after it was made) or staff (never expires)
        #[arg(long, default_value = "group")]
        kind: String,
        /// The staff account a contact code belongs to (with --kind staff)
        #[arg(long)]
        staff: Option<i64>,
        /// The day WeChat made the group code, YYYY-MM-DD [default: now]
        #[arg(long)]
        made: Option<String>,
    },
    /// Print what the one QR code in an image (a screenshot, a poster PNG) carries
    Decode { image: PathBuf },
    /// List group codes that expired or expire within N days (0 to 366)
    Expiring {
        #[arg(long, default_value_t = 2, allow_negative_numbers = true)]
        days: i64,
    },
}

/// What the one QR code in an image carries; no database needed.
pub fn decode(image: &std::path::Path) -> CliResult<Output> {
    let payload = shopcircle_print::qr_import::decode(&read_input(image, IMAGE_MAX_BYTES)?)?;
    Ok(Output { text: one_line(&payload), json: json!({ "payload": payload }) })
}

pub fn run(conn: &mut Connection, cmd: QrCommand, lang: Lang, now: DateTime<Utc>) -> CliResult<Output> {
    match cmd {
        QrCommand::Import { image, community, channel: name, kind, staff, made } => {
            // Everything the owner typed is checked before the image is read.
            let kind = QrKind::parse(&kind)?;
            let shot = Screenshot {
                kind,
                image: read_input(&image, IMAGE_MAX_BYTES)?,
                staff_id: staff,
                made_on: made,
            };
            let fonts = Fonts::system()?;
            let (ch, replaced) = qr::import_to_named(conn, &fonts, community, &name, shot, lang, now)?;
            let qr = replaced.qr;
            let expires = qr.expires_at.map_or("never".to_string(), |e| e.to_rfc3339());
            Ok(Output {
                text: format!("{}\nexpires: {expires}", one_line(&qr.payload)),
                json: json!({ "payload": qr.payload, "expires_at": qr.expires_at, "channel_id": ch.id, "qr_id": qr.id, "rerendered": replaced.rerendered }),
            })
        }
        QrCommand::Decode { image } => decode(&image),
        QrCommand::Expiring { days } => {
            let list = qr_watch::expiring(conn, now, days)?;
            let text = list
                .iter()
                .map(|w| {
                    let when = w.qr.expires_at.map(|e| e.to_rfc3339()).unwrap_or_default();
                    let state = if w.expired { "EXPIRED" } else { "expires" };
                    format!(
                        "{state} {when}  #{} {} / {}  {}",
                        w.qr.channel_id,
                        one_line(&w.community_name),
                        one_line(&w.channel_name),
                        one_line(&w.qr.payload)
                    )
                })
                .collect::<Vec<_>>()
                .join("\n");
            Ok(Output { text, json: serde_json::to_value(&list).unwrap_or_default() })
        }
    }
}
