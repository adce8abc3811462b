//! The layouts that are not a single portrait face: the folded table tent and
//! the sticker sheet.

use super::canvas::text_lines;
use super::face::{block_height, footer, gift_pill, qr_card, Align, Ctx};
use crate::Result;

/// A4 landscape, folded along the middle: each half carries the same face, the
/// top one turned upside down so both read the right way up on the table.
pub fn table_tent(ctx: &Ctx, w: f64, h: f64) -> Result<String> {
    let half = h / 2.0;
    let face = tent_face(ctx, w, half)?;
    let mut out = format!(r#"<g transform="translate({w} {half}) rotate(180)">{face}</g>"#);
    out.push_str(&format!(r#"<g transform="translate(0 {half})">{face}</g>"#));
    out.push_str(&format!(
        r##"<line x1="0" y1="{half}" x2="{w}" y2="{half}" stroke="#999" stroke-width="0.3" stroke-dasharray="3 2"/>"##
    ));
    out.push_str(&text_lines(
        &["✂ 沿虚线对折 · fold here".to_owned()],
        w - 8.0,
        half - 1.5,
        2.8,
        400,
        "#999",
        "end",
    ));
    Ok(out)
}

/// One half of the tent, 297 × 105 mm: QR on the left, the words on the right.
fn tent_face(ctx: &Ctx, w: f64, h: f64) -> Result<String> {
    let m = 9.0;
    let side = 66.0;
    let brand = ctx.brand.hex();
    // The brand strip runs along the table edge, away from the fold.
    let mut out = format!(r#"<rect x="0" y="{:.2}" width="{w}" height="6" fill="{brand}"/>"#, h - 6.0);
    let qr_x = m + 6.0;
    let qr_y = (h - side) / 2.0 + 3.0;
    out.push_str(&qr_card(ctx, qr_x, qr_y, side));

    let x = qr_x + side + 14.0;
    let width = w - x - m;
    let p = ctx.poster;
    let headline = ctx.fit("headline", &p.headline, width, (15.0, 7.0), 2, true)?;
    let subline = ctx.fit("sub-line", &p.subline, width, (6.5, 4.0), 2, false)?;
    let mut y = 20.0;
    out.push_str(&text_lines(
        &headline.lines,
        x,
        y + headline.size * 0.9,
        headline.size,
        800,
        &brand,
        "start",
    ));
    y += block_height(&headline) + 2.5;
    out.push_str(&text_lines(&subline.lines, x, y + subline.size, subline.size, 400, "#444", "start"));
    y += block_height(&subline) + 4.0;
    let (pill, _) = gift_pill(ctx, x, y, width.min(150.0), 7.0, 4.5, Align::Left)?;
    out.push_str(&pill);
    out.push_str(&footer(ctx, x, h - m - 2.0, width, 3.8, "start")?);
    Ok(out)
}

/// Twelve labels, 3 × 4, each with a QR of 40 mm (printers' minimum for a
/// reliable phone scan is about 25 mm) and the headline beneath.
pub fn stickers(ctx: &Ctx, w: f64, h: f64) -> Result<String> {
    let (cols, rows) = (3, 4);
    let (cell_w, cell_h) = (62.0, 66.0);
    let x0 = (w - cols as f64 * cell_w) / 2.0;
    let y0 = (h - rows as f64 * cell_h) / 2.0;
    let headline = ctx.fit("headline", &ctx.poster.headline, cell_w - 8.0, (5.0, 3.0), 1, true)?;
    let gift = ctx.fit("gift line", &ctx.poster.gift, cell_w - 8.0, (3.6, 2.6), 1, false)?;
    let brand = ctx.brand.hex();
    let side = 40.0;
    let mut out = String::new();
    for r in 0..rows {
        for c in 0..cols {
            let (x, y) = (x0 + c as f64 * cell_w, y0 + r as f64 * cell_h);
            let cx = x + cell_w / 2.0;
            // The light outline is the cutting guide.
            out.push_str(&format!(
                r##"<rect x="{:.2}" y="{:.2}" width="{:.2}" height="{:.2}" rx="3" fill="#fff" stroke="#ccc" stroke-width="0.25" stroke-dasharray="1.5 1"/><rect x="{:.2}" y="{:.2}" width="{:.2}" height="3" rx="1" fill="{brand}"/>"##,
                x + 1.0,
                y + 1.0,
                cell_w - 2.0,
                cell_h - 2.0,
                x + 4.0,
                y + 3.0,
                cell_w - 8.0
            ));
            out.push_str(&ctx.qr.svg_group(cx - side / 2.0, y + 8.0, side));
            let ty = y + 8.0 + side + 3.0 + headline.size;
            out.push_str(&text_lines(&headline.lines, cx, ty, headline.size, 700, "#222", "middle"));
            out.push_str(&text_lines(
                &gift.lines,
                cx,
                ty + headline.size * 1.1 + gift.size,
                gift.size,
                400,
                &brand,
                "middle",
            ));
        }
    }
    Ok(out)
}
