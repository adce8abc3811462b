//! The app's clock. Normally the system's; with `SHOPCIRCLE_TEST_CLOCK=1` in
//! the environment (the end-to-end tests) it can be moved forward or back
//! through the `set_test_clock` command, so a test sees tomorrow's reminder
//! without waiting a day. Without that variable the command refuses.

use std::sync::atomic::{AtomicBool, AtomicI64, Ordering};

use chrono::{DateTime, Duration, Utc};

pub const TEST_CLOCK_ENV: &str = "SHOPCIRCLE_TEST_CLOCK";

/// Anything that tells the time; the reminder task's tests use a clock tied
/// to tokio's paused time.
pub trait Now: Send + Sync {
    fn now(&self) -> DateTime<Utc>;
}

#[derive(Debug, Default)]
pub struct Clock {
    /// Milliseconds added to the system's time (test clock only).
    offset_ms: AtomicI64,
    settable: AtomicBool,
}

impl Clock {
    pub fn from_env() -> Clock {
        let settable = std::env::var(TEST_CLOCK_ENV).is_ok_and(|v| v == "1");
        Clock { offset_ms: AtomicI64::new(0), settable: AtomicBool::new(settable) }
    }

    /// A clock the tests may move, whatever the environment says.
    pub fn for_tests() -> Clock {
        Clock { offset_ms: AtomicI64::new(0), settable: AtomicBool::new(true) }
    }

    pub fn settable(&self) -> bool {
        self.settable.load(Ordering::Relaxed)
    }

    /// Makes `now()` read `at` from this moment on (time keeps flowing).
    /// `false` when this is the system's clock, which is never moved.
    pub fn set(&self, at: DateTime<Utc>) -> bool {
        if !self.settable() {
            return false;
        }
        let offset = at - Utc::now();
        self.offset_ms.store(offset.num_milliseconds(), Ordering::Relaxed);
        true
    }
}

impl Now for Clock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now() + Duration::milliseconds(self.offset_ms.load(Ordering::Relaxed))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_system_clock_cannot_be_moved_and_a_test_clock_can() {
        let system = Clock::default();
        assert!(!system.set(Utc::now() + Duration::days(1)));
        assert!((system.now() - Utc::now()).num_seconds().abs() < 5);
        let test = Clock { settable: AtomicBool::new(true), ..Clock::default() };
        let tomorrow = Utc::now() + Duration::days(1);
        assert!(test.set(tomorrow));
        assert!((test.now() - tomorrow).num_seconds().abs() < 5);
    }
}
