//! A customer list (Youzan's 客户列表) planned as members: each row new, a
//! duplicate (the phone is a member's already, or the same name and nickname
//! — a probable duplicate left for the owner, never merged), or an error and
//! why. Pure like the orders' plan: the preview shows it, the commit writes it.

use std::collections::HashMap;

use chrono::{DateTime, Utc};

use super::plan::{PlannedRow, RowOutcome};
use super::preset::Columns;
use super::table::Table;
use super::values;
use crate::member::{NAME_MAX, NICKNAME_MAX, TAGS_MAX, TAG_MAX};
use crate::{phone, Field, Lang};

/// A member a row will add.
#[derive(Debug, Clone, PartialEq)]
pub struct NewMember {
    pub display_name: String,
    pub phone: Option<String>,
    pub nickname: String,
    pub birthday: Option<String>,
    pub tags: Vec<String>,
    pub joined_at: Option<DateTime<Utc>>,
}

/// The members the shop has: by phone, and by name and nickname (folded).
#[derive(Debug, Default)]
pub struct KnownMembers {
    pub by_phone: HashMap<String, (i64, String)>,
    /// Members with a nickname, and imported members, by name and nickname.
    pub by_names: HashMap<(String, String), (i64, String)>,
}

pub fn fold(s: &str) -> String {
    s.trim().to_lowercase()
}

pub fn rows(
    table: &Table,
    columns: &Columns,
    known: &KnownMembers,
    zone: chrono_tz::Tz,
    lang: Lang,
) -> Vec<(PlannedRow, Option<NewMember>)> {
    let say = |en: String, zh: String| if lang == Lang::En { en } else { zh };
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut out: Vec<(PlannedRow, Option<NewMember>)> = Vec::new();
    for row in &table.rows {
        let cell = |c: Option<usize>| {
            c.and_then(|i| row.cells.get(i)).map(|s| s.trim()).filter(|s| *s != "--").unwrap_or("")
        };
        let nickname = cell(columns.nickname).to_owned();
        let name = match cell(columns.name) {
            "" => nickname.clone(),
            n => n.to_owned(),
        };
        let mut p = PlannedRow {
            line: row.line,
            outcome: RowOutcome::New,
            reason: String::new(),
            order_id: String::new(),
            occurred_at: None,
            amount_cents: None,
            refunded_cents: 0,
            phone_masked: None,
            member_id: None,
            member_name: Some(name.clone()).filter(|n| !n.is_empty()),
            items: String::new(),
        };
        let typed_phone = cell(columns.phone);
        // A masked number (186******05) is no number: the member is added without one.
        let phone = if typed_phone.is_empty() || typed_phone.contains('*') {
            Ok(None)
        } else {
            phone::normalize(Field::Phone, typed_phone).map(Some)
        };
        let birthday = match cell(columns.birthday) {
            "" => Ok(None),
            // A full date's year is not kept: month and day are enough for a greeting.
            b => crate::member::birthday(
                b.get(b.len().saturating_sub(5)..).filter(|_| b.len() == 10).unwrap_or(b),
            )
            .map(Some),
        };
        let tags: Vec<String> = cell(columns.tags)
            .split([',', '，', '、', ';', '；', '|'])
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(str::to_owned)
            .collect();
        let error = if name.is_empty() {
            Some(say("No name and no nickname".into(), "没有姓名也没有昵称".into()))
        } else if name.chars().count() > NAME_MAX || nickname.chars().count() > NICKNAME_MAX {
            Some(say(
                format!("A name longer than {NAME_MAX} characters"),
                format!("姓名或昵称超过 {NAME_MAX} 个字"),
            ))
        } else if phone.is_err() {
            Some(say(
                format!("The phone \"{typed_phone}\" is not a mainland mobile number"),
                format!("手机号“{typed_phone}”不是有效的大陆手机号"),
            ))
        } else if birthday.is_err() {
            let b = cell(columns.birthday);
            Some(say(format!("The birthday \"{b}\" cannot be read"), format!("生日“{b}”无法识别")))
        } else if tags.len() > TAGS_MAX || tags.iter().any(|t| t.chars().count() > TAG_MAX) {
            Some(say(
                format!("At most {TAGS_MAX} tags of {TAG_MAX} characters"),
                format!("最多 {TAGS_MAX} 个标签，每个不超过 {TAG_MAX} 个字"),
            ))
        } else {
            None
        };
        if let Some(reason) = error {
            p.outcome = RowOutcome::Error;
            p.reason = reason;
            out.push((p, None));
            continue;
        }
        let phone = phone.unwrap_or(None);
        let birthday = birthday.unwrap_or(None);
        let joined_at = values::date(cell(columns.occurred_at), zone);
        p.occurred_at = joined_at.map(|t| t.to_rfc3339());
        p.phone_masked = phone.as_deref().map(phone::masked);
        p.items = [birthday.clone().unwrap_or_default(), tags.join("、")]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" · ");
        p.order_id = match &phone {
            Some(n) => n.clone(),
            None => format!("{}|{}", fold(&name), fold(&nickname)),
        };
        // Name and nickname find a probable duplicate; a customer with neither
        // nickname nor phone is known by name only among those imported before.
        let by_names = (!nickname.is_empty() || phone.is_none())
            .then(|| known.by_names.get(&(fold(&name), fold(&nickname))))
            .flatten();
        if let Some((id, who)) = phone.as_ref().and_then(|n| known.by_phone.get(n)) {
            p.outcome = RowOutcome::Duplicate;
            p.member_id = Some(*id);
            p.reason = say(
                format!("Already a member: {who} (same phone)"),
                format!("已是会员：{who}（手机号相同）"),
            );
        } else if let Some((id, who)) = by_names {
            p.outcome = RowOutcome::Duplicate;
            p.member_id = Some(*id);
            p.reason = say(
                format!("Probably already a member: {who} (same name and nickname)"),
                format!("可能已是会员：{who}（姓名和昵称相同）"),
            );
        } else if let Some(&first) = seen.get(&p.order_id) {
            let line = out[first].0.line;
            p.outcome = RowOutcome::Duplicate;
            p.reason =
                say(format!("The same customer as line {line}"), format!("与第 {line} 行是同一位客户"));
        } else {
            seen.insert(p.order_id.clone(), out.len());
        }
        let new = (p.outcome == RowOutcome::New).then_some(NewMember {
            display_name: name,
            phone,
            nickname,
            birthday,
            tags,
            joined_at,
        });
        out.push((p, new));
    }
    out
}
