//! Renders every template to PNG and PDF for a person to look at:
//! `cargo run -p shopcircle-print --example samples -- OUT_DIR`.

use shopcircle_print::poster::{compose, Poster, Template};
use shopcircle_print::{render, Fonts};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let out = std::path::PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "poster-samples".into()));
    std::fs::create_dir_all(&out)?;
    let fonts = Fonts::system()?;
    let poster = Poster {
        payload: "https://weixin.qq.com/g/AQYAAHnq3ZxExample".into(),
        headline: "扫码加入茶香会员群".into(),
        subline: "每天一款好茶 · 周五会员价 · 新茶群友先选".into(),
        gift: "入群即送 精美茶包一份".into(),
        shop_name: "茶香茶馆".into(),
        address: "和平路 88 号（地铁 2 号线 B 口）".into(),
        hours: "每天 9:00–21:00".into(),
        brand_color: "#2f7d5b".into(),
        logo: None,
    };
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
    println!("wrote {}", out.display());
    Ok(())
}
