//! Reading a WeChat 接龙 (the group's sign-up list) as the owner pastes it:
//!
//! ```text
//! #接龙
//! 周一秒杀 铁观音 19.9元
//!
//! 1. 小明
//! 2. 阿芳 2份
//! 3、8812 ×1
//! ```
//!
//! The lines before the first numbered one are the list's heading; after it,
//! every numbered line is an entry and any other non-empty line is listed as
//! unreadable, never dropped silently. Full-width digits and punctuation from a
//! Chinese input method read as their ASCII twins.

use serde::Serialize;
use ts_rs::TS;

use crate::{Error, Field, Lang, Problem, Result};

/// A pasted list larger than this is not a 接龙 (a thousand lines are ~30 KB).
pub const TEXT_MAX_MB: usize = 1;

/// A line of the paste that is not an entry, with why, in the owner's language.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Unreadable {
    /// 1-based, as the owner counts lines in the paste.
    pub line: usize,
    pub text: String,
    pub reason: String,
}

impl Unreadable {
    pub(crate) fn new(line: usize, text: &str, lang: Lang, en: &str, zh: &str) -> Unreadable {
        let reason = if lang == Lang::ZhCn { zh } else { en };
        Unreadable { line, text: text.trim().to_owned(), reason: reason.to_owned() }
    }
}

/// A numbered line: its 接龙 number and what follows it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Entry {
    pub line: usize,
    pub seq: i64,
    pub text: String,
}

/// Refuses what is not a pasted list: too large, or holding bytes text never
/// holds (a binary file read as text).
pub(crate) fn checked(text: &str) -> Result<&str> {
    if text.len() > TEXT_MAX_MB * 1024 * 1024 {
        return Err(Error::invalid(Field::Jielong, Problem::TooLarge { max_mb: TEXT_MAX_MB }));
    }
    let binary =
        text.chars().any(|c| c == '\u{FFFD}' || (c.is_control() && !matches!(c, '\n' | '\r' | '\t')));
    if binary {
        return Err(Error::invalid(Field::Jielong, Problem::ControlCharacter));
    }
    Ok(text)
}

/// The numbered entries of `text`, and the lines after the heading that are not entries.
pub(crate) fn entries(text: &str, lang: Lang) -> Result<(Vec<Entry>, Vec<Unreadable>)> {
    let text = checked(text)?;
    let mut found = Vec::new();
    let mut unreadable = Vec::new();
    let mut in_list = false;
    for (i, raw) in text.lines().enumerate() {
        let line = fold(raw);
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        match numbered(line) {
            Some((seq, rest)) if !rest.is_empty() => {
                in_list = true;
                found.push(Entry { line: i + 1, seq, text: rest.to_owned() });
            }
            Some(_) => unreadable.push(Unreadable::new(
                i + 1,
                raw,
                lang,
                "Nothing after the number",
                "序号后面没有内容",
            )),
            None if in_list => unreadable.push(Unreadable::new(
                i + 1,
                raw,
                lang,
                "Not a numbered line of the list",
                "不是接龙里带序号的一行",
            )),
            None => {}
        }
    }
    Ok((found, unreadable))
}

/// "12. 小明" → (12, "小明"); a line not starting with a number and a separator → None.
fn numbered(line: &str) -> Option<(i64, &str)> {
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    if digits == 0 || digits > 6 {
        return None;
    }
    let (number, rest) = line.split_at(digits);
    // "3.8女神节", "12.12 大促", "20:00 开抢": a decimal, a date or a time in a
    // heading, not entry 3, 12 or 20 (an entry has a space after its "3.").
    if rest.starts_with(['.', ',', ':']) && rest[1..].starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let rest = rest.trim_start();
    let rest = rest.strip_prefix(['.', ',', '、', ')', ':', ']']).or_else(|| {
        // "1 小明": a space alone separates only when a name follows, not a digit.
        (rest.len() < line.len() - digits && !rest.starts_with(|c: char| c.is_ascii_digit())).then_some(rest)
    })?;
    Some((number.parse().ok()?, rest.trim()))
}

/// Full-width ASCII (Ａ１，．) and the ideographic space read as their ASCII twins;
/// 、 stays (it is the list separator in Chinese).
pub(crate) fn fold(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{3000}' => ' ',
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '。' => '.',
            '×' => 'x',
            _ => c,
        })
        .collect()
}

/// The units a quantity is written with in a 接龙 ("2份", "3盒").
const UNITS: &[char] =
    &['份', '件', '个', '盒', '罐', '瓶', '袋', '只', '斤', '套', '箱', '包', '杯', '张', '支'];

