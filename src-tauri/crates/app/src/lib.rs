//! ShopCircle's use cases that span the core, the print crate and the owner's
//! files: render a saved poster to a file, a voucher batch to a sheet, import
//! a QR screenshot into a channel. The desktop shell's commands and the CLI
//! both call in here, so neither can skip a check the other makes. No Tauri.

pub mod calendar;
pub mod content;
mod error;
pub mod files;
pub mod friend_cards;
pub mod notice;
pub mod posters;
pub mod products;
pub mod qr;
pub mod settlement;
pub mod upload;
pub mod vouchers;

pub use error::{Error, FileProblem, Result};

/// The resolution of a poster or voucher image saved to print or to post,
/// unless the owner asks for another.
pub const PRINT_DPI: u32 = 300;
