//! A customer's mainland mobile number as the owner types it — full-width
//! digits from a Chinese keyboard, spaces or dashes, a +86 / 0086 prefix —
//! reduced to its 11 digits, and masked (138****1234) wherever it is shown to
//! anyone but the customer.

use crate::validate::unknown;
use crate::{Field, Result};

/// The 11 digits of a mainland mobile number (`1[3-9]` and 9 more), or an
/// error naming `field` with what was typed.
pub fn normalize(field: Field, typed: &str) -> Result<String> {
    let mut digits = String::with_capacity(11);
    for c in typed.trim().chars() {
        match c {
            '0'..='9' => digits.push(c),
            // Full-width digits, as a Chinese input method types them.
            '０'..='９' => digits.push(char::from(b'0' + (c as u32 - '０' as u32) as u8)),
            ' ' | '\u{3000}' | '-' | '－' | '(' | ')' | '（' | '）' | '.' => {}
            '+' | '＋' if digits.is_empty() => {}
            _ => return Err(unknown(field, typed)),
        }
    }
    let national = digits
        .strip_prefix("0086")
        .or_else(|| digits.strip_prefix("86").filter(|rest| rest.len() == 11))
        .unwrap_or(&digits);
    let b = national.as_bytes();
    if b.len() == 11 && b[0] == b'1' && (b'3'..=b'9').contains(&b[1]) {
        Ok(national.to_owned())
    } else {
        Err(unknown(field, typed))
    }
}

/// "138****1234": enough for the customer to recognise, too little for anyone else.
pub fn masked(phone: &str) -> String {
    if phone.len() == 11 && phone.is_ascii() {
        format!("{}****{}", &phone[..3], &phone[7..])
    } else {
        "****".to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_number_typed_any_common_way_becomes_its_eleven_digits() {
        for typed in [
            "13812341234",
            " 138 1234 1234 ",
            "138-1234-1234",
            "+86 138 1234 1234",
            "0086 13812341234",
            "8613812341234",
            "１３８１２３４１２３４",
            "（+86）138.1234.1234",
        ] {
            assert_eq!(normalize(Field::Phone, typed).unwrap(), "13812341234", "{typed}");
        }
    }

    #[test]
    fn what_is_not_a_mainland_mobile_number_is_refused() {
        for typed in
            ["", "1381234123", "138123412345", "12812341234", "23812341234", "138abc41234", "1381234+1234"]
        {
            assert!(normalize(Field::Phone, typed).is_err(), "{typed}");
        }
    }

    #[test]
    fn a_number_is_masked_in_the_middle() {
        assert_eq!(masked("13812341234"), "138****1234");
        assert_eq!(masked("oops"), "****");
    }
}
