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
/// share of the text up to the box width) at which `n` lines suffice.
fn balanced(fonts: &Fonts, text: &str, size: f64, b: &Box, n: usize) -> Option<Vec<String>> {
    let even = fonts.width(text, size, b.bold) / n as f64;
    let mut limit = even.min(b.width);
    loop {
        let narrower = Box { width: limit, ..*b };
        if let Some(lines) = wrap(fonts, text, size, &narrower, n) {
            return Some(lines);
        }
        if limit >= b.width {
            return None;
        }
        limit = (limit * 1.04).min(b.width);
    }
}

/// Breaks `text` into at most `n` lines no wider than the box, or `None`.
/// Breaks at spaces for Latin text and between any two characters for CJK.
fn wrap(fonts: &Fonts, text: &str, size: f64, b: &Box, n: usize) -> Option<Vec<String>> {
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
        let cut = best_break(fonts, rest, size, b)?;
        lines.push(rest[..cut].trim_end().to_owned());
        rest = rest[cut..].trim_start();
    }
    Some(lines)
}

fn best_break(fonts: &Fonts, text: &str, size: f64, b: &Box) -> Option<usize> {
    let mut last_fit = None;
    let mut last_space = None;
    for (i, c) in text.char_indices().skip(1) {
        if fonts.width(&text[..i], size, b.bold) > b.width {
            break;
        }
        last_fit = Some(i);
        if c == ' ' {
            last_space = Some(i);
        }
    }
    let is_cjk = |c: char| c as u32 >= 0x2E80;
    match (last_space, last_fit) {
        (Some(s), Some(f)) if !text[..f].chars().last().is_some_and(is_cjk) => Some(s),
        (_, fit) => fit,
    }
}
