//! Reminders as the system's desktop notifications. Clicking one brings the
//! window back and opens the page the reminder is about.

use std::sync::atomic::{AtomicBool, Ordering};

use notify_rust::Notification;
use shopcircle_core::reminder::Notice;
use tauri::{AppHandle, Emitter, Runtime};

use super::task::Notifier;
use super::tray;

pub struct Desktop<R: Runtime> {
    pub app: AppHandle<R>,
    /// Whether the tray's menu last said "Resume" (a pause ends by itself).
    pub paused: AtomicBool,
}

impl<R: Runtime> Notifier for Desktop<R> {
    fn show(&self, notice: Notice) {
        let app = self.app.clone();
        // Waiting for a click blocks, so each notification has its own thread.
        std::thread::spawn(move || {
            let mut n = Notification::new();
            n.appname("ShopCircle")
                .summary(&notice.title)
                .body(&notice.body)
                .action("default", &notice.action);
            // Windows names a toast's sender by the app's registered id.
            #[cfg(target_os = "windows")]
            n.app_id(&app.config().identifier);
            let shown = n.show();
            match shown {
                Ok(handle) => handle.wait_for_action(|action| {
                    if action == "default" {
                        tray::open_page(&app, &notice.route);
                    }
                }),
                // No notification service (a bare X session): the reminder
                // is still in the reminder centre, recorded before this.
                Err(e) => log::warn!("could not show a notification: {e}"),
            }
        });
    }

    fn delivered(&self) {
        let _ = self.app.emit("reminders-delivered", ());
        tray::refresh(&self.app);
    }

    /// After every round: when an hour's pause has run out, the tray's menu
    /// says "Pause" again.
    fn round_done(&self) {
        let (_, paused) = tray::status(&self.app);
        if self.paused.swap(paused, Ordering::Relaxed) != paused {
            tray::refresh(&self.app);
        }
    }
}
