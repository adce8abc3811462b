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

#[cfg(test)]
mod tests {
    use super::yuan;

    #[test]
    fn fen_read_as_yuan() {
        assert_eq!(yuan(1250), "12.50");
        assert_eq!(yuan(1000), "10");
        assert_eq!(yuan(5), "0.05");
        assert_eq!(yuan(-50), "-0.50");
        assert_eq!(yuan(-1250), "-12.50");
    }
}
