//! Voucher files: a batch's words (the core's, in the shop's language) drawn
//! by the print crate as a card, an A4 sheet or a CSV, and written to disk.

use std::path::Path;

use chrono::{DateTime, Utc};
use serde::Serialize;
use shopcircle_core::db::Connection;
use shopcircle_core::voucher::{self, CardWords};
use shopcircle_core::Lang;
use shopcircle_print::voucher::{voucher_png, voucher_sheet_pdf, VoucherFace};
use shopcircle_print::Fonts;

use crate::files::write_output;
use crate::{upload, Result};

/// The preview in the batch's page: big enough to read, small enough to send fast.
const PREVIEW_DPI: u32 = 150;

/// One voucher of a batch drawn as it prints, to show before saving or printing.
#[derive(Debug, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct VoucherPreview {
    /// The code on the card shown.
    pub code: String,
    /// The card as a PNG, base64.
    pub png: String,
}

/// The words every card of the batch carries.
pub fn face(conn: &Connection, batch_id: i64, lang: Lang, now: DateTime<Utc>) -> Result<VoucherFace> {
    let batch = voucher::get(conn, batch_id, now)?;
    let CardWords { shop_name, benefit, conditions, validity, brand_color } =
        voucher::card_words(conn, &batch, lang)?;
    Ok(VoucherFace { shop_name, benefit, conditions, validity, brand_color })
}

/// The batch's open vouchers (neither redeemed nor voided) as A4 sheets; the
/// PDF and how many vouchers it holds.
pub fn sheet(
    conn: &Connection,
    fonts: &Fonts,
    batch_id: i64,
    lang: Lang,
    now: DateTime<Utc>,
) -> Result<(Vec<u8>, usize)> {
    let codes = voucher::printable_codes(conn, batch_id, now)?;
    Ok((voucher_sheet_pdf(&face(conn, batch_id, lang, now)?, &codes, fonts)?, codes.len()))
}

/// Writes the batch's sheet to `path`; how many vouchers it holds.
pub fn save_sheet(
    conn: &Connection,
    fonts: &Fonts,
    batch_id: i64,
    path: &Path,
    lang: Lang,
    now: DateTime<Utc>,
) -> Result<usize> {
    let (pdf, count) = sheet(conn, fonts, batch_id, lang, now)?;
    write_output(path, &pdf)?;
    Ok(count)
}

/// One voucher, found by its code, as a PNG; the code as printed and the image.
pub fn image(
    conn: &Connection,
    fonts: &Fonts,
    code: &str,
    dpi: u32,
    lang: Lang,
    now: DateTime<Utc>,
) -> Result<(String, Vec<u8>)> {
    let info = voucher::lookup(conn, code, lang)?;
    let png = voucher_png(&face(conn, info.batch_id, lang, now)?, &info.code, fonts, dpi)?;
    Ok((info.code, png))
}

/// Writes one voucher's card to `path`; the code as printed.
pub fn save_image(
    conn: &Connection,
    fonts: &Fonts,
    code: &str,
    dpi: u32,
    path: &Path,
    lang: Lang,
    now: DateTime<Utc>,
) -> Result<String> {
    let (code, png) = image(conn, fonts, code, dpi, lang, now)?;
    write_output(path, &png)?;
    Ok(code)
}

/// Writes the batch as CSV (one voucher a line, headers in the shop's language).
pub fn save_csv(conn: &Connection, batch_id: i64, path: &Path, lang: Lang) -> Result<()> {
    write_output(path, voucher::csv(conn, batch_id, lang)?.as_bytes())
}

/// The card of `code`, or of the batch's first voucher, for the batch's page.
pub fn preview(
    conn: &Connection,
    fonts: &Fonts,
    batch_id: i64,
    code: Option<String>,
    lang: Lang,
    now: DateTime<Utc>,
) -> Result<VoucherPreview> {
    let code = match code {
        Some(c) => c,
        None => voucher::first_code(conn, batch_id)?,
    };
    let (code, png) = image(conn, fonts, &code, PREVIEW_DPI, lang, now)?;
    Ok(VoucherPreview { code, png: upload::encode(&png) })
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

/// The file the print button makes in the print folder.
pub fn print_file_name(batch_id: i64, now: DateTime<Utc>) -> String {
    format!("vouchers-{batch_id}-{}.pdf", now.format("%Y%m%d-%H%M%S"))
}
