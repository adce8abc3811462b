//! Settings → Data: backups, restores, the whole-shop file, the folders, and
//! what the app shows when its data file could not be opened.

use std::path::PathBuf;

use serde::Serialize;
use shopcircle_core::backup::{self, Backup, DiskSpace, Reason, Verified};
use shopcircle_core::export_log::{self, ExportKind, Phones};
use shopcircle_core::restore::{self, KdfCost, Restored, ShopFile};
use shopcircle_core::{Error, Lang};
use tauri::{AppHandle, Emitter, Manager, Runtime, State};
use tauri_plugin_dialog::DialogExt;
use tauri_plugin_opener::OpenerExt;

use super::files::{self, SaveAs};
use super::CmdResult;
use crate::state::AppState;
use shopcircle_app::Error as AppError;

/// No backup succeeded for this long: the home screen says so.
const STALE_DAYS: i64 = 7;
/// Below this much free space (or three copies of the data), the disk is nearly full.
const LOW_SPACE: u64 = 1024 * 1024 * 1024;

/// What Settings → Data and the home screen's banner show.
#[derive(Serialize, ts_rs::TS)]
#[ts(export)]
pub struct BackupStatus {
    pub data_file: String,
    pub backup_folder: String,
    pub second_folder: Option<String>,
    /// The main folder's backups, newest first.
    pub backups: Vec<Backup>,
    /// How many of them the second folder holds too.
    #[ts(type = "number")]
    pub in_second_folder: usize,
    /// The last attempt's failure, in the owner's language.
    pub last_error: Option<String>,
    pub disk: Option<DiskSpace>,
    pub disk_low: bool,
    /// No backup has succeeded for a week (or ever, on a shop older than that).
    pub stale: bool,
    #[ts(type = "number")]
    pub data_bytes: u64,
}

#[tauri::command]
pub async fn backup_status(state: State<'_, AppState>) -> CmdResult<BackupStatus> {
    let lang = files::language(&state).await;
    let now = state.now();
    let db_path = state.db_path.clone();
    let second = state.run(|conn| Ok::<_, Error>(backup::second_folder(conn))).await.unwrap_or(None);
    let last_error = state.backups.last_error().map(|e| e.message(lang));
    let shop_since = state
        .run(|conn| Ok::<_, Error>(shopcircle_core::shop::get(conn)?.map(|s| s.created_at)))
        .await
        .unwrap_or(None);
    let status = tauri::async_runtime::spawn_blocking(move || {
        let folder = backup::default_folder(&db_path);
        let backups = backup::list(&folder);
        let in_second = second
            .as_ref()
            .map(|s| {
                let there = backup::list(s);
                backups
                    .iter()
                    .filter(|b| there.iter().any(|t| t.manifest.sha256 == b.manifest.sha256))
                    .count()
            })
            .unwrap_or(0);
        let data_bytes = std::fs::metadata(&db_path).map(|m| m.len()).unwrap_or(0)
            + std::fs::metadata(db_path.with_extension("db-wal")).map(|m| m.len()).unwrap_or(0);
        let disk = backup::disk_space(&folder);
        let disk_low = disk.is_some_and(|d| d.available < LOW_SPACE.max(data_bytes.saturating_mul(3)));
        let newest_at = backups.first().map(|b| b.manifest.taken_at);
        let week = chrono::Duration::days(STALE_DAYS);
        let stale = match newest_at {
            Some(at) => now - at >= week,
            None => shop_since.is_some_and(|since| now - since >= week),
        };
        BackupStatus {
            data_file: db_path.display().to_string(),
            backup_folder: folder.display().to_string(),
            second_folder: second.map(|s| s.display().to_string()),
            backups,
            in_second_folder: in_second,
            last_error,
            disk,
            disk_low,
            stale,
            data_bytes,
        }
    })
    .await
    .map_err(|_| Error::Damaged("status").payload(lang))?;
    Ok(status)
}

#[tauri::command]
pub async fn back_up_now<R: Runtime>(app: AppHandle<R>) -> CmdResult<Backup> {
    crate::backups::back_up(&app, Reason::Manual).await.map(|(main, _)| main)
}

#[tauri::command]
pub async fn verify_backup(state: State<'_, AppState>, path: String) -> CmdResult<Verified> {
    off_thread(&state, move || backup::verify(std::path::Path::new(&path))).await
}

