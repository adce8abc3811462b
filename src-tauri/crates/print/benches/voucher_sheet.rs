//! A batch of 10,000 vouchers with a Chinese face, as a 1,000-page A4 PDF.
//! `cargo bench -p shopcircle-print --bench voucher_sheet`.

use criterion::{criterion_group, criterion_main, Criterion};
use shopcircle_print::voucher::{voucher_sheet_pdf, VoucherFace};
use shopcircle_print::Fonts;

/// Crockford's base32, as the core issues codes in.
const ALPHABET: &[u8] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// A code-shaped string for `n`: its digits in base 32, spread over the 20
/// symbols so neighbouring codes differ in several places, as real ones do.
fn fake_code(n: u64) -> String {
    let mut v = n.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ n;
    let mut out = String::with_capacity(24);
    for i in 0..20 {
        if i > 0 && i % 4 == 0 {
            out.push('-');
        }
        out.push(char::from(ALPHABET[(v & 31) as usize]));
        v = v.rotate_right(5) ^ (n + i);
    }
    out
}

fn bench(c: &mut Criterion) {
    let fonts = Fonts::system().expect("a CJK font");
    let face = VoucherFace::sample();
    let codes: Vec<String> = (0..10_000).map(fake_code).collect();
    let mut g = c.benchmark_group("voucher sheet PDF, 10,000 vouchers");
    g.sample_size(10);
    g.bench_function("1,000 A4 pages, Chinese face", |b| {
        b.iter(|| voucher_sheet_pdf(&face, &codes, &fonts).expect("pdf"))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
