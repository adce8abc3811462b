//! Reminders as the system's desktop notifications. Clicking one brings the
//! window back and opens the page the reminder is about.

use notify_rust::Notification;
use shopcircle_core::reminder::Notice;
use tauri::{AppHandle, Emitter, Runtime};

use super::task::Notifier;
use super::tray;

pub struct Desktop<R: Runtime> {
    pub app: AppHandle<R>,
}

impl<R: Runtime> Notifier for Desktop<R> {
    fn show(&self, notice: Notice) {
        let app = self.app.clone();
        // Waiting for a click blocks, so each notification has its own thread.
        std::thread::spawn(move || {
            let shown = Notification::new()
                .appname("ShopCircle")
                .summary(&notice.title)
                .body(&notice.body)
                .action("default", "Open")
                .show();
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
}
