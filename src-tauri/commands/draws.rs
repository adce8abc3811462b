//! Lucky draws: the wizard's plan, creating it, its console (freeze, run),
//! and its published file and verifier page, shown in the window or saved.

use shopcircle_core::campaign::draw::{self, DrawApplied, DrawConsole, DrawInput, DrawPlan};
use shopcircle_core::draw::verifier_page;
use tauri::{AppHandle, Runtime, State};

use super::files::{self, SaveAs};
use super::CmdResult;
use crate::state::AppState;

#[tauri::command]
pub async fn preview_draw(state: State<'_, AppState>, input: DrawInput) -> CmdResult<DrawPlan> {
    let now = state.now();
    state.run(move |conn| draw::preview(conn, &input, now)).await
}

#[tauri::command]
pub async fn save_draw_draft(
    state: State<'_, AppState>,
    id: Option<i64>,
    input: DrawInput,
) -> CmdResult<i64> {
    let now = state.now();
    state.run(move |conn| draw::save_draft(conn, id, &input, now)).await
}

#[tauri::command]
pub async fn draw_draft(state: State<'_, AppState>, id: i64) -> CmdResult<DrawInput> {
    state.run(move |conn| draw::draft(conn, id)).await
}

#[tauri::command]
pub async fn create_draw(
    state: State<'_, AppState>,
    input: DrawInput,
    draft_id: Option<i64>,
) -> CmdResult<DrawApplied> {
    let now = state.now();
    let made = state.run(move |conn| draw::apply(conn, &input, draft_id, now)).await?;
    state.reminders_changed();
    Ok(made)
}

#[tauri::command]
pub async fn draw_console(state: State<'_, AppState>, id: i64) -> CmdResult<DrawConsole> {
    let now = state.now();
    state.run(move |conn| draw::console(conn, id, now)).await
}

#[tauri::command]
pub async fn freeze_draw(state: State<'_, AppState>, id: i64) -> CmdResult<DrawConsole> {
    let now = state.now();
    state.run(move |conn| draw::freeze(conn, id, now)).await
}

#[tauri::command]
pub async fn run_draw(state: State<'_, AppState>, id: i64, public_value: String) -> CmdResult<DrawConsole> {
    let now = state.now();
    state.run(move |conn| draw::run(conn, id, &public_value, now)).await
}

/// The verifier page with the draw's published file inside, for the window
/// to show in a sandboxed frame.
#[tauri::command]
pub async fn draw_verifier_page(state: State<'_, AppState>, id: i64) -> CmdResult<String> {
    state.run(move |conn| Ok::<_, shopcircle_core::Error>(verifier_page(&draw::published(conn, id)?))).await
}

/// Saves the published file (`json`) or the verifier page (`html`) where the
/// owner picks, to post in the group; the path, or none when cancelled.
#[tauri::command]
pub async fn save_draw_result<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    id: i64,
    page: bool,
) -> CmdResult<Option<String>> {
    let lang = files::language(&state).await;
    let (extension, file_name, title_en, title_zh) = if page {
        ("html", format!("draw-{id}-check.html"), "Save the verifier page", "保存验证页面")
    } else {
        ("json", format!("draw-{id}.json"), "Save the verification file", "保存验证文件")
    };
    let what = SaveAs { title_en, title_zh, file_name, extension };
    let Some(path) = files::ask_where(&app, &state, lang, what).await else { return Ok(None) };
    let shown = path.display().to_string();
    state
        .run(move |conn| {
            let p = draw::published(conn, id)?;
            let text = if page {
                verifier_page(&p)
            } else {
                serde_json::to_string_pretty(&p).unwrap_or_default() + "\n"
            };
            shopcircle_app::files::write_output(&path, text.as_bytes())
        })
        .await?;
    Ok(Some(shown))
}
