use super::*;
use crate::render;

fn fonts() -> Fonts {
    Fonts::system().expect("a CJK font (fonts-noto-cjk)")
}

pub fn sample(payload: &str) -> Poster {
    Poster {
        payload: payload.into(),
        headline: "扫码加入茶香会员群".into(),
        subline: "每天一款好茶 · 周五会员价".into(),
        gift: "入群即送 精美茶包一份".into(),
        shop_name: "茶香茶馆".into(),
        address: "和平路 88 号".into(),
        hours: "每天 9:00–21:00".into(),
        brand_color: "#2f7d5b".into(),
        logo: None,
        offer: Some(offer()),
    }
}

fn offer() -> Offer {
    Offer {
        price: "¥19.90".into(),
        was: "近7日最低价 ¥39".into(),
        when: "11月30日（周一）起 每周一至周四 20:00".into(),
        terms: "限量 30 罐 · 每人限 1 罐".into(),
        tiers: vec![
            ("2份起".into(), "¥90/份".into()),
            ("3份起".into(), "¥85/份".into()),
            ("5份起".into(), "¥75/份".into()),
        ],
    }
}

fn decode_png(png: &[u8]) -> Vec<String> {
    let img = image::load_from_memory(png).expect("a PNG").to_luma8();
    let mut prepared = rqrr::PreparedImage::prepare(img);
    prepared.detect_grids().into_iter().filter_map(|g| g.decode().ok().map(|(_, content)| content)).collect()
}

const PAYLOADS: &[&str] =
    &["https://weixin.qq.com/g/AQYAAHnq3ZxExample", "茶香茶馆会员群：欢迎扫码加入，领取新人礼"];

#[test]
fn every_template_renders_a_qr_that_decodes_back_to_its_payload() {
    let fonts = fonts();
    for template in [
        Template::Counter,
        Template::TableTent,
        Template::Window,
        Template::Stickers,
        Template::Spike,
        Template::Ladder,
    ] {
        for payload in PAYLOADS {
            let svg = compose(&sample(payload), template, &fonts).unwrap();
            let png = render::png(&svg, &fonts, 100).unwrap();
            let found = decode_png(&png);
            assert!(!found.is_empty(), "{template:?}: no QR found");
            assert!(found.iter().all(|c| c == payload), "{template:?}: decoded {found:?}");
        }
    }
}

#[test]
fn a_logo_over_the_qr_still_scans() {
    let fonts = fonts();
    let mut logo = image::RgbaImage::new(64, 64);
    for p in logo.pixels_mut() {
        *p = image::Rgba([200, 40, 40, 255]);
    }
    let mut bytes = Vec::new();
    logo.write_to(&mut std::io::Cursor::new(&mut bytes), image::ImageFormat::Png).unwrap();
    let poster = Poster { logo: Some(Logo::from_bytes(&bytes).unwrap()), ..sample(PAYLOADS[0]) };
    let png = render::png(&compose(&poster, Template::Counter, &fonts).unwrap(), &fonts, 150).unwrap();
    assert_eq!(decode_png(&png), vec![PAYLOADS[0].to_string()]);
}

#[test]
fn an_empty_headline_or_a_payload_too_long_for_a_qr_is_refused() {
    let fonts = fonts();
    let empty = Poster { headline: "  ".into(), ..sample("x") };
    assert_eq!(
        compose(&empty, Template::Counter, &fonts).err(),
        Some(Error::TextEmpty { field: "headline" })
    );
    let long = sample(&"x".repeat(3000));
    assert!(matches!(compose(&long, Template::Counter, &fonts), Err(Error::PayloadTooLong { .. })));
}

#[test]
fn a_five_thousand_character_headline_is_refused_not_clipped() {
    let fonts = fonts();
    let poster = Poster { headline: "长".repeat(5000), ..sample("x") };
    assert!(matches!(compose(&poster, Template::Counter, &fonts), Err(Error::TextTooLong { .. })));
}

#[test]
fn a_long_headline_shrinks_and_wraps_to_fit() {
    let fonts = fonts();
    let poster =
        Poster { headline: "Join our tea lovers group for daily brewing tips".into(), ..sample("x") };
    let svg = compose(&poster, Template::Counter, &fonts).unwrap();
    assert!(svg.matches("font-weight=\"800\"").count() == 2, "wrapped onto two lines");
}

#[test]
fn a_corrupted_or_huge_image_is_refused_as_a_logo() {
    assert!(matches!(Logo::from_bytes(b"not an image"), Err(Error::BadImage(_))));
    let mut png = Vec::new();
    image::RgbaImage::new(8, 8)
        .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
        .unwrap();
    png.truncate(png.len() / 2);
    assert!(matches!(Logo::from_bytes(&png), Err(Error::BadImage(_))));
    // A PNG whose header says 10000 × 5000 pixels (a 50-megapixel photo) is
    // refused from the header alone, before anything is decoded.
    let chunk = |name: &[u8], data: &[u8]| {
        let mut body = name.to_vec();
        body.extend_from_slice(data);
        let mut out = (data.len() as u32).to_be_bytes().to_vec();
        out.extend_from_slice(&body);
        out.extend_from_slice(&crate::render::crc32(&body).to_be_bytes());
        out
    };
    let mut header = 10_000u32.to_be_bytes().to_vec();
    header.extend_from_slice(&5_000u32.to_be_bytes());
    header.extend_from_slice(&[8, 6, 0, 0, 0]);
    let mut huge = b"\x89PNG\r\n\x1a\n".to_vec();
    huge.extend(chunk(b"IHDR", &header));
    huge.extend(chunk(b"IDAT", &[]));
    huge.extend(chunk(b"IEND", &[]));
    assert_eq!(
        Logo::from_bytes(&huge),
        Err(Error::ImageTooLarge { width: 10_000, height: 5_000, max_pixels: logo::MAX_PIXELS })
    );
}

#[test]
fn the_flash_sale_poster_prints_the_offer_and_needs_one() {
    let fonts = fonts();
    let svg = compose(&sample(PAYLOADS[0]), Template::Spike, &fonts).unwrap();
    for words in ["¥19.90", "近7日最低价 ¥39", "每周一至周四 20:00", "限量 30 罐"] {
        assert!(svg.contains(words), "{words}");
    }
    // The 7-day low is struck through.
    assert!(svg.contains(r##"stroke="#666""##));
    let without = Poster { offer: None, ..sample("x") };
    assert_eq!(compose(&without, Template::Spike, &fonts).err(), Some(Error::TextEmpty { field: "offer" }));
}

#[test]
fn the_gift_package_poster_prints_every_rung_of_the_ladder_and_needs_one() {
    let fonts = fonts();
    let svg = compose(&sample(PAYLOADS[0]), Template::Ladder, &fonts).unwrap();
    for words in ["2份起", "¥90/份", "3份起", "¥85/份", "5份起", "¥75/份", "每周一至周四 20:00"]
    {
        assert!(svg.contains(words), "{words}");
    }
    // The best price, last, in the sale's red.
    assert!(svg.contains(r##"fill="#b3372e""##));
    let no_ladder = Poster { offer: Some(Offer { tiers: Vec::new(), ..offer() }), ..sample("x") };
    assert_eq!(
        compose(&no_ladder, Template::Ladder, &fonts).err(),
        Some(Error::TextEmpty { field: "tiers" })
    );
}
