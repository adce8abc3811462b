//! The shop of a few years, shared by the benchmarks that need one: 20,000
//! members and 1,000,000 purchases, written straight into the tables.

use chrono::{DateTime, Duration, TimeZone, Utc};
use rand::{rngs::StdRng, Rng, SeedableRng};
use shopcircle_core::db;

#[path = "tea_shop.rs"]
mod tea_shop;
use tea_shop::tea_shop;

pub const MEMBERS: i64 = 20_000;
pub const PURCHASES: i64 = 1_000_000;

pub fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 27, 10, 0, 0).unwrap()
}

pub fn shop(dir: &tempfile::TempDir) -> (db::Connection, i64) {
    tea_shop(dir.path(), now())
}

/// 20,000 members who joined over two years (one in ten left since, half
/// gave marketing consent), and 1,000,000 purchases over those two years,
/// four in five by members, one in a hundred partly refunded. Written in one
/// transaction straight into the tables: setting up is not what is measured.
pub fn big_shop(dir: &tempfile::TempDir) -> (db::Connection, i64) {
    let (mut conn, group) = shop(dir);
    let mut rng = StdRng::seed_from_u64(7);
    let start = now() - Duration::days(730);
    let tx = conn.transaction().expect("tx");
    {
        let mut m = tx
            .prepare("INSERT INTO member (uid, display_name, phone, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?4)")
            .expect("member");
        let mut s = tx
            .prepare("INSERT INTO membership (member_id, community_id, joined_at, left_at) VALUES (?1, ?2, ?3, ?4)")
            .expect("membership");
        let mut c = tx
            .prepare("INSERT INTO consent (member_id, purpose, method, notice_version, given_at) VALUES (?1, ?2, 'verbal', 1, ?3)")
            .expect("consent");
        // Recorded as they happened: in time order, as the counter and imports write them.
        let mut joins: Vec<i64> = (0..MEMBERS).map(|_| rng.gen_range(0..730 * 24 * 60)).collect();
        joins.sort_unstable();
        for i in 1..=MEMBERS {
            let joined = start + Duration::minutes(joins[(i - 1) as usize]);
            m.execute(rusqlite::params![
                format!("{i:032x}"),
                format!("会员{i}"),
                format!("138{i:08}"),
                joined
            ])
            .expect("member");
            let left = (i % 10 == 0).then(|| joined + Duration::days(rng.gen_range(1..100)));
            s.execute(rusqlite::params![i, group, joined, left.filter(|l| *l < now())]).expect("membership");
            c.execute(rusqlite::params![i, "membership", joined]).expect("consent");
            if i % 2 == 0 {
                c.execute(rusqlite::params![i, "marketing", joined]).expect("consent");
            }
        }
        let mut p = tx
            .prepare("INSERT INTO purchase (member_id, occurred_at, amount_cents, source, created_at) VALUES (?1, ?2, ?3, 'counter', ?2)")
            .expect("purchase");
        let mut r = tx
            .prepare("INSERT INTO refund (purchase_id, amount_cents, reason, refunded_at) VALUES (?1, ?2, '少一盒', ?3)")
            .expect("refund");
        let mut times: Vec<i64> = (0..PURCHASES).map(|_| rng.gen_range(0..730 * 24 * 60)).collect();
        times.sort_unstable();
        for i in 1..=PURCHASES {
            let member = (rng.gen_range(0..5) > 0).then(|| rng.gen_range(1..=MEMBERS));
            let at = start + Duration::minutes(times[(i - 1) as usize]);
            let cents = rng.gen_range(500..50_000);
            p.execute(rusqlite::params![member, at, cents]).expect("purchase");
            if i % 100 == 0 {
                r.execute(rusqlite::params![i, cents / 2, at + Duration::hours(1)]).expect("refund");
            }
        }
    }
    tx.commit().expect("commit");
    // As the app finds the file in the morning: statistics gathered, and the
    // write-ahead log folded into the database (SQLite does so as it goes).
    conn.execute_batch("ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);").expect("analyze");
    (conn, group)
}
