//! Text shown on a terminal or written to a file that another program reads:
//! control characters made visible, so a name or a decoded QR can never ring
//! the bell, move the cursor or split one row into two (issue 11).

/// The text on one line: every control character, line breaks included,
/// written as an escape (`\n`, `\u{1b}`).
pub fn one_line(s: &str) -> String {
    if !s.chars().any(char::is_control) {
        return s.to_owned();
    }
    s.chars().map(|c| if c.is_control() { c.escape_default().to_string() } else { c.to_string() }).collect()
}

/// The text with its line breaks and tabs kept and every other control
/// character written as an escape.
pub fn printable(s: &str) -> String {
    if !s.chars().any(|c| c.is_control() && !matches!(c, '\n' | '\t')) {
        return s.to_owned();
    }
    s.chars()
        .map(|c| {
            if c.is_control() && !matches!(c, '\n' | '\t') {
                c.escape_default().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// A CSV field: quoted when it needs it, and a leading =, +, -, @ defused
/// with an apostrophe, so a spreadsheet never runs a name as a formula.
pub fn csv_field(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@']) { format!("'{s}") } else { s.to_owned() };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// "张*": the first character of the nickname (or name), as a draw's list
/// and a referral leaderboard publish it in the group.
pub(crate) fn masked_name(name: &str, nickname: &str) -> String {
    let shown = if nickname.trim().is_empty() { name } else { nickname };
    let first: String = shown.trim().chars().take(1).collect();
    format!("{first}*")
}

/// "张* (1234)" with a phone, "张*" without.
pub(crate) fn masked_label(name: &str, nickname: &str, phone: Option<&str>) -> String {
    match phone.filter(|p| p.len() == 11).and_then(|p| p.get(7..)) {
        Some(last4) => format!("{} ({last4})", masked_name(name, nickname)),
        None => masked_name(name, nickname),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_bell_and_nul_become_visible_and_a_name_stays_on_its_line() {
        assert_eq!(one_line("茶\u{1b}[2J友\u{7}\0"), "茶\\u{1b}[2J友\\u{7}\\u{0}");
        assert_eq!(one_line("A\nB"), "A\\nB");
        assert_eq!(printable("A\nB\u{1b}"), "A\nB\\u{1b}");
        assert_eq!(one_line("每日茶友群"), "每日茶友群");
    }
}
