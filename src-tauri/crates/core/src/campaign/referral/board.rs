//! The month's leaderboard: qualified referrals within each member's cap,
//! names masked, ties to whoever reached the count first; and its group post.

use rusqlite::Connection;

use super::model::{ReferralBoard, ReferralBoardRow};
use crate::text::masked_name;
use crate::{shop, Lang, Result};

/// How many the group post names.
pub const POST_TOP: usize = 10;

/// The leaderboard of `month` ("YYYY-MM"): every member with a counted
/// qualified referral that month, most friends first.
pub fn board(conn: &Connection, month: &str) -> Result<ReferralBoard> {
    let month = month.trim();
    crate::campaign::when::month_start(month)?;
    let zone = shop::zone(conn)?;
    let mut stmt = conn.prepare_cached(
        "SELECT r.referrer_id, m.display_name, m.wechat_nickname, count(*), max(r.qualified_at)
         FROM referral r JOIN member m ON m.id = r.referrer_id
         WHERE r.month = ?1 AND r.counted = 1 AND m.erased_at IS NULL
         GROUP BY r.referrer_id ORDER BY count(*) DESC, max(r.qualified_at), r.referrer_id",
    )?;
    let rows = stmt.query_map([month], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            masked_name(&r.get::<_, String>(1)?, &r.get::<_, String>(2)?),
            r.get::<_, i64>(3)?,
            r.get::<_, chrono::DateTime<chrono::Utc>>(4)?,
        ))
    })?;
    let mut out = Vec::new();
    for (i, row) in rows.enumerate() {
        let (member_id, name, friends, at) = row?;
        out.push(ReferralBoardRow {
            rank: i as i64 + 1,
            member_id,
            name,
            friends,
            reached_at: at.with_timezone(&zone).format("%Y-%m-%d %H:%M").to_string(),
        });
    }
    let post = post(month, &out, shop::language_or(conn, Lang::En));
    Ok(ReferralBoard { month: month.to_owned(), rows: out, post })
}

/// "【12月推荐榜】…": the top members, masked, with their friends who came and bought.
fn post(month: &str, rows: &[ReferralBoardRow], lang: Lang) -> String {
    let (y, m) = month.split_once('-').unwrap_or((month, ""));
    let m = m.trim_start_matches('0');
    let mut out = match lang {
        Lang::ZhCn => format!("【{y}年{m}月推荐榜】谢谢大家把好朋友带到店里！\n"),
        Lang::En => {
            format!("[Referral leaderboard, {month}] Thank you for bringing your friends to the shop!\n")
        }
    };
    if rows.is_empty() {
        out.push_str(match lang {
            Lang::ZhCn => "本月还没有完成的推荐，期待你的好朋友！",
            Lang::En => "No completed referrals yet this month: we look forward to meeting your friends!",
        });
        return out;
    }
    for r in rows.iter().take(POST_TOP) {
        out.push_str(&match lang {
            Lang::ZhCn => format!("{}. {}  {} 位好友\n", r.rank, r.name, r.friends),
            Lang::En if r.friends == 1 => format!("{}. {}  1 friend\n", r.rank, r.name),
            Lang::En => format!("{}. {}  {} friends\n", r.rank, r.name, r.friends),
        });
    }
    out.push_str(match lang {
        Lang::ZhCn => "只计到店完成首次消费的新朋友；同数以先达到者在前。",
        Lang::En => {
            "Counted: new friends who came and made a first purchase; at a tie, whoever got there first."
        }
    });
    out
}
