//! A batch's words and codes -> the print crate's voucher card and sheet.
//! The words are the core's (`card_words`, in the shop's language); the
//! drawing is the print crate's; this joins the two for the commands.

use chrono::{DateTime, Utc};
use serde::Serialize;
use shopcircle_core::db::Connection;
use shopcircle_core::voucher::{self, CardWords};
use shopcircle_core::Lang;
use shopcircle_print::voucher::{voucher_png, voucher_sheet_pdf, VoucherFace};
use shopcircle_print::Fonts;

use crate::error::AppError;

/// The preview in the batch's page: big enough to read, small enough to send fast.
const PREVIEW_DPI: u32 = 150;
/// A card posted into the group chat: sharp on a phone held close.
pub const IMAGE_DPI: u32 = 300;

/// One voucher of a batch drawn as it prints, to show before saving or printing.
#[derive(Debug, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct VoucherPreview {
    /// The code on the card shown.
    pub code: String,
    /// The card as a PNG, base64.
    pub png: String,
}

fn face(conn: &Connection, batch_id: i64, lang: Lang, now: DateTime<Utc>) -> Result<VoucherFace, AppError> {
    let batch = voucher::get(conn, batch_id, now)?;
    let CardWords { shop_name, benefit, conditions, validity, brand_color } =
        voucher::card_words(conn, &batch, lang)?;
    Ok(VoucherFace { shop_name, benefit, conditions, validity, brand_color })
}

/// The batch's open vouchers (neither redeemed nor voided) as A4 sheets.
pub fn sheet(
    conn: &Connection,
    fonts: &Fonts,
    batch_id: i64,
    lang: Lang,
    now: DateTime<Utc>,
) -> Result<Vec<u8>, AppError> {
    let codes = voucher::printable_codes(conn, batch_id, now)?;
    Ok(voucher_sheet_pdf(&face(conn, batch_id, lang, now)?, &codes, fonts)?)
}

/// One voucher, found by its code, as a PNG.
pub fn image(
    conn: &Connection,
    fonts: &Fonts,
    code: &str,
    dpi: u32,
    lang: Lang,
    now: DateTime<Utc>,
) -> Result<(String, Vec<u8>), AppError> {
    let info = voucher::lookup(conn, code, lang)?;
    let png = voucher_png(&face(conn, info.batch_id, lang, now)?, &info.code, fonts, dpi)?;
    Ok((info.code, png))
}

/// The card of `code`, or of the batch's first voucher, for the batch's page.
pub fn preview(
    conn: &Connection,
    fonts: &Fonts,
    batch_id: i64,
    code: Option<String>,
    lang: Lang,
    now: DateTime<Utc>,
) -> Result<VoucherPreview, AppError> {
    let code = match code {
        Some(c) => c,
        None => voucher::first_code(conn, batch_id)?,
    };
    let (code, png) = image(conn, fonts, &code, PREVIEW_DPI, lang, now)?;
    use base64::Engine;
    Ok(VoucherPreview { code, png: base64::engine::general_purpose::STANDARD.encode(png) })
}

/// "赠品：精美茶包 (12).pdf": the batch's name and id, safe as a file name.
pub fn suggested_name(name: &str, id: i64, extension: &str) -> String {
    let clean: String = name
        .chars()
        .map(|c| if c.is_control() || "/\\:*?\"<>|".contains(c) { '_' } else { c })
        .take(60)
        .collect();
    format!("{} ({id}).{extension}", clean.trim())
}
