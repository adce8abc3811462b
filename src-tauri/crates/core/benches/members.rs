//! Members at the size of a shop years in: importing 100,000 purchase rows
//! from a till's CSV (preview and commit), the dashboard over 20,000 members
//! and 1,000,000 purchases, and the member list's first page at that size.
//! `cargo bench -p shopcircle-core --bench members` (or `scripts/bench.sh members`).

use std::time::Duration as StdDuration;

use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use shopcircle_core::dashboard::{self, DashboardQuery, Segment};
use shopcircle_core::import::{self, ImportOptions};
use shopcircle_core::member::{self, MemberFilter};

#[path = "shared/big_shop.rs"]
mod big_shop;
use big_shop::{big_shop, now, shop};

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
