//! ShopCircle's printed matter: QR codes and posters composed as SVG, rendered to
//! PNG (resvg) and vector PDF (svg2pdf). Functions take data and return bytes:
//! no Tauri, no database, no files.

mod error;
pub mod fonts;
mod image_input;
pub mod poster;
pub mod qr;
pub mod qr_import;
pub mod render;
mod text_fit;

pub use error::{Error, Result};
pub use fonts::Fonts;
