//! The shop's logo: read from any common image format, checked, scaled down and
//! kept as PNG so the poster embeds a small, known-good image.

use std::io::Cursor;

use base64::Engine;

use crate::{Error, Result};

/// Bigger than any logo a shop has; a 50-megapixel photo is refused before decoding.
pub const MAX_PIXELS: u64 = 25_000_000;
/// The logo is printed at most ~25 mm wide; 512 px is over 500 DPI there.
const MAX_SIDE: u32 = 512;

#[derive(Debug, Clone, PartialEq)]
pub struct Logo {
    png: Vec<u8>,
}

impl Logo {
    pub fn from_bytes(bytes: &[u8]) -> Result<Logo> {
        let image = crate::image_input::read(bytes, MAX_PIXELS)?;
        let image = if image.width().max(image.height()) > MAX_SIDE {
            image.thumbnail(MAX_SIDE, MAX_SIDE)
        } else {
            image
        };
        let mut png = Vec::new();
        image
            .write_to(&mut Cursor::new(&mut png), image::ImageFormat::Png)
            .map_err(|e| Error::BadImage(e.to_string()))?;
        Ok(Logo { png })
    }

    /// The checked, scaled-down image as PNG: what is worth storing.
    pub fn png(&self) -> &[u8] {
        &self.png
    }

    pub fn data_uri(&self) -> String {
        format!("data:image/png;base64,{}", base64::engine::general_purpose::STANDARD.encode(&self.png))
    }
}
