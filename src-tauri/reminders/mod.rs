//! Reminders in the running app: the task that delivers them, desktop
//! notifications, and the tray that keeps the app alive when the window is
//! closed. What is due, and the exactly-once log, live in the core.

mod desktop;
pub mod task;
pub mod tray;

use std::sync::Arc;

use tauri::{AppHandle, Manager, Runtime};

use crate::state::AppState;

/// Starts the reminder task for the app's life. Nothing to do when the
/// database did not open (the window says why).
pub fn start<R: Runtime>(app: &AppHandle<R>) {
    let state = app.state::<AppState>();
    let Some(db) = state.db() else { return };
    let task = task::Task {
        db,
        clock: state.clock.clone(),
        wake: Arc::clone(&state.reminders_changed),
        fallback_lang: state.system_language,
    };
    let notifier = Arc::new(desktop::Desktop { app: app.clone(), paused: Default::default() });
    tauri::async_runtime::spawn(task.run(notifier));
}
