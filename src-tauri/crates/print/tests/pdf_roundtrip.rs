//! Every template's PDF, rasterized by pdftoppm as a printer driver would, still
//! carries a QR that decodes to its payload (poppler-utils is installed by
//! scripts/setup.sh; without it this test fails rather than passing silently).

use std::process::Command;

use shopcircle_print::poster::{compose, Offer, Poster, Template};
use shopcircle_print::{render, Fonts};

fn decode(png: &[u8]) -> Vec<String> {
    let img = image::load_from_memory(png).expect("a PNG").to_luma8();
    rqrr::PreparedImage::prepare(img)
        .detect_grids()
        .into_iter()
        .filter_map(|g| g.decode().ok().map(|(_, s)| s))
        .collect()
}

#[test]
fn every_template_pdf_rasterizes_to_a_qr_that_decodes_back() {
    let fonts = Fonts::system().expect("a CJK font");
    let dir = tempfile::tempdir().unwrap();
    let payload = "https://work.weixin.qq.com/gm/3f8a2c1e9b7d4e6f8a2c1e9b7d4e6f8a";
    // The campaigns' templates print an offer: a flash sale's price, a gift-package day's ladder.
    let offer = Offer {
        price: "¥19.90".into(),
        was: "近7日最低价 ¥39".into(),
        when: "11月30日（周一）起 每周一至周四 20:00".into(),
        terms: "每场限量 30 罐 · 每人限 1 罐".into(),
        tiers: vec![
            ("2份起".into(), "¥90/份".into()),
            ("3份起".into(), "¥85/份".into()),
            ("5份起".into(), "¥75/份".into()),
        ],
    };
    for template in [
        Template::Counter,
        Template::TableTent,
        Template::Window,
        Template::Stickers,
        Template::Spike,
        Template::Ladder,
    ] {
        let poster = Poster {
            payload: payload.into(),
            headline: "扫码加入茶香会员群".into(),
            gift: "入群即送 精美茶包一份".into(),
            shop_name: "茶香茶馆".into(),
            offer: Some(offer.clone()),
            ..Poster::default()
        };
        let pdf = render::pdf(&compose(&poster, template, &fonts).unwrap(), &fonts).unwrap();
        let pdf_path = dir.path().join("poster.pdf");
        std::fs::write(&pdf_path, &pdf).unwrap();
        let out = dir.path().join("page");
        let status = Command::new("pdftoppm")
            .args(["-r", "100", "-png", "-singlefile"])
            .arg(&pdf_path)
            .arg(&out)
            .status()
            .expect("pdftoppm (poppler-utils) is installed");
        assert!(status.success());
        let png = std::fs::read(out.with_extension("png")).unwrap();
        let found = decode(&png);
        assert!(!found.is_empty() && found.iter().all(|s| s == payload), "{template:?}: {found:?}");
    }
}
