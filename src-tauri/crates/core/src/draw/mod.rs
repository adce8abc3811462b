//! The fair draw anyone can check (docs/draw.md): the pure algorithm, the
//! file a draw publishes, its verification, and the self-contained page that
//! verifies it in a browser with no network.

pub mod fair;
mod published;

pub use published::{verify, verify_text, DrawVerdict, Published, PublishedPrize, FORMAT};

const PAGE: &str = include_str!("verifier.html");

/// A public number in its one written form (docs/draw.md): ASCII digits
/// (full-width ones read as such), an optional minus and decimal point,
/// without leading zeros, trailing fractional zeros or a bare point —
/// "03391.450" and "３３９１．４５" are "3391.45". None when it is no number.
pub fn canonical_number(text: &str) -> Option<String> {
    let ascii: String = text
        .trim()
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            '．' => '.',
            '－' => '-',
            _ => c,
        })
        .collect();
    let (sign, digits) = match ascii.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", ascii.as_str()),
    };
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty()
        || !all_digits(whole)
        || !all_digits(fraction)
        || (digits.contains('.') && fraction.is_empty())
    {
        return None;
    }
    let whole = whole.trim_start_matches('0');
    let fraction = fraction.trim_end_matches('0');
    let whole = if whole.is_empty() { "0" } else { whole };
    let number = if fraction.is_empty() { whole.to_owned() } else { format!("{whole}.{fraction}") };
    Some(if number == "0" { number } else { format!("{sign}{number}") })
}

/// The verifier page with the published file inside it: open it in any
/// browser, offline, and it recomputes the draw and says whether it matches.
pub fn verifier_page(p: &Published) -> String {
    let json = serde_json::to_string(p).unwrap_or_default();
    // Inside a <script> element "</" would end it and "<!--" change how the
    // rest is read: every "<" (in JSON, only ever inside a string) as \u003c.
    // The title first: a "{{TITLE}}" inside the file must stay as it is.
    PAGE.replace("{{TITLE}}", &html_escape(&p.title)).replace("{{DRAW_JSON}}", &json.replace('<', "\\u003c"))
}

fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

#[cfg(test)]
mod tests;
