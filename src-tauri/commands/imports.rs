//! Importing a till's export of orders: the file's bytes come from the
//! window as base64; the preview, the commit and the undo are the core's.

use shopcircle_app::upload;
use shopcircle_core::import::{self, ImportBatch, ImportOptions, ImportPreview};
use tauri::State;

use super::CmdResult;
use crate::state::AppState;

#[tauri::command]
pub async fn preview_import(
    state: State<'_, AppState>,
    file_name: String,
    data: String,
    options: ImportOptions,
) -> CmdResult<ImportPreview> {
    state
        .run(move |conn| {
            Ok::<_, shopcircle_app::Error>(import::preview(
                conn,
                &upload::decode(&data)?,
                &file_name,
                &options,
            )?)
        })
        .await
}

#[tauri::command]
pub async fn commit_import(
    state: State<'_, AppState>,
    file_name: String,
    data: String,
    options: ImportOptions,
) -> CmdResult<ImportBatch> {
    let now = state.now();
    state
        .run(move |conn| {
            Ok::<_, shopcircle_app::Error>(import::commit(
                conn,
                &upload::decode(&data)?,
                &file_name,
                &options,
                now,
            )?)
        })
        .await
}

#[tauri::command]
pub async fn undo_import(state: State<'_, AppState>, id: i64) -> CmdResult<ImportBatch> {
    let now = state.now();
    state.run(move |conn| import::undo(conn, id, now)).await
}

#[tauri::command]
pub async fn list_imports(state: State<'_, AppState>) -> CmdResult<Vec<ImportBatch>> {
    state.run(|conn| import::list(conn)).await
}