/// "阿芳 2份" → ("阿芳", Some(2)); "王姐 8812" → ("王姐 8812", None): a bare
/// number counts as a quantity only with a unit, an "x"/"+" before it, or when
/// it is one or two digits after a space (four digits are a phone's tail).
pub(crate) fn split_quantity(text: &str) -> (String, Option<i64>) {
    let text = text.trim();
    let (body, unit) = match text.strip_suffix(UNITS) {
        Some(b) => (b.trim_end(), true),
        None => (text, false),
    };
    let digits = body.chars().rev().take_while(char::is_ascii_digit).count();
    if digits == 0 || digits > 4 {
        return (text.to_owned(), None);
    }
    let (before, number) = body.split_at(body.len() - digits);
    let spaced = before.ends_with(char::is_whitespace);
    let before = before.trim_end();
    // An "x" marks a count only when it is not the end of a name ("Amy x2",
    // "王姐x1" — but "Max 2" is Max).
    let (name, marked) = match before.strip_suffix(['x', 'X', '*', '+']) {
        Some(n) if !(before.ends_with(['x', 'X']) && n.ends_with(|c: char| c.is_ascii_alphabetic())) => {
            (n.trim_end(), true)
        }
        _ => (before, false),
    };
    let name = name.trim_end_matches(['-', ',', ':']).trim_end();
    if name.is_empty() || !(unit || marked || (spaced && digits <= 2)) {
        return (text.to_owned(), None);
    }
    (name.to_owned(), number.parse().ok())
}

/// A name as compared for "the same buyer": folded, spaces dropped, lower case.
pub(crate) fn key(name: &str) -> String {
    fold(name).chars().filter(|c| !c.is_whitespace()).flat_map(char::to_lowercase).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_heading_is_skipped_and_numbered_lines_are_entries() {
        let text = "#接龙\n3.8女神节 12.12 20:00 开抢\n例 小明 1份\n\n1. 小明\n2、阿芳 2份\n３．王姐 8812\n4) Amy x2\n";
        let (found, unreadable) = entries(text, Lang::En).unwrap();
        let got: Vec<(i64, &str)> = found.iter().map(|e| (e.seq, e.text.as_str())).collect();
        assert_eq!(got, vec![(1, "小明"), (2, "阿芳 2份"), (3, "王姐 8812"), (4, "Amy x2")]);
        assert!(unreadable.is_empty(), "{unreadable:?}");
        assert_eq!(found[0].line, 5);
    }

    #[test]
    fn a_line_after_the_heading_without_a_number_is_listed_not_dropped() {
        let text = "#接龙\n1. 小明\n阿芳要两份\n2.\n3. Li";
        let (found, unreadable) = entries(text, Lang::ZhCn).unwrap();
        assert_eq!(found.len(), 2);
        assert_eq!(unreadable.len(), 2);
        assert_eq!((unreadable[0].line, unreadable[0].text.as_str()), (3, "阿芳要两份"));
        assert_eq!(unreadable[0].reason, "不是接龙里带序号的一行");
        assert_eq!(unreadable[1].line, 4);
    }

    #[test]
    fn quantities_are_read_only_when_marked() {
        assert_eq!(split_quantity("阿芳 2份"), ("阿芳".into(), Some(2)));
        assert_eq!(split_quantity("阿芳2份"), ("阿芳".into(), Some(2)));
        assert_eq!(split_quantity("Amy x 3"), ("Amy".into(), Some(3)));
        assert_eq!(split_quantity("Amy 2"), ("Amy".into(), Some(2)));
        assert_eq!(split_quantity(&fold("王姐 ×１")), ("王姐".into(), Some(1)));
        assert_eq!(split_quantity("王姐 8812"), ("王姐 8812".into(), None));
        assert_eq!(split_quantity("8812"), ("8812".into(), None));
        assert_eq!(split_quantity("小明"), ("小明".into(), None));
        assert_eq!(split_quantity("Max 2"), ("Max".into(), Some(2)));
        assert_eq!(split_quantity("Alex 1份"), ("Alex".into(), Some(1)));
        assert_eq!(split_quantity("Max2"), ("Max2".into(), None));
    }

    #[test]
    fn a_huge_or_binary_paste_is_refused() {
        let big = "1. a\n".repeat(300_000);
        assert_eq!(entries(&big, Lang::En).unwrap_err().code(), crate::ErrorCode::InvalidInput);
        let binary = String::from_utf8_lossy(&[0x31, 0x2e, 0x20, 0xff, 0x00, 0x9c]).into_owned();
        let err = entries(&binary, Lang::En).unwrap_err();
        assert!(err.message(Lang::En).contains("Sign-up list"), "{}", err.message(Lang::En));
    }

    #[test]
    fn the_same_buyer_however_typed() {
        assert_eq!(key("Amy Li"), key("ａｍｙｌｉ"));
        assert_eq!(key(" 小 明 "), key("小明"));
    }
}
