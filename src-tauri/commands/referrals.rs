//! Referral days: the wizard's plan and creating it, its console, a friend
//! card checked and taken at the counter, the month's leaderboard, and the
//! friend cards saved as a PNG or a sheet of them as a PDF.

use shopcircle_app::friend_cards;
use shopcircle_app::vouchers::VoucherPreview;
use shopcircle_core::campaign::referral::{
    self, FriendCardCheck, FriendInput, ReferralApplied, ReferralBoard, ReferralConsole, ReferralInput,
    ReferralPlan, Welcomed,
};
use tauri::{AppHandle, Runtime, State};

use super::files::{self, SaveAs};
use super::CmdResult;
use crate::state::AppState;

#[tauri::command]
pub async fn preview_referral(state: State<'_, AppState>, input: ReferralInput) -> CmdResult<ReferralPlan> {
    let now = state.now();
    state.run(move |conn| referral::preview(conn, &input, now)).await
}

#[tauri::command]
pub async fn save_referral_draft(
    state: State<'_, AppState>,
    id: Option<i64>,
    input: ReferralInput,
) -> CmdResult<i64> {
    let now = state.now();
    state.run(move |conn| referral::save_draft(conn, id, &input, now)).await
}

#[tauri::command]
pub async fn referral_draft(state: State<'_, AppState>, id: i64) -> CmdResult<ReferralInput> {
    state.run(move |conn| referral::draft(conn, id)).await
}

#[tauri::command]
pub async fn create_referral(
    state: State<'_, AppState>,
    input: ReferralInput,
    draft_id: Option<i64>,
) -> CmdResult<ReferralApplied> {
    let now = state.now();
    let made = state.run(move |conn| referral::apply(conn, &input, draft_id, now)).await?;
    state.reminders_changed();
    Ok(made)
}

#[tauri::command]
pub async fn referral_console(state: State<'_, AppState>, id: i64) -> CmdResult<ReferralConsole> {
    let now = state.now();
    state.run(move |conn| referral::console(conn, id, now)).await
}

#[tauri::command]
pub async fn check_friend_card(state: State<'_, AppState>, code: String) -> CmdResult<FriendCardCheck> {
    let now = state.now();
    state.run(move |conn| referral::check_card(conn, &code, now)).await
}

#[tauri::command]
pub async fn welcome_friend(state: State<'_, AppState>, input: FriendInput) -> CmdResult<Welcomed> {
    let now = state.now();
    state.run(move |conn| referral::welcome_friend(conn, &input, now)).await
}

#[tauri::command]
pub async fn referral_board(state: State<'_, AppState>, month: String) -> CmdResult<ReferralBoard> {
    state.run(move |conn| referral::board(conn, &month)).await
}

/// A member's friend card as shown on their page: its code and the card.
#[tauri::command]
pub async fn friend_card_preview(state: State<'_, AppState>, member_id: i64) -> CmdResult<VoucherPreview> {
    let now = state.now();
    state
        .run_with_fonts_in_lang(move |conn, fonts, lang| {
            friend_cards::preview(conn, fonts, member_id, lang, now)
        })
        .await
}

/// Saves a member's friend card (`member_id`) as a PNG, or every consenting
/// member's on A4 sheets as a PDF (none); the path, or none when cancelled.
#[tauri::command]
pub async fn save_friend_cards<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    member_id: Option<i64>,
) -> CmdResult<Option<String>> {
    let lang = files::language(&state).await;
    let what = match member_id {
        Some(id) => SaveAs {
            title_en: "Save the friend card",
            title_zh: "保存好友卡",
            file_name: format!("friend-card-{id}.png"),
            extension: "png",
        },
        None => SaveAs {
            title_en: "Save the friend cards",
            title_zh: "保存好友卡",
            file_name: "friend-cards.pdf".into(),
            extension: "pdf",
        },
    };
    let Some(path) = files::ask_where(&app, &state, lang, what).await else { return Ok(None) };
    let now = state.now();
    let shown = path.display().to_string();
    state
        .run_with_fonts(move |conn, fonts| match member_id {
            Some(id) => friend_cards::save_card(conn, fonts, id, &path, lang, now).map(|_| ()),
            None => friend_cards::save_sheet(conn, fonts, &path, lang, now).map(|_| ()),
        })
        .await?;
    Ok(Some(shown))
}
