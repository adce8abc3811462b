//! Backups while the app runs: every 30 minutes when the data changed, once
//! at start when the newest backup is a day old, at a clean exit, and when
//! the owner asks (Settings → Data, the tray). The copies are made by the core
//! on a read-only connection of their own, so the window never waits; the
//! app's connection is locked only for the microsecond it takes to see
//! whether anything changed.

use std::sync::{Arc, Mutex};

use chrono::{DateTime, Duration, Utc};
use shopcircle_core::backup::{self, Backup, Reason};
use shopcircle_core::db::Connection;
use shopcircle_core::{Error, ErrorPayload};
use tauri::{AppHandle, Emitter, Manager, Runtime};

use crate::state::AppState;

/// How often the data is copied while it changes.
const EVERY: Duration = Duration::minutes(30);
/// At start, a backup older than this is renewed at once.
const DAILY: Duration = Duration::hours(24);

/// What the app knows of its backups between runs of the timer.
#[derive(Default)]
pub struct Backups {
    status: Mutex<Status>,
    /// One backup or restore at a time, whoever asked.
    pub turn: tokio::sync::Mutex<()>,
}

#[derive(Default, Clone)]
struct Status {
    /// The connection's write count and SQLite's data version at the last backup.
    seen: Option<(u64, i64)>,
    last_ok: Option<DateTime<Utc>>,
    last_error: Option<Arc<Error>>,
}

impl Backups {
    /// The last failure, when the last attempt failed.
    pub fn last_error(&self) -> Option<Arc<Error>> {
        self.status.lock().unwrap_or_else(|p| p.into_inner()).last_error.clone()
    }

    /// After a restore the counts start again from the new connection.
    pub fn forget_seen(&self) {
        self.status.lock().unwrap_or_else(|p| p.into_inner()).seen = None;
    }
}

/// Writes by this app (`total_changes`) and by anyone else (`data_version`).
fn fingerprint(conn: &Connection) -> (u64, i64) {
    let version = conn.query_row("PRAGMA data_version", [], |r| r.get(0)).unwrap_or(0);
    (conn.total_changes(), version)
}

fn changed_since_last(state: &AppState) -> Option<(u64, i64)> {
    let db = state.db()?;
    let now = fingerprint(&db.lock().unwrap_or_else(|p| p.into_inner()));
    let seen = state.backups.status.lock().unwrap_or_else(|p| p.into_inner()).seen;
    (seen != Some(now)).then_some(now)
}

/// Backs the shop up now, for `reason`; the main backup, and the second
/// folder's outcome. Recorded for the banner and diagnostics, and the window
/// told so its list refreshes.
pub async fn back_up<R: Runtime>(
    app: &AppHandle<R>,
    reason: Reason,
) -> Result<(Backup, Option<Result<Backup, ErrorPayload>>), ErrorPayload> {
    let state = app.state::<AppState>();
    let lang = crate::commands::files::language(&state).await;
    if let Some(e) = state.broken() {
        return Err(e.payload(lang));
    }
    let _turn = state.backups.turn.lock().await;
    let seen = state.db().map(|db| fingerprint(&db.lock().unwrap_or_else(|p| p.into_inner())));
    let path = state.db_path.clone();
    let now = state.now();
    let made = tauri::async_runtime::spawn_blocking(move || backup::back_up_file(&path, reason, now))
        .await
        .unwrap_or_else(|e| Err(Error::Open(format!("the backup stopped: {e}"))));
    let outcome = {
        let mut status = state.backups.status.lock().unwrap_or_else(|p| p.into_inner());
        match made {
            Ok(done) => {
                status.seen = seen;
                status.last_ok = Some(now);
                status.last_error = None;
                Ok(done)
            }
            Err(e) => {
                log::error!("backup ({}) failed: {e}", reason.as_str());
                let payload = e.payload(lang);
                status.last_error = Some(Arc::new(e));
                Err(payload)
            }
        }
    };
    let _ = app.emit("backups-changed", ());
    let (main, second) = outcome?;
    if let Some(Err(e)) = &second {
        log::warn!("the second backup folder was not written: {e}");
    }
    Ok((main, second.map(|r| r.map_err(|e| e.payload(lang)))))
}

/// The timer for the app's life.
pub fn start<R: Runtime>(app: &AppHandle<R>) {
    let app = app.clone();
    tauri::async_runtime::spawn(async move {
        // After the first screen has had its moment.
        tokio::time::sleep(std::time::Duration::from_secs(10)).await;
        if newest_is_older_than(&app, DAILY) {
            let _ = back_up(&app, Reason::Automatic).await;
        }
        loop {
            tokio::time::sleep(std::time::Duration::from_secs(60)).await;
            let state = app.state::<AppState>();
            let due = state
                .backups
                .status
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .last_ok
                .is_none_or(|at| state.now() - at >= EVERY);
            if due && newest_is_older_than(&app, EVERY) && changed_since_last(&state).is_some() {
                let _ = back_up(&app, Reason::Automatic).await;
            }
        }
    });
}

/// Whether the newest backup in the main folder is older than `age` (or there is none).
fn newest_is_older_than<R: Runtime>(app: &AppHandle<R>, age: Duration) -> bool {
    let state = app.state::<AppState>();
    if state.db().is_none() {
        return false;
    }
    match backup::newest(&backup::default_folder(&state.db_path)) {
        Some(b) => state.now() - b.manifest.taken_at >= age,
        None => true,
    }
}

/// At a clean exit: one more backup when anything changed since the last.
pub fn at_exit<R: Runtime>(app: &AppHandle<R>) {
    let state = app.state::<AppState>();
    if state.db().is_none() || changed_since_last(&state).is_none() {
        return;
    }
    if let Err(e) = backup::back_up_file(&state.db_path, Reason::Exit, state.now()) {
        log::error!("the backup at exit failed: {e}");
    }
}
