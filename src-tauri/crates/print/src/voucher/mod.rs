//! Printable gift vouchers: one card as SVG or PNG (to post in a group chat),
//! or a whole batch as A4 sheets of ten with cut marks (to hand out at the
//! counter). The words are the owner's; the code is the core's.

mod face;
mod marks;
mod scan;
mod sheet;

pub use scan::read_sheet_page;
pub use sheet::PER_PAGE as CARDS_PER_PAGE;

use crate::qr::{Correction, Matrix};
use crate::{render, Error, Fonts, Result};

/// What every voucher of a batch shows, in the owner's language (the caller
/// writes the words; nothing on the card is in a language of ours).
#[derive(Debug, Clone, Default)]
pub struct VoucherFace {
    /// Small, at the top: "Leaf & Cup Tea House" / "叶与杯茶馆". May be empty.
    pub shop_name: String,
    /// The big line: "赠品：精美茶包一份" / "立减 ¥10" / "9 折". Required.
    pub benefit: String,
    /// Small, may be empty: "满 ¥50 可用 · 限 张三 138****1234".
    pub conditions: String,
    /// Small, may be empty: "有效期 2026-11-22 至 2026-12-31".
    pub validity: String,
    /// `#RRGGBB`; anything else falls back to ShopCircle's tea green.
    pub brand_color: String,
}

impl VoucherFace {
    /// The sample tea shop's gift voucher: what the examples, benchmarks and
    /// tests draw.
    pub fn sample() -> VoucherFace {
        VoucherFace {
            shop_name: "叶与杯茶馆 · Leaf & Cup Tea House".into(),
            benefit: "赠品：精美茶包一份".into(),
            conditions: "满 ¥50 可用 · 限 张三 138****1234".into(),
            validity: "有效期 2026-11-22 至 2026-12-31".into(),
            brand_color: "#2f7d5b".into(),
        }
    }
}

/// `K7QM-3XPA-9D2F-ABCD-EFGH`: 20 symbols in five groups of four.
pub const CODE_LEN: usize = 24;
/// A friend card's referral code, `K7QM-3XPA-9D2F`: 12 symbols in three groups.
pub const FRIEND_CODE_LEN: usize = 14;

/// Crockford's base32, the alphabet the core issues codes in.
const ALPHABET: &[u8] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// One card, 90 × 54 mm, as an SVG document: to look at and for the PNG.
pub fn voucher_svg(face: &VoucherFace, code: &str, fonts: &Fonts) -> Result<String> {
    check_code(code)?;
    let card = face::Card::compose(face, fonts)?;
    Ok(card.document(fonts, &card_overlay(code)?))
}

/// A single voucher as a PNG at `dpi`, to post in the group chat.
pub fn voucher_png(face: &VoucherFace, code: &str, fonts: &Fonts, dpi: u32) -> Result<Vec<u8>> {
    render::png(&voucher_svg(face, code, fonts)?, fonts, dpi)
}

/// A4 pages of ten vouchers each (2 × 5) with cut marks, one per code, in order.
pub fn voucher_sheet_pdf(face: &VoucherFace, codes: &[String], fonts: &Fonts) -> Result<Vec<u8>> {
    if codes.is_empty() {
        return Err(Error::NoVouchers);
    }
    // Every code is checked before anything is drawn: a sheet is all or nothing.
    codes.iter().try_for_each(|c| check_code(c))?;
    let card = face::Card::compose(face, fonts)?;
    sheet::pdf(&card, codes, fonts)
}

/// The QR of a code: level Q, because a 24-character code fits the same
/// 25 × 25 modules at Q as at M, so the extra damage tolerance is free.
pub(crate) fn code_matrix(code: &str) -> Result<Matrix> {
    Matrix::encode(code, Correction::Quartile)
}

fn card_overlay(code: &str) -> Result<String> {
    Ok(face::overlay_svg(&code_matrix(code)?, code))
}

/// Refuses anything but the printed form of a code: five groups of four
/// Crockford symbols (three on a friend card), upper case, joined by hyphens. The QR carries the code
/// exactly as printed, so a USB scanner types what a clerk would.
fn check_code(code: &str) -> Result<()> {
    let bytes = code.as_bytes();
    let well_formed = (bytes.len() == CODE_LEN || bytes.len() == FRIEND_CODE_LEN)
        && bytes.iter().enumerate().all(|(i, b)| if i % 5 == 4 { *b == b'-' } else { ALPHABET.contains(b) });
    if well_formed {
        return Ok(());
    }
    // Quote at most a few dozen characters back: enough to find the bad line.
    let shown: String = code.chars().take(40).collect();
    Err(Error::BadVoucherCode { code: shown })
}

#[cfg(test)]
mod tests;
