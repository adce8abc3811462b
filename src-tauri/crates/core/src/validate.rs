//! Checks on what the owner typed, shared by every input. Lengths count
//! characters, not bytes, so a Chinese name gets the same room as an English one.

use crate::{Error, Field, Problem, Result};

/// A required one-line text: trimmed, not empty, at most `max` characters.
pub fn required(field: Field, value: &str, max: usize) -> Result<String> {
    let value = value.trim();
    if value.is_empty() {
        return Err(Error::invalid(field, Problem::Empty));
    }
    optional(field, value, max)
}

/// A required text of several lines (see `optional_lines`).
pub fn required_lines(field: Field, value: &str, max: usize) -> Result<String> {
    if value.trim().is_empty() {
        return Err(Error::invalid(field, Problem::Empty));
    }
    optional_lines(field, value, max)
}

/// An optional one-line text: trimmed, at most `max` characters, and no
/// control characters at all (a newline would break a name's row in a list,
/// an ESC or BEL would act on the terminal that prints it; issue 11).
pub fn optional(field: Field, value: &str, max: usize) -> Result<String> {
    checked(field, value, max, |c| c.is_control())
}

/// An optional text of several lines (a post to copy, the group rules): line
/// breaks and tabs are the owner's, every other control character is refused.
pub fn optional_lines(field: Field, value: &str, max: usize) -> Result<String> {
    checked(field, value, max, |c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
}

fn checked(field: Field, value: &str, max: usize, refused: impl Fn(char) -> bool) -> Result<String> {
    let value = value.trim();
    if value.chars().count() > max {
        return Err(Error::invalid(field, Problem::TooLong { max }));
    }
    if value.chars().any(refused) {
        return Err(Error::invalid(field, Problem::ControlCharacter));
    }
    Ok(value.to_owned())
}

pub fn in_range(field: Field, value: i64, min: i64, max: i64) -> Result<i64> {
    if value < min || value > max {
        return Err(Error::invalid(field, Problem::OutOfRange { min, max }));
    }
    Ok(value)
}

pub fn unknown(field: Field, value: &str) -> Error {
    // Echo at most a short prefix: the value may be anything, of any length.
    let shown: String = value.chars().take(40).collect();
    Error::invalid(field, Problem::Unknown { value: shown })
}

/// An amount of money typed in yuan ("12.5", "12.50", "¥12"), as fen.
pub fn money(field: Field, text: &str, max_cents: i64) -> Result<i64> {
    let t = text.trim().trim_start_matches(['¥', '￥']).trim();
    let (whole, frac) = t.split_once('.').unwrap_or((t, ""));
    let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    if !digits(whole) || !(frac.is_empty() || (frac.len() <= 2 && digits(frac))) {
        return Err(unknown(field, text));
    }
    let whole: i64 = whole.parse().map_err(|_| unknown(field, text))?;
    let frac: i64 = format!("{frac:0<2}").parse().map_err(|_| unknown(field, text))?;
    let cents =
        whole.checked_mul(100).and_then(|c| c.checked_add(frac)).ok_or_else(|| unknown(field, text))?;
    in_range(field, cents, 0, max_cents)
}

/// An instant as the window sends it (RFC 3339, any offset), in UTC.
pub fn instant(field: Field, text: &str) -> Result<chrono::DateTime<chrono::Utc>> {
    chrono::DateTime::parse_from_rfc3339(text.trim())
        .map(|t| t.with_timezone(&chrono::Utc))
        .map_err(|_| unknown(field, text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_text_is_measured_in_characters_not_bytes() {
        let name = "茶".repeat(60);
        assert_eq!(required(Field::Name, &name, 60).unwrap(), name);
        assert!(required(Field::Name, &"茶".repeat(61), 60).is_err());
    }

    #[test]
    fn money_is_read_in_yuan_and_kept_in_fen() {
        assert_eq!(money(Field::UnitCost, "12.5", 10_000).unwrap(), 1250);
        assert_eq!(money(Field::UnitCost, "¥12", 10_000).unwrap(), 1200);
        assert_eq!(money(Field::UnitCost, " 0.05 ", 10_000).unwrap(), 5);
        for bad in ["", "-1", "1.234", "1e3", "12,5", ".5", "99999999999999999999"] {
            assert_eq!(
                money(Field::UnitCost, bad, 10_000).unwrap_err().field(),
                Some(Field::UnitCost),
                "{bad}"
            );
        }
        assert!(money(Field::UnitCost, "100.01", 10_000).is_err());
    }

    #[test]
    fn whitespace_only_counts_as_empty() {
        let err = required(Field::Name, " \t\n ", 60).unwrap_err();
        assert!(matches!(err, Error::Invalid { problem: Problem::Empty, .. }));
    }
}
