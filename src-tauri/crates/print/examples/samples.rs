//! Renders every poster template (the flash sale's with an offer), a voucher and a two-page voucher sheet to
//! PNG and PDF for a person to look at:
//! `cargo run -p shopcircle-print --example samples -- OUT_DIR`.

use shopcircle_print::poster::{compose, Offer, Poster, Template};
use shopcircle_print::voucher::{voucher_png, voucher_sheet_pdf, voucher_svg, VoucherFace};
use shopcircle_print::{render, Fonts};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let out = std::path::PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "poster-samples".into()));
    std::fs::create_dir_all(&out)?;
    let fonts = Fonts::system()?;
    let poster = Poster::sample();
    for (name, t) in [
        ("counter", Template::Counter),
        ("table-tent", Template::TableTent),
        ("window", Template::Window),
        ("stickers", Template::Stickers),
    ] {
        let svg = compose(&poster, t, &fonts)?;
        std::fs::write(out.join(format!("{name}.png")), render::png(&svg, &fonts, 100)?)?;
        std::fs::write(out.join(format!("{name}.pdf")), render::pdf(&svg, &fonts)?)?;
        std::fs::write(out.join(format!("{name}.svg")), &svg)?;
    }
    // The flash-sale poster, its offer filled as the core fills it.
    let spike = Poster {
        headline: "铁观音 250g".into(),
        gift: "扫码进群 · 20:00 群里接龙抢购".into(),
        offer: Some(Offer {
            price: "¥19.90".into(),
            was: "近7日最低价 ¥39".into(),
            when: "11月30日（周一）起 每周一至周四 20:00".into(),
            terms: "每场限量 30 罐 · 每人限 1 罐 · 3 天内到店取货".into(),
            tiers: Vec::new(),
        }),
        ..poster.clone()
    };
    let svg = compose(&spike, Template::Spike, &fonts)?;
    std::fs::write(out.join("spike.png"), render::png(&svg, &fonts, 100)?)?;
    std::fs::write(out.join("spike.pdf"), render::pdf(&svg, &fonts)?)?;
    // The gift-package day's poster, its ladder as the core fills it.
    let ladder = Poster {
        headline: "会员礼包日：铁观音 + 桂花糕".into(),
        gift: "扫码进群 · 周五 20:00 群里接龙".into(),
        offer: Some(Offer {
            price: "单份 ¥98".into(),
            was: String::new(),
            when: "每周五 20:00 开团 · 次日 10:00 截止".into(),
            terms: "同一地址份数合计，全部按达到的最优价".into(),
            tiers: vec![
                ("2份起".into(), "¥90/份".into()),
                ("3份起".into(), "¥85/份".into()),
                ("5份起".into(), "¥75/份".into()),
            ],
        }),
        ..poster.clone()
    };
    let svg = compose(&ladder, Template::Ladder, &fonts)?;
    std::fs::write(out.join("ladder.png"), render::png(&svg, &fonts, 100)?)?;
    std::fs::write(out.join("ladder.pdf"), render::pdf(&svg, &fonts)?)?;
    let face = VoucherFace::sample();
    let code = "K7QM-3XPA-9D2F-ABCD-EFGH";
    std::fs::write(out.join("voucher.png"), voucher_png(&face, code, &fonts, 300)?)?;
    std::fs::write(out.join("voucher.svg"), voucher_svg(&face, code, &fonts)?)?;
    // An English face with every line long, to see wrapping and shrinking.
    let long = VoucherFace {
        shop_name: "Leaf & Cup Tea House, Peace Road".into(),
        benefit: "Free gift: a box of seasonal tea bags".into(),
        conditions: "With any purchase over ¥50 · for Zhang San 138****1234 only · one per visit".into(),
        validity: "Valid 22 Nov 2026 – 31 Dec 2026".into(),
        brand_color: "#8a3b2e".into(),
    };
    std::fs::write(out.join("voucher-long.png"), voucher_png(&long, code, &fonts, 300)?)?;
    // Thirteen cards: a full page and a part one, to show the marks of both.
    let codes: Vec<String> = (0..13).map(|i| format!("K7QM-3XPA-9D2F-ABCD-EF{i:02}")).collect();
    std::fs::write(out.join("voucher-sheet.pdf"), voucher_sheet_pdf(&face, &codes, &fonts)?)?;
    println!("wrote {}", out.display());
    Ok(())
}
