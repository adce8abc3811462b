//! Reading a printed sheet back: each card cut out of a page image at its
//! slot and its one QR decoded, as a scanner sees the card once it is cut.
//! The tests of every layer use it to prove a sheet carries the codes it was
//! made from, in order. (rqrr on a whole page pairs finder patterns of
//! different codes, which line up on a grid of cards, into phantom codes and
//! then misses real ones: a limit of its grouping, not of the print.)

use image::GrayImage;

use super::face::{CARD_H, CARD_W};
use super::sheet::{slot, PER_PAGE};

/// The code on each of the first `cards` slots of a page rendered at `dpi`;
/// `None` where a card's QR does not read as exactly one code.
pub fn read_sheet_page(page: &GrayImage, dpi: u32, cards: usize) -> Vec<Option<String>> {
    let px = |mm: f64| (mm / 25.4 * dpi as f64).round() as u32;
    (0..cards.min(PER_PAGE))
        .map(|i| {
            let (x, y) = slot(i);
            let card = image::imageops::crop_imm(page, px(x), px(y), px(CARD_W), px(CARD_H)).to_image();
            let found: Vec<String> = rqrr::PreparedImage::prepare(card)
                .detect_grids()
                .into_iter()
                .filter_map(|g| g.decode().ok().map(|(_, s)| s))
                .collect();
            match <[String; 1]>::try_from(found) {
                Ok([code]) => Some(code),
                Err(_) => None,
            }
        })
        .collect()
}
