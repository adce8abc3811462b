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

/// An optional text: trimmed, at most `max` characters.
pub fn optional(field: Field, value: &str, max: usize) -> Result<String> {
    let value = value.trim();
    if value.chars().count() > max {
        return Err(Error::invalid(field, Problem::TooLong { max }));
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
    fn whitespace_only_counts_as_empty() {
        let err = required(Field::Name, " \t\n ", 60).unwrap_err();
        assert!(matches!(err, Error::Invalid { problem: Problem::Empty, .. }));
    }
}
