//! The shop's members: the list (phones masked), one member's page, adding
//! one with their consent, and marketing consent given or withdrawn.

use shopcircle_core::member::{self, ConsentMethod, JoinInput, Member, MemberFilter, MemberInput, MemberPage};
use tauri::State;

use super::CmdResult;
use crate::state::AppState;

#[tauri::command]
pub async fn list_members(state: State<'_, AppState>, filter: MemberFilter) -> CmdResult<MemberPage> {
    let now = state.now();
    state.run(move |conn| member::list(conn, &filter, now)).await
}

#[tauri::command]
pub async fn get_member(state: State<'_, AppState>, id: i64) -> CmdResult<Member> {
    state.run(move |conn| member::get(conn, id)).await
}

#[tauri::command]
pub async fn create_member(state: State<'_, AppState>, input: MemberInput) -> CmdResult<Member> {
    let now = state.now();
    state.run(move |conn| member::create(conn, &input, now)).await
}

/// `method` given: marketing consent recorded (how, and by `recorded_by`);
/// none: withdrawn.
#[tauri::command]
pub async fn set_member_marketing(
    state: State<'_, AppState>,
    id: i64,
    method: Option<ConsentMethod>,
    recorded_by: Option<String>,
) -> CmdResult<Member> {
    let now = state.now();
    state
        .run(move |conn| {
            let by = recorded_by.unwrap_or_default();
            member::set_marketing(conn, id, method.map(|m| (m, by.as_str())), now)
        })
        .await
}

#[tauri::command]
pub async fn join_member_community(state: State<'_, AppState>, id: i64, join: JoinInput) -> CmdResult<Member> {
    let now = state.now();
    state.run(move |conn| member::join(conn, id, &join, now)).await
}

#[tauri::command]
pub async fn leave_member_community(state: State<'_, AppState>, membership_id: i64) -> CmdResult<Member> {
    let now = state.now();
    state.run(move |conn| member::leave(conn, membership_id, now)).await
}
