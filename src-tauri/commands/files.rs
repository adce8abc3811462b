//! What the commands that make files share: asking where to save through the
//! system's dialog, the folder printed PDFs go to, and opening a file in the
//! system's viewer. The dialog and opener plugins are called from Rust only,
//! so the UI needs no file-system or dialog permission.

use std::path::PathBuf;

use shopcircle_core::{shop, Lang};
use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_dialog::DialogExt;
use tauri_plugin_opener::OpenerExt;

use super::CmdResult;
use crate::state::AppState;
use shopcircle_app::Error as AppError;

/// The shop's language, for words the shell itself shows (dialog titles).
pub async fn language(state: &AppState) -> Lang {
    let fallback = state.system_language;
    state.run(move |conn| Ok::<_, AppError>(shop::language_or(conn, fallback))).await.unwrap_or(fallback)
}

/// What the save dialog is for: its title and the file type it offers.
pub struct SaveAs<'a> {
    pub title_en: &'a str,
    pub title_zh: &'a str,
    pub file_name: String,
    /// Without the dot: "pdf", "png", "csv".
    pub extension: &'a str,
}

/// Asks where to save, starting in the owner's documents; `None` when the
/// owner cancelled. A name typed without an extension gets the right one.
pub async fn ask_where<R: Runtime>(
    app: &AppHandle<R>,
    state: &AppState,
    lang: Lang,
    what: SaveAs<'_>,
) -> Option<PathBuf> {
    if let Some(dir) = &state.save_dialog_answers {
        return Some(dir.join(&what.file_name));
    }
    let ext = what.extension;
    let (title, filter) = match lang {
        Lang::En => (what.title_en, format!("{} file", ext.to_uppercase())),
        Lang::ZhCn => (what.title_zh, format!("{} 文件", ext.to_uppercase())),
    };
    let mut dialog =
        app.dialog().file().set_title(title).set_file_name(what.file_name).add_filter(filter, &[ext]);
    if let Ok(docs) = app.path().document_dir() {
        dialog = dialog.set_directory(docs);
    }
    // The dialog runs on the main thread; wait for it off the async runtime.
    let mut path = tauri::async_runtime::spawn_blocking(move || dialog.blocking_save_file())
        .await
        .ok()
        .flatten()
        .and_then(|p| p.into_path().ok())?;
    if path.extension().is_none() {
        path.set_extension(ext);
    }
    Some(path)
}

/// Where a PDF to print goes: the app's cache (the printed paper is what
/// counts), in a folder made when first needed.
pub async fn print_path<R: Runtime>(
    app: &AppHandle<R>,
    state: &AppState,
    file_name: &str,
) -> CmdResult<PathBuf> {
    let dir = app.path().app_cache_dir().unwrap_or_else(|_| std::env::temp_dir()).join("prints");
    if let Err(e) = std::fs::create_dir_all(&dir) {
        let lang = language(state).await;
        return Err(AppError::io(&dir, e).payload(lang));
    }
    Ok(dir.join(file_name))
}

/// Opens a made file in the system's viewer, whose Print button prints it.
pub async fn open_in_viewer<R: Runtime>(
    app: &AppHandle<R>,
    state: &AppState,
    path: &std::path::Path,
) -> CmdResult<()> {
    if let Err(e) = app.opener().open_path(path.to_string_lossy(), None::<&str>) {
        let lang = language(state).await;
        return Err(AppError::Open { reason: e.to_string() }.payload(lang));
    }
    Ok(())
}
