//! A till's export as text: the encoding found (a BOM decides; else strict
//! UTF-8; else GB18030, as Chinese tills write GBK) or chosen by the owner,
//! and files that are no text refused before anything is read.

use encoding_rs::{Encoding, GB18030, UTF_16BE, UTF_16LE, UTF_8};
use serde::Serialize;
use ts_rs::TS;

use crate::{Error, Field, Lang, Problem, Result};

/// The largest file read, in megabytes.
pub const MAX_MB: usize = 50;

/// How a file's bytes were read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum TextEncoding {
    Utf8,
    /// GBK and GB2312 are read as GB18030, which contains them.
    Gb18030,
    Utf16,
    /// Not text: an Excel workbook, read by its cells.
    Workbook,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Decoded {
    pub text: String,
    pub encoding: TextEncoding,
    /// Bytes the encoding could not read (shown as �): a hint the guess was wrong.
    pub replaced: usize,
}

/// Reads `bytes` as `chosen`, or finds the encoding.
pub fn decode(bytes: &[u8], chosen: Option<TextEncoding>, lang: Lang) -> Result<Decoded> {
    if bytes.len() > MAX_MB * 1024 * 1024 {
        return Err(Error::invalid(Field::File, Problem::TooLarge { max_mb: MAX_MB }));
    }
    if bytes.is_empty() {
        return Err(Error::invalid(Field::File, Problem::Empty));
    }
    if let Some(kind) = not_text(bytes) {
        return Err(Error::invalid(Field::File, Problem::Refused { reason: not_text_reason(kind, lang) }));
    }
    let (encoding, body) = match (chosen, Encoding::for_bom(bytes)) {
        (None, Some((enc, bom))) => (enc, &bytes[bom..]),
        (Some(c), Some((enc, bom))) if of(enc) == c => (enc, &bytes[bom..]),
        (Some(c), _) => (to_encoding(c), bytes),
        (None, None) => (guess(bytes), bytes),
    };
    let (text, _) = encoding.decode_without_bom_handling(body);
    let replaced = text.matches('\u{FFFD}').count();
    Ok(Decoded { text: text.into_owned(), encoding: of(encoding), replaced })
}

/// UTF-8 when the bytes are valid UTF-8; else GB18030. A shop in China that
/// exports anything else is rare, a Chinese till's GBK is common, and a
/// wrong guess shows as replaced characters the owner sees in the preview
/// and fixes by choosing the encoding.
fn guess(bytes: &[u8]) -> &'static Encoding {
    if std::str::from_utf8(bytes).is_ok() {
        UTF_8
    } else {
        GB18030
    }
}

fn of(e: &'static Encoding) -> TextEncoding {
    if e == UTF_16LE || e == UTF_16BE {
        TextEncoding::Utf16
    } else if e == UTF_8 {
        TextEncoding::Utf8
    } else {
        TextEncoding::Gb18030
    }
}

fn to_encoding(e: TextEncoding) -> &'static Encoding {
    match e {
        TextEncoding::Utf8 => UTF_8,
        TextEncoding::Gb18030 => GB18030,
        TextEncoding::Utf16 => UTF_16LE,
        // A workbook never reaches the text reader; as text it would be UTF-8's replacement characters.
        TextEncoding::Workbook => UTF_8,
    }
}

/// What a file is when it is no text: a picture, a PDF, a zip (an XLSX
/// renamed, say), or binary bytes.
fn not_text(bytes: &[u8]) -> Option<&'static str> {
    const SIGNATURES: &[(&[u8], &str)] = &[
        (b"\x89PNG", "png"),
        (b"\xFF\xD8\xFF", "jpeg"),
        (b"%PDF", "pdf"),
        (b"PK\x03\x04", "zip"),
        (b"\xD0\xCF\x11\xE0", "xls"),
        (b"GIF8", "gif"),
    ];
    if let Some((_, kind)) = SIGNATURES.iter().find(|(sig, _)| bytes.starts_with(sig)) {
        return Some(kind);
    }
    // Text has no NUL bytes (but UTF-16, which has a BOM).
    let head = &bytes[..bytes.len().min(8192)];
    (Encoding::for_bom(bytes).is_none() && head.contains(&0)).then_some("binary")
}

fn not_text_reason(kind: &str, lang: Lang) -> String {
    match (kind, lang) {
        ("png" | "jpeg" | "gif", Lang::En) => {
            "This is a picture, not a spreadsheet: export the orders as CSV or Excel".into()
        }
        ("png" | "jpeg" | "gif", Lang::ZhCn) => "这是一张图片，不是表格：请把订单导出为 CSV 或 Excel".into(),
        ("pdf", Lang::En) => "This is a PDF, not a spreadsheet: export the orders as CSV or Excel".into(),
        ("pdf", Lang::ZhCn) => "这是 PDF，不是表格：请把订单导出为 CSV 或 Excel".into(),
        ("zip" | "xls", Lang::En) => {
            "This is an Excel workbook: save it as CSV (UTF-8) and import that".into()
        }
        ("zip" | "xls", Lang::ZhCn) => "这是 Excel 工作簿：请另存为 CSV（UTF-8）后再导入".into(),
        (_, Lang::En) => "This file is not text: export the orders as CSV".into(),
        (_, Lang::ZhCn) => "这个文件不是文本：请把订单导出为 CSV".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_or_without_a_bom_and_gbk_are_read() {
        let plain = decode("订单号,金额\n1,12.50\n".as_bytes(), None, Lang::En).unwrap();
        assert_eq!((plain.text.as_str(), plain.encoding), ("订单号,金额\n1,12.50\n", TextEncoding::Utf8));
        let bom = decode(b"\xEF\xBB\xBFa,b\n", None, Lang::En).unwrap();
        assert_eq!(bom.text, "a,b\n", "the BOM is not part of the first header");
        let (gbk, _, _) = encoding_rs::GBK.encode("订单号,买家昵称,订单实付金额\nE1,王姐,¥68.00\n");
        let read = decode(&gbk, None, Lang::En).unwrap();
        assert_eq!(read.encoding, TextEncoding::Gb18030);
        assert!(read.text.starts_with("订单号,买家昵称"), "{}", read.text);
        assert_eq!(read.replaced, 0);
        // Read as UTF-8 on the owner's say-so, it shows replacement characters.
        let wrong = decode(&gbk, Some(TextEncoding::Utf8), Lang::En).unwrap();
        assert!(wrong.replaced > 0);
    }

    #[test]
    fn pictures_workbooks_binary_empty_and_huge_files_are_refused_with_why() {
        let png = decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", None, Lang::ZhCn).unwrap_err();
        assert!(png.message(Lang::ZhCn).contains("图片"), "{}", png.message(Lang::ZhCn));
        let xlsx = decode(b"PK\x03\x04\x14\0", None, Lang::En).unwrap_err();
        assert!(xlsx.message(Lang::En).contains("Excel workbook"));
        assert!(decode(b"a,b\0c", None, Lang::En).is_err());
        assert!(matches!(decode(b"", None, Lang::En), Err(Error::Invalid { problem: Problem::Empty, .. })));
        let huge = vec![b'a'; MAX_MB * 1024 * 1024 + 1];
        let err = decode(&huge, None, Lang::En).unwrap_err();
        assert!(err.message(Lang::En).contains("50"), "{}", err.message(Lang::En));
    }
}
