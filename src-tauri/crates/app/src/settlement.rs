//! A partner's monthly settlement sheet as a printable A4 PDF (the figures,
//! the vouchers redeemed and a line for each shop to sign) and as CSV.

use std::path::Path;

use chrono::{DateTime, Utc};
use shopcircle_core::campaign::alliance;
use shopcircle_core::db::Connection;
use shopcircle_core::{shop, Lang};
use shopcircle_print::notice::{page_pdf, Notice};
use shopcircle_print::Fonts;

use crate::files::write_output;
use crate::Result;

pub fn pdf(
    conn: &Connection,
    fonts: &Fonts,
    partner_id: i64,
    month: &str,
    lang: Lang,
    now: DateTime<Utc>,
) -> Result<Vec<u8>> {
    let s = alliance::settlement(conn, partner_id, month, now)?;
    let shop_name = shop::get(conn)?.map(|s| s.name).unwrap_or_default();
    let (title, sections) = alliance::sheet_words(&s, &shop_name, lang);
    Ok(page_pdf(fonts, &[&Notice { title, sections }])?)
}

/// Writes the sheet to `path`: a PDF, or CSV when `path` ends in ".csv".
pub fn save(
    conn: &Connection,
    fonts: &Fonts,
    partner_id: i64,
    month: &str,
    path: &Path,
    lang: Lang,
    now: DateTime<Utc>,
) -> Result<()> {
    let csv = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("csv"));
    let bytes = if csv {
        alliance::settlement_csv(conn, partner_id, month, lang, now)?.into_bytes()
    } else {
        pdf(conn, fonts, partner_id, month, lang, now)?
    };
    write_output(path, &bytes)
}