/// Runs file work that needs no connection in the blocking pool, its error
/// in the shop's language.
async fn off_thread<T, F>(state: &AppState, f: F) -> CmdResult<T>
where
    T: Send + 'static,
    F: FnOnce() -> Result<T, Error> + Send + 'static,
{
    let lang = files::language(state).await;
    tauri::async_runtime::spawn_blocking(f)
        .await
        .map_err(|_| Error::Damaged("stopped").payload(lang))?
        .map_err(|e| e.payload(lang))
}

/// Replaces the shop's file by `swap` (one backup or restore at a time), then
/// lets everything that reads it follow.
async fn swap<R, T, F>(app: &AppHandle<R>, state: &AppState, swap: F) -> CmdResult<T>
where
    R: Runtime,
    T: Send + 'static,
    F: FnOnce(&std::path::Path) -> Result<T, Error> + Send + 'static,
{
    let _turn = state.backups.turn.lock().await;
    let swapped = state.swap_file(swap).await;
    after_swap(app, state);
    swapped
}

/// Restores the copy at `path` (checked first; the data now backed up first).
#[tauri::command]
pub async fn restore_backup<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    path: String,
) -> CmdResult<Restored> {
    let now = state.now();
    swap(&app, &state, move |db| restore::restore(db, std::path::Path::new(&path), now)).await
}

/// What every swap of the file is followed by: the counts start again, the
/// reminders look again, and the window reloads what it shows.
fn after_swap<R: Runtime>(app: &AppHandle<R>, state: &AppState) {
    state.backups.forget_seen();
    if state.db().is_some() {
        crate::reminders::ensure_started(app);
    }
    let _ = app.emit("backups-changed", ());
}

/// The system's file picker, for a backup or any .db file.
#[tauri::command]
pub async fn pick_backup_file<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> CmdResult<Option<String>> {
    let lang = files::language(&state).await;
    let (title, filter) = match lang {
        Lang::En => ("Restore from a backup", "ShopCircle data"),
        Lang::ZhCn => ("从备份恢复", "ShopCircle 数据"),
    };
    let folder = backup::default_folder(&state.db_path);
    Ok(pick(&app, title, filter, &["db"], Some(folder)).await)
}

/// The system's file picker, for a whole-shop file.
#[tauri::command]
pub async fn pick_shop_file<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> CmdResult<Option<String>> {
    let lang = files::language(&state).await;
    let (title, filter) = match lang {
        Lang::En => ("Import a whole shop", "ShopCircle whole-shop file"),
        Lang::ZhCn => ("导入整个店铺", "ShopCircle 整店文件"),
    };
    Ok(pick(&app, title, filter, &["shopcircle"], app.path().document_dir().ok()).await)
}

async fn pick<R: Runtime>(
    app: &AppHandle<R>,
    title: &str,
    filter: &str,
    ext: &[&str],
    dir: Option<PathBuf>,
) -> Option<String> {
    let mut dialog = app.dialog().file().set_title(title).add_filter(filter, ext);
    if let Some(d) = dir.filter(|d| d.is_dir()) {
        dialog = dialog.set_directory(d);
    }
    tauri::async_runtime::spawn_blocking(move || dialog.blocking_pick_file())
        .await
        .ok()
        .flatten()
        .and_then(|p| p.into_path().ok())
        .map(|p| p.display().to_string())
}

/// Chooses the second backup folder with the system's folder picker.
#[tauri::command]
pub async fn choose_backup_folder<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> CmdResult<Option<String>> {
    let lang = files::language(&state).await;
    let title = match lang {
        Lang::En => "Second backup folder (a USB stick or a synced folder)",
        Lang::ZhCn => "第二备份文件夹（U 盘或同步文件夹）",
    };
    let dialog = app.dialog().file().set_title(title);
    let Some(folder) = tauri::async_runtime::spawn_blocking(move || dialog.blocking_pick_folder())
        .await
        .ok()
        .flatten()
        .and_then(|p| p.into_path().ok())
    else {
        return Ok(None);
    };
    set_backup_folder(state, Some(folder.display().to_string())).await
}

/// Sets (or with `None` clears) the second backup folder.
#[tauri::command]
pub async fn set_backup_folder(
    state: State<'_, AppState>,
    folder: Option<String>,
) -> CmdResult<Option<String>> {
    let db = state.db_path.clone();
    let shown = folder.clone();
    state.run(move |conn| backup::set_second_folder(conn, &db, folder.as_deref())).await?;
    Ok(shown)
}

