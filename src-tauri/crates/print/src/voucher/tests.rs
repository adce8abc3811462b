use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

use super::*;
use crate::voucher::face::{CARD_H, CARD_W};
use crate::voucher::sheet::{slot, PAGE_H, PAGE_W, PER_PAGE};

fn fonts() -> Fonts {
    Fonts::system().expect("a CJK font (fonts-noto-cjk)")
}

fn chinese_face() -> VoucherFace {
    VoucherFace {
        shop_name: "叶与杯茶馆".into(),
        benefit: "赠品：精美茶包一份".into(),
        conditions: "满 ¥50 可用 · 限 张三 138****1234".into(),
        validity: "有效期 2026-11-22 至 2026-12-31".into(),
        brand_color: "#2f7d5b".into(),
    }
}

/// A code-shaped string for `n`, different for every `n`.
fn fake_code(n: usize) -> String {
    let symbols: Vec<u8> = (0..20).map(|i| ALPHABET[(n >> (5 * (i % 6))) & 31 ^ (i * 7 % 32)]).collect();
    symbols.chunks(4).map(|g| String::from_utf8(g.to_vec()).unwrap()).collect::<Vec<_>>().join("-")
}

fn decode(png: &[u8]) -> Vec<String> {
    let img = image::load_from_memory(png).expect("a PNG").to_luma8();
    rqrr::PreparedImage::prepare(img)
        .detect_grids()
        .into_iter()
        .filter_map(|g| g.decode().ok().map(|(_, s)| s))
        .collect()
}

fn tool(name: &str, args: &[&str], pdf: &Path) -> String {
    let out = Command::new(name)
        .args(args)
        .arg(pdf)
        .output()
        .unwrap_or_else(|e| panic!("{name} (poppler-utils) is installed: {e}"));
    assert!(out.status.success(), "{name}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn a_voucher_png_carries_one_qr_that_decodes_to_exactly_its_code() {
    let code = "K7QM-3XPA-9D2F-ABCD-EFGH";
    let png = voucher_png(&chinese_face(), code, &fonts(), 300).unwrap();
    assert_eq!(decode(&png), vec![code.to_string()]);
    // At least 20 mm across its modules, measured on the picture.
    let mut prepared = rqrr::PreparedImage::prepare(image::load_from_memory(&png).unwrap().to_luma8());
    let grids = prepared.detect_grids();
    let [top_left, top_right, ..] = grids[0].bounds;
    let mm = (top_right.x - top_left.x) as f64 / 300.0 * 25.4;
    assert!(mm >= 20.0, "{mm} mm");
    // 90 mm at 300 DPI.
    let img = image::load_from_memory(&png).unwrap();
    assert_eq!((img.width(), img.height()), (1063, 638));
}

#[test]
fn a_sheet_of_23_is_three_pages_whose_qrs_decode_to_exactly_the_23_codes() {
    let codes: Vec<String> = (0..23).map(fake_code).collect();
    assert_eq!(codes.iter().collect::<BTreeSet<_>>().len(), 23, "the fake codes are distinct");
    let pdf = voucher_sheet_pdf(&chinese_face(), &codes, &fonts()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sheet.pdf");
    std::fs::write(&path, &pdf).unwrap();
    let info = tool("pdfinfo", &[], &path);
    assert!(info.lines().any(|l| l.starts_with("Pages:") && l.ends_with(" 3")), "{info}");

    let prefix = dir.path().join("page");
    let status = Command::new("pdftoppm")
        .args(["-r", "200", "-png"])
        .arg(&path)
        .arg(&prefix)
        .status()
        .expect("pdftoppm (poppler-utils) is installed");
    assert!(status.success());
    let mut pages: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "png"))
        .collect();
    pages.sort();
    assert_eq!(pages.len(), 3);
    // Each card is read on its own at its slot, so the test also shows every
    // code lands in its own slot, in order.
    let mut found = Vec::new();
    for (p, page) in pages.iter().enumerate() {
        let image = image::open(page).unwrap().to_luma8();
        let cards = (23 - p * PER_PAGE).min(PER_PAGE);
        let read = read_sheet_page(&image, 200, cards);
        let expected: Vec<Option<String>> =
            codes[p * PER_PAGE..][..cards].iter().cloned().map(Some).collect();
        assert_eq!(read, expected, "page {}", p + 1);
        found.extend(read.into_iter().flatten());
    }
    assert_eq!(found.into_iter().collect::<BTreeSet<_>>(), codes.into_iter().collect::<BTreeSet<_>>());
}

