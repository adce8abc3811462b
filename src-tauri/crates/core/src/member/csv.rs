//! The member list as CSV for a spreadsheet, with the list's filters: UTF-8
//! with a byte-order mark, formulas defused, phones masked unless the owner
//! unticks it, and each member's purchases summed.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use rusqlite::Connection;

use super::read::{filter_sql, rows};
use super::MemberFilter;
use crate::money::yuan_fixed as yuan;
use crate::text::csv_field;
use crate::{phone, shop, Lang, Result};

/// The CSV and how many members it holds.
pub fn csv(
    conn: &Connection,
    f: &MemberFilter,
    mask_phones: bool,
    lang: Lang,
    now: DateTime<Utc>,
) -> Result<(String, usize)> {
    let (filter, args) = filter_sql(conn, f, now)?;
    let members = rows(conn, &filter, args, i64::MAX, 0)?;
    // Whole numbers and birthdays, read only for this file.
    let details: HashMap<i64, (Option<String>, Option<String>)> = conn
        .prepare_cached("SELECT id, phone, birthday_md FROM member")?
        .query_map([], |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?))))?
        .collect::<rusqlite::Result<_>>()?;
    let spent: HashMap<i64, (i64, i64, String)> = conn
        .prepare_cached(
            "SELECT p.member_id, count(*), sum(p.amount_cents) - coalesce(sum(
                 (SELECT sum(amount_cents) FROM refund WHERE purchase_id = p.id)), 0), max(p.occurred_at)
             FROM purchase p WHERE p.member_id IS NOT NULL GROUP BY p.member_id",
        )?
        .query_map([], |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?, r.get(3)?))))?
        .collect::<rusqlite::Result<_>>()?;
    let header = match lang {
        Lang::En => "id,name,phone,wechat nickname,birthday,communities,tags,marketing consent,added,purchases,spent after refunds,last purchase",
        Lang::ZhCn => "编号,名称,手机号,微信昵称,生日,社群,标签,同意营销,添加时间,消费笔数,消费金额（扣除退款）,最近消费",
    };
    let (yes, no) = match lang {
        Lang::En => ("yes", "no"),
        Lang::ZhCn => ("是", "否"),
    };
    let zone = shop::zone(conn)?;
    let mut out = format!("\u{feff}{header}\n");
    for m in &members {
        let (full, birthday) = details.get(&m.id).cloned().unwrap_or_default();
        let phone = full.map(|n| if mask_phones { phone::masked(&n) } else { n }).unwrap_or_default();
        let (count, cents, last) = spent.get(&m.id).cloned().unwrap_or((0, 0, String::new()));
        let fields = [
            m.id.to_string(),
            m.display_name.clone(),
            phone,
            m.wechat_nickname.clone(),
            birthday.unwrap_or_default(),
            m.communities.join("、"),
            m.tags.join("、"),
            (if m.marketing { yes } else { no }).to_owned(),
            shop::local_minute(&m.created_at, zone),
            count.to_string(),
            yuan(cents),
            if last.is_empty() { String::new() } else { shop::local_minute(&last, zone) },
        ];
        out.push_str(&fields.iter().map(|s| csv_field(s)).collect::<Vec<_>>().join(","));
        out.push('\n');
    }
    Ok((out, members.len()))
}
