//! Friend cards: a member's card as a PNG (to send them in a chat) and every
//! consenting member's card on A4 sheets (to hand out on the promotion day),
//! drawn like vouchers with the referral code in place of a voucher code.

use std::path::Path;

use chrono::{DateTime, Utc};
use shopcircle_core::campaign::referral;
use shopcircle_core::db::Connection;
use shopcircle_core::voucher::CardWords;
use shopcircle_core::Lang;
use shopcircle_print::voucher::{voucher_png, voucher_sheet_pdf, VoucherFace};
use shopcircle_print::Fonts;

use crate::files::write_output;
use crate::vouchers::VoucherPreview;
use crate::Result;

fn face(conn: &Connection, lang: Lang, now: DateTime<Utc>) -> Result<VoucherFace> {
    let CardWords { shop_name, benefit, conditions, validity, brand_color } =
        referral::card_words(conn, now, lang)?;
    Ok(VoucherFace { shop_name, benefit, conditions, validity, brand_color })
}

/// Member `member_id`'s friend card as a PNG at `dpi`; the code and the image.
pub fn card_png(
    conn: &mut Connection,
    fonts: &Fonts,
    member_id: i64,
    dpi: u32,
    lang: Lang,
    now: DateTime<Utc>,
) -> Result<(String, Vec<u8>)> {
    let card = referral::friend_card(conn, member_id, now)?;
    let png = voucher_png(&face(conn, lang, now)?, &card.code, fonts, dpi)?;
    Ok((card.code, png))
}

/// Member `member_id`'s card at screen size, to show on their page.
pub fn preview(
    conn: &mut Connection,
    fonts: &Fonts,
    member_id: i64,
    lang: Lang,
    now: DateTime<Utc>,
) -> Result<VoucherPreview> {
    let (code, png) = card_png(conn, fonts, member_id, 150, lang, now)?;
    Ok(VoucherPreview { code, png: crate::upload::encode(&png) })
}

/// Writes member `member_id`'s card to `path`; its code.
pub fn save_card(
    conn: &mut Connection,
    fonts: &Fonts,
    member_id: i64,
    path: &Path,
    lang: Lang,
    now: DateTime<Utc>,
) -> Result<String> {
    let (code, png) = card_png(conn, fonts, member_id, crate::PRINT_DPI, lang, now)?;
    write_output(path, &png)?;
    Ok(code)
}

/// Every member with marketing consent's card, ten to an A4 page, written
/// to `path`; how many cards.
pub fn save_sheet(
    conn: &mut Connection,
    fonts: &Fonts,
    path: &Path,
    lang: Lang,
    now: DateTime<Utc>,
) -> Result<usize> {
    let codes: Vec<String> = referral::friend_cards(conn, now)?.into_iter().map(|c| c.code).collect();
    let pdf = voucher_sheet_pdf(&face(conn, lang, now)?, &codes, fonts)?;
    write_output(path, &pdf)?;
    Ok(codes.len())
}
