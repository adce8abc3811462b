//! ShopCircle's desktop shell: the window, the plugins, and the IPC commands that
//! carry the UI's calls to the core. No rule of the shop lives here.

mod backups;
pub mod clock;
mod commands;
pub mod reminders;
mod startup;
pub mod state;
mod system;
mod title;

use std::path::PathBuf;

use shopcircle_core::paths;
use tauri::{Manager, Runtime, WindowEvent};

pub use commands::handler;
use state::AppState;

/// The parts of the app the tests build too: the state and every command.
pub fn with_commands<R: Runtime>(builder: tauri::Builder<R>, state: AppState) -> tauri::Builder<R> {
    builder.manage(state).invoke_handler(commands::handler())
}

/// `$SHOPCIRCLE_DB`, else `shopcircle.db` in the app's data directory.
fn db_path<R: Runtime>(app: &tauri::App<R>) -> PathBuf {
    if let Some(p) = std::env::var_os(paths::DB_ENV).filter(|p| !p.is_empty()) {
        return PathBuf::from(p);
    }
    match app.path().app_data_dir() {
        Ok(dir) => dir.join(paths::DB_FILE),
        Err(_) => paths::default_db_path().unwrap_or_else(|| PathBuf::from(paths::DB_FILE)),
    }
}

/// The argument the login item starts ShopCircle with: hidden, in the tray.
const MINIMIZED_ARG: &str = "--minimized";

pub fn run() {
    startup::mark_start();
    let builder = tauri::Builder::default()
        // A second launch focuses the running window instead of opening a rival
        // writer on the same database.
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            reminders::tray::show_window(app);
        }))
        // Started at login (when the owner opted in) with --minimized: straight to the tray.
        .plugin(tauri_plugin_autostart::init(
            tauri_plugin_autostart::MacosLauncher::LaunchAgent,
            Some(vec![MINIMIZED_ARG]),
        ))
        .plugin(tauri_plugin_window_state::Builder::default().build())
        .plugin(tauri_plugin_log::Builder::default().level(log::LevelFilter::Info).build())
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .invoke_handler(commands::handler())
        .setup(|app| {
            startup::step("setup began");
            let lang = system::language();
            let state = AppState::open(db_path(app), lang);
            startup::step("shop opened");
            let shop_lang = state_language(&state, lang);
            // The fonts are warmed once the first screen is painted (`ui_painted`):
            // scanning them beside WebKit's start would slow the first paint.
            app.manage(state);
            title::apply(app.handle(), shop_lang);
            app.manage(reminders::tray::Tray::default());
            if std::env::args().any(|a| a == MINIMIZED_ARG) {
                if reminders::tray::ensure(app.handle()) {
                    if let Some(w) = app.get_webview_window("main") {
                        let _ = w.hide();
                    }
                }
            } else {
                // Otherwise the tray is made once the first screen is painted
                // (`ui_painted`): building it takes 30–50 ms of the main thread
                // the window needs for its first paint. Should the UI never say
                // so, it is made a few seconds in all the same.
                let app = app.handle().clone();
                tauri::async_runtime::spawn(async move {
                    tokio::time::sleep(std::time::Duration::from_secs(5)).await;
                    reminders::tray::ensure_soon(&app);
                });
            }
            reminders::start(app.handle());
            backups::start(app.handle());
            startup::step("set up");
            Ok(())
        })
        // Closing the window keeps ShopCircle in the tray, so reminders still
        // arrive; "Quit" in the tray's menu ends it. Without a tray, close quits.
        .on_window_event(|window, event| {
            if let WindowEvent::CloseRequested { api, .. } = event {
                if reminders::tray::exists(window.app_handle()) {
                    api.prevent_close();
                    let _ = window.hide();
                }
            }
        });
    let app = match builder.build(tauri::generate_context!()) {
        Ok(app) => app,
        Err(e) => {
            eprintln!("ShopCircle could not start: {e}");
            std::process::exit(1);
        }
    };
    app.run(|handle, event| {
        // A clean exit (Quit in the tray, or the last window closed without a tray).
        if let tauri::RunEvent::Exit = event {
            backups::at_exit(handle);
        }
    });
}

/// The shop's chosen language, read once at start for the window title.
fn state_language(state: &AppState, fallback: shopcircle_core::Lang) -> shopcircle_core::Lang {
    tauri::async_runtime::block_on(
        state.run(move |conn| {
            Ok::<_, shopcircle_core::Error>(shopcircle_core::shop::language_or(conn, fallback))
        }),
    )
    .unwrap_or(fallback)
}
