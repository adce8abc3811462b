//! The tray icon: ShopCircle keeps running there when the window is closed,
//! so reminders still arrive. Its menu speaks the shop's language: open,
//! today's list, pause reminders for an hour (or resume), quit.

use std::sync::OnceLock;

use chrono::Duration;
use shopcircle_core::{reminder, shop, Lang};
use tauri::menu::{Menu, MenuItem, PredefinedMenuItem};
use tauri::tray::{MouseButton, MouseButtonState, TrayIconBuilder, TrayIconEvent};
use tauri::{AppHandle, Emitter, Manager, Runtime};

use crate::state::AppState;

pub const TRAY_ID: &str = "main";

/// Shows the window (from the tray or hidden) and opens `route` in it.
pub fn open_page<R: Runtime>(app: &AppHandle<R>, route: &str) {
    show_window(app);
    let _ = app.emit("navigate", route.to_owned());
}

pub fn show_window<R: Runtime>(app: &AppHandle<R>) {
    if let Some(w) = app.get_webview_window("main") {
        let _ = w.unminimize();
        let _ = w.show();
        let _ = w.set_focus();
    }
}

struct Words {
    open: &'static str,
    today: &'static str,
    pause: &'static str,
    resume: &'static str,
    back_up: &'static str,
    quit: &'static str,
}

fn words(lang: Lang) -> Words {
    match lang {
        Lang::En => Words {
            open: "Open ShopCircle",
            today: "Today's reminders",
            pause: "Pause reminders for 1 hour",
            resume: "Resume reminders",
            back_up: "Back up now",
            quit: "Quit ShopCircle",
        },
        Lang::ZhCn => Words {
            open: "打开 ShopCircle",
            today: "今日提醒",
            pause: "暂停提醒 1 小时",
            resume: "恢复提醒",
            back_up: "立即备份",
            quit: "退出 ShopCircle",
        },
    }
}

/// The language and whether reminders are paused, read from the file.
pub fn status<R: Runtime>(app: &AppHandle<R>) -> (Lang, bool) {
    let state = app.state::<AppState>();
    let fallback = state.system_language;
    let now = state.now();
    match state.db() {
        Some(db) => {
            let conn = db.lock().unwrap_or_else(|p| p.into_inner());
            let paused = reminder::paused_until(&conn, now).ok().flatten().is_some();
            (shop::language_or(&conn, fallback), paused)
        }
        None => (fallback, false),
    }
}

fn menu<R: Runtime>(app: &AppHandle<R>) -> tauri::Result<Menu<R>> {
    let (lang, paused) = status(app);
    let w = words(lang);
    // Each its own id: a click acts as the label read, even if the pause ran
    // out since the menu was drawn.
    let (pause_id, pause_text) = if paused { ("resume", w.resume) } else { ("pause", w.pause) };
    Menu::with_items(
        app,
        &[
            &MenuItem::with_id(app, "open", w.open, true, None::<&str>)?,
            &MenuItem::with_id(app, "today", w.today, true, None::<&str>)?,
            &MenuItem::with_id(app, pause_id, pause_text, true, None::<&str>)?,
            &MenuItem::with_id(app, "back_up", w.back_up, true, None::<&str>)?,
            &PredefinedMenuItem::separator(app)?,
            &MenuItem::with_id(app, "quit", w.quit, true, None::<&str>)?,
        ],
    )
}

fn set_pause<R: Runtime>(app: &AppHandle<R>, pause: bool) {
    let state = app.state::<AppState>();
    let now = state.now();
    if let Some(db) = state.db() {
        let conn = db.lock().unwrap_or_else(|p| p.into_inner());
        let until = pause.then(|| now + Duration::hours(1));
        if let Err(e) = reminder::pause_until(&conn, until, now) {
            log::error!("could not pause reminders: {e}");
        }
    }
    let _ = app.emit("reminders-delivered", ());
    refresh(app);
}

/// Whether the tray icon was built: unset until then, `false` when the desktop
/// has none (then closing the window quits, rather than hiding it where nobody
/// can find it). Managed by the app only; the IPC tests have no tray.
#[derive(Default)]
pub struct Tray(OnceLock<bool>);

/// Builds the tray icon now, once (on the main thread); whether it exists.
pub fn ensure<R: Runtime>(app: &AppHandle<R>) -> bool {
    app.try_state::<Tray>().is_some_and(|t| *t.0.get_or_init(|| create(app)))
}

/// Builds the tray icon on the main thread, once, when it is free.
pub fn ensure_soon<R: Runtime>(app: &AppHandle<R>) {
    if app.try_state::<Tray>().is_some_and(|t| t.0.get().is_none()) {
        let handle = app.clone();
        let _ = app.run_on_main_thread(move || {
            ensure(&handle);
        });
    }
}

/// Whether the tray icon is there (so closing the window hides it instead).
pub fn exists<R: Runtime>(app: &AppHandle<R>) -> bool {
    app.try_state::<Tray>().is_some_and(|t| t.0.get() == Some(&true))
}

fn create<R: Runtime>(app: &AppHandle<R>) -> bool {
    let built = menu(app).and_then(|m| {
        let mut tray = TrayIconBuilder::with_id(TRAY_ID)
            .tooltip("ShopCircle")
            .menu(&m)
            .show_menu_on_left_click(false)
            .on_menu_event(|app, event| match event.id.as_ref() {
                "open" => show_window(app),
                "today" => open_page(app, "reminders"),
                "pause" => set_pause(app, true),
                "resume" => set_pause(app, false),
                "back_up" => {
                    let app = app.clone();
                    tauri::async_runtime::spawn(async move {
                        // The outcome shows in Settings → Data (and the banner when it failed).
                        let _ = crate::backups::back_up(&app, shopcircle_core::backup::Reason::Manual).await;
                    });
                }
                "quit" => app.exit(0),
                _ => {}
            })
            .on_tray_icon_event(|tray, event| {
                if let TrayIconEvent::Click {
                    button: MouseButton::Left,
                    button_state: MouseButtonState::Up,
                    ..
                } = event
                {
                    show_window(tray.app_handle());
                }
            });
        if let Some(icon) = app.default_window_icon() {
            tray = tray.icon(icon.clone());
        }
        tray.build(app)
    });
    match built {
        Ok(_) => true,
        Err(e) => {
            log::warn!("no tray icon: {e}");
            false
        }
    }
}

/// Rebuilds the menu (the language or the pause may have changed).
pub fn refresh<R: Runtime>(app: &AppHandle<R>) {
    if let (Some(tray), Ok(m)) = (app.tray_by_id(TRAY_ID), menu(app)) {
        let _ = tray.set_menu(Some(m));
    }
}
