//! Member counts over time.

use shopcircle_core::member_counts::{self, MemberCount};
use tauri::State;

use super::CmdResult;
use crate::state::AppState;

#[tauri::command]
pub async fn list_member_counts(
    state: State<'_, AppState>,
    community_id: i64,
) -> CmdResult<Vec<MemberCount>> {
    state.run(move |conn| member_counts::list(conn, community_id)).await
}

/// `day` is the calendar day the owner picked (YYYY-MM-DD), checked in the core.
#[tauri::command]
pub async fn record_member_count(
    state: State<'_, AppState>,
    community_id: i64,
    day: String,
    count: i64,
) -> CmdResult<MemberCount> {
    let now = state.now();
    state.run(move |conn| member_counts::record(conn, community_id, &day, count, now)).await
}
