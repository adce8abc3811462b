//! Reading a QR code out of an image the owner drops in: a screenshot of a WeChat
//! group's code, a staff member's contact card, a saved join-link code.

use crate::{Error, Result};

/// A phone screenshot is ~2.5 MP; 50 MP is a camera photo of something else.
pub const MAX_PIXELS: u64 = 40_000_000;
/// Large screenshots are scaled to this longest side before searching: rqrr finds
/// codes faster and as reliably at this size.
const SEARCH_SIDE: u32 = 1600;

/// The text of the one QR code in `bytes`.
pub fn decode(bytes: &[u8]) -> Result<String> {
    let image = crate::image_input::read(bytes, MAX_PIXELS)?;
    let (width, height) = (image.width(), image.height());
    let found = search(image.to_luma8());
    // A downscaled search can miss a small code in a big image; try full size then.
    let found = if found.is_empty() && width.max(height) > SEARCH_SIDE { search_full(&image) } else { found };
    match found.len() {
        0 => Err(Error::NoQrFound),
        1 => Ok(found.into_iter().next().unwrap_or_default()),
        n => Err(Error::SeveralQrFound { count: n }),
    }
}

fn search(gray: image::GrayImage) -> Vec<String> {
    let (w, h) = gray.dimensions();
    let gray = if w.max(h) > SEARCH_SIDE {
        image::imageops::resize(
            &gray,
            w * SEARCH_SIDE / w.max(h),
            h * SEARCH_SIDE / w.max(h),
            image::imageops::FilterType::Triangle,
        )
    } else {
        gray
    };
    grids(gray)
}

fn search_full(image: &image::DynamicImage) -> Vec<String> {
    grids(image.to_luma8())
}

fn grids(gray: image::GrayImage) -> Vec<String> {
    let mut prepared = rqrr::PreparedImage::prepare(gray);
    let mut found: Vec<String> =
        prepared.detect_grids().into_iter().filter_map(|g| g.decode().ok().map(|(_, s)| s)).collect();
    // The same code detected twice (a finder pattern seen at two scales) is one code.
    found.sort();
    found.dedup();
    found
}
