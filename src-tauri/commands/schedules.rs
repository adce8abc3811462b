//! Schedules and the calendar: the owner's recurring tasks, their
//! occurrences, marking one done or skipped, and the .ics export.

use shopcircle_core::schedule::{self, CalendarOccurrence, Schedule, ScheduleInput};
use tauri::{AppHandle, Runtime, State};

use super::files::{ask_where, language, SaveAs};
use super::CmdResult;
use crate::state::AppState;

#[tauri::command]
pub async fn list_schedules(state: State<'_, AppState>) -> CmdResult<Vec<Schedule>> {
    let now = state.now();
    state.run(move |conn| schedule::list(conn, now)).await
}

#[tauri::command]
pub async fn create_schedule(state: State<'_, AppState>, input: ScheduleInput) -> CmdResult<Schedule> {
    let now = state.now();
    let made = state.run(move |conn| schedule::create(conn, &input, now)).await?;
    state.reminders_changed();
    Ok(made)
}

#[tauri::command]
pub async fn update_schedule(
    state: State<'_, AppState>,
    id: i64,
    input: ScheduleInput,
) -> CmdResult<Schedule> {
    let now = state.now();
    let saved = state.run(move |conn| schedule::update(conn, id, &input, now)).await?;
    state.reminders_changed();
    Ok(saved)
}

#[tauri::command]
pub async fn set_schedule_paused(state: State<'_, AppState>, id: i64, paused: bool) -> CmdResult<Schedule> {
    let now = state.now();
    let saved = state.run(move |conn| schedule::set_paused(conn, id, paused, now)).await?;
    state.reminders_changed();
    Ok(saved)
}

#[tauri::command]
pub async fn delete_schedule(state: State<'_, AppState>, id: i64) -> CmdResult<()> {
    let now = state.now();
    state.run(move |conn| schedule::delete(conn, id, now)).await?;
    state.reminders_changed();
    Ok(())
}

/// Every occurrence from day `from` to day `to` (both included, shop's days).
#[tauri::command]
pub async fn list_occurrences(
    state: State<'_, AppState>,
    from: String,
    to: String,
) -> CmdResult<Vec<CalendarOccurrence>> {
    state.run(move |conn| schedule::occurrences_on_days(conn, &from, &to)).await
}

/// Marks one occurrence `done`, `skipped`, or back to `planned`. (The app's
/// state is `shop` here: `state` is the occurrence's, as the UI names it.)
#[tauri::command]
pub async fn mark_occurrence(
    shop: State<'_, AppState>,
    schedule_id: i64,
    at: String,
    state: String,
) -> CmdResult<CalendarOccurrence> {
    let now = shop.now();
    let marked = shop.run(move |conn| schedule::mark_at(conn, schedule_id, &at, &state, now)).await?;
    shop.reminders_changed();
    Ok(marked)
}

/// Asks where to save, then writes every schedule in force as an .ics file a
/// phone calendar imports. `None` when the owner cancelled.
#[tauri::command]
pub async fn export_schedules_ics<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> CmdResult<Option<String>> {
    let lang = language(&state).await;
    let what = SaveAs {
        title_en: "Save the schedules for a phone calendar",
        title_zh: "保存日程（导入手机日历）",
        file_name: match lang {
            shopcircle_core::Lang::En => "ShopCircle schedules.ics".into(),
            shopcircle_core::Lang::ZhCn => "ShopCircle 日程.ics".into(),
        },
        extension: "ics",
    };
    let Some(path) = ask_where(&app, &state, lang, what).await else { return Ok(None) };
    let now = state.now();
    let shown = path.display().to_string();
    state.run(move |conn| shopcircle_app::calendar::save_ics(conn, &path, now)).await?;
    Ok(Some(shown))
}
