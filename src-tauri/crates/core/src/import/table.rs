//! A decoded export read as a table: the delimiter found (comma, tab or
//! semicolon), ragged rows and stray quotes never abort the reading, each row
//! keeps its line number, title rows above the header and total rows at the
//! bottom are set aside and said.

use crate::{Error, Field, Problem, Result};

/// The most rows read from one file.
pub const MAX_ROWS: usize = 200_000;
/// How far down the header may be (Meituan's is on row 3).
const HEADER_WITHIN: usize = 20;

#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// The line it starts on, 1-based, as a spreadsheet numbers it.
    pub line: usize,
    pub cells: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub delimiter: char,
    /// The header's line, 1-based.
    pub header_line: usize,
    pub headers: Vec<String>,
    pub rows: Vec<Row>,
    /// Title lines above the header, set aside.
    pub skipped_top: usize,
    /// Lines of total rows ("合计") at the bottom, set aside.
    pub totals: Vec<usize>,
}

pub fn read(text: &str) -> Result<Table> {
    let delimiter = delimiter(text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter as u8)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    // Lines counted from the byte offsets: the csv crate skips blank lines
    // without counting them, and the owner's spreadsheet numbers them all.
    let (mut counted_to, mut line) = (0usize, 1usize);
    for record in reader.records() {
        // A broken record (an unclosed quote swallowing the rest) still yields
        // what it read; only an I/O error, impossible on a string, ends it.
        let Ok(record) = record else { break };
        let mut at = record.position().map(|p| p.byte() as usize).unwrap_or(counted_to).min(text.len());
        // The position may be where the blank lines before the record begin.
        while matches!(text.as_bytes().get(at), Some(b'\n' | b'\r')) {
            at += 1;
        }
        line += text.as_bytes()[counted_to..at].iter().filter(|&&b| b == b'\n').count();
        counted_to = at;
        let cells: Vec<String> = record.iter().map(|c| c.trim().to_owned()).collect();
        if cells.iter().all(String::is_empty) {
            continue;
        }
        if rows.len() == MAX_ROWS {
            return Err(Error::invalid(Field::File, Problem::OutOfRange { min: 1, max: MAX_ROWS as i64 }));
        }
        rows.push(Row { line, cells });
    }
    from_rows(rows, delimiter)
}

/// The table in rows already read (a CSV's or a workbook's sheet's).
pub fn from_rows(mut rows: Vec<Row>, delimiter: char) -> Result<Table> {
    let Some(h) = header(&rows) else {
        return Err(Error::invalid(Field::File, Problem::Empty));
    };
    let mut body = rows.split_off(h + 1);
    let header = rows.pop().expect("the header row");
    let mut totals = Vec::new();
    while body.last().is_some_and(is_total) {
        totals.push(body.pop().expect("a last row").line);
    }
    totals.reverse();
    Ok(Table {
        delimiter,
        header_line: header.line,
        headers: header.cells,
        rows: body,
        skipped_top: rows.len(),
        totals,
    })
}

/// The delimiter that splits the first lines most evenly into most cells.
fn delimiter(text: &str) -> char {
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).take(10).collect();
    [',', '\t', ';']
        .into_iter()
        .max_by_key(|d| lines.iter().map(|l| l.matches(*d).count()).max().unwrap_or(0))
        .unwrap_or(',')
}

/// The header: the first of the top rows with at least as many filled cells
/// as most of them have (a title row above it has one or two; a ragged row
/// below it more or fewer).
fn header(rows: &[Row]) -> Option<usize> {
    let top = &rows[..rows.len().min(HEADER_WITHIN)];
    let filled = |r: &Row| r.cells.iter().filter(|c| !c.is_empty()).count();
    let mut counts: Vec<usize> = top.iter().map(filled).collect();
    counts.sort_unstable();
    // The commonest count; on a tie, the smaller.
    let mut usual = (0, 0);
    for c in counts.chunk_by(|a, b| a == b) {
        if c.len() > usual.1 {
            usual = (c[0], c.len());
        }
    }
    let at_least = usual.0.max(2);
    top.iter().position(|r| filled(r) >= at_least)
}

fn is_total(r: &Row) -> bool {
    let first = r.cells.iter().find(|c| !c.is_empty()).map(String::as_str).unwrap_or("");
    ["合计", "总计", "小计", "Total", "TOTAL", "total"].iter().any(|t| first.starts_with(t))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_rows_and_totals_are_set_aside_and_lines_kept() {
        let text = "店内订单明细\n营业日期：2026-11-01 至 2026-11-30\n订单号,下单时间,订单金额（元）\nM1,2026-11-21 12:00,68.00\n\nM2,2026-11-21 13:00,\"1,234.50\"\n合计,,1302.50\n";
        let t = read(text).unwrap();
        assert_eq!((t.delimiter, t.header_line, t.skipped_top), (',', 3, 2));
        assert_eq!(t.headers, ["订单号", "下单时间", "订单金额（元）"]);
        assert_eq!(t.rows.iter().map(|r| r.line).collect::<Vec<_>>(), [4, 6]);
        assert_eq!(t.rows[1].cells[2], "1,234.50");
        assert_eq!(t.totals, [7]);
    }

    #[test]
    fn tabs_ragged_rows_and_an_unclosed_quote_never_abort() {
        let t = read("a\tb\tc\n1\t2\n3\t4\t5\t6\n").unwrap();
        assert_eq!(t.delimiter, '\t');
        assert_eq!(t.rows[0].cells, ["1", "2"]);
        assert_eq!(t.rows[1].cells.len(), 4);
        let wide = format!("a,b\n{}\n1,2\n", vec!["x"; 500].join(","));
        let wide = read(&wide).unwrap();
        assert_eq!(
            (wide.headers.len(), wide.rows.len(), wide.rows[0].cells.len()),
            (2, 2, 500),
            "a wide row stays a row"
        );
        let broken = read("a,b\n1,\"unclosed\n2,3\n").unwrap();
        assert_eq!(broken.rows[0].line, 2, "{broken:?}");
    }

    #[test]
    fn a_file_with_no_table_is_refused() {
        assert!(read("just a title\n").is_err());
        assert!(read("\n\n").is_err());
    }
}
