//! One voucher card, 90 × 54 mm, drawn as SVG in millimetres. It comes in two
//! parts: the card (frame, band and the owner's words), the same on every
//! voucher of a batch, and the overlay (QR and code), which differs on each.
//! The sheet converts the card to PDF once and draws the overlay itself, at
//! the places named here.

use crate::poster::canvas::{document, escape, text_lines, Color, LINE_HEIGHT};
use crate::qr::{Matrix, QUIET_ZONE};
use crate::text_fit::{fit, fit_optional, Box as TextBox, Fitted};
use crate::{Error, Fonts, Result};

use super::VoucherFace;

/// A business card, so it fits a wallet; ten fit an A4 page.
pub const CARD_W: f64 = 90.0;
pub const CARD_H: f64 = 54.0;

/// The frame sits inside the card edge, so a cut a little off still leaves an
/// even white rim instead of a sliver of colour.
const INSET: f64 = 2.5;
const RADIUS: f64 = 3.0;
const BAND_BOTTOM: f64 = 13.0;
/// Text starts here, and the code strip too.
const LEFT: f64 = 6.5;

/// The QR's modules (the quiet zone around them is the card's white): 21 mm,
/// above the 20 mm a phone or a counter scanner reads at arm's length.
pub const QR_SIDE: f64 = 21.0;
const _: () = assert!(QR_SIDE >= 20.0);
pub const QR_X: f64 = CARD_W - INSET - 4.0 - QR_SIDE;
pub const QR_Y: f64 = BAND_BOTTOM + 0.7 + QUIET_ROOM;
/// Four modules of a 25-module code (every voucher code is one: 24
/// alphanumeric characters at level Q), kept white around the QR.
const QUIET_ROOM: f64 = 4.0 * QR_SIDE / 25.0 + 0.2;

/// The strip the code is printed in, under the words and the QR.
const STRIP_Y: f64 = QR_Y + QR_SIDE + QUIET_ROOM + 0.4;
const STRIP_H: f64 = 7.0;
/// The code, set in a Courier: 12 pt, one size a clerk copies without
/// squinting; centred on the card, baseline so its capitals sit mid-strip.
pub const CODE_SIZE: f64 = 12.0 * 25.4 / 72.0;
pub const CODE_CX: f64 = CARD_W / 2.0;
pub const CODE_BASELINE: f64 = STRIP_Y + STRIP_H / 2.0 + CODE_SIZE * 0.29;
const CODE_FILL: &str = "#1c1c1c";
/// The same, as PDF grey, for the sheet.
pub const CODE_GRAY: f32 = 0x1c as f32 / 255.0;
/// The PDF's Courier-Bold where the system has it (Nimbus Mono PS is
/// Ghostscript's, Courier New Windows'), so PNG and sheet look alike.
const CODE_FAMILIES: &str =
    "'Nimbus Mono PS', 'Courier New', Courier, 'Liberation Mono', 'DejaVu Sans Mono', monospace";

/// The most characters tried against the box before refusing outright: more
/// than two lines hold even in narrow Latin letters, and a pasted essay is
/// refused at once instead of being measured at every size.
const BENEFIT_MAX: usize = 80;

/// The part of a card that is the same on every voucher of a batch.
pub struct Card {
    body: String,
}

impl Card {
    pub fn compose(face: &VoucherFace, fonts: &Fonts) -> Result<Card> {
        let brand = Color::parse(&face.brand_color).unwrap_or(Color::DEFAULT_BRAND);
        let mut body = frame(brand);
        body.push_str(&shop_name(face, fonts)?);
        body.push_str(&words(face, fonts, brand)?);
        body.push_str(&format!(
            r##"<rect x="{LEFT}" y="{STRIP_Y}" width="{:.2}" height="{STRIP_H}" rx="1.6" fill="{}"/>"##,
            CARD_W - 2.0 * LEFT,
            brand.tint(0.88).hex()
        ));
        Ok(Card { body })
    }

    /// The card alone, for svg2pdf.
    pub fn svg(&self, fonts: &Fonts) -> String {
        self.document(fonts, "")
    }

    /// The card with `overlay` drawn over it.
    pub fn document(&self, fonts: &Fonts, overlay: &str) -> String {
        document(CARD_W, CARD_H, &fonts.family, &format!("{}{overlay}", self.body))
    }
}

/// The QR and the code, as SVG over the card.
pub fn overlay_svg(qr: &Matrix, code: &str) -> String {
    let module = QR_SIDE / qr.size as f64;
    let quiet = QUIET_ZONE as f64 * module;
    let mut out = qr.svg_group(QR_X - quiet, QR_Y - quiet, module * (qr.size + 2 * QUIET_ZONE) as f64);
    out.push_str(&format!(
        r#"<text x="{CODE_CX:.2}" y="{CODE_BASELINE:.2}" font-family="{CODE_FAMILIES}" font-size="{CODE_SIZE:.3}" font-weight="700" fill="{CODE_FILL}" text-anchor="middle">{}</text>"#,
        escape(code)
    ));
    out
}

