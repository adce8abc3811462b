//! The reminder centre, pausing notifications, starting at login, and the
//! end-to-end tests' clock.

use shopcircle_core::reminder::{self, ReminderCentre};
use shopcircle_core::{Error, Field};
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_autostart::ManagerExt;

use super::CmdResult;
use crate::reminders::tray;
use crate::state::AppState;

#[tauri::command]
pub async fn reminder_centre(state: State<'_, AppState>) -> CmdResult<ReminderCentre> {
    let now = state.now();
    state.run(move |conn| reminder::centre(conn, now)).await
}

/// Clears missed reminders from the centre: the keys given, or all.
#[tauri::command]
pub async fn dismiss_reminders(
    state: State<'_, AppState>,
    keys: Option<Vec<String>>,
) -> CmdResult<ReminderCentre> {
    let now = state.now();
    state.run(move |conn| reminder::dismiss_missed(conn, keys.as_deref(), now)).await
}

/// Silences notifications for `minutes` (0 resumes); reminders still reach the centre.
#[tauri::command]
pub async fn pause_reminders<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    minutes: i64,
) -> CmdResult<ReminderCentre> {
    let now = state.now();
    let centre = state.run(move |conn| reminder::pause_for(conn, minutes, now)).await?;
    tray::refresh(&app);
    Ok(centre)
}

/// Whether the system starts ShopCircle at login.
#[tauri::command]
pub async fn autostart_enabled<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>) -> CmdResult<bool> {
    let lang = super::files::language(&state).await;
    app.autolaunch().is_enabled().map_err(|e| autostart_error(lang, &e.to_string()))
}

#[tauri::command]
pub async fn set_autostart<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    enabled: bool,
) -> CmdResult<bool> {
    let lang = super::files::language(&state).await;
    let launcher = app.autolaunch();
    let done = if enabled { launcher.enable() } else { launcher.disable() };
    done.map_err(|e| autostart_error(lang, &e.to_string()))?;
    launcher.is_enabled().map_err(|e| autostart_error(lang, &e.to_string()))
}

fn autostart_error(lang: shopcircle_core::Lang, reason: &str) -> shopcircle_core::ErrorPayload {
    shopcircle_app::Error::Autostart { reason: reason.to_owned() }.payload(lang)
}

/// Moves the app's clock (end-to-end tests only: refused unless the app was
/// started with SHOPCIRCLE_TEST_CLOCK=1), then lets the reminder task look.
#[tauri::command]
pub async fn set_test_clock(state: State<'_, AppState>, at: String) -> CmdResult<String> {
    let lang = super::files::language(&state).await;
    let when = shopcircle_core::parse_instant(Field::Date, &at).map_err(|e| e.payload(lang))?;
    if !state.clock.set(when) {
        return Err(Error::TestClockRefused.payload(lang));
    }
    state.reminders_changed();
    Ok(state.now().to_rfc3339())
}
