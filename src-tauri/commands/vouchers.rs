//! Voucher batches and the counter: issue, report, void, print and save
//! sheets and single cards, export CSV, redeem and undo.

use chrono::Utc;
use std::path::PathBuf;

use shopcircle_core::voucher::{
    self, Batch, BatchInput, RedeemInput, Redemption, Undone, VoucherEvent, VoucherInfo, VoucherRow,
};
use shopcircle_core::{shop, Lang};
use tauri::{AppHandle, Runtime, State};

use super::files::{self, SaveAs};
use super::CmdResult;
use crate::error::AppError;
use crate::state::AppState;
use crate::voucher_files::{self, VoucherPreview};
use shopcircle_core::files::write_atomically;

#[tauri::command]
pub async fn list_batches(state: State<'_, AppState>) -> CmdResult<Vec<Batch>> {
    state.run(|conn| voucher::list(conn, Utc::now())).await
}

#[tauri::command]
pub async fn get_batch(state: State<'_, AppState>, id: i64) -> CmdResult<Batch> {
    state.run(move |conn| voucher::get(conn, id, Utc::now())).await
}

/// Every voucher of the batch or none: one transaction.
#[tauri::command]
pub async fn issue_batch(state: State<'_, AppState>, input: BatchInput) -> CmdResult<Batch> {
    state.run(move |conn| voucher::issue(conn, &input, Utc::now())).await
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
    state.run(move |conn| voucher::void(conn, id, &reason, Utc::now())).await
}

#[tauri::command]
pub async fn void_voucher(
    state: State<'_, AppState>,
    code: String,
    reason: String,
) -> CmdResult<VoucherInfo> {
    state.run_in_lang(move |conn, lang| voucher::void_voucher(conn, &code, &reason, lang, Utc::now())).await
}

/// The counter's one call: answers the code and, when it is good, redeems it.
#[tauri::command]
pub async fn redeem_voucher(state: State<'_, AppState>, input: RedeemInput) -> CmdResult<Redemption> {
    state.run_in_lang(move |conn, lang| voucher::redeem(conn, &input, lang, Utc::now())).await
}

/// Takes back the redemption of `code`, within 10 minutes, with a reason.
#[tauri::command]
pub async fn undo_redemption(
    state: State<'_, AppState>,
    code: String,
    reason: String,
    staff: String,
) -> CmdResult<Undone> {
    state
        .run_in_lang(move |conn, lang| {
            voucher::undo_redemption(conn, &code, &reason, &staff, lang, Utc::now())
        })
        .await
}

#[tauri::command]
pub async fn voucher_preview(
    state: State<'_, AppState>,
    batch_id: i64,
    code: Option<String>,
) -> CmdResult<VoucherPreview> {
    let fallback = state.system_language;
    state
        .run_with_fonts(move |conn, fonts| {
            let lang = shop::language_or(conn, fallback);
            voucher_files::preview(conn, fonts, batch_id, code, lang, Utc::now())
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
    state
        .run_with_fonts(move |conn, fonts| {
            let pdf = voucher_files::sheet(conn, fonts, id, lang, Utc::now())?;
            write(&path, &pdf)
        })
        .await
        .map(Some)
}

/// Makes the sheet in the app's print folder and opens it in the system's viewer.
#[tauri::command]
pub async fn print_voucher_sheet<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    id: i64,
) -> CmdResult<()> {
    let lang = files::language(&state).await;
    let path =
        files::print_dir(&app).join(format!("vouchers-{id}-{}.pdf", Utc::now().format("%Y%m%d-%H%M%S")));
    let target = path.clone();
    state
        .run_with_fonts(move |conn, fonts| {
            let pdf = voucher_files::sheet(conn, fonts, id, lang, Utc::now())?;
            write(&target, &pdf)
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
    let Some(path) = files::ask_where(&app, lang, what).await else { return Ok(None) };
    state
        .run_with_fonts(move |conn, fonts| {
            let (_, png) =
                voucher_files::image(conn, fonts, &code, voucher_files::IMAGE_DPI, lang, Utc::now())?;
            write(&path, &png)
        })
        .await
        .map(Some)
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
    state.run(move |conn| write(&path, voucher::csv(conn, id, lang)?.as_bytes())).await.map(Some)
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
    let batch = state.run(move |conn| voucher::get(conn, id, Utc::now())).await?;
    let lang = files::language(state).await;
    let file_name = voucher_files::suggested_name(&batch.name, id, extension);
    let what = SaveAs { title_en, title_zh, file_name, extension };
    Ok(files::ask_where(app, lang, what).await.map(|path| (path, lang)))
}

fn write(path: &std::path::Path, bytes: &[u8]) -> Result<String, AppError> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)
            .map_err(|e| AppError::Write { path: dir.to_owned(), reason: e.to_string() })?;
    }
    write_atomically(path, bytes)
        .map_err(|e| AppError::Write { path: path.to_owned(), reason: e.to_string() })?;
    Ok(path.to_string_lossy().into_owned())
}
