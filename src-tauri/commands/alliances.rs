//! Alliances: partner stores, the wizard's plan and creating it, its page,
//! and a partner's monthly settlement shown or saved as PDF or CSV.

use shopcircle_app::settlement;
use shopcircle_core::campaign::alliance::{
    self, partner, AllianceApplied, AllianceConsole, AllianceInput, AlliancePlan, Partner, PartnerInput,
    PartnerSettlement,
};
use tauri::{AppHandle, Runtime, State};

use super::files::{self, SaveAs};
use super::CmdResult;
use crate::state::AppState;

#[tauri::command]
pub async fn list_partners(state: State<'_, AppState>) -> CmdResult<Vec<Partner>> {
    let now = state.now();
    state.run(move |conn| partner::list(conn, now)).await
}

#[tauri::command]
pub async fn add_partner(state: State<'_, AppState>, input: PartnerInput) -> CmdResult<Partner> {
    let now = state.now();
    state.run(move |conn| partner::add(conn, &input, now)).await
}

#[tauri::command]
pub async fn preview_alliance(state: State<'_, AppState>, input: AllianceInput) -> CmdResult<AlliancePlan> {
    let now = state.now();
    state.run(move |conn| alliance::preview(conn, &input, now)).await
}

#[tauri::command]
pub async fn save_alliance_draft(
    state: State<'_, AppState>,
    id: Option<i64>,
    input: AllianceInput,
) -> CmdResult<i64> {
    let now = state.now();
    state.run(move |conn| alliance::save_draft(conn, id, &input, now)).await
}

#[tauri::command]
pub async fn alliance_draft(state: State<'_, AppState>, id: i64) -> CmdResult<AllianceInput> {
    state.run(move |conn| alliance::draft(conn, id)).await
}

#[tauri::command]
pub async fn create_alliance(
    state: State<'_, AppState>,
    input: AllianceInput,
    draft_id: Option<i64>,
) -> CmdResult<AllianceApplied> {
    let now = state.now();
    state.run(move |conn| alliance::apply(conn, &input, draft_id, now)).await
}

#[tauri::command]
pub async fn alliance_console(state: State<'_, AppState>, id: i64) -> CmdResult<AllianceConsole> {
    let now = state.now();
    state.run(move |conn| alliance::console(conn, id, now)).await
}

#[tauri::command]
pub async fn partner_settlement(
    state: State<'_, AppState>,
    id: i64,
    month: String,
) -> CmdResult<PartnerSettlement> {
    let now = state.now();
    state.run(move |conn| alliance::settlement(conn, id, &month, now)).await
}

/// Asks where, then saves partner `id`'s month as a PDF sheet (or CSV); the
/// path, or none when cancelled.
#[tauri::command]
pub async fn save_partner_settlement<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    id: i64,
    month: String,
    csv: bool,
) -> CmdResult<Option<String>> {
    let lang = files::language(&state).await;
    let now = state.now();
    let probe = month.clone();
    // A month that is not one is refused before the dialog opens.
    state.run(move |conn| alliance::settlement(conn, id, &probe, now)).await?;
    let what = SaveAs {
        title_en: "Save the settlement",
        title_zh: "保存结算单",
        file_name: format!("settlement-{id}-{}.{}", month.trim(), if csv { "csv" } else { "pdf" }),
        extension: if csv { "csv" } else { "pdf" },
    };
    let Some(path) = files::ask_where(&app, &state, lang, what).await else { return Ok(None) };
    let shown = path.display().to_string();
    state
        .run_with_fonts(move |conn, fonts| settlement::save(conn, fonts, id, &month, &path, lang, now))
        .await?;
    Ok(Some(shown))
}
