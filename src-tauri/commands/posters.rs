//! Drainage posters: design with a live preview, save through the system's save
//! dialog, print through the system's PDF viewer, and the history of both.

use shopcircle_app::posters::{self, FileRequest, PosterPreview};
use shopcircle_app::Error as AppError;
use shopcircle_core::poster::{self, OutputFormat, OutputReason, Poster, PosterInput, PosterOutput};
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_opener::OpenerExt;

use super::files::{self, SaveAs};
use super::CmdResult;
use crate::state::AppState;

#[tauri::command]
pub async fn list_posters(state: State<'_, AppState>, channel_id: Option<i64>) -> CmdResult<Vec<Poster>> {
    let now = state.now();
    state.run(move |conn| poster::list(conn, channel_id, now)).await
}

#[tauri::command]
pub async fn get_poster(state: State<'_, AppState>, id: i64) -> CmdResult<Poster> {
    let now = state.now();
    state.run(move |conn| poster::get(conn, id, now)).await
}

#[tauri::command]
pub async fn poster_history(state: State<'_, AppState>, id: i64) -> CmdResult<Vec<PosterOutput>> {
    let now = state.now();
    state.run(move |conn| poster::history(conn, id, now)).await
}

#[tauri::command]
pub async fn create_poster(
    state: State<'_, AppState>,
    channel_id: i64,
    input: PosterInput,
    logo: Option<String>,
) -> CmdResult<Poster> {
    let now = state.now();
    state.run(move |conn| posters::create(conn, channel_id, &input, logo, now)).await
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
    let now = state.now();
    let remove = remove_logo.unwrap_or(false);
    state.run(move |conn| posters::update(conn, id, &input, logo, remove, now)).await
}

#[tauri::command]
pub async fn archive_poster(state: State<'_, AppState>, id: i64) -> CmdResult<()> {
    let now = state.now();
    state.run(move |conn| poster::archive(conn, id, now)).await
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
    let logo = (logo, remove_logo.unwrap_or(false));
    state
        .run_with_fonts(move |conn, fonts| {
            posters::preview_unsaved(conn, fonts, channel_id, &input, poster_id, logo)
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
    let now = state.now();
    let file_name = state.run(move |conn| posters::save_name(conn, id, format, now)).await?;
    let lang = files::language(&state).await;
    let what =
        SaveAs { title_en: "Save poster", title_zh: "保存海报", file_name, extension: format.as_str() };
    let Some(path) = files::ask_where(&app, &state, lang, what).await else { return Ok(None) };
    let req = FileRequest { format, dpi, path, reason: OutputReason::Saved };
    let now = state.now();
    state.run_with_fonts(move |conn, fonts| posters::make_file(conn, fonts, id, &req, now)).await.map(Some)
}

/// Makes the PDF in the app's print folder and opens it in the system's
/// viewer, whose print button sends it to the printer.
#[tauri::command]
pub async fn print_poster<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    id: i64,
) -> CmdResult<Poster> {
    let now = state.now();
    let path = files::print_path(&app, &state, &posters::print_file_name(id, now)).await?;
    let req = FileRequest {
        format: OutputFormat::Pdf,
        dpi: None,
        path: path.clone(),
        reason: OutputReason::Printed,
    };
    let made =
        state.run_with_fonts(move |conn, fonts| posters::make_file(conn, fonts, id, &req, now)).await?;
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
