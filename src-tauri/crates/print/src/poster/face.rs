//! One poster face: brand band with the headline, the QR on a card, the gift
//! line, and the shop's details. Sizes scale with the paper (A4 = 1).

use super::canvas::{text_lines, Color, LINE_HEIGHT};
use super::Poster;
use crate::qr::Matrix;
use crate::text_fit::{fit_optional, Fitted};
use crate::{Fonts, Result};

pub struct Ctx<'a> {
    pub poster: &'a Poster,
    pub fonts: &'a Fonts,
    pub qr: &'a Matrix,
    pub brand: Color,
}

impl Ctx<'_> {
    /// Fits optional text in `width` at a size from `sizes.0` down to `sizes.1`,
    /// on at most `lines` lines; an empty field takes no room.
    pub fn fit(
        &self,
        field: &'static str,
        text: &str,
        width: f64,
        (max, min): (f64, f64),
        lines: usize,
        bold: bool,
    ) -> Result<Fitted> {
        fit_optional(self.fonts, field, text, width, (max, min), lines, bold)
    }
}

/// Height a fitted block takes, with its line spacing.
pub fn block_height(f: &Fitted) -> f64 {
    f.lines.len() as f64 * f.size * LINE_HEIGHT
}

/// The QR with its quiet zone, on a white card, with the logo over its centre.
pub fn qr_card(ctx: &Ctx, x: f64, y: f64, side: f64) -> String {
    let pad = side * 0.04;
    let mut out = format!(
        r##"<rect x="{:.2}" y="{:.2}" width="{:.2}" height="{:.2}" rx="{:.2}" fill="#fff" stroke="{}" stroke-width="{:.2}"/>"##,
        x - pad,
        y - pad,
        side + 2.0 * pad,
        side + 2.0 * pad,
        pad * 1.5,
        ctx.brand.tint(0.6).hex(),
        side * 0.006
    );
    out.push_str(&ctx.qr.svg_group(x, y, side));
    if let Some(logo) = &ctx.poster.logo {
        // 22% of the side covers about 5% of the modules; level H restores 30%.
        let l = side * 0.22;
        let (lx, ly) = (x + (side - l) / 2.0, y + (side - l) / 2.0);
        out.push_str(&format!(
            r##"<rect x="{:.2}" y="{:.2}" width="{:.2}" height="{:.2}" rx="{:.2}" fill="#fff"/><image x="{lx:.2}" y="{ly:.2}" width="{l:.2}" height="{l:.2}" href="{}" preserveAspectRatio="xMidYMid meet"/>"##,
            lx - l * 0.08,
            ly - l * 0.08,
            l * 1.16,
            l * 1.16,
            l * 0.15,
            logo.data_uri()
        ));
    }
    out
}

/// Where a block sits on its x coordinate.
#[derive(Clone, Copy, PartialEq)]
pub enum Align {
    Centre,
    Left,
}

/// The gift line in a tinted pill, centred on or starting at `x`; returns the SVG and its height.
pub fn gift_pill(
    ctx: &Ctx,
    x: f64,
    y: f64,
    width: f64,
    max: f64,
    min: f64,
    align: Align,
) -> Result<(String, f64)> {
    let f = ctx.fit("gift line", &ctx.poster.gift, width - max * 1.6, (max, min), 2, true)?;
    if f.lines.is_empty() {
        return Ok((String::new(), 0.0));
    }
    let text_w = f.lines.iter().map(|l| ctx.fonts.width(l, f.size, true)).fold(0.0, f64::max);
    let pad = f.size * 0.8;
    let (w, h) = (text_w + 2.0 * pad, block_height(&f) + pad);
    let cx = if align == Align::Left { x + w / 2.0 } else { x };
    let svg = format!(
        r##"<rect x="{:.2}" y="{y:.2}" width="{w:.2}" height="{h:.2}" rx="{:.2}" fill="{}"/>{}"##,
        cx - w / 2.0,
        h.min(f.size * 2.2) / 2.0,
        ctx.brand.tint(0.86).hex(),
        text_lines(&f.lines, cx, y + pad / 2.0 + f.size * 0.95, f.size, 700, &ctx.brand.hex(), "middle")
    );
    Ok((svg, h))
}

