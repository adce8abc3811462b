//! Planning communities: the plan, its rules, archive and restore, health.

use shopcircle_core::community::rule_log::{self, RuleEvent, RuleEventInput};
use shopcircle_core::community::{read, write, Community, CommunityInput};
use shopcircle_core::health::{self, HealthCheck};
use shopcircle_core::rule_templates::{self, RuleTemplate};
use shopcircle_core::Lang;
use tauri::State;

use super::CmdResult;
use crate::state::AppState;

#[tauri::command]
pub async fn list_communities(
    state: State<'_, AppState>,
    include_archived: bool,
) -> CmdResult<Vec<Community>> {
    state.run(move |conn| read::list(conn, include_archived)).await
}

#[tauri::command]
pub async fn get_community(state: State<'_, AppState>, id: i64) -> CmdResult<Community> {
    state.run(move |conn| read::get(conn, id)).await
}

#[tauri::command]
pub async fn create_community(state: State<'_, AppState>, input: CommunityInput) -> CmdResult<Community> {
    let now = state.now();
    state.run(move |conn| write::create(conn, &input, now)).await
}

#[tauri::command]
pub async fn update_community(
    state: State<'_, AppState>,
    id: i64,
    input: CommunityInput,
) -> CmdResult<Community> {
    let now = state.now();
    state.run(move |conn| write::update(conn, id, &input, now)).await
}

#[tauri::command]
pub async fn archive_community(state: State<'_, AppState>, id: i64) -> CmdResult<Community> {
    let now = state.now();
    state.run(move |conn| write::archive(conn, id, now)).await
}

#[tauri::command]
pub async fn restore_community(state: State<'_, AppState>, id: i64) -> CmdResult<Community> {
    let now = state.now();
    state.run(move |conn| write::restore(conn, id, now)).await
}

#[tauri::command]
pub fn rule_templates(language: Lang) -> Vec<RuleTemplate> {
    rule_templates::all(language)
}

#[tauri::command]
pub async fn community_health(state: State<'_, AppState>, id: i64) -> CmdResult<HealthCheck> {
    let now = state.now();
    state.run(move |conn| health::check(conn, id, now)).await
}

/// The community's warnings and removals, newest first.
#[tauri::command]
pub async fn list_rule_events(state: State<'_, AppState>, community_id: i64) -> CmdResult<Vec<RuleEvent>> {
    state.run(move |conn| rule_log::list(conn, community_id)).await
}

/// Records a warning or a removal (which ends the membership there).
#[tauri::command]
pub async fn record_rule_event(
    state: State<'_, AppState>,
    community_id: i64,
    input: RuleEventInput,
) -> CmdResult<RuleEvent> {
    let now = state.now();
    state.run(move |conn| rule_log::record(conn, community_id, &input, now)).await
}
