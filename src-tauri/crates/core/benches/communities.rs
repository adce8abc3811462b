//! Benchmarks for the foundation's hot paths: opening the database and listing
//! communities as the home screen does. `cargo bench -p shopcircle-core`.

use chrono::Utc;
use criterion::{criterion_group, criterion_main, Criterion};
use shopcircle_core::community::{read, write, CommunityInput, Kind};
use shopcircle_core::{db, sample, Lang};

fn open_and_list(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("bench.db");
    {
        let mut conn = db::open(&path).expect("open");
        sample::create(&mut conn, Lang::ZhCn, "Asia/Shanghai", Utc::now()).expect("sample");
        for i in 0..200 {
            write::create(&mut conn, &CommunityInput::new(format!("社群 {i}"), Kind::Niche), Utc::now())
                .expect("create");
        }
    }
    c.bench_function("open database (migrated)", |b| b.iter(|| db::open(&path).expect("open")));
    let conn = db::open(&path).expect("open");
    c.bench_function("list 203 communities with rules", |b| {
        b.iter(|| read::list(&conn, false).expect("list"))
    });
}

criterion_group!(benches, open_and_list);
criterion_main!(benches);
