//! Money as the owner reads it. Amounts are integer fen everywhere; only text
//! shows yuan.

/// 1250 fen as "12.50", 1000 as "10".
pub fn yuan(cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let cents = cents.abs();
    if cents % 100 == 0 {
        format!("{sign}{}", cents / 100)
    } else {
        format!("{sign}{}.{:02}", cents / 100, cents % 100)
    }
}

/// Always two places, for a spreadsheet's column: 1000 fen as "10.00".
pub fn yuan_fixed(cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    format!("{sign}{}.{:02}", cents.abs() / 100, cents.abs() % 100)
}

#[cfg(test)]
mod tests {
    use super::{yuan, yuan_fixed};

    #[test]
    fn fen_read_as_yuan() {
        assert_eq!(yuan(1250), "12.50");
        assert_eq!(yuan(1000), "10");
        assert_eq!(yuan(5), "0.05");
        assert_eq!(yuan(-50), "-0.50");
        assert_eq!(yuan(-1250), "-12.50");
        assert_eq!(
            (yuan_fixed(1000), yuan_fixed(5), yuan_fixed(-50)),
            ("10.00".into(), "0.05".into(), "-0.50".into())
        );
    }
}
