//! One A4 counter poster with a Chinese headline, to PDF and to PNG at 300 DPI.
//! `cargo bench -p shopcircle-print`.

use criterion::{criterion_group, criterion_main, Criterion};
use shopcircle_print::poster::{compose, Poster, Template};
use shopcircle_print::{render, Fonts};

fn bench(c: &mut Criterion) {
    let fonts = Fonts::system().expect("a CJK font");
    let p = Poster::sample();
    let mut g = c.benchmark_group("A4 counter poster, Chinese headline");
    g.sample_size(20);
    g.bench_function("compose + PDF", |b| {
        b.iter(|| render::pdf(&compose(&p, Template::Counter, &fonts).expect("svg"), &fonts).expect("pdf"))
    });
    g.bench_function("compose + PNG 300 DPI", |b| {
        b.iter(|| {
            render::png(&compose(&p, Template::Counter, &fonts).expect("svg"), &fonts, 300).expect("png")
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
