//! Backing up, checking and restoring the shop of a few years: 20,000
//! members, 1,000,000 purchases and 100,000 vouchers. The backup runs on its
//! own read-only connection (the window's stays free); the figure is the
//! whole of it: online copy, integrity_check, counts, SHA-256, flush, rename.
//! `cargo bench -p shopcircle-core --bench backups` (or `scripts/bench.sh backups`).

use std::path::Path;
use std::time::{Duration as StdDuration, Instant};

use criterion::{criterion_group, criterion_main, Criterion};
use shopcircle_core::backup::{self, Reason};
use shopcircle_core::restore;
use shopcircle_core::voucher::{self, BatchInput, BenefitInput};

#[path = "shared/big_shop.rs"]
#[allow(dead_code)]
mod big_shop;
use big_shop::{big_shop, now};

fn remove_backup(path: &Path) {
    let _ = std::fs::remove_file(path);
    let _ = std::fs::remove_file(path.with_extension("json"));
}

fn backups(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("dir");
    let (mut conn, _) = big_shop(&dir);
    let input = BatchInput::new(BenefitInput::AmountOff { cents: 500 }, 100_000, "2099-12-31");
    voucher::issue(&mut conn, &input, now()).expect("vouchers");
    conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE);").expect("checkpoint");
    drop(conn);
    let db = dir.path().join("shop.db");

    let mut g = c.benchmark_group("backups");
    g.sample_size(10).measurement_time(StdDuration::from_secs(30));
    g.bench_function("back up and verify 20,000 members, 1,000,000 purchases, 100,000 vouchers", |b| {
        b.iter_custom(|iterations| {
            let mut spent = StdDuration::ZERO;
            for _ in 0..iterations {
                let started = Instant::now();
                let (made, _) = backup::back_up_file(&db, Reason::Manual, now()).expect("backup");
                spent += started.elapsed();
                remove_backup(Path::new(&made.path));
            }
            spent
        })
    });
    let (kept, _) = backup::back_up_file(&db, Reason::Manual, now()).expect("backup");
    g.bench_function("restore it (the data before backed up first)", |b| {
        b.iter_custom(|iterations| {
            let mut spent = StdDuration::ZERO;
            for _ in 0..iterations {
                let started = Instant::now();
                let restored = restore::restore(&db, Path::new(&kept.path), now()).expect("restore");
                spent += started.elapsed();
                if let Some(before) = restored.before_restore {
                    remove_backup(Path::new(&before.path));
                }
            }
            spent
        })
    });
    g.finish();
}

criterion_group!(benches, backups);
criterion_main!(benches);
