//! Renders every template to PNG and PDF for a person to look at:
//! `cargo run -p shopcircle-print --example samples -- OUT_DIR`.

use shopcircle_print::poster::{compose, Poster, Template};
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
    println!("wrote {}", out.display());
    Ok(())
}
