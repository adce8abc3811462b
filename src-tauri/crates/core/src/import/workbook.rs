//! A workbook (xlsx or xls, as Meituan's cashier exports it) read as rows of
//! text, so the same table reading, presets and plan apply as for a CSV. The
//! sheet read is the first that holds a table; dates come out as Excel serial
//! days, which the date reader knows.

use std::io::Cursor;

use calamine::{open_workbook_auto_from_rs, Data, Reader};

use super::table::{Row, MAX_ROWS};
use crate::{Error, Field, Lang, Problem, Result};

/// A workbook by its first bytes: a zip (xlsx) or an OLE file (xls).
pub fn is_workbook(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"\xD0\xCF\x11\xE0")
}

/// The rows of the first sheet with at least two filled rows, each with its
/// row number as the spreadsheet shows it.
pub fn rows(bytes: &[u8], lang: Lang) -> Result<Vec<Row>> {
    let refused = || {
        let reason = match lang {
            Lang::En => "This file cannot be read as a workbook (a Word file, or a damaged workbook?): export the orders as Excel or CSV",
            Lang::ZhCn => "无法作为 Excel 工作簿读取（是 Word 文件或已损坏的工作簿？）：请把订单导出为 Excel 或 CSV",
        };
        Error::invalid(Field::File, Problem::Refused { reason: reason.to_owned() })
    };
    let mut book = open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|_| refused())?;
    for (_, range) in book.worksheets() {
        let first_row = range.start().map(|(r, _)| r as usize).unwrap_or(0);
        let mut rows = Vec::new();
        for (i, cells) in range.rows().enumerate() {
            let cells: Vec<String> = cells.iter().map(text).collect();
            if cells.iter().all(String::is_empty) {
                continue;
            }
            if rows.len() == MAX_ROWS {
                return Err(Error::invalid(
                    Field::File,
                    Problem::OutOfRange { min: 1, max: MAX_ROWS as i64 },
                ));
            }
            rows.push(Row { line: first_row + i + 1, cells });
        }
        if rows.len() >= 2 {
            return Ok(rows);
        }
    }
    Err(Error::invalid(Field::File, Problem::Empty))
}

/// A cell as the text a CSV export would hold.
fn text(cell: &Data) -> String {
    match cell {
        Data::Empty | Data::Error(_) => String::new(),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.trim().to_owned(),
        Data::Int(i) => i.to_string(),
        // Whole numbers as integers (an order number stored as a number), else as written.
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{f:.0}"),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(d) => d.as_f64().to_string(),
    }
}
