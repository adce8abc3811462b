//! Each partner's figures: in an alliance (its page and the campaigns list),
//! and in a month's settlement sheet (vouchers handed over, redeemed, members
//! who joined through the partner, the fee owed), as data and as CSV.

use chrono::{DateTime, Months, NaiveTime, Utc};
use rusqlite::{params, Connection};

use super::model::{AllianceConsole, PartnerFigures, PartnerSettlement, PartnerSettlementRow};
use super::partner;
use super::plan::benefit_words;
use crate::campaign::{CampaignKind, KeyFigures};
use crate::money::yuan;
use crate::schedule::rule::local_instant;
use crate::voucher::BenefitInput;
use crate::voucher_code::key;
use crate::{shop, Error, Lang, Result};

/// Each partner of alliance `id`: its batch, vouchers handed over and
/// redeemed, members who joined through it, and the fee so far.
fn figures(conn: &Connection, id: i64) -> Result<Vec<PartnerFigures>> {
    Ok(conn
        .prepare_cached(
            "SELECT p.id, p.name, a.batch_id, b.count,
                    (SELECT count(*) FROM voucher v WHERE v.batch_id = a.batch_id AND v.redeemed_at IS NOT NULL),
                    (SELECT count(*) FROM membership s WHERE s.channel_id = p.channel_id AND s.joined_at >= b.created_at
                       AND s.joined_at < coalesce(c.cancelled_at, c.ends_at)),
                    p.fee_cents
             FROM alliance_partner a JOIN partner p ON p.id = a.partner_id JOIN voucher_batch b ON b.id = a.batch_id
             JOIN campaign c ON c.id = a.campaign_id
             WHERE a.campaign_id = ?1 ORDER BY p.name, p.id",
        )?
        .query_map([id], |r| {
            let redeemed: i64 = r.get(4)?;
            Ok(PartnerFigures {
                partner_id: r.get(0)?,
                name: r.get(1)?,
                batch_id: r.get(2)?,
                handed_over: r.get(3)?,
                redeemed,
                new_members: r.get(5)?,
                fee_cents: redeemed * r.get::<_, i64>(6)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?)
}

/// The campaigns list's figures: vouchers redeemed of those handed over, and the fees owed.
pub(crate) fn key_figures(conn: &Connection, id: i64) -> Result<KeyFigures> {
    let f = figures(conn, id)?;
    Ok(KeyFigures {
        done: f.iter().map(|p| p.redeemed).sum(),
        planned: f.iter().map(|p| p.handed_over).sum(),
        money_cents: f.iter().map(|p| p.fee_cents).sum(),
    })
}

pub fn console(conn: &Connection, id: i64, now: DateTime<Utc>) -> Result<AllianceConsole> {
    let c = crate::campaign::get(conn, id, now)?;
    if c.kind != CampaignKind::Alliance {
        return Err(Error::NotFound { what: "alliance", id });
    }
    let input: super::AllianceInput =
        serde_json::from_str(
            &conn.query_row("SELECT input FROM campaign WHERE id = ?1", [id], |r| r.get::<_, String>(0))?,
        )
        .map_err(|_| Error::Damaged("an alliance's terms"))?;
    let gift_name: Option<String> = match input.benefit {
        BenefitInput::Gift { gift_id } => rusqlite::OptionalExtension::optional(conn.query_row(
            "SELECT name FROM gift WHERE id = ?1",
            [gift_id],
            |r| r.get(0),
        ))?,
        _ => None,
    };
    let lang = shop::language_or(conn, Lang::En);
    Ok(AllianceConsole {
        campaign_id: id,
        name: c.name,
        status: c.status,
        first_day: input.first_day,
        last_day: input.last_day,
        benefit: benefit_words(&input.benefit, gift_name.as_deref(), lang).unwrap_or_default(),
        partners: figures(conn, id)?,
    })
}

/// Partner `partner_id`'s month: what it was handed, what was redeemed here
/// (each voucher with when), who joined through it, and the fee owed.
pub fn settlement(
    conn: &Connection,
    partner_id: i64,
    month: &str,
    now: DateTime<Utc>,
) -> Result<PartnerSettlement> {
    let p = partner::get(conn, partner_id, now)?;
    let first = crate::campaign::when::month_start(month)?;
    let zone = shop::zone(conn)?;
    let from = local_instant(zone, first.and_time(NaiveTime::MIN));
    let next = first.checked_add_months(Months::new(1)).ok_or(Error::Damaged("a month"))?;
    let until = local_instant(zone, next.and_time(NaiveTime::MIN));
    let handed_over: i64 = conn.query_row(
        "SELECT coalesce(sum(b.count), 0) FROM alliance_partner a JOIN voucher_batch b ON b.id = a.batch_id
         WHERE a.partner_id = ?1 AND b.created_at >= ?2 AND b.created_at < ?3",
        params![partner_id, from, until],
        |r| r.get(0),
    )?;
    let redeemed: Vec<(DateTime<Utc>, i64, String)> = conn
        .prepare_cached(
            "SELECT v.redeemed_at, v.serial, b.name FROM alliance_partner a JOIN voucher_batch b ON b.id = a.batch_id
             JOIN voucher v ON v.batch_id = b.id
             WHERE a.partner_id = ?1 AND v.redeemed_at >= ?2 AND v.redeemed_at < ?3 ORDER BY v.redeemed_at, v.serial",
        )?
        .query_map(params![partner_id, from, until], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let new_members: i64 = conn.query_row(
        "SELECT count(*) FROM membership WHERE channel_id = ?1 AND joined_at >= ?2 AND joined_at < ?3",
        params![p.channel_id, from, until],
        |r| r.get(0),
    )?;
    let key = key::existing(conn)?;
    let mut rows = Vec::with_capacity(redeemed.len());
    for (at, serial, batch) in redeemed {
        let code = match &key {
            Some(k) => crate::voucher::batch::encode(
                u32::try_from(serial).map_err(|_| Error::Damaged("a voucher serial"))?,
                k,
            )?,
            None => return Err(Error::Damaged("voucher key")),
        };
        rows.push(PartnerSettlementRow {
            redeemed_at: at.with_timezone(&zone).format("%Y-%m-%d %H:%M").to_string(),
            code,
            batch,
        });
    }
    Ok(PartnerSettlement {
        fee_cents: rows.len() as i64 * p.fee_cents,
        redeemed: rows.len() as i64,
        partner: p,
        month: month.trim().to_owned(),
        handed_over,
        new_members,
        rows,
    })
}

/// The settlement as CSV: the figures, then a row per voucher redeemed, with
/// a byte-order mark so a spreadsheet opens the Chinese as UTF-8.
pub fn settlement_csv(
    conn: &Connection,
    partner_id: i64,
    month: &str,
    lang: Lang,
    now: DateTime<Utc>,
) -> Result<String> {
    let s = settlement(conn, partner_id, month, now)?;
    let cell = crate::text::csv_field;
    let mut out = String::from("\u{feff}");
    let (heads, row_head) = match lang {
        Lang::ZhCn => {
            (["合作商家", "月份", "发出券数", "已核销", "新会员", "应付费用"], "核销时间,券码,券批次")
        }
        Lang::En => (
            ["partner", "month", "vouchers handed over", "redeemed", "new members", "fee owed"],
            "redeemed at,code,batch",
        ),
    };
    out.push_str(&heads.join(","));
    out.push('\n');
    out.push_str(&format!(
        "{},{},{},{},{},{}\n\n",
        cell(&s.partner.name),
        s.month,
        s.handed_over,
        s.redeemed,
        s.new_members,
        yuan(s.fee_cents)
    ));
    out.push_str(row_head);
    out.push('\n');
    for r in &s.rows {
        out.push_str(&format!("{},{},{}\n", r.redeemed_at, r.code, cell(&r.batch)));
    }
    Ok(out)
}

/// The most redeemed vouchers listed on the printed sheet; the CSV has them all.
pub const SHEET_ROWS: usize = 36;

/// The printed settlement sheet's words in `lang`: a title and its sections
/// (the figures, the vouchers redeemed, and a line for each shop to sign).
pub fn sheet_words(s: &PartnerSettlement, shop_name: &str, lang: Lang) -> (String, Vec<(String, String)>) {
    let p = &s.partner;
    let listed: Vec<String> =
        s.rows.iter().take(SHEET_ROWS).map(|r| format!("{}  {}", r.redeemed_at, r.code)).collect();
    let more = s.rows.len().saturating_sub(SHEET_ROWS);
    let fee = if p.fee_cents > 0 {
        match lang {
            Lang::ZhCn => {
                format!("¥{}（每张 ¥{} × {} 张）", yuan(s.fee_cents), yuan(p.fee_cents), s.redeemed)
            }
            Lang::En => format!("¥{} (¥{} × {} vouchers)", yuan(s.fee_cents), yuan(p.fee_cents), s.redeemed),
        }
    } else {
        match lang {
            Lang::ZhCn => "未约定费用".to_owned(),
            Lang::En => "No fee agreed".to_owned(),
        }
    };
    let partner_line = [p.name.as_str(), p.business.as_str(), p.contact.as_str(), p.address.as_str()]
        .into_iter()
        .filter(|t| !t.trim().is_empty())
        .collect::<Vec<_>>()
        .join(" · ");
    match lang {
        Lang::ZhCn => {
            let mut list = listed.join("；");
            if more > 0 {
                list.push_str(&format!("；另有 {more} 张，见 CSV"));
            }
            (
                titled(shop_name, &format!("合作商家月度结算单 · {}", s.month)),
                vec![
                    ("合作商家".into(), partner_line),
                    ("合作期".into(), format!("{} 至 {}", p.agreement_from, p.agreement_to)),
                    ("本月发出的券".into(), format!("{} 张", s.handed_over)),
                    (
                        "本月在本店核销".into(),
                        format!("{} 张（券只在本店使用，不会在两店重复使用）", s.redeemed),
                    ),
                    ("经该商家入群的新会员".into(), format!("{} 位", s.new_members)),
                    ("应付费用".into(), fee),
                    ("已核销的券".into(), if list.is_empty() { "无".into() } else { list }),
                    (
                        "双方确认".into(),
                        "本店签字：____________    合作商家签字：____________    日期：__________".into(),
                    ),
                ],
            )
        }
        Lang::En => {
            let mut list = listed.join("; ");
            if more > 0 {
                list.push_str(&format!("; {more} more in the CSV"));
            }
            (
                titled(shop_name, &format!("Partner settlement · {}", s.month)),
                vec![
                    ("Partner".into(), partner_line),
                    ("Agreement".into(), format!("{} to {}", p.agreement_from, p.agreement_to)),
                    ("Vouchers handed over this month".into(), s.handed_over.to_string()),
                    (
                        "Redeemed here this month".into(),
                        format!("{} (the vouchers are used at this shop only, never twice)", s.redeemed),
                    ),
                    ("New members who joined through the partner".into(), s.new_members.to_string()),
                    ("Fee owed".into(), fee),
                    ("Vouchers redeemed".into(), if list.is_empty() { "None".into() } else { list }),
                    (
                        "Signed".into(),
                        "For the shop: ____________    For the partner: ____________    Date: __________"
                            .into(),
                    ),
                ],
            )
        }
    }
}

/// "叶与杯茶馆 · …", or the title alone for a shop not yet named.
fn titled(shop_name: &str, title: &str) -> String {
    if shop_name.trim().is_empty() {
        title.to_owned()
    } else {
        format!("{} · {title}", shop_name.trim())
    }
}
