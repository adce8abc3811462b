//! Vouchers at scale: issuing 10,000 at once, and one redemption (lookup and
//! durable write, FULL sync on a WAL file) in a database of 1,000,000 vouchers.
//! `cargo bench -p shopcircle-core --bench vouchers`.

use std::cell::Cell;
use std::time::Duration;

use chrono::Utc;
use criterion::{criterion_group, criterion_main, Criterion};
use shopcircle_core::voucher::{self, BatchInput, BenefitInput, RedeemInput};
use shopcircle_core::{db, Lang};

fn batch(count: i64) -> BatchInput {
    BatchInput::new(BenefitInput::AmountOff { cents: 500 }, count, "2099-12-31")
}

fn vouchers(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut group = c.benchmark_group("vouchers");
    group.sample_size(10).measurement_time(Duration::from_secs(8));

    let mut conn = db::open(&dir.path().join("issue.db")).expect("open");
    group.bench_function("issue a batch of 10,000", |b| {
        b.iter(|| voucher::issue(&mut conn, &batch(10_000), Utc::now()).expect("issue"))
    });

    let mut conn = db::open(&dir.path().join("million.db")).expect("open");
    let mut last = 0;
    for _ in 0..10 {
        last = voucher::issue(&mut conn, &batch(100_000), Utc::now()).expect("issue").id;
    }
    let codes = voucher::codes(&conn, last).expect("codes");
    let next = Cell::new(0usize);
    group.bench_function("redeem one code among 1,000,000", |b| {
        b.iter(|| {
            // A fresh code each time, so every iteration is a real redemption.
            let code = codes[next.get() % codes.len()].clone();
            next.set(next.get() + 1);
            let input = RedeemInput { code, staff: String::new(), spend_cents: None };
            voucher::redeem(&mut conn, &input, Lang::ZhCn, Utc::now()).expect("redeem")
        })
    });
    group.finish();
}

criterion_group!(benches, vouchers);
criterion_main!(benches);
