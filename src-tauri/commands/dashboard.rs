//! The dashboard's figures for a period and a community.

use shopcircle_core::dashboard::{self, rfm, Dashboard, DashboardQuery, RfmThresholds};
use tauri::State;

use super::CmdResult;
use crate::state::AppState;

#[tauri::command]
pub async fn dashboard(state: State<'_, AppState>, query: DashboardQuery) -> CmdResult<Dashboard> {
    state.run(move |conn| dashboard::dashboard(conn, &query)).await
}

#[tauri::command]
pub async fn rfm_thresholds(state: State<'_, AppState>) -> CmdResult<RfmThresholds> {
    state.run(move |conn| rfm::thresholds(conn)).await
}

#[tauri::command]
pub async fn set_rfm_thresholds(state: State<'_, AppState>, thresholds: RfmThresholds) -> CmdResult<RfmThresholds> {
    state.run(move |conn| rfm::set_thresholds(conn, &thresholds)).await
}
