//! The print crate's one error type.

pub type Result<T> = std::result::Result<T, Error>;

#[derive(Debug, thiserror::Error, PartialEq)]
pub enum Error {
    #[error("the QR content is empty")]
    EmptyPayload,
    #[error("the QR content is too long: {bytes} bytes, at most {max} fit in a printable QR code")]
    PayloadTooLong { bytes: usize, max: usize },
    #[error("no Chinese font was found on this computer; install one (Noto Sans CJK, Microsoft YaHei or PingFang SC)")]
    NoCjkFont,
    #[error("the {field} is too long to fit on the poster, even in small type; shorten it to about {max} characters")]
    TextTooLong { field: &'static str, max: usize },
    #[error("the {field} cannot be empty")]
    TextEmpty { field: &'static str },
    #[error("the image could not be read: {0}")]
    BadImage(String),
    #[error("the image is too large ({width}×{height}); at most {max_pixels} pixels")]
    ImageTooLarge { width: u32, height: u32, max_pixels: u64 },
    #[error(
        "no QR code was found in this image; use a screenshot where the whole code is sharp and visible"
    )]
    NoQrFound,
    #[error("this image holds {count} QR codes; crop it so only the one you mean is left")]
    SeveralQrFound { count: usize },
    #[error("DPI must be between {min} and {max}")]
    BadDpi { min: u32, max: u32 },
    #[error("rendering failed: {0}")]
    Render(String),
}
