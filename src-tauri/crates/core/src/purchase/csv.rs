//! The sales as CSV for a spreadsheet: UTF-8 with a byte-order mark (Excel in
//! Chinese reads it), formulas defused, the member's phone masked unless the
//! owner asks for it whole.

use std::collections::HashMap;

use rusqlite::Connection;

use super::{all, PurchaseFilter};
use crate::money::yuan_fixed as yuan;
use crate::text::csv_field;
use crate::{phone, shop, Lang, Result};

/// The CSV and how many sales it holds.
pub fn csv(conn: &Connection, f: &PurchaseFilter, mask_phones: bool, lang: Lang) -> Result<(String, usize)> {
    let rows = all(conn, f)?;
    let phones: HashMap<i64, String> = conn
        .prepare_cached("SELECT id, phone FROM member WHERE phone IS NOT NULL")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let header = match lang {
        Lang::En => "id,time,amount,refunded,member,phone,items,voucher,campaign,source,staff",
        Lang::ZhCn => "编号,时间,金额,已退款,会员,手机号,购买内容,券码,活动,来源,店员",
    };
    let zone = shop::zone(conn)?;
    let mut out = format!("\u{feff}{header}\n");
    for p in &rows {
        let phone = p
            .member_id
            .and_then(|m| phones.get(&m))
            .map(|n| if mask_phones { phone::masked(n) } else { n.clone() })
            .unwrap_or_default();
        let source = match (p.source.as_str(), lang) {
            ("import", Lang::En) => "import",
            ("import", Lang::ZhCn) => "导入",
            (_, Lang::En) => "counter",
            (_, Lang::ZhCn) => "门店",
        };
        let fields = [
            p.id.to_string(),
            shop::local_minute(&p.occurred_at, zone),
            yuan(p.amount_cents),
            yuan(p.refunded_cents),
            p.member_name.clone().unwrap_or_default(),
            phone,
            p.items.clone(),
            p.voucher_code.clone().unwrap_or_default(),
            p.campaign_name.clone().unwrap_or_default(),
            source.to_owned(),
            p.staff.clone(),
        ];
        out.push_str(&fields.iter().map(|s| csv_field(s)).collect::<Vec<_>>().join(","));
        out.push('\n');
    }
    Ok((out, rows.len()))
}
