//! Reading members back: one on their own page, or a filtered page of the
//! list with its phones masked.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use rusqlite::{params_from_iter, types::Value, Connection, OptionalExtension};

use super::model::{
    Consent, ConsentMethod, ConsentPurpose, Member, MemberFilter, MemberPage, MemberRow, Membership,
};
use crate::validate::in_range;
use crate::{phone, rfm, shop};
use crate::{Error, Field, Result};

/// The most rows one page of the list holds.
pub const LIST_MAX: i64 = 200;

pub fn get(conn: &Connection, id: i64) -> Result<Member> {
    let found = conn
        .query_row(
            "SELECT m.display_name, m.phone, m.wechat_nickname, m.birthday_md, m.note, m.referred_by, r.display_name,
                    m.created_at, m.merged_into, k.display_name, m.erased_at
             FROM member m LEFT JOIN member r ON r.id = m.referred_by LEFT JOIN member k ON k.id = m.merged_into
             WHERE m.id = ?1",
            [id],
            |r| {
                let phone: Option<String> = r.get(1)?;
                Ok(Member {
                    id,
                    display_name: r.get(0)?,
                    phone_masked: phone.as_deref().map(phone::masked),
                    phone,
                    wechat_nickname: r.get(2)?,
                    birthday: r.get(3)?,
                    note: r.get(4)?,
                    tags: Vec::new(),
                    referred_by: r.get(5)?,
                    referred_by_name: r.get(6)?,
                    memberships: Vec::new(),
                    consents: Vec::new(),
                    marketing: false,
                    created_at: r.get(7)?,
                    merged_into: r.get(8)?,
                    merged_into_name: r.get(9)?,
                    erased_at: r.get(10)?,
                })
            },
        )
        .optional()?;
    let mut m = found.ok_or(Error::NotFound { what: "member", id })?;
    m.tags = tags(conn, id)?;
    m.memberships = conn
        .prepare_cached(
            "SELECT s.id, s.community_id, c.name, s.channel_id, ch.name, s.staff_id, st.display_name, s.joined_at, s.left_at
             FROM membership s JOIN community c ON c.id = s.community_id
             LEFT JOIN channel ch ON ch.id = s.channel_id LEFT JOIN staff st ON st.id = s.staff_id
             WHERE s.member_id = ?1 ORDER BY s.joined_at, s.id",
        )?
        .query_map([id], |r| {
            Ok(Membership {
                id: r.get(0)?,
                community_id: r.get(1)?,
                community_name: r.get(2)?,
                channel_id: r.get(3)?,
                channel_name: r.get(4)?,
                staff_id: r.get(5)?,
                staff_name: r.get(6)?,
                joined_at: r.get(7)?,
                left_at: r.get(8)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    m.consents = conn
        .prepare_cached(
            "SELECT purpose, method, notice_version, given_at, recorded_by, withdrawn_at
             FROM consent WHERE member_id = ?1 ORDER BY given_at, id",
        )?
        .query_map([id], |r| {
            Ok(Consent {
                purpose: ConsentPurpose::parse_stored(&r.get::<_, String>(0)?),
                method: ConsentMethod::parse(&r.get::<_, String>(1)?).unwrap_or(ConsentMethod::Verbal),
                notice_version: r.get(2)?,
                given_at: r.get(3)?,
                recorded_by: r.get(4)?,
                withdrawn_at: r.get(5)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    m.marketing =
        m.consents.iter().any(|c| c.purpose == ConsentPurpose::Marketing && c.withdrawn_at.is_none());
    Ok(m)
}

fn tags(conn: &Connection, id: i64) -> Result<Vec<String>> {
    Ok(conn
        .prepare_cached("SELECT tag FROM member_tag WHERE member_id = ?1 ORDER BY tag")?
        .query_map([id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?)
}

pub(crate) use crate::sql_scope::LIVE;

pub(crate) const MARKETING: &str =
    "EXISTS (SELECT 1 FROM consent k WHERE k.member_id = m.id AND k.purpose = 'marketing' AND k.withdrawn_at IS NULL)";

/// A page of the members that match, newest first, with how many match in all.
/// `now` places the members in RFM segments when the filter asks for one.
pub fn list(conn: &Connection, f: &MemberFilter, now: DateTime<Utc>) -> Result<MemberPage> {
    let limit = in_range(Field::Count, f.limit.unwrap_or(50), 1, LIST_MAX)?;
    let offset = in_range(Field::Count, f.offset.unwrap_or(0), 0, i64::MAX / 2)?;
    let (filter, args) = filter_sql(conn, f, now)?;
    let total: i64 =
        conn.query_row(&format!("SELECT count(*) FROM member m {filter}"), params_from_iter(&args), |r| {
            r.get(0)
        })?;
    Ok(MemberPage { rows: rows(conn, &filter, args, limit, offset)?, total })
}

/// The WHERE clause of a filter and its arguments; merged and erased records
/// (no longer members, kept as records) are always left out.
pub(crate) fn filter_sql(
    conn: &Connection,
    f: &MemberFilter,
    now: DateTime<Utc>,
) -> Result<(String, Vec<Value>)> {
    let mut clauses: Vec<String> = vec![LIVE.into()];
    let mut args: Vec<Value> = Vec::new();
    let search = f.search.trim();
    if !search.is_empty() {
        let digits: String = search.chars().filter(char::is_ascii_digit).collect();
        let mut any = vec![
            "m.display_name LIKE ? ESCAPE '\\'".to_owned(),
            "m.wechat_nickname LIKE ? ESCAPE '\\'".to_owned(),
        ];
        let like = format!("%{}%", search.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_"));
        args.push(Value::Text(like.clone()));
        args.push(Value::Text(like));
        // The last four digits, as a customer gives them at the counter, or the whole number.
        if let Ok(p) = phone::normalize(Field::Phone, search) {
            any.push("m.phone = ?".into());
            args.push(Value::Text(p));
        } else if digits.len() == 4 && digits.len() == search.chars().count() {
            any.push("substr(m.phone, 8) = ?".into());
            args.push(Value::Text(digits));
        }
        clauses.push(format!("({})", any.join(" OR ")));
    }
    let current = "SELECT 1 FROM membership s WHERE s.member_id = m.id AND s.left_at IS NULL";
    if let Some(c) = f.community_id {
        clauses.push(format!("EXISTS ({current} AND s.community_id = ?)"));
        args.push(Value::Integer(c));
    }
    if let Some(ch) = f.channel_id {
        clauses
            .push("EXISTS (SELECT 1 FROM membership s WHERE s.member_id = m.id AND s.channel_id = ?)".into());
        args.push(Value::Integer(ch));
    }
    if let Some(st) = f.staff_id {
        clauses
            .push("EXISTS (SELECT 1 FROM membership s WHERE s.member_id = m.id AND s.staff_id = ?)".into());
        args.push(Value::Integer(st));
    }
    if !f.tag.trim().is_empty() {
        clauses.push("EXISTS (SELECT 1 FROM member_tag t WHERE t.member_id = m.id AND t.tag = ?)".into());
        args.push(Value::Text(f.tag.trim().to_owned()));
    }
    match f.marketing {
        Some(true) => clauses.push(MARKETING.into()),
        Some(false) => clauses.push(format!("NOT {MARKETING}")),
        None => {}
    }
    if let Some(segment) = f.segment {
        let end = match f.segment_on.as_deref().map(str::trim).filter(|d| !d.is_empty()) {
            Some(day) => {
                let d: NaiveDate = day.parse().map_err(|_| crate::validate::unknown(Field::Date, day))?;
                shop::start_of_day(conn, &(d + Duration::days(1)).to_string(), Field::Date)?
            }
            None => now,
        };
        let ids: Vec<i64> = rfm::assign(conn, end, f.community_id)?
            .into_iter()
            .filter(|(_, s)| *s == segment)
            .map(|(id, _)| id)
            .collect();
        clauses.push("m.id IN (SELECT value FROM json_each(?))".into());
        args.push(Value::Text(serde_json::to_string(&ids).unwrap_or_else(|_| "[]".into())));
    }
    Ok((format!("WHERE {}", clauses.join(" AND ")), args))
}

/// A page of the list, or every member that matches (for an export).
pub(crate) fn rows(
    conn: &Connection,
    filter: &str,
    mut args: Vec<Value>,
    limit: i64,
    offset: i64,
) -> Result<Vec<MemberRow>> {
    args.push(Value::Integer(limit));
    args.push(Value::Integer(offset));
    // The page is chosen first, so each member's communities and tags are
    // read for the rows shown, not for every member that matches.
    let mut stmt = conn.prepare(&format!(
        "WITH page AS MATERIALIZED (
             SELECT m.id, m.created_at FROM member m {filter} ORDER BY m.created_at DESC, m.id DESC LIMIT ? OFFSET ?)
         SELECT m.id, m.display_name, m.phone, m.wechat_nickname, m.created_at, {MARKETING},
                (SELECT group_concat(c.name, '\u{1f}') FROM membership s JOIN community c ON c.id = s.community_id
                 WHERE s.member_id = m.id AND s.left_at IS NULL),
                (SELECT group_concat(tag, '\u{1f}') FROM (SELECT tag FROM member_tag t WHERE t.member_id = m.id ORDER BY tag))
         FROM page JOIN member m ON m.id = page.id ORDER BY page.created_at DESC, page.id DESC"
    ))?;
    let rows = stmt
        .query_map(params_from_iter(&args), |r| {
            let phone: Option<String> = r.get(2)?;
            let communities: Option<String> = r.get(6)?;
            let tags: Option<String> = r.get(7)?;
            Ok(MemberRow {
                id: r.get(0)?,
                display_name: r.get(1)?,
                phone_masked: phone.as_deref().map(phone::masked),
                wechat_nickname: r.get(3)?,
                tags: tags.map(|t| t.split('\u{1f}').map(str::to_owned).collect()).unwrap_or_default(),
                communities: communities
                    .map(|c| c.split('\u{1f}').map(str::to_owned).collect())
                    .unwrap_or_default(),
                marketing: r.get(5)?,
                created_at: r.get(4)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}
