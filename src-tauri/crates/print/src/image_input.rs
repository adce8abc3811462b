//! Reading an image the owner gave us (a logo, a QR screenshot): the format is
//! sniffed from the bytes, and the size is checked from the header before any
//! pixel is decoded, so a 50-megapixel photo cannot exhaust memory.

use std::io::Cursor;

use image::{DynamicImage, ImageReader};

use crate::{Error, Result};

pub fn read(bytes: &[u8], max_pixels: u64) -> Result<DynamicImage> {
    let reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| Error::BadImage(e.to_string()))?;
    if reader.format().is_none() {
        return Err(Error::BadImage("not a PNG, JPEG, WebP, GIF or BMP image".into()));
    }
    let (width, height) = reader.into_dimensions().map_err(|e| Error::BadImage(e.to_string()))?;
    if width as u64 * height as u64 > max_pixels {
        return Err(Error::ImageTooLarge { width, height, max_pixels });
    }
    image::load_from_memory(bytes).map_err(|e| Error::BadImage(e.to_string()))
}
