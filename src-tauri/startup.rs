//! Measures how long the app takes from process start until the window first
//! paints (the frame's outline in index.html, before any script) and until the
//! UI says its first screen has been painted (`ui_painted`, called on the frame
//! after the welcome or the first page rendered, its lazily loaded code included).
//! Logged once, so start-up time can be read off any run without a profiler.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::OnceLock;
use std::time::Instant;

static STARTED: OnceLock<Instant> = OnceLock::new();
static REPORTED: AtomicBool = AtomicBool::new(false);
static SCRIPT_REPORTED: AtomicBool = AtomicBool::new(false);

/// Logs, once, when the UI's script first called in (its main chunk parsed and
/// running): with `ui_ready`, it splits start-up into the window and the page.
pub fn ui_script_running() {
    if let Some(start) = STARTED.get() {
        if !SCRIPT_REPORTED.swap(true, Ordering::Relaxed) {
            log::info!("startup: UI script running {} ms after launch", start.elapsed().as_millis());
        }
    }
}

/// Logs when the shell reached a step of its own set-up ("shop opened", "set
/// up"): the part of start-up that is ours rather than Tauri's or WebKit's.
pub fn step(what: &str) {
    if let Some(start) = STARTED.get() {
        log::info!("startup: {what} {} ms after launch", start.elapsed().as_millis());
    }
}

pub fn mark_start() {
    STARTED.get_or_init(Instant::now);
}

/// Logs, the first time it is called, the time since `mark_start`, and when the
/// page knows it, when the window first painted (`first_paint_ago_ms` before now).
pub fn ui_ready(first_paint_ago_ms: Option<u32>) {
    if let Some(start) = STARTED.get() {
        if !REPORTED.swap(true, Ordering::Relaxed) {
            let ready = start.elapsed().as_millis();
            if let Some(ago) = first_paint_ago_ms {
                let first = ready.saturating_sub(u128::from(ago));
                log::info!("startup: first paint {first} ms after launch");
            }
            log::info!("startup: UI ready {ready} ms after launch");
        }
    }
}
