//! Drainage posters: design with a live preview, save through the system's save
//! dialog, print through the system's PDF viewer, and the history of both.

use base64::Engine;
use chrono::Utc;
use shopcircle_core::poster::{
    self, LogoChange, OutputFormat, OutputReason, Poster, PosterInput, PosterOutput,
};
use shopcircle_print::poster::Logo;
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_opener::OpenerExt;

use super::files::{self, SaveAs};
use super::CmdResult;
use crate::error::AppError;
use crate::poster_files::{self, PosterPreview};
use crate::state::AppState;

/// A logo sent by the UI as base64, checked and scaled down to a small PNG.
fn checked_logo(image: Option<String>) -> Result<Option<Vec<u8>>, AppError> {
    image
        .map(|b64| {
            let bytes =
                base64::engine::general_purpose::STANDARD.decode(b64).map_err(|_| AppError::BadUpload)?;
            Ok(Logo::from_bytes(&bytes)?.png().to_vec())
        })
        .transpose()
}

#[tauri::command]
pub async fn list_posters(state: State<'_, AppState>, channel_id: Option<i64>) -> CmdResult<Vec<Poster>> {
    state.run(move |conn| poster::list(conn, channel_id, Utc::now())).await
}

#[tauri::command]
pub async fn get_poster(state: State<'_, AppState>, id: i64) -> CmdResult<Poster> {
    state.run(move |conn| poster::get(conn, id, Utc::now())).await
}

#[tauri::command]
pub async fn poster_history(state: State<'_, AppState>, id: i64) -> CmdResult<Vec<PosterOutput>> {
    state
        .run(move |conn| {
            poster::get(conn, id, Utc::now())?;
            poster::outputs(conn, id)
        })
        .await
}

#[tauri::command]
pub async fn create_poster(
    state: State<'_, AppState>,
    channel_id: i64,
    input: PosterInput,
    logo: Option<String>,
) -> CmdResult<Poster> {
    state
        .run(move |conn| {
            let logo = checked_logo(logo)?;
            Ok::<_, AppError>(poster::create(conn, channel_id, &input, logo.as_deref(), Utc::now())?)
        })
        .await
}

/// `logo` replaces the logo; `remove_logo` drops it; neither keeps it.
#[tauri::command]
pub async fn update_poster(
    state: State<'_, AppState>,
    id: i64,
    input: PosterInput,
    logo: Option<String>,
    remove_logo: Option<bool>,
) -> CmdResult<Poster> {
    state
        .run(move |conn| {
            let change = match (checked_logo(logo)?, remove_logo.unwrap_or(false)) {
                (Some(png), _) => LogoChange::Set(png),
                (None, true) => LogoChange::Remove,
                (None, false) => LogoChange::Keep,
            };
            Ok::<_, AppError>(poster::update(conn, id, &input, &change, Utc::now())?)
        })
        .await
}

#[tauri::command]
pub async fn archive_poster(state: State<'_, AppState>, id: i64) -> CmdResult<()> {
    state.run(move |conn| poster::archive(conn, id, Utc::now())).await
}

/// The designer's live preview of settings not yet saved. The logo is the one
/// sent, else the saved poster's (unless `remove_logo`), else none.
#[tauri::command]
pub async fn preview_poster(
    state: State<'_, AppState>,
    channel_id: i64,
    input: PosterInput,
    poster_id: Option<i64>,
    logo: Option<String>,
    remove_logo: Option<bool>,
) -> CmdResult<PosterPreview> {
    state
        .run_with_fonts(move |conn, fonts| {
            let logo = match (checked_logo(logo)?, poster_id, remove_logo.unwrap_or(false)) {
                (Some(png), _, _) => Some(png),
                (None, Some(id), false) => poster::logo(conn, id)?,
                _ => None,
            };
            let draft = poster::draft(conn, channel_id, &input, logo)?;
            poster_files::preview(&draft, fonts)
        })
        .await
}

/// Asks where to save through the system's dialog, then makes the file.
/// `Ok(None)` when the owner cancelled.
#[tauri::command]
pub async fn export_poster<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    id: i64,
    format: OutputFormat,
    dpi: Option<u32>,
) -> CmdResult<Option<Poster>> {
    let p = state.run(move |conn| poster::get(conn, id, Utc::now())).await?;
    let lang = files::language(&state).await;
    let what = SaveAs {
        title_en: "Save poster",
        title_zh: "保存海报",
        file_name: poster_files::suggested_name(&p, format),
        extension: format.as_str(),
    };
    let Some(path) = files::ask_where(&app, lang, what).await else { return Ok(None) };
    let dpi = dpi.unwrap_or(300);
    state
        .run_with_fonts(move |conn, fonts| {
            poster_files::make_file(conn, fonts, id, format, dpi, &path, OutputReason::Saved, Utc::now())
        })
        .await
        .map(Some)
}

/// Makes the PDF in the app's print folder and opens it in the system's
/// viewer, whose print button sends it to the printer.
#[tauri::command]
pub async fn print_poster<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    id: i64,
) -> CmdResult<Poster> {
    let dir = files::print_dir(&app);
    let path = dir.join(format!("poster-{id}-{}.pdf", Utc::now().format("%Y%m%d-%H%M%S")));
    let target = path.clone();
    let made = state
        .run_with_fonts(move |conn, fonts| {
            std::fs::create_dir_all(&dir)
                .map_err(|e| AppError::Write { path: dir.clone(), reason: e.to_string() })?;
            poster_files::make_file(
                conn,
                fonts,
                id,
                OutputFormat::Pdf,
                300,
                &target,
                OutputReason::Printed,
                Utc::now(),
            )
        })
        .await?;
    files::open_in_viewer(&app, &state, &path).await?;
    Ok(made)
}

/// Shows a file from the history in the system's file manager.
#[tauri::command]
pub async fn reveal_poster_file<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    output_id: i64,
) -> CmdResult<()> {
    let path = state.run(move |conn| poster::output_path(conn, output_id)).await?;
    if let Err(e) = app.opener().reveal_item_in_dir(&path) {
        let lang = files::language(&state).await;
        return Err(AppError::Open { reason: e.to_string() }.payload(lang));
    }
    Ok(())
}
