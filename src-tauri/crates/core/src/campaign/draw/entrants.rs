//! Who takes part in a draw: the chosen communities' members (in them now)
//! with marketing consent, who meet the condition, one entry each, in
//! member order; and the label each is published under.

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};
use chrono_tz::Tz;
use rusqlite::{params_from_iter, Connection, ToSql};

use super::model::EntryCondition;
use crate::member::{LIVE, MARKETING};
use crate::schedule::rule::local_instant;
use crate::Result;

/// One entrant, before or at the freeze.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Entrant {
    pub member_id: i64,
    /// As published: the name masked, and the phone's last four digits.
    pub label: String,
}

/// The entrants if the list froze at `now`, the pasted lines that matched
/// nobody (or more than one), and how many could take part at most.
pub(crate) struct Entrants {
    pub entrants: Vec<Entrant>,
    pub unmatched: Vec<String>,
    pub at_most: i64,
}

struct Candidate {
    id: i64,
    name: String,
    nickname: String,
    phone: Option<String>,
}

pub(crate) fn entrants(
    conn: &Connection,
    community_ids: &[i64],
    condition: &EntryCondition,
    zone: Tz,
    now: DateTime<Utc>,
) -> Result<Entrants> {
    let candidates = candidates(conn, community_ids, now)?;
    let at_most = candidates.len() as i64;
    let (chosen, unmatched) = match condition {
        EntryCondition::Everyone => (candidates, Vec::new()),
        EntryCondition::Spent { min_cents, from, to } => {
            let (Some(from), Some(to)) = (day(from), day(to)) else {
                return Ok(Entrants { entrants: Vec::new(), unmatched: Vec::new(), at_most });
            };
            let start = local_instant(zone, from.and_time(NaiveTime::MIN));
            let end = local_instant(zone, (to + Duration::days(1)).and_time(NaiveTime::MIN)).min(now);
            let mut spent = conn.prepare_cached(
                "SELECT coalesce(sum(p.amount_cents), 0)
                      - coalesce((SELECT sum(f.amount_cents) FROM refund f JOIN purchase q ON q.id = f.purchase_id
                                  WHERE q.member_id = ?1 AND q.occurred_at >= ?2 AND q.occurred_at < ?3
                                    AND f.refunded_at < ?4), 0)
                 FROM purchase p WHERE p.member_id = ?1 AND p.occurred_at >= ?2 AND p.occurred_at < ?3",
            )?;
            let mut out = Vec::new();
            for c in candidates {
                let cents: i64 = spent.query_row(rusqlite::params![c.id, start, end, now], |r| r.get(0))?;
                if cents >= *min_cents {
                    out.push(c);
                }
            }
            (out, Vec::new())
        }
        EntryCondition::Pasted { text } => pasted(candidates, text),
    };
    let entrants = chosen.into_iter().map(|c| Entrant { member_id: c.id, label: label(&c) }).collect();
    Ok(Entrants { entrants, unmatched, at_most })
}

fn day(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok()
}

/// Members in one of the communities now, live, with marketing consent, by id.
fn candidates(conn: &Connection, community_ids: &[i64], now: DateTime<Utc>) -> Result<Vec<Candidate>> {
    if community_ids.is_empty() {
        return Ok(Vec::new());
    }
    let marks = vec!["?"; community_ids.len()].join(", ");
    let sql = format!(
        "SELECT m.id, m.display_name, m.wechat_nickname, m.phone FROM member m
         WHERE {LIVE} AND {MARKETING} AND m.created_at <= ?
           AND EXISTS (SELECT 1 FROM membership s WHERE s.member_id = m.id AND s.left_at IS NULL
                       AND s.community_id IN ({marks}))
         ORDER BY m.id"
    );
    let mut args: Vec<&dyn ToSql> = vec![&now];
    args.extend(community_ids.iter().map(|id| id as &dyn ToSql));
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map(params_from_iter(args), |r| {
        Ok(Candidate { id: r.get(0)?, name: r.get(1)?, nickname: r.get(2)?, phone: r.get(3)? })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The pasted list's members: each line (its 接龙 number and punctuation
/// taken off) is a nickname, a name, or a phone's last four digits.
fn pasted(candidates: Vec<Candidate>, text: &str) -> (Vec<Candidate>, Vec<String>) {
    let mut chosen: Vec<i64> = Vec::new();
    let mut unmatched = Vec::new();
    for line in text.lines() {
        let key = jielong_entry(line);
        if key.is_empty() {
            continue;
        }
        let matches: Vec<i64> = candidates
            .iter()
            .filter(|c| {
                let digits = key.len() == 4 && key.bytes().all(|b| b.is_ascii_digit());
                if digits {
                    c.phone.as_deref().is_some_and(|p| p.ends_with(key))
                } else {
                    c.nickname == key || c.name == key
                }
            })
            .map(|c| c.id)
            .collect();
        match matches.as_slice() {
            [id] => {
                if !chosen.contains(id) {
                    chosen.push(*id);
                }
            }
            _ => unmatched.push(line.trim().to_owned()),
        }
    }
    let out = candidates.into_iter().filter(|c| chosen.contains(&c.id)).collect();
    (out, unmatched)
}

/// "12. 小王 1234" → "小王 1234" → the part that names them: the last four
/// digits when the line ends with them, or else the whole rest.
fn jielong_entry(line: &str) -> &str {
    let rest = line.trim().trim_start_matches(|c: char| c.is_ascii_digit());
    let rest = rest.trim_start_matches(['.', '、', ',', '，', ')', '）', ' ', '\t']).trim();
    // A line that was only a number is a phone's last four digits.
    let rest = if rest.is_empty() { line.trim() } else { rest };
    match rest.rsplit_once(char::is_whitespace) {
        Some((_, tail)) if tail.len() == 4 && tail.bytes().all(|b| b.is_ascii_digit()) => tail,
        _ => rest,
    }
}

/// "张三" → "张*"; with a phone, "张* (1234)".
fn label(c: &Candidate) -> String {
    crate::text::masked_label(&c.name, &c.nickname, c.phone.as_deref())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_jielong_line_gives_the_part_that_names_someone() {
        assert_eq!(jielong_entry("12. 小王 1234"), "1234");
        assert_eq!(jielong_entry("3、茶友阿梅"), "茶友阿梅");
        assert_eq!(jielong_entry("  小李  "), "小李");
        assert_eq!(jielong_entry("5678"), "5678");
        assert_eq!(jielong_entry(""), "");
    }

    #[test]
    fn labels_mask_the_name_and_keep_four_digits() {
        let c = Candidate {
            id: 1,
            name: "张三".into(),
            nickname: String::new(),
            phone: Some("13800001234".into()),
        };
        assert_eq!(label(&c), "张* (1234)");
        let c = Candidate { id: 2, name: "Li".into(), nickname: "阿梅".into(), phone: None };
        assert_eq!(label(&c), "阿*");
    }
}
