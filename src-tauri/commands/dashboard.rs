//! The dashboard's figures for a period and a community.

use shopcircle_core::dashboard::{self, Dashboard, DashboardQuery};
use tauri::State;

use super::CmdResult;
use crate::state::AppState;

#[tauri::command]
pub async fn dashboard(state: State<'_, AppState>, query: DashboardQuery) -> CmdResult<Dashboard> {
    state.run(move |conn| dashboard::dashboard(conn, &query)).await
}
