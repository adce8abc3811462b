//! The window title, in the owner's language.

use shopcircle_core::Lang;
use tauri::{Manager, Runtime};

pub fn for_language(lang: Lang) -> &'static str {
    match lang {
        Lang::ZhCn => "ShopCircle 社群助手",
        Lang::En => "ShopCircle — Community planner",
    }
}

/// Retitles the main window; a missing window (tests) is not an error.
pub fn apply<R: Runtime>(app: &tauri::AppHandle<R>, lang: Lang) {
    if let Some(window) = app.get_webview_window("main") {
        if let Err(e) = window.set_title(for_language(lang)) {
            log::warn!("could not set the window title: {e}");
        }
    }
}
