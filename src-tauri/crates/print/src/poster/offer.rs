//! The flash-sale poster (A4 portrait): the product in the brand band, the
//! sale price large against the 7-day low (struck through), when and how
//! many, and the community's code to join and take part.

use super::canvas::text_lines;
use super::face::{block_height, footer, gift_pill, qr_card, Align, Ctx};
use crate::{Error, Result};

/// The offer's words, already in the shop's language.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Offer {
    /// "¥19.90".
    pub price: String,
    /// "近7日最低价 ¥39" — struck through beside the price; may be empty.
    pub was: String,
    /// "11月30日（周一）起 每周一至周四 20:00".
    pub when: String,
    /// "限量 30 罐 · 每人限 1 罐".
    pub terms: String,
}

pub fn spike(ctx: &Ctx, w: f64, h: f64) -> Result<String> {
    let offer = ctx.poster.offer.as_ref().ok_or(Error::TextEmpty { field: "offer" })?;
    let m = 14.0;
    let inner = w - 2.0 * m;
    let cx = w / 2.0;
    let brand = ctx.brand.hex();
    let p = ctx.poster;

    // The band: shop name small, the headline (the product) large.
    let shop = ctx.fit("shop name", &p.shop_name, inner, (6.0, 4.0), 1, false)?;
    let headline = ctx.fit("headline", &p.headline, inner, (19.0, 9.0), 2, true)?;
    let mut y = m;
    let mut band = String::new();
    if !shop.lines.is_empty() {
        band.push_str(&text_lines(&shop.lines, cx, y + shop.size, shop.size, 400, "#ffffffcc", "middle"));
        y += block_height(&shop) + 3.0;
    }
    band.push_str(&text_lines(
        &headline.lines,
        cx,
        y + headline.size * 0.95,
        headline.size,
        800,
        "#fff",
        "middle",
    ));
    y += block_height(&headline) + 8.0;
    let mut out = format!(r#"<rect width="{w}" height="{y:.2}" fill="{brand}"/>"#);
    out.push_str(&band);

    // The price, the struck 7-day low, when and how many.
    y += 8.0;
    let price = ctx.fit("price", &offer.price, inner, (34.0, 16.0), 1, true)?;
    out.push_str(&text_lines(&price.lines, cx, y + price.size * 0.9, price.size, 800, "#b3372e", "middle"));
    y += block_height(&price);
    let was = ctx.fit("was price", &offer.was, inner, (7.5, 5.0), 1, false)?;
    if let Some(line) = was.lines.first() {
        let base = y + was.size;
        out.push_str(&text_lines(&was.lines, cx, base, was.size, 400, "#666", "middle"));
        let half = ctx.fonts.width(line, was.size, false) / 2.0;
        out.push_str(&format!(
            r##"<line x1="{:.2}" y1="{:.2}" x2="{:.2}" y2="{:.2}" stroke="#666" stroke-width="{:.2}"/>"##,
            cx - half,
            base - was.size * 0.32,
            cx + half,
            base - was.size * 0.32,
            was.size * 0.07
        ));
        y += block_height(&was) + 2.0;
    }
    let when = ctx.fit("when", &offer.when, inner, (8.0, 5.0), 2, true)?;
    out.push_str(&text_lines(&when.lines, cx, y + when.size, when.size, 700, "#222", "middle"));
    y += block_height(&when) + 1.0;
    let terms = ctx.fit("terms", &offer.terms, inner, (6.5, 4.5), 2, false)?;
    out.push_str(&text_lines(&terms.lines, cx, y + terms.size, terms.size, 400, "#444", "middle"));
    y += block_height(&terms) + 8.0;

    // The code between the offer and the footer, with how to take part under it.
    let has_footer = [&p.shop_name, &p.address, &p.hours].iter().any(|t| !t.trim().is_empty());
    let rule_y = h - m - 18.0;
    let bottom = if has_footer { rule_y - 6.0 } else { h - m };
    let (_, pill_h) = gift_pill(ctx, cx, 0.0, inner, 7.5, 4.5, Align::Centre)?;
    let pill_room = if pill_h > 0.0 { 8.0 + pill_h } else { 0.0 };
    let side = ((bottom - y - pill_room) / 1.08).clamp(55.0, 90.0);
    let qr_y = y + side * 0.04;
    out.push_str(&qr_card(ctx, cx - side / 2.0, qr_y, side));
    let (pill, _) = gift_pill(ctx, cx, qr_y + side * 1.04 + 8.0, inner, 7.5, 4.5, Align::Centre)?;
    out.push_str(&pill);
    if has_footer {
        out.push_str(&format!(
            r##"<line x1="{m:.2}" y1="{rule_y:.2}" x2="{:.2}" y2="{rule_y:.2}" stroke="#ddd" stroke-width="0.3"/>"##,
            w - m
        ));
        out.push_str(&footer(ctx, cx, h - m, inner, 4.4, "middle")?);
    }
    Ok(out)
}
