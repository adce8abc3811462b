//! A spreadsheet cell as the tills write it: money in any common form
//! (¥1,234.50, 1234.5元, (12.00), -12, $0.93) to integer fen, and dates in
//! common forms and as Excel serial numbers, in the shop's zone.

use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, TimeZone, Utc};

/// Fen, or None when the cell is no amount. Brackets mean negative, as
/// accountants write a refund; more than two decimals is no amount (it would
/// have to be rounded, which changes what the till said).
pub fn money(cell: &str) -> Option<i64> {
    let mut s: String = cell
        .trim()
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            '．' => '.',
            '－' | '−' => '-',
            '，' => ',',
            c => c,
        })
        .filter(|c| !c.is_whitespace())
        .collect();
    let mut negative = false;
    if s.starts_with('(') && s.ends_with(')') {
        negative = true;
        s = s[1..s.len() - 1].to_owned();
    }
    if let Some(rest) = s.strip_prefix('-') {
        negative = !negative;
        s = rest.to_owned();
    }
    for sign in ["CNY", "RMB", "¥", "￥", "$", "元"] {
        s = s.strip_prefix(sign).unwrap_or(&s).to_owned();
        s = s.strip_suffix(sign).unwrap_or(&s).to_owned();
    }
    if let Some(rest) = s.strip_prefix('-') {
        negative = !negative;
        s = rest.to_owned();
    }
    // Thousands separators only between digit groups of three.
    let (whole, fraction) = match s.split_once('.') {
        Some((w, f)) => (w, f),
        None => (s.as_str(), ""),
    };
    let groups: Vec<&str> = whole.split(',').collect();
    let grouped_right = groups.len() == 1
        || (!groups[0].is_empty() && groups[0].len() <= 3 && groups[1..].iter().all(|g| g.len() == 3));
    if !grouped_right || fraction.len() > 2 {
        return None;
    }
    let digits: String = groups.concat();
    if digits.is_empty()
        || !digits.chars().all(|c| c.is_ascii_digit())
        || !fraction.chars().all(|c| c.is_ascii_digit())
    {
        return None;
    }
    let yuan: i64 = digits.parse().ok()?;
    let fen: i64 = format!("{fraction:0<2}").parse().ok()?;
    let cents = yuan.checked_mul(100)?.checked_add(fen)?;
    Some(if negative { -cents } else { cents })
}

/// The moment a cell names, read in `zone` when it carries no offset; a date
/// alone is its midnight. None for no date (2026-02-30 included).
pub fn date(cell: &str, zone: chrono_tz::Tz) -> Option<DateTime<Utc>> {
    let s = cell.trim();
    if s.is_empty() {
        return None;
    }
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Some(t.with_timezone(&Utc));
    }
    // Shopify's "2026-11-21 14:30:00 +0800".
    for format in ["%Y-%m-%d %H:%M:%S %z", "%Y-%m-%d %H:%M %z"] {
        if let Ok(t) = DateTime::parse_from_str(s, format) {
            return Some(t.with_timezone(&Utc));
        }
    }
    // An Excel serial day (with a fraction for the time): days since 1899-12-30.
    if let Ok(serial) = s.parse::<f64>() {
        if (1.0..2_958_466.0).contains(&serial) {
            let base = NaiveDate::from_ymd_opt(1899, 12, 30)?.and_hms_opt(0, 0, 0)?;
            let seconds = (serial * 86_400.0).round() as i64;
            return local(base + Duration::seconds(seconds), zone);
        }
        return None;
    }
    let normal: String = s
        .replace(['年', '月', '/', '.'], "-")
        .replace(['日', 'T'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    for format in ["%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M"] {
        if let Ok(t) = NaiveDateTime::parse_from_str(&normal, format) {
            return local(t, zone);
        }
    }
    NaiveDate::parse_from_str(normal.trim_end_matches('-'), "%Y-%m-%d")
        .ok()
        .and_then(|d| local(d.and_hms_opt(0, 0, 0)?, zone))
}

fn local(t: NaiveDateTime, zone: chrono_tz::Tz) -> Option<DateTime<Utc>> {
    zone.from_local_datetime(&t).earliest().map(|t| t.with_timezone(&Utc))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_in_every_form_the_tills_write_is_fen() {
        for (cell, fen) in [
            ("¥1,234.50", 123_450),
            ("1234.5元", 123_450),
            ("(12.00)", -1200),
            ("-12", -1200),
            ("-$0.93", -93),
            ("￥ 68", 6800),
            ("６８．５０", 6850),
            ("RMB 12.3", 1230),
            ("0", 0),
        ] {
            assert_eq!(money(cell), Some(fen), "{cell}");
        }
        for cell in ["abc", "", "12.345", "1,23.00", "12,34", "--", "1.2.3", "¥"] {
            assert_eq!(money(cell), None, "{cell}");
        }
    }

    #[test]
    fn dates_in_common_forms_and_excel_serials_in_the_shops_zone() {
        let zone = chrono_tz::Asia::Shanghai;
        let at = |s: &str| date(s, zone).map(|t| t.to_rfc3339());
        let expected = Some("2026-11-21T06:30:00+00:00".to_owned());
        for cell in
            ["2026-11-21 14:30", "2026/11/21 14:30:00", "2026年11月21日 14:30", "2026-11-21T14:30:00+08:00"]
        {
            assert_eq!(at(cell), expected, "{cell}");
        }
        // 46347 is 21 November 2026; .6041667 of a day is 14:30.
        assert_eq!(at("46347.6041667"), expected);
        assert_eq!(at("2026-11-21"), Some("2026-11-20T16:00:00+00:00".to_owned()));
        for cell in ["2026-02-30", "abc", "", "2026-13-01 10:00", "-5"] {
            assert_eq!(at(cell), None, "{cell}");
        }
    }
}