/// Shop name, address and hours, centred, bottom line at `bottom`.
pub fn footer(ctx: &Ctx, cx: f64, bottom: f64, width: f64, size: f64, anchor: &str) -> Result<String> {
    let p = ctx.poster;
    let details: Vec<&str> =
        [p.address.as_str(), p.hours.as_str()].into_iter().filter(|s| !s.trim().is_empty()).collect();
    let details = details.join("  ·  ");
    let name = ctx.fit("shop name", &p.shop_name, width, (size * 1.25, size * 0.8), 1, true)?;
    let info = ctx.fit("address and hours", &details, width, (size, size * 0.7), 2, false)?;
    let info_h = block_height(&info);
    let mut out = text_lines(&info.lines, cx, bottom - info_h + info.size, info.size, 400, "#555", anchor);
    out.push_str(&text_lines(
        &name.lines,
        cx,
        bottom - info_h - name.size * 0.4,
        name.size,
        700,
        "#222",
        anchor,
    ));
    Ok(out)
}

/// Counter standee (A4) and window poster (A3): the same design, scaled.
pub fn portrait(ctx: &Ctx, w: f64, h: f64) -> Result<String> {
    let k = w / 210.0;
    let m = 14.0 * k;
    let inner = w - 2.0 * m;
    let cx = w / 2.0;
    let brand = ctx.brand.hex();
    let p = ctx.poster;

    let shop = ctx.fit("shop name", &p.shop_name, inner, (6.0 * k, 4.0 * k), 1, false)?;
    let headline = ctx.fit("headline", &p.headline, inner, (21.0 * k, 9.0 * k), 2, true)?;
    let subline = ctx.fit("sub-line", &p.subline, inner, (8.5 * k, 5.0 * k), 2, false)?;

    let mut y = m;
    let mut band = String::new();
    if !shop.lines.is_empty() {
        band.push_str(&text_lines(&shop.lines, cx, y + shop.size, shop.size, 400, "#ffffffcc", "middle"));
        y += block_height(&shop) + 4.0 * k;
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
    y += block_height(&headline) + 3.0 * k;
    if !subline.lines.is_empty() {
        band.push_str(&text_lines(
            &subline.lines,
            cx,
            y + subline.size,
            subline.size,
            400,
            "#ffffffe6",
            "middle",
        ));
        y += block_height(&subline);
    }
    let band_h = y + 10.0 * k;
    let mut out = format!(r#"<rect width="{w}" height="{band_h:.2}" fill="{brand}"/>"#);
    // A soft curve under the band, so the page reads as one piece.
    out.push_str(&format!(
        r#"<path d="M0 {band_h:.2} Q {cx:.2} {:.2} {w} {band_h:.2} Z" fill="{brand}"/>"#,
        band_h + 16.0 * k
    ));
    out.push_str(&band);

    // The code and the gift line share the room between the band and the
    // footer, centred in it; the code grows into spare room (scanned from
    // further away) but never below 80 mm on A4.
    let has_footer = [&p.shop_name, &p.address, &p.hours].iter().any(|t| !t.trim().is_empty());
    let rule_y = h - m - 20.0 * k;
    let top = band_h + 22.0 * k;
    let bottom = if has_footer { rule_y - 6.0 * k } else { h - m };
    let (_, pill_h) = gift_pill(ctx, cx, 0.0, inner, 9.0 * k, 5.0 * k, Align::Centre)?;
    let pill_room = if pill_h > 0.0 { 12.0 * k + pill_h } else { 0.0 };
    // The card around the code adds 4% of its side on each edge.
    let side = ((bottom - top - pill_room) / 1.08).clamp(80.0 * k, 120.0 * k);
    let block = side * 1.08 + pill_room;
    let qr_y = top + ((bottom - top - block) / 2.0).max(0.0) + side * 0.04;
    out.push_str(&qr_card(ctx, cx - side / 2.0, qr_y, side));
    let (pill, _) =
        gift_pill(ctx, cx, qr_y + side * 1.04 + 12.0 * k, inner, 9.0 * k, 5.0 * k, Align::Centre)?;
    out.push_str(&pill);

    if !has_footer {
        return Ok(out);
    }
    let footer_svg = footer(ctx, cx, h - m, inner, 4.6 * k, "middle")?;
    out.push_str(&format!(
        r##"<line x1="{m:.2}" y1="{rule_y:.2}" x2="{:.2}" y2="{rule_y:.2}" stroke="#ddd" stroke-width="{:.2}"/>"##,
        w - m,
        0.3 * k
    ));
    out.push_str(&footer_svg);
    Ok(out)
}
