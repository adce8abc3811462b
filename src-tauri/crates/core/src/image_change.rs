//! What an edit does to an attached image (a poster's logo, a content item's
//! picture, a product's photo): keep it, remove it, or set new bytes. Sent with
//! the edit itself, so the words and the image are saved in one step or not at all.

use crate::validate::unknown;
use crate::{Error, Field, Problem, Result};

/// The most a picture the owner attaches may weigh: a phone photo fits; a
/// poster-sized scan belongs in a file, not the database.
pub const IMAGE_MAX_BYTES: usize = 5 * 1024 * 1024;

#[derive(Debug, Clone, PartialEq, Default)]
pub enum ImageChange {
    #[default]
    Keep,
    Remove,
    /// New image bytes (checked by whoever owns the image's rules).
    Set(Vec<u8>),
}

impl ImageChange {
    /// From what a form sends: a new image, or the "remove" switch.
    pub fn from_parts(new: Option<Vec<u8>>, remove: bool) -> ImageChange {
        match (new, remove) {
            (Some(bytes), _) => ImageChange::Set(bytes),
            (None, true) => ImageChange::Remove,
            (None, false) => ImageChange::Keep,
        }
    }
}

/// An image change checked: `None` keeps the image; `Some(None)` removes it;
/// `Some(Some((bytes, type)))` sets a PNG or JPEG of at most 5 MB.
pub(crate) type CheckedImage<'a> = Option<Option<(&'a [u8], &'static str)>>;

impl ImageChange {
    /// Checks a picture (content images, product photos): PNG or JPEG, at most 5 MB.
    pub(crate) fn checked_picture(&self) -> Result<CheckedImage<'_>> {
        Ok(match self {
            ImageChange::Keep => None,
            ImageChange::Remove => Some(None),
            ImageChange::Set(b) if b.len() > IMAGE_MAX_BYTES => {
                return Err(Error::invalid(
                    Field::Image,
                    Problem::TooLarge { max_mb: IMAGE_MAX_BYTES / 1024 / 1024 },
                ));
            }
            ImageChange::Set(b) => {
                let kind = image_type(b).ok_or_else(|| unknown(Field::Image, "not a PNG or JPEG image"))?;
                Some(Some((b.as_slice(), kind)))
            }
        })
    }
}

/// The image's type from its first bytes; only PNG and JPEG are taken.
fn image_type(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some("image/png")
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some("image/jpeg")
    } else {
        None
    }
}
