//! A campaign's offer on A4 portrait: the flash sale's (the product in the
//! brand band, the sale price large against the 7-day low, struck through,
//! when and how many) and the gift-package day's (the package in the band,
//! its ladder of prices as a table, when the list opens and closes); both with
//! the community's code to join and take part.

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
    /// A gift-package day's ladder: each rung's label and price ("2份起",
    /// "¥90/份"); empty for a flash sale.
    pub tiers: Vec<(String, String)>,
}

pub fn spike(ctx: &Ctx, w: f64, h: f64) -> Result<String> {
    let offer = ctx.poster.offer.as_ref().ok_or(Error::TextEmpty { field: "offer" })?;
    let (m, inner, cx) = (MARGIN, w - 2.0 * MARGIN, w / 2.0);
    let (mut out, mut y) = band(ctx, w)?;

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
    y = when_and_terms(ctx, offer, w, &mut out, y)?;
    out.push_str(&code_and_footer(ctx, w, h, y, m)?);
    Ok(out)
}

/// The gift-package day: the package in the band, one package's price, the
/// ladder as a table (packages at one address → the price each), when.
pub fn ladder(ctx: &Ctx, w: f64, h: f64) -> Result<String> {
    let offer = ctx.poster.offer.as_ref().ok_or(Error::TextEmpty { field: "offer" })?;
    if offer.tiers.is_empty() {
        return Err(Error::TextEmpty { field: "tiers" });
    }
    let (m, inner, cx) = (MARGIN, w - 2.0 * MARGIN, w / 2.0);
    let (mut out, mut y) = band(ctx, w)?;

    y += 6.0;
    let solo = ctx.fit("price", &offer.price, inner, (9.0, 5.0), 1, true)?;
    out.push_str(&text_lines(&solo.lines, cx, y + solo.size, solo.size, 700, "#444", "middle"));
    y += block_height(&solo) + 3.0;

    // The ladder: a row per rung, the label left and the price right, the
    // best price last and in the sale's red.
    let rows = offer.tiers.len().min(6);
    let row_h = if rows > 4 { 11.0 } else { 13.0 };
    let table_w = inner.min(150.0);
    let left = cx - table_w / 2.0;
    let tint = ctx.brand.tint(0.9).hex();
    for (i, (label, price)) in offer.tiers.iter().take(rows).enumerate() {
        let top = y + i as f64 * row_h;
        if i % 2 == 0 {
            out.push_str(&format!(
                r#"<rect x="{left:.2}" y="{top:.2}" width="{table_w:.2}" height="{row_h:.2}" rx="2" fill="{tint}"/>"#
            ));
        }
        let label = ctx.fit("tier", label, table_w * 0.5, (8.0, 5.0), 1, true)?;
        let price_fit = ctx.fit("tier price", price, table_w * 0.45, (row_h * 0.72, 5.0), 1, true)?;
        let base = top + row_h * 0.68;
        out.push_str(&text_lines(&label.lines, left + 5.0, base, label.size, 700, "#333", "start"));
        let colour = if i + 1 == rows { "#b3372e" } else { "#222" };
        out.push_str(&text_lines(
            &price_fit.lines,
            left + table_w - 5.0,
            base,
            price_fit.size,
            800,
            colour,
            "end",
        ));
    }
    y += rows as f64 * row_h + 5.0;
    y = when_and_terms(ctx, offer, w, &mut out, y)?;
    out.push_str(&code_and_footer(ctx, w, h, y, m)?);
    Ok(out)
}

const MARGIN: f64 = 14.0;

/// The brand band: the shop's name small, the headline large; the SVG and
/// where the band ends.
fn band(ctx: &Ctx, w: f64) -> Result<(String, f64)> {
    let (m, inner, cx) = (MARGIN, w - 2.0 * MARGIN, w / 2.0);
    let brand = ctx.brand.hex();
    let p = ctx.poster;
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
    Ok((out, y))
}

/// When (bold) and the terms under it; where they end.
fn when_and_terms(ctx: &Ctx, offer: &Offer, w: f64, out: &mut String, mut y: f64) -> Result<f64> {
    let (inner, cx) = (w - 2.0 * MARGIN, w / 2.0);
    let when = ctx.fit("when", &offer.when, inner, (8.0, 5.0), 2, true)?;
    out.push_str(&text_lines(&when.lines, cx, y + when.size, when.size, 700, "#222", "middle"));
    y += block_height(&when) + 1.0;
    let terms = ctx.fit("terms", &offer.terms, inner, (6.5, 4.5), 2, false)?;
    out.push_str(&text_lines(&terms.lines, cx, y + terms.size, terms.size, 400, "#444", "middle"));
    Ok(y + block_height(&terms) + 8.0)
}

/// The code between the offer and the footer, with the gift line under it,
/// then the footer (name, address, hours) when there is one.
fn code_and_footer(ctx: &Ctx, w: f64, h: f64, y: f64, m: f64) -> Result<String> {
    let (inner, cx) = (w - 2.0 * m, w / 2.0);
    let p = ctx.poster;
    let mut out = String::new();
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
