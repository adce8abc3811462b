//! Fitting a line of the owner's text into a box: the largest size that fits,
//! wrapping onto a second line before shrinking below a readable minimum, and a
//! clear refusal when even that is not enough. Nothing overflows or clips silently.

use crate::{Error, Fonts, Result};

pub struct Fitted {
    pub lines: Vec<String>,
    pub size: f64,
}

#[derive(Clone, Copy)]
pub struct Box {
    pub field: &'static str,
    pub width: f64,
    pub max_size: f64,
    pub min_size: f64,
    pub max_lines: usize,
    pub bold: bool,
}

/// One line is kept down to this share of the largest size before wrapping: a
/// slightly smaller headline reads better than one with a lone word below it.
const ONE_LINE_SHRINK: f64 = 0.72;

/// Fits text that may be left empty, in `width` at a size from `sizes.0` down
/// to `sizes.1`, on at most `lines` lines; an empty field takes no room.
pub fn fit_optional(
    fonts: &Fonts,
    field: &'static str,
    text: &str,
    width: f64,
    (max_size, min_size): (f64, f64),
    max_lines: usize,
    bold: bool,
) -> Result<Fitted> {
    if text.trim().is_empty() {
        return Ok(Fitted { lines: Vec::new(), size: 0.0 });
    }
    fit(fonts, text, &Box { field, width, max_size, min_size, max_lines, bold })
}

pub fn fit(fonts: &Fonts, text: &str, b: &Box) -> Result<Fitted> {
    let text = text.trim();
    let sizes = || {
        std::iter::successors(Some(b.max_size), |s| Some(s * 0.94)).take_while(|s| *s >= b.min_size - 1e-9)
    };
    let one_line_floor = (b.max_size * ONE_LINE_SHRINK).max(b.min_size);
    for size in sizes().take_while(|s| *s >= one_line_floor - 1e-9) {
        if fonts.width(text, size, b.bold) <= b.width {
            return Ok(Fitted { lines: vec![text.to_owned()], size });
        }
    }
    for size in sizes() {
        for n in 1..=b.max_lines {
            if let Some(lines) = balanced(fonts, text, size, b, n) {
                return Ok(Fitted { lines, size });
            }
        }
    }
    let per_line = (b.width / (b.min_size)).floor() as usize;
    Err(Error::TextTooLong { field: b.field, max: per_line * b.max_lines })
}

/// Wraps into `n` lines of even length: the narrowest line limit (from an even
/// share of the text up to the box width) at which `n` lines suffice. Lines
/// that end where a clause or a list item does come first, though, when they
/// are only a little uneven: "赠品：精美茶包一份，" / "另送茶点两份" reads
/// better than "赠品：精美茶包一" / "份，另送茶点两份".
fn balanced(fonts: &Fonts, text: &str, size: f64, b: &Box, n: usize) -> Option<Vec<String>> {
    let even = fonts.width(text, size, b.bold) / n as f64;
    if n > 1 {
        let loose = Box { width: (even * 1.4).min(b.width), ..*b };
        if let Some(lines) = wrap(fonts, text, size, &loose, n, Breaks::Clauses) {
            return Some(lines);
        }
    }
    let mut limit = even.min(b.width);
    loop {
        let narrower = Box { width: limit, ..*b };
        if let Some(lines) = wrap(fonts, text, size, &narrower, n, Breaks::Anywhere) {
            return Some(lines);
        }
        if limit >= b.width {
            return None;
        }
        limit = (limit * 1.04).min(b.width);
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Breaks {
    /// At spaces for Latin text, between any two characters for CJK.
    Anywhere,
    /// Only after a clause's punctuation or between list items.
    Clauses,
}

/// Breaks `text` into at most `n` lines no wider than the box, or `None`.
fn wrap(fonts: &Fonts, text: &str, size: f64, b: &Box, n: usize, breaks: Breaks) -> Option<Vec<String>> {
    let mut lines = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        if lines.len() == n {
            return None;
        }
        if fonts.width(rest, size, b.bold) <= b.width {
            lines.push(rest.to_owned());
            break;
        }
        let cut = best_break(fonts, rest, size, b, breaks)?;
        // A list separator at a break is dropped: "A · B" wraps as "A" / "B".
        lines.push(rest[..cut].trim_end().trim_end_matches(SEPARATORS).trim_end().to_owned());
        rest = rest[cut..].trim_start().trim_start_matches(SEPARATORS).trim_start();
    }
    Some(lines)
}

/// Closing punctuation, which must not begin a line.
const NO_LINE_START: &str = "，。、；：！？）》」』】〉”’,.;:!?)%";
/// The end of a clause: a break just after one reads best.
const CLAUSE_END: &str = "，。；：！？,;";
/// List separators, which vanish at a line break.
const SEPARATORS: &[char] = &['·', '・', '•', '|'];

/// The last place the line can break and still fit: at a space for Latin
/// text, between any two characters for CJK (never before closing
/// punctuation), and after a clause's comma when that costs under a third of
/// the line.
fn best_break(fonts: &Fonts, text: &str, size: f64, b: &Box, breaks: Breaks) -> Option<usize> {
    let mut last_fit = None;
    let mut last_space = None;
    let mut last_clause = None;
    for (i, c) in text.char_indices().skip(1) {
        if fonts.width(&text[..i], size, b.bold) > b.width {
            break;
        }
        if NO_LINE_START.contains(c) {
            continue;
        }
        last_fit = Some(i);
        if c == ' ' {
            last_space = Some(i);
        }
        let after_clause = text[..i].chars().next_back().is_some_and(|p| CLAUSE_END.contains(p));
        let before_item = c == ' ' && text[i..].trim_start().starts_with(SEPARATORS);
        if after_clause || before_item {
            last_clause = Some(i);
        }
    }
    if breaks == Breaks::Clauses {
        return last_clause;
    }
    let is_cjk = |c: char| c as u32 >= 0x2E80;
    let natural = match (last_space, last_fit) {
        (Some(s), Some(f)) if !text[..f].chars().last().is_some_and(is_cjk) => Some(s),
        (_, fit) => fit,
    };
    match (last_clause, natural) {
        (Some(c), Some(n))
            if fonts.width(&text[..c], size, b.bold) >= fonts.width(&text[..n], size, b.bold) * 0.67 =>
        {
            Some(c)
        }
        (_, n) => n,
    }
}
