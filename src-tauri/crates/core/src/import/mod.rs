//! Importing a till's or a spreadsheet's export of orders: the text found in
//! the file (or a workbook's sheet), its cells read as a table, money and dates read as the tills
//! write them, the columns found by a preset, and a plan of every row that
//! the preview shows and the commit writes; each import can be undone.

mod batch;
mod customers;
mod plan;
pub mod preset;
pub mod table;
pub mod text;
pub mod values;
mod workbook;

pub use batch::{commit, get, list, preview, undo, ImportBatch, ImportOptions, ImportPreview};
pub use plan::{PlannedRow, RowOutcome};
pub use table::{Row, Table};
pub use text::{decode, Decoded, TextEncoding};

#[cfg(test)]
mod tests;
