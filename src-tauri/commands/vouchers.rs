//! Voucher batches and the counter: issue, report, void, print and save
//! sheets and single cards, export CSV, redeem and undo.

use std::path::PathBuf;

use shopcircle_app::vouchers::{self, VoucherPreview};
use shopcircle_app::PRINT_DPI;
use shopcircle_core::voucher::{
    self, Batch, BatchInput, RedeemInput, Redemption, Undone, VoucherEvent, VoucherInfo, VoucherRow,
};
use shopcircle_core::Lang;
use tauri::{AppHandle, Runtime, State};

use super::files::{self, SaveAs};
use super::CmdResult;
use crate::state::AppState;

#[tauri::command]
pub async fn list_batches(state: State<'_, AppState>) -> CmdResult<Vec<Batch>> {
    let now = state.now();
    state.run(move |conn| voucher::list(conn, now)).await
}

#[tauri::command]
pub async fn get_batch(state: State<'_, AppState>, id: i64) -> CmdResult<Batch> {
    let now = state.now();
    state.run(move |conn| voucher::get(conn, id, now)).await
}

/// Every voucher of the batch or none: one transaction.
#[tauri::command]
pub async fn issue_batch(state: State<'_, AppState>, input: BatchInput) -> CmdResult<Batch> {
    let now = state.now();
    state.run(move |conn| voucher::issue(conn, &input, now)).await
}

#[tauri::command]
pub async fn batch_vouchers(state: State<'_, AppState>, id: i64) -> CmdResult<Vec<VoucherRow>> {
    state.run(move |conn| voucher::vouchers(conn, id)).await
}

/// The batch's counter log: redemptions, undos and voidings, newest first.
#[tauri::command]
pub async fn batch_events(state: State<'_, AppState>, id: i64) -> CmdResult<Vec<VoucherEvent>> {
    state.run(move |conn| voucher::events(conn, id)).await
}

#[tauri::command]
pub async fn void_batch(state: State<'_, AppState>, id: i64, reason: String) -> CmdResult<Batch> {
    let now = state.now();
    state.run(move |conn| voucher::void(conn, id, &reason, now)).await
}

#[tauri::command]
pub async fn void_voucher(
    state: State<'_, AppState>,
    code: String,
    reason: String,
) -> CmdResult<VoucherInfo> {
    let now = state.now();
    state.run_in_lang(move |conn, lang| voucher::void_voucher(conn, &code, &reason, lang, now)).await
}

/// The counter's one call: answers the code and, when it is good, redeems it.
#[tauri::command]
pub async fn redeem_voucher(state: State<'_, AppState>, input: RedeemInput) -> CmdResult<Redemption> {
    let now = state.now();
    state.run_in_lang(move |conn, lang| voucher::redeem(conn, &input, lang, now)).await
}

/// Takes back the redemption of `code`, within 10 minutes, with a reason.
#[tauri::command]
pub async fn undo_redemption(
    state: State<'_, AppState>,
    code: String,
    reason: String,
    staff: String,
) -> CmdResult<Undone> {
    let now = state.now();
    state
        .run_in_lang(move |conn, lang| voucher::undo_redemption(conn, &code, &reason, &staff, lang, now))
        .await
}

#[tauri::command]
pub async fn voucher_preview(
    state: State<'_, AppState>,
    batch_id: i64,
    code: Option<String>,
) -> CmdResult<VoucherPreview> {
    let now = state.now();
    state
        .run_with_fonts_in_lang(move |conn, fonts, lang| {
            vouchers::preview(conn, fonts, batch_id, code, lang, now)
        })
        .await
}

/// Asks where to save the batch's sheet, then writes it. `Ok(None)`: cancelled.
#[tauri::command]
pub async fn save_voucher_sheet<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    id: i64,
) -> CmdResult<Option<String>> {
    let titles = ("Save voucher sheet", "保存券页");
    let Some((path, lang)) = ask_for_batch_file(&app, &state, id, titles, "pdf").await? else {
        return Ok(None);
    };
    let now = state.now();
    let shown = path.display().to_string();
    state.run_with_fonts(move |conn, fonts| vouchers::save_sheet(conn, fonts, id, &path, lang, now)).await?;
    Ok(Some(shown))
}

/// Makes the sheet in the app's print folder and opens it in the system's viewer.
#[tauri::command]
pub async fn print_voucher_sheet<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    id: i64,
) -> CmdResult<()> {
    let now = state.now();
    let path = files::print_path(&app, &state, &vouchers::print_file_name(id, now)).await?;
    let target = path.clone();
    state
        .run_with_fonts_in_lang(move |conn, fonts, lang| {
            vouchers::save_sheet(conn, fonts, id, &target, lang, now)
        })
        .await?;
    files::open_in_viewer(&app, &state, &path).await
}

/// One voucher as a PNG to post into the group chat, saved where the owner says.
#[tauri::command]
pub async fn save_voucher_image<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    code: String,
) -> CmdResult<Option<String>> {
    let lang = files::language(&state).await;
    let probe = code.clone();
    // Refuse a code that is not ours before asking where to save it.
    let info = state.run(move |conn| voucher::lookup(conn, &probe, lang)).await?;
    let what = SaveAs {
        title_en: "Save voucher image",
        title_zh: "保存券图片",
        file_name: format!("{}.png", info.code),
        extension: "png",
    };
    let Some(path) = files::ask_where(&app, &state, lang, what).await else { return Ok(None) };
    let now = state.now();
    let shown = path.display().to_string();
    state
        .run_with_fonts(move |conn, fonts| {
            vouchers::save_image(conn, fonts, &code, PRINT_DPI, &path, lang, now)
        })
        .await?;
    Ok(Some(shown))
}

/// The batch as CSV (one voucher a line, headers in the shop's language).
#[tauri::command]
pub async fn export_batch_csv<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    id: i64,
) -> CmdResult<Option<String>> {
    let titles = ("Export vouchers as CSV", "导出券（CSV）");
    let Some((path, lang)) = ask_for_batch_file(&app, &state, id, titles, "csv").await? else {
        return Ok(None);
    };
    let shown = path.display().to_string();
    state.run(move |conn| vouchers::save_csv(conn, id, &path, lang)).await?;
    Ok(Some(shown))
}

/// Asks where to save a file of batch `id`, suggesting the batch's name; the
/// path and the shop's language, or `None` when the owner cancelled.
async fn ask_for_batch_file<R: Runtime>(
    app: &AppHandle<R>,
    state: &AppState,
    id: i64,
    (title_en, title_zh): (&str, &str),
    extension: &str,
) -> CmdResult<Option<(PathBuf, Lang)>> {
    let now = state.now();
    let batch = state.run(move |conn| voucher::get(conn, id, now)).await?;
    let lang = files::language(state).await;
    let file_name = vouchers::suggested_name(&batch.name, id, extension);
    let what = SaveAs { title_en, title_zh, file_name, extension };
    Ok(files::ask_where(app, state, lang, what).await.map(|path| (path, lang)))
}