/// Opens one of the app's folders in the file manager.
#[tauri::command]
pub async fn open_app_folder<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    which: String,
) -> CmdResult<()> {
    let folder = match which.as_str() {
        "data" => state.db_path.parent().map(PathBuf::from),
        "backups" => Some(backup::default_folder(&state.db_path)),
        "second" => state.run(|conn| Ok::<_, Error>(backup::second_folder(conn))).await?,
        "logs" => app.path().app_log_dir().ok(),
        _ => None,
    };
    let lang = files::language(&state).await;
    let Some(folder) = folder else {
        return Err(Error::NotFound { what: "file", id: 0 }.payload(lang));
    };
    let _ = std::fs::create_dir_all(&folder);
    app.opener()
        .open_path(folder.to_string_lossy(), None::<&str>)
        .map_err(|e| AppError::Open { reason: e.to_string() }.payload(lang))
}

/// Writes the whole shop, sealed with `passphrase`, where the owner chooses.
#[tauri::command]
pub async fn export_whole_shop<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    passphrase: String,
) -> CmdResult<Option<String>> {
    let lang = files::language(&state).await;
    // Refused at the field before the dialog opens.
    if passphrase.chars().count() < restore::PASSPHRASE_MIN {
        let e = Error::invalid(
            shopcircle_core::Field::Passphrase,
            shopcircle_core::Problem::TooShort { min: restore::PASSPHRASE_MIN },
        );
        return Err(e.payload(lang));
    }
    let now = state.now();
    let what = SaveAs {
        title_en: "Export the whole shop",
        title_zh: "导出整个店铺",
        file_name: format!("shopcircle-{}.shopcircle", now.format("%Y-%m-%d")),
        extension: "shopcircle",
    };
    let Some(out) = files::ask_where(&app, &state, lang, what).await else { return Ok(None) };
    let shown = out.display().to_string();
    state
        .run(move |conn| {
            let shop = restore::export_shop(conn, &out, &passphrase, KdfCost::OWNER, now)?;
            let name = out.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            export_log::record(
                conn,
                ExportKind::Shop,
                shop.counts.members as usize,
                Phones::Full,
                &name,
                now,
            )?;
            Ok::<_, Error>(())
        })
        .await?;
    Ok(Some(shown))
}

/// What a whole-shop file holds, its passphrase checked, before importing it.
#[tauri::command]
pub async fn read_whole_shop(
    state: State<'_, AppState>,
    path: String,
    passphrase: String,
) -> CmdResult<ShopFile> {
    off_thread(&state, move || restore::read_shop_file(std::path::Path::new(&path), &passphrase)).await
}

/// Imports a whole-shop file in place of this shop's data (backed up first).
#[tauri::command]
pub async fn import_whole_shop<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    path: String,
    passphrase: String,
) -> CmdResult<Restored> {
    let now = state.now();
    let restored =
        swap(&app, &state, move |db| restore::import_shop(db, std::path::Path::new(&path), &passphrase, now))
            .await;
    // The imported shop may speak the other language.
    if restored.is_ok() {
        crate::title::apply(&app, files::language(&state).await);
    }
    restored
}

/// Why the data file is not open, and the newest backup that could replace it.
#[derive(Serialize, ts_rs::TS)]
#[ts(export)]
pub struct DataProblem {
    pub code: shopcircle_core::ErrorCode,
    pub message: String,
    pub data_file: String,
    /// The file is missing (not damaged): starting an empty shop is offered too.
    pub missing: bool,
    pub newest_backup: Option<Backup>,
}

#[tauri::command]
pub async fn data_problem(state: State<'_, AppState>) -> CmdResult<Option<DataProblem>> {
    let Some(e) = state.broken() else { return Ok(None) };
    let lang = state.system_language;
    Ok(Some(DataProblem {
        code: e.code(),
        message: e.message(lang),
        data_file: state.db_path.display().to_string(),
        missing: !state.db_path.exists(),
        newest_backup: backup::newest(&backup::default_folder(&state.db_path)),
    }))
}

/// The owner chose not to restore a missing file: an empty shop is started.
#[tauri::command]
pub async fn start_empty_shop<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>) -> CmdResult<()> {
    let lang = state.system_language;
    if state.db_path.exists() {
        // Only a missing file is replaced by an empty one; a damaged one is never thrown away.
        return Err(Error::Backup(backup::BackupProblem::DataFileDamaged {
            file: state.db_path.display().to_string(),
            reason: "present".into(),
        })
        .payload(lang));
    }
    let now = state.now();
    swap(&app, &state, move |db| crate::state::start_empty(db, now)).await
}
