//! Files the window sends (a logo, a QR screenshot, a content image) arrive as
//! base64 text; this is the one place that turns them back into bytes.

use base64::Engine;

use crate::{Error, Result};

pub fn decode(base64_text: &str) -> Result<Vec<u8>> {
    base64::engine::general_purpose::STANDARD.decode(base64_text).map_err(|_| Error::BadUpload)
}

/// Bytes as a base64 text for the window (a preview image, a stored image).
pub fn encode(bytes: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

#[cfg(test)]
mod tests {
    #[test]
    fn text_that_is_not_base64_is_a_bad_upload() {
        assert_eq!(super::decode("aGk=").unwrap(), b"hi");
        assert_eq!(super::decode("not base64!").unwrap_err().code(), "bad_upload");
    }
}
