//! `shopcircle-cli qr …`: import a community's QR code, watch expiring ones.

use std::path::PathBuf;

use chrono::{Duration, Utc};
use clap::Subcommand;
use serde_json::json;
use shopcircle_core::channel::{self, ChannelInput, ChannelKind};
use shopcircle_core::db::Connection;
use shopcircle_core::qr_source::{self, QrKind, QrSourceInput};
use shopcircle_core::{shop, Field};

use crate::error::{read_file, CliResult};
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
    /// List group codes that expired or expire within N days
    Expiring {
        #[arg(long, default_value_t = 2)]
        days: i64,
    },
}

pub fn run(conn: &mut Connection, cmd: QrCommand) -> CliResult<Output> {
    let now = Utc::now();
    match cmd {
        QrCommand::Import { image, community, channel: name, kind, staff, made } => {
            let bytes = read_file(&image)?;
            let payload = shopcircle_print::qr_import::decode(&bytes)?;
            let made_at = made.map(|d| shop::start_of_day(conn, &d, Field::MadeAt)).transpose()?;
            let ch = match channel::find_by_name(conn, community, &name)? {
                Some(ch) => ch,
                None => {
                    // A name that is a channel kind ("counter", "shop-window") gives the kind.
                    let kind = ChannelKind::parse(&name).unwrap_or(ChannelKind::Custom);
                    let input = ChannelInput { kind: kind.as_str().into(), name: name.clone() };
                    channel::create(conn, community, &input, now)?
                }
            };
            let input = QrSourceInput {
                kind: QrKind::parse(&kind)?,
                payload,
                staff_id: staff,
                image: Some(bytes),
                made_at,
            };
            let qr = qr_source::set(conn, ch.id, input, now)?;
            let expires = qr.expires_at.map_or("never".to_string(), |e| e.to_rfc3339());
            Ok(Output {
                text: format!("{}\nexpires: {expires}", qr.payload),
                json: json!({ "payload": qr.payload, "expires_at": qr.expires_at, "channel_id": ch.id, "qr_id": qr.id }),
            })
        }
        QrCommand::Decode { image } => {
            let payload = shopcircle_print::qr_import::decode(&read_file(&image)?)?;
            Ok(Output { text: payload.clone(), json: json!({ "payload": payload }) })
        }
        QrCommand::Expiring { days } => {
            let list = qr_source::expiring(conn, now, Duration::days(days.max(0)))?;
            let text = list
                .iter()
                .map(|w| {
                    let when = w.qr.expires_at.map(|e| e.to_rfc3339()).unwrap_or_default();
                    let state = if w.expired { "EXPIRED" } else { "expires" };
                    format!(
                        "{state} {when}  #{} {} / {}  {}",
                        w.qr.channel_id, w.community_name, w.channel_name, w.qr.payload
                    )
                })
                .collect::<Vec<_>>()
                .join("\n");
            Ok(Output { text, json: serde_json::to_value(&list).unwrap_or_default() })
        }
    }
}
