//! Helpers for the core's own tests: a fixed clock and a shop.

use chrono::{DateTime, TimeZone, Utc};

use crate::settings::ShopInput;

/// A fixed "now" (a Saturday afternoon in Shanghai), so tests never read the clock.
pub fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 21, 6, 30, 0).single().expect("a valid fixed time")
}

pub fn tea_shop() -> ShopInput {
    ShopInput {
        name: "茶香茶馆".into(),
        brand: "茶香".into(),
        industry: "茶饮".into(),
        time_zone: "Asia/Shanghai".into(),
        language: "zh-CN".into(),
    }
}