#[test]
fn a_sheet_uses_courier_bold_and_embeds_each_chinese_font_once_for_all_pages() {
    let codes: Vec<String> = (0..45).map(fake_code).collect();
    let pdf = voucher_sheet_pdf(&chinese_face(), &codes, &fonts()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sheet.pdf");
    std::fs::write(&path, &pdf).unwrap();
    let listing = tool("pdffonts", &[], &path);
    // Skip the two header lines; one row per font object.
    let rows: Vec<&str> = listing.lines().skip(2).collect();
    let courier: Vec<_> = rows.iter().filter(|r| r.starts_with("Courier-Bold ")).collect();
    assert_eq!(courier.len(), 1, "{listing}");
    assert!(courier[0].contains(" no "), "Courier-Bold is a standard font, not embedded: {listing}");
    let cjk: Vec<_> = rows.iter().filter(|r| r.contains("CJK") || r.contains("CID")).collect();
    assert!(!cjk.is_empty(), "{listing}");
    assert!(cjk.iter().all(|r| r.contains(" yes ")), "embedded: {listing}");
    // Regular and bold at most, each once, for five pages.
    let names: BTreeSet<_> = cjk.iter().map(|r| r.split_whitespace().next().unwrap()).collect();
    assert_eq!(names.len(), cjk.len(), "each CJK font once: {listing}");
    assert!(cjk.len() <= 2, "{listing}");
    assert_eq!(rows.len(), 1 + cjk.len(), "{listing}");
}

#[test]
fn ten_cards_fit_an_a4_page_apart_and_at_least_5_mm_from_its_edges() {
    let cards: Vec<(f64, f64)> = (0..PER_PAGE).map(slot).collect();
    for (i, &(x, y)) in cards.iter().enumerate() {
        assert!(x >= 5.0 && y >= 5.0 && x + CARD_W <= PAGE_W - 5.0 && y + CARD_H <= PAGE_H - 5.0, "card {i}");
        for &(x2, y2) in &cards[i + 1..] {
            assert!((x - x2).abs() >= CARD_W || (y - y2).abs() >= CARD_H, "card {i} overlaps another");
        }
    }
    // Every code is 25 modules at level Q, which the layout's quiet zone assumes.
    for n in [0, 1, 99_999] {
        assert_eq!(code_matrix(&fake_code(n)).unwrap().size, 25);
    }
}

#[test]
fn no_codes_or_a_malformed_one_is_refused_before_anything_is_drawn() {
    let fonts = fonts();
    let face = chinese_face();
    assert_eq!(voucher_sheet_pdf(&face, &[], &fonts).err(), Some(Error::NoVouchers));
    assert_eq!(Error::NoVouchers.message_zh(), "没有可打印的券");
    assert_eq!(Error::NoVouchers.to_string(), "No vouchers to print");
    for bad in [
        "",
        "K7QM-3XPA-9D2F-ABCD",
        "k7qm-3xpa-9d2f-abcd-efgh",
        "K7QM3XPA9D2FABCDEFGH",
        "K7QM-3XPA-9D2F-ABCD-EFGHX",
        "K7QM_3XPA_9D2F_ABCD_EFGH",
        "K7QM--XPA-9D2F-ABCD-EFGH",
        "K7QM-3XPA-9D2F-ABCD-EFG ",
        "K7QM-3XPA-9D2F-ABCD-EFGÉ",
    ] {
        assert!(
            matches!(voucher_svg(&face, bad, &fonts), Err(Error::BadVoucherCode { .. })),
            "{bad:?} was accepted"
        );
    }
    let mut codes: Vec<String> = (0..12).map(fake_code).collect();
    codes[11] = "K7QM-3XPA-9D2F-ABCD-EFGh".into();
    let err = voucher_sheet_pdf(&face, &codes, &fonts).unwrap_err();
    assert_eq!(err, Error::BadVoucherCode { code: codes[11].clone() });
    assert!(err.message_zh().contains("K7QM-3XPA-9D2F-ABCD-EFGh"));
}

#[test]
fn the_longest_gift_name_the_catalogue_takes_fits_and_scans() {
    // 40 characters, the catalogue's limit, after the words the core puts first.
    let benefit = format!("赠品：{}", "桂花乌龙冷泡茶礼盒".repeat(5).chars().take(40).collect::<String>());
    let face = VoucherFace { benefit, ..chinese_face() };
    let code = fake_code(11);
    let png = voucher_png(&face, &code, &fonts(), 300).expect("fits on three lines");
    assert_eq!(decode(&png), vec![code]);
}

#[test]
fn a_benefit_too_long_to_fit_is_refused_not_clipped() {
    let fonts = fonts();
    let code = fake_code(7);
    for benefit in [&"赠品：精美茶包一份，另送茶点两份与会员积分与生日礼券一张".repeat(2), &"长".repeat(5000)]
    {
        let face = VoucherFace { benefit: benefit.to_string(), ..chinese_face() };
        assert!(
            matches!(voucher_svg(&face, &code, &fonts), Err(Error::TextTooLong { field: "benefit", .. })),
            "{} characters",
            benefit.chars().count()
        );
        let codes = [code.clone()];
        assert!(matches!(voucher_sheet_pdf(&face, &codes, &fonts), Err(Error::TextTooLong { .. })));
    }
    let empty = VoucherFace { benefit: " ".into(), ..chinese_face() };
    assert_eq!(voucher_svg(&empty, &code, &fonts).err(), Some(Error::TextEmpty { field: "benefit" }));
    assert_eq!(Error::TextTooLong { field: "benefit", max: 20 }.message_zh().chars().next(), Some('优'));
}

#[test]
fn short_faces_and_long_ones_both_fit() {
    let fonts = fonts();
    let code = fake_code(3);
    let short = VoucherFace {
        shop_name: String::new(),
        benefit: "9 折".into(),
        conditions: String::new(),
        validity: String::new(),
        brand_color: "not a colour".into(),
    };
    let svg = voucher_svg(&short, &code, &fonts).unwrap();
    assert!(svg.contains(">9 折</text>"));
    let long = VoucherFace {
        benefit: "赠品：精美茶包一份，另送茶点两份".into(),
        conditions: "满 ¥50 可用 · 限 张三 138****1234 · 每单限用一张 · 不与其他优惠同享".into(),
        ..chinese_face()
    };
    let svg = voucher_svg(&long, &code, &fonts).unwrap();
    // Wrapped at the clause's comma and between list items, the separator
    // dropped: no line starts with punctuation.
    assert!(svg.contains(">赠品：精美茶包一份，</text>"), "{svg}");
    assert!(!svg.contains(">·") && !svg.contains(">，"), "{svg}");
}
