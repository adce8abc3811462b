//! Measures how long the app takes from process start until the UI says its
//! first screen has been painted (`ui_painted`, called on the frame after the
//! welcome or the first page rendered, its lazily loaded code included).
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

pub fn mark_start() {
    STARTED.get_or_init(Instant::now);
}

/// Logs the time since `mark_start` the first time it is called.
pub fn ui_ready() {
    if let Some(start) = STARTED.get() {
        if !REPORTED.swap(true, Ordering::Relaxed) {
            log::info!("startup: UI ready {} ms after launch", start.elapsed().as_millis());
        }
    }
}
