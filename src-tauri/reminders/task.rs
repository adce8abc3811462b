//! The reminder task: one loop for the life of the app.
//!
//! Each round it asks the core for what fell due (which records each one
//! before anything is shown), hands the notices to the notifier, then sleeps
//! until the next due time, but never longer than a minute: a laptop that
//! sleeps stops tokio's timers, so the wall clock must be looked at again
//! often. A change to anything reminders come from wakes it at once.

use std::sync::{Arc, Mutex};

use chrono::Duration;
use shopcircle_core::db::Connection;
use shopcircle_core::reminder::{self, Notice};
use shopcircle_core::{shop, Lang};
use tokio::sync::Notify;

use crate::clock::Now;

/// The longest the task sleeps before reading the wall clock again.
pub const MAX_SLEEP: std::time::Duration = std::time::Duration::from_secs(60);

/// Where notices go: desktop notifications in the app, a list in tests.
pub trait Notifier: Send + Sync + 'static {
    fn show(&self, notice: Notice);
    /// New reminders were recorded (the window refreshes its lists).
    fn delivered(&self) {}
    /// A round ended (whatever it found).
    fn round_done(&self) {}
}

pub struct Task {
    pub db: Arc<Mutex<Connection>>,
    pub clock: Arc<dyn Now>,
    pub wake: Arc<Notify>,
    pub fallback_lang: Lang,
}

/// One round: deliver what is due, and say how long to sleep.
fn round(
    db: &Mutex<Connection>,
    clock: &dyn Now,
    fallback: Lang,
) -> (Vec<Notice>, bool, std::time::Duration) {
    let mut conn = db.lock().unwrap_or_else(|p| p.into_inner());
    let now = clock.now();
    let (notices, delivered) = match reminder::collect_due(&mut conn, now) {
        Ok(d) => {
            let zone = shop::zone(&conn).unwrap_or(chrono_tz::UTC);
            let lang = shop::language_or(&conn, fallback);
            (reminder::notices(&d, zone, lang), !d.is_empty())
        }
        Err(e) => {
            log::error!("reminders: {e}");
            (Vec::new(), false)
        }
    };
    let next = reminder::next_due(&conn, now).ok().flatten();
    let wait = next
        .map(|t| (t - now).max(Duration::zero()).to_std().unwrap_or(MAX_SLEEP))
        .map_or(MAX_SLEEP, |w| w.min(MAX_SLEEP));
    (notices, delivered, wait)
}

impl Task {
    /// Runs until the app ends (or the future is dropped).
    pub async fn run(self, notifier: Arc<dyn Notifier>) {
        loop {
            let (db, clock) = (Arc::clone(&self.db), Arc::clone(&self.clock));
            let fallback = self.fallback_lang;
            // The database work runs off the async threads.
            let outcome = tokio::task::spawn_blocking(move || round(&db, clock.as_ref(), fallback)).await;
            let wait = match outcome {
                Ok((notices, delivered, wait)) => {
                    if delivered {
                        notifier.delivered();
                    }
                    for n in notices {
                        notifier.show(n);
                    }
                    notifier.round_done();
                    wait
                }
                Err(e) => {
                    log::error!("reminders: {e}");
                    MAX_SLEEP
                }
            };
            // A due time inside this minute: wake a moment after it, not before.
            let wait = if wait < MAX_SLEEP { wait + std::time::Duration::from_millis(50) } else { wait };
            tokio::select! {
                _ = tokio::time::sleep(wait) => {}
                _ = self.wake.notified() => {}
            }
        }
    }
}

#[cfg(test)]
#[path = "task_tests.rs"]
mod tests;
