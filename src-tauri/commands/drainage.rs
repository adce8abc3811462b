//! Drainage channels and their QR codes: import a screenshot, type a link,
//! correct a group code's date, and the expiry watch.

use base64::Engine;
use chrono::{Duration, Utc};
use shopcircle_core::channel::{self, Channel, ChannelInput};
use shopcircle_core::qr_source::{self, ExpiringQr, QrKind, QrSource, QrSourceInput};
use shopcircle_core::{poster, shop, Field};
use tauri::State;

use super::CmdResult;
use crate::error::AppError;
use crate::poster_files::{self, Rerendered};
use crate::state::AppState;

/// A channel's new code, and its posters' files made again with it.
#[derive(Debug, serde::Serialize, ts_rs::TS)]
#[ts(export)]
pub struct QrReplaced {
    pub qr: QrSource,
    pub rerendered: Vec<Rerendered>,
}

/// Sets the channel's code, then, in the same step for the owner, makes every
/// saved file of its posters again with the new code. The code is committed
/// first: if rendering fails, the posters show as stale and nothing is lost.
fn replace_code(
    conn: &mut shopcircle_core::db::Connection,
    fonts: &shopcircle_print::Fonts,
    channel_id: i64,
    input: QrSourceInput,
    fallback: shopcircle_core::Lang,
) -> Result<QrReplaced, AppError> {
    let now = Utc::now();
    let qr = qr_source::set(conn, channel_id, input, now)?;
    let lang = shop::language_or(conn, fallback);
    let rerendered = poster_files::rerender_channel(conn, fonts, channel_id, lang, now)?;
    Ok(QrReplaced { qr, rerendered })
}

#[tauri::command]
pub async fn list_channels(state: State<'_, AppState>, community_id: i64) -> CmdResult<Vec<Channel>> {
    state.run(move |conn| channel::list(conn, community_id)).await
}

#[tauri::command]
pub async fn create_channel(
    state: State<'_, AppState>,
    community_id: i64,
    input: ChannelInput,
) -> CmdResult<Channel> {
    state.run(move |conn| channel::create(conn, community_id, &input, Utc::now())).await
}

/// `image` is the screenshot as base64; its one QR code becomes the channel's.
/// `made_on` (YYYY-MM-DD) corrects when WeChat made a group code.
#[tauri::command]
pub async fn import_qr(
    state: State<'_, AppState>,
    channel_id: i64,
    kind: QrKind,
    image: String,
    staff_id: Option<i64>,
    made_on: Option<String>,
) -> CmdResult<QrReplaced> {
    let fallback = state.system_language;
    state
        .run_with_fonts(move |conn, fonts| {
            let bytes =
                base64::engine::general_purpose::STANDARD.decode(image).map_err(|_| AppError::BadUpload)?;
            let payload = shopcircle_print::qr_import::decode(&bytes)?;
            let made_at = made_on.map(|d| shop::start_of_day(conn, &d, Field::MadeAt)).transpose()?;
            let input = QrSourceInput { kind, payload, staff_id, image: Some(bytes), made_at };
            replace_code(conn, fonts, channel_id, input, fallback)
        })
        .await
}

/// A link typed by the owner (a WeCom join link, the shop's page): never expires.
#[tauri::command]
pub async fn set_qr_link(state: State<'_, AppState>, channel_id: i64, link: String) -> CmdResult<QrReplaced> {
    let input =
        QrSourceInput { kind: QrKind::Link, payload: link, staff_id: None, image: None, made_at: None };
    let fallback = state.system_language;
    state.run_with_fonts(move |conn, fonts| replace_code(conn, fonts, channel_id, input, fallback)).await
}

#[tauri::command]
pub async fn correct_qr_made_on(
    state: State<'_, AppState>,
    qr_id: i64,
    made_on: String,
) -> CmdResult<QrSource> {
    state
        .run(move |conn| {
            let made_at = shop::start_of_day(conn, &made_on, Field::MadeAt)?;
            qr_source::correct_made_at(conn, qr_id, made_at, Utc::now())
        })
        .await
}

/// Group codes that expired or expire within two days: the home screen's watch.
#[tauri::command]
pub async fn expiring_qrs(state: State<'_, AppState>) -> CmdResult<Vec<ExpiringQr>> {
    state.run(|conn| qr_source::expiring(conn, Utc::now(), Duration::days(poster::EXPIRY_WARNING_DAYS))).await
}
