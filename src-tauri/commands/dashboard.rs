//! The dashboard's figures for a period and a community.

use shopcircle_core::dashboard::{self, rfm, ChannelFigures, Dashboard, DashboardQuery, RfmThresholds};
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
pub async fn set_rfm_thresholds(
    state: State<'_, AppState>,
    thresholds: RfmThresholds,
) -> CmdResult<RfmThresholds> {
    state.run(move |conn| rfm::set_thresholds(conn, &thresholds)).await
}

/// The community's channels since it began, for their cards.
#[tauri::command]
pub async fn channel_figures(
    state: State<'_, AppState>,
    community_id: i64,
) -> CmdResult<Vec<ChannelFigures>> {
    let now = state.now();
    state.run(move |conn| dashboard::channels_to_date(conn, community_id, now)).await
}
