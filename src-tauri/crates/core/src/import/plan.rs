//! What an import will do with each row — new, duplicate (and why), a line
//! item folded into its order, or an error (and why) — as a pure function of
//! the table, the preset and what the shop already holds. The preview shows
//! it; the commit recomputes it inside its transaction and writes exactly it.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};
use serde::Serialize;
use sha2::{Digest, Sha256};
use ts_rs::TS;

use super::preset::{Columns, Preset};
use super::table::Table;
use super::values;
use crate::{phone, Field, Lang};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum RowOutcome {
    New,
    Duplicate,
    /// A further line item of an order on an earlier row (Shopify's layout).
    Part,
    Error,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct PlannedRow {
    /// The spreadsheet's line number.
    #[ts(type = "number")]
    pub line: usize,
    pub outcome: RowOutcome,
    /// Why a duplicate or an error, in the owner's language.
    pub reason: String,
    /// The order's key: its number, or a fingerprint of the row when the file has none.
    pub order_id: String,
    pub occurred_at: Option<String>,
    #[ts(type = "number | null")]
    pub amount_cents: Option<i64>,
    #[ts(type = "number")]
    pub refunded_cents: i64,
    pub phone_masked: Option<String>,
    #[ts(type = "number | null")]
    pub member_id: Option<i64>,
    pub member_name: Option<String>,
    pub items: String,
}

/// What the shop already holds that decides duplicates and members.
#[derive(Debug, Default)]
pub struct Known {
    /// Order keys already imported from this preset's system.
    pub orders: HashSet<String>,
    /// Members by their phone: id and name.
    pub members: HashMap<String, (i64, String)>,
}

/// Longest cell read; past it the row is an error rather than cut.
const CELL_MAX: usize = 1000;

pub fn rows(
    table: &Table,
    preset: &Preset,
    columns: &Columns,
    known: &Known,
    zone: chrono_tz::Tz,
    lang: Lang,
) -> Vec<PlannedRow> {
    let say = |en: &str, zh: &str| if lang == Lang::En { en.to_owned() } else { zh.to_owned() };
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut out: Vec<PlannedRow> = Vec::with_capacity(table.rows.len());
    for row in &table.rows {
        // "--" is how Meituan writes an empty cell.
        let cell = |c: Option<usize>| {
            c.and_then(|i| row.cells.get(i)).map(String::as_str).filter(|s| *s != "--").unwrap_or("")
        };
        let mut p = PlannedRow {
            line: row.line,
            outcome: RowOutcome::New,
            reason: String::new(),
            order_id: cell(columns.order_id).to_owned(),
            occurred_at: None,
            amount_cents: None,
            refunded_cents: 0,
            phone_masked: None,
            member_id: None,
            member_name: None,
            items: cell(columns.items).to_owned(),
        };
        // Shopify: a further line item of the order above carries only its item.
        if preset.rows_per_item && !p.order_id.is_empty() && cell(columns.amount).is_empty() {
            if let Some(&first) = seen.get(&p.order_id) {
                let line = out[first].line;
                if !p.items.is_empty() {
                    let joined = if out[first].items.is_empty() {
                        p.items.clone()
                    } else {
                        format!("{}; {}", out[first].items, p.items)
                    };
                    out[first].items = joined;
                }
                p.outcome = RowOutcome::Part;
                p.reason = say(
                    &format!("A line item of the order on line {line}"),
                    &format!("第 {line} 行订单的一件商品"),
                );
                out.push(p);
                continue;
            }
        }
        if let Some(too_long) = row.cells.iter().position(|c| c.chars().count() > CELL_MAX) {
            p.outcome = RowOutcome::Error;
            p.reason = say(
                &format!("Column {} holds more than {CELL_MAX} characters", too_long + 1),
                &format!("第 {} 列超过 {CELL_MAX} 个字", too_long + 1),
            );
            out.push(p);
            continue;
        }
        if !preset.settled.is_empty() && columns.status.is_some() {
            let status = cell(columns.status);
            if !preset.settled.contains(&status) {
                let wanted = preset.settled.join(" / ");
                p.outcome = RowOutcome::Error;
                p.reason = say(
                    &format!("Status \"{status}\": only \"{wanted}\" rows are sales"),
                    &format!("状态为“{status}”：只导入“{wanted}”的订单"),
                );
                out.push(p);
                continue;
            }
        }
        let amount = values::money(cell(columns.amount));
        let date_cell = match cell(columns.time) {
            "" => cell(columns.occurred_at).to_owned(),
            time => format!("{} {time}", cell(columns.occurred_at)),
        };
        let when = values::date(&date_cell, zone);
        let refunded = match cell(columns.refunded) {
            "" | "-" | "--" => Some(0),
            c => values::money(c),
        };
        p.amount_cents = amount;
        p.occurred_at = when.map(|t| t.to_rfc3339());
        let error = match (amount, when, refunded) {
            (None, _, _) => Some(say(
                &format!("The amount \"{}\" cannot be read", cell(columns.amount)),
                &format!("金额“{}”无法识别", cell(columns.amount)),
            )),
            (Some(a), _, _) if a <= 0 => Some(say(
                "An amount of 0 or less: a refund is imported with its order",
                "金额为 0 或负数：退款请随原订单一起导入",
            )),
            (_, None, _) => Some(say(
                &format!("The date \"{date_cell}\" cannot be read"),
                &format!("日期“{date_cell}”无法识别"),
            )),
            (_, _, None) => Some(say("The refunded amount cannot be read", "已退款金额无法识别")),
            (Some(a), _, Some(r)) if r < 0 || r > a => {
                Some(say("More refunded than was paid", "退款金额大于实付金额"))
            }
            _ => None,
        };
        if let Some(reason) = error {
            p.outcome = RowOutcome::Error;
            p.reason = reason;
            out.push(p);
            continue;
        }
        p.refunded_cents = refunded.unwrap_or(0);
        if p.order_id.is_empty() {
            p.order_id = fingerprint(&p, cell(columns.phone));
        }
        // A masked or foreign number ("186******05") is no phone: the sale stays anonymous.
        if let Ok(number) = phone::normalize(Field::Phone, cell(columns.phone)) {
            p.phone_masked = Some(phone::masked(&number));
            if let Some((id, name)) = known.members.get(&number) {
                p.member_id = Some(*id);
                p.member_name = Some(name.clone());
            }
        }
        if known.orders.contains(&p.order_id) {
            p.outcome = RowOutcome::Duplicate;
            p.reason = say("Imported before", "之前已导入");
        } else if let Some(&first) = seen.get(&p.order_id) {
            let line = out[first].line;
            p.outcome = RowOutcome::Duplicate;
            p.reason = say(&format!("The same order as line {line}"), &format!("与第 {line} 行是同一订单"));
        } else {
            seen.insert(p.order_id.clone(), out.len());
        }
        out.push(p);
    }
    out
}

/// A row's key when the file gives no order number: the same row imported
/// again has the same key, so it is a duplicate.
fn fingerprint(p: &PlannedRow, phone: &str) -> String {
    let mut h = Sha256::new();
    for part in
        [p.occurred_at.as_deref().unwrap_or(""), &p.amount_cents.unwrap_or(0).to_string(), phone, &p.items]
    {
        h.update(part.as_bytes());
        h.update([0x1f]);
    }
    let digest = h.finalize();
    format!("row-{}", digest[..8].iter().map(|b| format!("{b:02x}")).collect::<String>())
}

/// When a row says it happened, for the database.
pub fn at(p: &PlannedRow) -> Option<DateTime<Utc>> {
    p.occurred_at.as_deref().and_then(|s| DateTime::parse_from_rfc3339(s).ok()).map(|t| t.with_timezone(&Utc))
}
