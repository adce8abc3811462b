//! Reminders in the running app: the task that delivers them, desktop
//! notifications, and the tray that keeps the app alive when the window is
//! closed. What is due, and the exactly-once log, live in the core.

mod desktop;
pub mod task;
pub mod tray;

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use tauri::{AppHandle, Manager, Runtime};

use crate::state::AppState;

/// Whether the task runs (it starts once, when the database is open).
static STARTED: AtomicBool = AtomicBool::new(false);

/// Starts the reminder task for the app's life. Nothing to do when the
/// database did not open (the window says why; `ensure_started` follows a restore).
pub fn start<R: Runtime>(app: &AppHandle<R>) {
    let state = app.state::<AppState>();
    let Some(db) = state.db() else { return };
    if STARTED.swap(true, Ordering::SeqCst) {
        return;
    }
    let task = task::Task {
        db,
        clock: state.clock.clone(),
        wake: Arc::clone(&state.reminders_changed),
        fallback_lang: state.system_language,
    };
    let notifier = Arc::new(desktop::Desktop { app: app.clone(), paused: Default::default() });
    tauri::async_runtime::spawn(task.run(notifier));
}

/// Starts the task if it is not running yet (the file opened only after a restore).
pub fn ensure_started<R: Runtime>(app: &AppHandle<R>) {
    start(app);
}
