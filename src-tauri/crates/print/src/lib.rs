//! ShopCircle's printed matter: QR codes, posters and gift vouchers composed
//! as SVG, rendered to PNG (resvg) and vector PDF (svg2pdf, and pdf-writer for
//! voucher sheets). Functions take data and return bytes: no Tauri, no
//! database, no files.

mod error;
pub mod fonts;
mod image_input;
pub mod notice;
pub mod poster;
pub mod qr;
pub mod qr_import;
mod qr_mask;
pub mod render;
mod text_fit;
pub mod voucher;

pub use error::{Error, Result};
pub use fonts::Fonts;
