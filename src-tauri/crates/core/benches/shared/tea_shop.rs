//! A Chinese tea shop on a real file (WAL, synchronous FULL, as the app opens
//! it) with one high-frequency group: where the benchmarks start.

use chrono::{DateTime, Utc};
use shopcircle_core::community::{write, CommunityInput, Kind};
use shopcircle_core::{db, settings};

/// The shop set up at `now` in `dir`, and its group's id.
pub fn tea_shop(dir: &std::path::Path, now: DateTime<Utc>) -> (db::Connection, i64) {
    let mut conn = db::open(&dir.join("shop.db")).expect("open");
    let shop = settings::ShopInput {
        name: "茶香".into(),
        industry: "茶饮".into(),
        time_zone: "Asia/Shanghai".into(),
        language: "zh-CN".into(),
        ..Default::default()
    };
    settings::set_up(&conn, &shop, now).expect("shop");
    let group =
        write::create(&mut conn, &CommunityInput::new("茶友群", Kind::HighFrequency), now).expect("group").id;
    (conn, group)
}