/// A thin brand-colour frame with a band across its top.
fn frame(brand: Color) -> String {
    let (x0, y0, r) = (INSET, INSET, RADIUS);
    let (w, h) = (CARD_W - 2.0 * INSET, CARD_H - 2.0 * INSET);
    let (band, brand_hex) = (BAND_BOTTOM, brand.hex());
    let mut out = format!(
        r##"<path d="M{x0} {band}V{}a{r} {r} 0 0 1 {r} -{r}H{}a{r} {r} 0 0 1 {r} {r}V{band}Z" fill="{brand_hex}"/>"##,
        y0 + r,
        x0 + w - r
    );
    // A lighter rule under the band, so the band reads as a ribbon.
    out.push_str(&format!(
        r##"<rect x="{x0}" y="{band}" width="{w}" height="0.7" fill="{}"/>"##,
        brand.tint(0.55).hex()
    ));
    out.push_str(&format!(
        r##"<rect x="{x0}" y="{y0}" width="{w}" height="{h}" rx="{r}" fill="none" stroke="{brand_hex}" stroke-width="0.45"/>"##
    ));
    out
}

fn shop_name(face: &VoucherFace, fonts: &Fonts) -> Result<String> {
    let name = fit_optional(fonts, "shop name", &face.shop_name, CARD_W - 2.0 * LEFT, (3.6, 2.6), 1, true)?;
    let mid = (INSET + BAND_BOTTOM) / 2.0;
    Ok(text_lines(&name.lines, LEFT, mid + name.size * 0.36, name.size, 700, "#fff", "start"))
}

/// The words, in the column left of the QR: conditions and validity small at
/// its foot, level with the QR's; the benefit large in the height they leave,
/// on one line if it can, else two.
fn words(face: &VoucherFace, fonts: &Fonts, brand: Color) -> Result<String> {
    if face.benefit.trim().is_empty() {
        return Err(Error::TextEmpty { field: "benefit" });
    }
    let width = QR_X - QUIET_ROOM - 1.0 - LEFT;
    if face.benefit.trim().chars().count() > BENEFIT_MAX {
        let per_line = (width / BENEFIT_SMALLEST).floor() as usize;
        return Err(Error::TextTooLong { field: "benefit", max: per_line * 3 });
    }
    let conditions = fit_optional(fonts, "conditions", &face.conditions, width, (2.8, 2.2), 2, false)?;
    let validity = fit_optional(fonts, "validity", &face.validity, width, (2.6, 2.1), 1, false)?;

    // Bottom-up: the last baseline level with the foot of the QR.
    let bottom = QR_Y + QR_SIDE - 0.3;
    let mut out = String::new();
    let mut y = bottom;
    for (f, fill) in [(&validity, "#6b6b6b"), (&conditions, "#3d3d3d")] {
        if f.lines.is_empty() {
            continue;
        }
        let first = y - (f.lines.len() - 1) as f64 * f.size * LINE_HEIGHT;
        out.push_str(&text_lines(&f.lines, LEFT, first, f.size, 400, fill, "start"));
        y = first - f.size * 1.35;
    }
    // `y` is now just above the small lines' capitals: the benefit has the
    // room from under the band down to there, and sits in its middle.
    let top = BAND_BOTTOM + 0.7 + 2.0;
    let room = y - top - 1.8;
    let benefit = benefit(fonts, &face.benefit, width, room)?;
    let height = benefit.size * (1.0 + (benefit.lines.len() - 1) as f64 * LINE_HEIGHT);
    let first = top + (room - height) / 2.0 + benefit.size * 0.86;
    out.push_str(&text_lines(&benefit.lines, LEFT, first, benefit.size, 700, &brand.hex(), "start"));
    Ok(out)
}

const BENEFIT_MAX_SIZE: f64 = 9.0;
const BENEFIT_MIN: f64 = 3.6;
/// Three lines at this size (about 8 pt) hold "赠品：" and the longest gift
/// name the catalogue takes (40 characters), so no batch is issued that
/// cannot be printed.
const BENEFIT_SMALLEST: f64 = 2.8;

/// The largest benefit that fits `width` × `room`: one line down to a size that
/// still shouts, then two lines, then three small ones, then the crate's refusal.
fn benefit(fonts: &Fonts, text: &str, width: f64, room: f64) -> Result<Fitted> {
    // A line of height `size` takes `size` for the first line, LINE_HEIGHT for the rest.
    let max_for = |lines: f64| (room / (1.0 + (lines - 1.0) * LINE_HEIGHT)).min(BENEFIT_MAX_SIZE);
    let one = TextBox {
        field: "benefit",
        width,
        max_size: max_for(1.0),
        min_size: 5.5_f64.min(max_for(1.0)),
        max_lines: 1,
        bold: true,
    };
    if let Ok(f) = fit(fonts, text, &one) {
        return Ok(f);
    }
    let two_max = max_for(2.0);
    let two = TextBox { max_size: two_max, min_size: BENEFIT_MIN.min(two_max), max_lines: 2, ..one };
    if let Ok(f) = fit(fonts, text, &two) {
        return Ok(f);
    }
    let three_max = max_for(3.0).min(BENEFIT_MIN);
    fit(
        fonts,
        text,
        &TextBox { max_size: three_max, min_size: BENEFIT_SMALLEST.min(three_max), max_lines: 3, ..one },
    )
}
