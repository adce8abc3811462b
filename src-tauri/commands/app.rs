//! The app and the shop: first run, the sample shop, settings.

use serde::Serialize;
use shopcircle_core::settings::{self, ShopInput};
use shopcircle_core::shop::{self, Shop};
use shopcircle_core::{sample, Lang};
use tauri::{AppHandle, Manager, Runtime, State};

use super::CmdResult;
use crate::state::AppState;
use crate::title;

/// What the UI needs to start: the shop (none before the welcome) and the
/// system's defaults for the welcome form.
#[derive(Serialize, ts_rs::TS)]
#[ts(export)]
pub struct AppInfo {
    pub shop: Option<Shop>,
    pub system_time_zone: String,
    pub system_language: Lang,
    pub data_path: String,
    pub version: String,
}

/// The UI's first screen has been painted (the welcome, or a page in the frame):
/// logs the start-up times once. `first_paint_ago_ms`: how long before this call
/// the window first painted (index.html's outline), by the page's clock.
#[tauri::command]
pub fn ui_painted<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    first_paint_ago_ms: Option<u32>,
) {
    crate::startup::ui_ready(first_paint_ago_ms);
    crate::reminders::tray::ensure_soon(&app);
    state.warm_fonts();
}

#[tauri::command]
pub async fn app_info(state: State<'_, AppState>) -> CmdResult<AppInfo> {
    crate::startup::ui_script_running();
    let shop = state.run(|conn| shop::get(conn)).await?;
    Ok(AppInfo {
        shop,
        system_time_zone: crate::system::time_zone(),
        system_language: state.system_language,
        data_path: state.db_path.display().to_string(),
        version: env!("CARGO_PKG_VERSION").to_owned(),
    })
}

#[tauri::command]
pub async fn set_up_shop<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    input: ShopInput,
) -> CmdResult<Shop> {
    let now = state.now();
    let shop = state.run(move |conn| settings::set_up(conn, &input, now)).await?;
    title::apply(&app, shop.language);
    Ok(shop)
}

#[tauri::command]
pub async fn create_sample_shop<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    language: Lang,
    time_zone: String,
) -> CmdResult<Shop> {
    let now = state.now();
    let shop = state.run(move |conn| sample::create(conn, language, &time_zone, now)).await?;
    title::apply(&app, shop.language);
    Ok(shop)
}

#[tauri::command]
pub async fn update_shop<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    input: ShopInput,
) -> CmdResult<Shop> {
    let now = state.now();
    let shop = state.run(move |conn| settings::update(conn, &input, now)).await?;
    title::apply(&app, shop.language);
    Ok(shop)
}

/// Today in the shop's calendar ("YYYY-MM-DD") by the app's one clock, so
/// the dashboard's periods follow it (and the end-to-end test clock).
#[tauri::command]
pub async fn shop_today(state: State<'_, AppState>) -> CmdResult<String> {
    let now = state.now();
    state
        .run(move |conn| {
            Ok::<_, shopcircle_core::Error>(now.with_timezone(&shop::zone(conn)?).date_naive().to_string())
        })
        .await
}

/// Settings → About: what this copy of ShopCircle is and where it keeps things.
#[derive(Serialize, ts_rs::TS)]
#[ts(export)]
pub struct About {
    pub version: String,
    #[ts(type = "number")]
    pub schema_version: i64,
    pub data_file: String,
    pub log_folder: String,
    pub system: String,
}

fn about_of<R: Runtime>(app: &AppHandle<R>, state: &AppState) -> About {
    About {
        version: env!("CARGO_PKG_VERSION").to_owned(),
        schema_version: shopcircle_core::db::schema_version(),
        data_file: state.db_path.display().to_string(),
        log_folder: app.path().app_log_dir().map(|d| d.display().to_string()).unwrap_or_default(),
        system: crate::system::description(),
    }
}

#[tauri::command]
pub fn about<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>) -> About {
    about_of(&app, &state)
}

/// What to paste into a message to whoever helps with the laptop: versions,
/// the system, the paths, the backups' state and the log's last errors. No
/// personal data: no names, and any run of digits as long as a phone number
/// is masked.
#[tauri::command]
pub async fn diagnostics<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>) -> CmdResult<String> {
    let a = about_of(&app, &state);
    let folder = shopcircle_core::backup::default_folder(&state.db_path);
    let newest = shopcircle_core::backup::newest(&folder)
        .map(|b| format!("{} ({})", b.manifest.taken_at.to_rfc3339(), b.manifest.reason.as_str()))
        .unwrap_or_else(|| "none".into());
    let broken = state.broken().map(|e| e.code().as_str().to_owned()).unwrap_or_else(|| "no".into());
    let last_backup_error =
        state.backups.last_error().map(|e| e.code().as_str().to_owned()).unwrap_or_else(|| "none".into());
    let log_folder = std::path::PathBuf::from(&a.log_folder);
    let errors = tauri::async_runtime::spawn_blocking(move || crate::system::last_errors(&log_folder, 20))
        .await
        .unwrap_or_default();
    let mut text = format!(
        "ShopCircle {}\nschema {}\nsystem {}\ndata file {}\nbackup folder {}\nnewest backup {}\nlast backup error {}\ndata file problem {}\nlog folder {}\n",
        a.version, a.schema_version, a.system, a.data_file, folder.display(), newest, last_backup_error, broken, a.log_folder
    );
    text.push_str("last errors:\n");
    if errors.is_empty() {
        text.push_str("  none\n");
    }
    for line in errors {
        text.push_str(&format!("  {line}\n"));
    }
    Ok(text)
}
