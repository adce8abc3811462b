//! Drainage with a gift: the wizard's plan, creating it, and claims at the counter.

use shopcircle_core::campaign::drainage::{self, Claims, DrainageApplied, DrainageInput, DrainagePlan};
use tauri::State;

use super::CmdResult;
use crate::state::AppState;

#[tauri::command]
pub async fn preview_drainage(state: State<'_, AppState>, input: DrainageInput) -> CmdResult<DrainagePlan> {
    let now = state.now();
    state.run(move |conn| drainage::preview(conn, &input, now)).await
}

#[tauri::command]
pub async fn save_drainage_draft(
    state: State<'_, AppState>,
    id: Option<i64>,
    input: DrainageInput,
) -> CmdResult<i64> {
    let now = state.now();
    state.run(move |conn| drainage::save_draft(conn, id, &input, now)).await
}

#[tauri::command]
pub async fn drainage_draft(state: State<'_, AppState>, id: i64) -> CmdResult<DrainageInput> {
    state.run(move |conn| drainage::draft(conn, id)).await
}

#[tauri::command]
pub async fn create_drainage(
    state: State<'_, AppState>,
    input: DrainageInput,
    draft_id: Option<i64>,
) -> CmdResult<DrainageApplied> {
    let now = state.now();
    let made = state.run(move |conn| drainage::apply(conn, &input, draft_id, now)).await?;
    state.reminders_changed();
    Ok(made)
}

/// Every drainage campaign running now, with its claims, for the counter.
#[tauri::command]
pub async fn running_drainage(state: State<'_, AppState>) -> CmdResult<Vec<Claims>> {
    let now = state.now();
    state.run(move |conn| drainage::running(conn, now)).await
}

#[tauri::command]
pub async fn drainage_claims(state: State<'_, AppState>, id: i64) -> CmdResult<Claims> {
    let now = state.now();
    state.run(move |conn| drainage::claims(conn, id, now)).await
}

#[tauri::command]
pub async fn claim_drainage_gift(
    state: State<'_, AppState>,
    id: i64,
    phone: String,
    channel_id: Option<i64>,
) -> CmdResult<Claims> {
    let now = state.now();
    state.run(move |conn| drainage::claim(conn, id, &phone, channel_id, now)).await
}

#[tauri::command]
pub async fn undo_drainage_claim(state: State<'_, AppState>, id: i64) -> CmdResult<Claims> {
    let now = state.now();
    state.run(move |conn| drainage::undo_last_claim(conn, id, now)).await
}

/// A published welcome gift's choices, for the wizard to reopen on before it starts.
#[tauri::command]
pub async fn drainage_for_edit(state: State<'_, AppState>, id: i64) -> CmdResult<DrainageInput> {
    let now = state.now();
    state.run(move |conn| drainage::for_edit(conn, id, now)).await
}

#[tauri::command]
pub async fn preview_drainage_edit(
    state: State<'_, AppState>,
    id: i64,
    input: DrainageInput,
) -> CmdResult<DrainagePlan> {
    let now = state.now();
    state.run(move |conn| drainage::preview_edit(conn, id, &input, now)).await
}

#[tauri::command]
pub async fn edit_drainage(
    state: State<'_, AppState>,
    id: i64,
    input: DrainageInput,
) -> CmdResult<DrainageApplied> {
    let now = state.now();
    let made = state.run(move |conn| drainage::edit(conn, id, &input, now)).await?;
    state.reminders_changed();
    Ok(made)
}
