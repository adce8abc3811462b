//! One A4 counter poster with a Chinese headline, to PDF and to PNG at 300 DPI.
//! `cargo bench -p shopcircle-print`.

use criterion::{criterion_group, criterion_main, Criterion};
use shopcircle_print::poster::{compose, Poster, Template};
use shopcircle_print::{render, Fonts};

fn poster() -> Poster {
    Poster {
        payload: "https://weixin.qq.com/g/AQYAAHnq3ZxExample".into(),
        headline: "扫码加入茶香会员群".into(),
        subline: "每天一款好茶 · 周五会员价".into(),
        gift: "入群即送 精美茶包一份".into(),
        shop_name: "茶香茶馆".into(),
        address: "和平路 88 号".into(),
        hours: "每天 9:00–21:00".into(),
        brand_color: "#2f7d5b".into(),
        logo: None,
    }
}

fn bench(c: &mut Criterion) {
    let fonts = Fonts::system().expect("a CJK font");
    let p = poster();
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
