//! Drainage channels and their QR codes: import a screenshot, type a link,
//! correct a group code's date, and the expiry watch.

use shopcircle_app::qr::{self, QrReplaced, Screenshot};
use shopcircle_app::upload;
use shopcircle_core::channel::{self, Channel, ChannelInput};
use shopcircle_core::poster;
use shopcircle_core::qr_source::{self, QrKind, QrSource};
use shopcircle_core::qr_watch::{self, ExpiringQr};
use tauri::State;

use super::CmdResult;
use crate::state::AppState;

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
    let now = state.now();
    state.run(move |conn| channel::create(conn, community_id, &input, now)).await
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
    let now = state.now();
    state
        .run_with_fonts_in_lang(move |conn, fonts, lang| {
            let shot = Screenshot { kind, image: upload::decode(&image)?, staff_id, made_on };
            qr::import(conn, fonts, channel_id, shot, lang, now)
        })
        .await
}

/// A link typed by the owner (a WeCom join link, the shop's page): never expires.
#[tauri::command]
pub async fn set_qr_link(state: State<'_, AppState>, channel_id: i64, link: String) -> CmdResult<QrReplaced> {
    let now = state.now();
    state
        .run_with_fonts_in_lang(move |conn, fonts, lang| {
            qr::set_link(conn, fonts, channel_id, link, lang, now)
        })
        .await
}

#[tauri::command]
pub async fn correct_qr_made_on(
    state: State<'_, AppState>,
    qr_id: i64,
    made_on: String,
) -> CmdResult<QrSource> {
    let now = state.now();
    state.run(move |conn| qr_source::correct_made_on(conn, qr_id, &made_on, now)).await
}

/// Group codes that expired or expire within two days: the home screen's watch.
#[tauri::command]
pub async fn expiring_qrs(state: State<'_, AppState>) -> CmdResult<Vec<ExpiringQr>> {
    let now = state.now();
    state.run(move |conn| qr_watch::expiring(conn, now, poster::EXPIRY_WARNING_DAYS)).await
}
