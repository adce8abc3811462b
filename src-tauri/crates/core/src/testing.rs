//! Helpers for the core's own tests: a fixed clock.

use chrono::{DateTime, TimeZone, Utc};

/// A fixed "now" (a Saturday afternoon in Shanghai), so tests never read the clock.
pub fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 21, 6, 30, 0).single().expect("a valid fixed time")
}
