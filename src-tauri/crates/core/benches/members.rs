//! Members at the size of a shop years in: importing 100,000 purchase rows
//! from a till's CSV (preview and commit), the dashboard over 20,000 members
//! and 1,000,000 purchases, and the member list's first page at that size.
//! `cargo bench -p shopcircle-core --bench members` (or `scripts/bench.sh members`).

use std::time::Duration as StdDuration;

use chrono::{DateTime, Duration, TimeZone, Utc};
use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use rand::{rngs::StdRng, Rng, SeedableRng};
use shopcircle_core::community::{write, CommunityInput, Kind};
use shopcircle_core::dashboard::{self, DashboardQuery, Segment};
use shopcircle_core::import::{self, ImportOptions};
use shopcircle_core::member::{self, MemberFilter};
use shopcircle_core::{db, settings};

const MEMBERS: i64 = 20_000;
const PURCHASES: i64 = 1_000_000;

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 27, 10, 0, 0).unwrap()
}

fn shop(dir: &tempfile::TempDir) -> (db::Connection, i64) {
    let mut conn = db::open(&dir.path().join("shop.db")).expect("open");
    let shop = settings::ShopInput {
        name: "茶香".into(),
        industry: "茶饮".into(),
        time_zone: "Asia/Shanghai".into(),
        language: "zh-CN".into(),
        ..Default::default()
    };
    settings::set_up(&conn, &shop, now()).expect("shop");
    let group = write::create(&mut conn, &CommunityInput::new("茶友群", Kind::HighFrequency), now())
        .expect("group")
        .id;
    (conn, group)
}

/// 20,000 members who joined over two years (one in ten left since, half
/// gave marketing consent), and 1,000,000 purchases over those two years,
/// four in five by members, one in a hundred partly refunded. Written in one
/// transaction straight into the tables: setting up is not what is measured.
fn big_shop(dir: &tempfile::TempDir) -> (db::Connection, i64) {
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

fn till_csv(rows: usize) -> Vec<u8> {
    let mut out = String::from("单号,下单时间,实收金额,手机,商品\n");
    for i in 0..rows {
        out.push_str(&format!(
            "T{i:07},2026-{:02}-{:02} {:02}:{:02},{}.{:02},138{:08},乌龙茶 250g\n",
            1 + i % 11,
            1 + i % 28,
            8 + i % 12,
            i % 60,
            10 + i % 300,
            i % 100,
            i % 30_000
        ));
    }
    out.into_bytes()
}

fn members(c: &mut Criterion) {
    let mut g = c.benchmark_group("members");
    g.sample_size(10).measurement_time(StdDuration::from_secs(20));
    let file = till_csv(100_000);
    g.bench_function("import 100,000 purchase rows from CSV (preview and commit)", |b| {
        b.iter_batched(
            || {
                let dir = tempfile::tempdir().expect("dir");
                let (conn, _) = shop(&dir);
                (dir, conn)
            },
            |(dir, mut conn)| {
                let p =
                    import::preview(&conn, &file, "till.csv", &ImportOptions::default()).expect("preview");
                assert_eq!(p.new, 100_000);
                import::commit(&mut conn, &file, "till.csv", &ImportOptions::default(), now())
                    .expect("commit");
                drop(conn);
                dir
            },
            BatchSize::PerIteration,
        )
    });

    let dir = tempfile::tempdir().expect("dir");
    let (conn, group) = big_shop(&dir);
    // To look at the queries by hand: SHOPCIRCLE_BENCH_DB=/tmp/big.db keeps a copy.
    if let Ok(keep) = std::env::var("SHOPCIRCLE_BENCH_DB") {
        let _ = std::fs::remove_file(&keep);
        conn.execute("VACUUM INTO ?1", [keep]).expect("copy");
    }
    g.measurement_time(StdDuration::from_secs(10));
    let month = DashboardQuery { from: "2026-10-29".into(), to: "2026-11-27".into(), community_id: None };
    let theirs = DashboardQuery { community_id: Some(group), ..month.clone() };
    for (scope, q) in [("whole shop", &month), ("one community", &theirs)] {
        let p = dashboard::period(&conn, q).expect("period");
        g.bench_function(format!("dashboard {scope}, 30 days: key figures and the period before"), |b| {
            b.iter(|| p.key_figures(&conn).expect("kpis"))
        });
        g.bench_function(format!("dashboard {scope}, 30 days: funnel"), |b| {
            b.iter(|| p.funnel(&conn).expect("funnel"))
        });
        g.bench_function(format!("dashboard {scope}, 30 days: members over time"), |b| {
            b.iter(|| p.members_over_time(&conn).expect("series"))
        });
        g.bench_function(format!("dashboard {scope}, 30 days: channels"), |b| {
            b.iter(|| p.channels(&conn).expect("channels"))
        });
        g.bench_function(format!("dashboard {scope}: RFM segments"), |b| {
            b.iter(|| p.segments(&conn).expect("segments"))
        });
    }
    g.bench_function("member list, first page of 50 among 20,000", |b| {
        b.iter(|| member::list(&conn, &MemberFilter::default(), now()).expect("list"))
    });
    let at_risk = MemberFilter { segment: Some(Segment::AtRisk), ..MemberFilter::default() };
    g.bench_function("member list of one RFM segment among 20,000", |b| {
        b.iter(|| member::list(&conn, &at_risk, now()).expect("list"))
    });
    g.finish();
}

criterion_group!(benches, members);
criterion_main!(benches);
