//! Importing a till's or a spreadsheet's export: the text found in the file,
//! its cells read as a table, and money and dates read as the tills write them.

pub mod table;
pub mod text;
pub mod values;

pub use table::{Row, Table};
pub use text::{decode, Decoded, TextEncoding};
