//! Where the database lives, so the app and the CLI open the same file.

use std::path::PathBuf;

/// The app's identifier, as in tauri.conf.json; Tauri names the data directory after it.
pub const APP_IDENTIFIER: &str = "app.shopcircle.desktop";
pub const DB_FILE: &str = "shopcircle.db";
/// Points both the app and the CLI at another database file (the tests use it).
pub const DB_ENV: &str = "SHOPCIRCLE_DB";

/// `$SHOPCIRCLE_DB` if set, else `shopcircle.db` in the OS's app-data directory
/// (`~/.local/share/app.shopcircle.desktop` on Linux, `%APPDATA%\app.shopcircle.desktop`
/// on Windows, `~/Library/Application Support/app.shopcircle.desktop` on macOS).
pub fn default_db_path() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os(DB_ENV).filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(p));
    }
    dirs::data_dir().map(|d| d.join(APP_IDENTIFIER).join(DB_FILE))
}
