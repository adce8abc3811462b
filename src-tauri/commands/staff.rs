//! The staff account matrix.

use shopcircle_core::staff::{read, write, Staff, StaffInput};
use tauri::State;

use super::CmdResult;
use crate::state::AppState;

#[tauri::command]
pub async fn list_staff(state: State<'_, AppState>, include_archived: bool) -> CmdResult<Vec<Staff>> {
    state.run(move |conn| read::list(conn, include_archived)).await
}

#[tauri::command]
pub async fn create_staff(state: State<'_, AppState>, input: StaffInput) -> CmdResult<Staff> {
    let now = state.now();
    state.run(move |conn| write::create(conn, &input, now)).await
}

#[tauri::command]
pub async fn update_staff(state: State<'_, AppState>, id: i64, input: StaffInput) -> CmdResult<Staff> {
    let now = state.now();
    state.run(move |conn| write::update(conn, id, &input, now)).await
}

#[tauri::command]
pub async fn set_staff_archived(state: State<'_, AppState>, id: i64, archived: bool) -> CmdResult<Staff> {
    let now = state.now();
    state.run(move |conn| write::set_archived(conn, id, archived, now)).await
}
