//! A draw at a glance: where it stands, the list, the commitments to post at
//! the freeze, the result and its group post, the budget spent; and the
//! file it publishes for anyone to check.

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension};

use super::model::{DrawConsole, DrawStage, DrawWinner, PlannedPrize, PrizeClaims};
use super::{entrants, plan};
use crate::draw::{fair, Published, PublishedPrize, FORMAT};
use crate::{shop, Error, Lang, Result};

struct Row {
    name: String,
    cancelled: bool,
    input: String,
    budget_cents: i64,
    freeze_at: DateTime<Utc>,
    draw_at: DateTime<Utc>,
    claim_until: String,
    source: String,
    consolation_name: String,
    seed: Option<Vec<u8>>,
    seed_sha256: Option<String>,
    list_sha256: Option<String>,
    public_value: Option<String>,
    drawn: bool,
}

fn row(conn: &Connection, id: i64) -> Result<Row> {
    conn.query_row(
        "SELECT c.name, c.cancelled_at IS NOT NULL, c.input, d.budget_cents, d.freeze_at, d.draw_at, d.claim_until,
                d.public_value_source, d.consolation_name, NULL, d.shop_seed, d.seed_sha256,
                d.list_sha256, d.public_value, d.drawn_at IS NOT NULL
         FROM campaign c JOIN campaign_draw d ON d.campaign_id = c.id WHERE c.id = ?1",
        [id],
        |r| {
            Ok(Row {
                name: r.get(0)?,
                cancelled: r.get(1)?,
                input: r.get(2)?,
                budget_cents: r.get(3)?,
                freeze_at: r.get(4)?,
                draw_at: r.get(5)?,
                claim_until: r.get(6)?,
                source: r.get(7)?,
                consolation_name: r.get(8)?,
                seed: r.get(10)?,
                seed_sha256: r.get(11)?,
                list_sha256: r.get(12)?,
                public_value: r.get(13)?,
                drawn: r.get(14)?,
            })
        },
    )
    .optional()?
    .ok_or(Error::NotFound { what: "draw", id })
}

fn prizes(conn: &Connection, id: i64, entrants: i64) -> Result<Vec<PlannedPrize>> {
    let mut left = entrants;
    let mut out = Vec::new();
    let mut stmt = conn
        .prepare_cached("SELECT rank, name, quantity, value_cents, cost_cents FROM draw_prize WHERE campaign_id = ?1 ORDER BY rank")?;
    for p in stmt.query_map([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)))? {
        let (rank, name, quantity, value_cents, cost_cents): (i64, String, i64, i64, i64) = p?;
        let drawable = quantity.min(left);
        left -= drawable;
        out.push(PlannedPrize { rank, name, quantity, drawable, value_cents, cost_cents });
    }
    Ok(out)
}

fn frozen_labels(conn: &Connection, id: i64) -> Result<Vec<String>> {
    let labels = conn
        .prepare_cached("SELECT label FROM draw_entry WHERE campaign_id = ?1 ORDER BY number")?
        .query_map([id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(labels)
}

pub fn console(conn: &Connection, id: i64, now: DateTime<Utc>) -> Result<DrawConsole> {
    let d = row(conn, id)?;
    let zone = shop::zone(conn)?;
    let lang = shop::language_or(conn, Lang::En);
    let local = |t: DateTime<Utc>| t.with_timezone(&zone).format("%Y-%m-%d %H:%M").to_string();
    let frozen = d.seed.is_some();
    let labels = if frozen {
        frozen_labels(conn, id)?
    } else {
        let input: super::DrawInput =
            serde_json::from_str(&d.input).map_err(|_| Error::Damaged("a draw's terms"))?;
        entrants::entrants(conn, &input.community_ids, &input.condition, zone, now)?
            .entrants
            .into_iter()
            .map(|e| e.label)
            .collect()
    };
    let stage = match (d.cancelled, d.drawn, frozen) {
        (true, _, _) => DrawStage::Cancelled,
        (_, true, _) => DrawStage::Drawn,
        (_, _, true) if now >= d.draw_at => DrawStage::DrawDue,
        (_, _, true) => DrawStage::Frozen,
        _ if now >= d.freeze_at => DrawStage::FreezeDue,
        _ => DrawStage::Open,
    };
    let prizes = prizes(conn, id, labels.len() as i64)?;
    let winners = winners(conn, id, &prizes, &d.consolation_name)?;
    let commitment_post = match (&d.list_sha256, &d.seed_sha256) {
        (Some(list), Some(seed)) => Some(match lang {
            Lang::ZhCn => format!(
                "【{}】名单已冻结，共 {} 人。\n名单哈希（SHA-256）：{list}\n店铺种子哈希（SHA-256）：{seed}\n开奖种子 = 店铺种子 + {}；{} 开奖，结果与验证文件一同公布。",
                d.name,
                labels.len(),
                d.source,
                local(d.draw_at)
            ),
            Lang::En => format!(
                "[{}] The list is frozen: {} entrants.\nList hash (SHA-256): {list}\nShop seed hash (SHA-256): {seed}\nThe draw's seed = the shop's seed + {}; the draw is at {}, and the result comes with its verification file.",
                d.name,
                labels.len(),
                d.source,
                local(d.draw_at)
            ),
        }),
        _ => None,
    };
    let shop_seed = if d.drawn { d.seed.as_deref().map(fair::hex) } else { None };
    let result_post = (d.drawn).then(|| result_post(&d, &prizes, &winners, lang));
    let (_, _, spent) = claimed(conn, id)?;
    let claims = conn
        .prepare_cached(
            "SELECT e.rank, count(*), count(v.redeemed_at) FROM draw_entry e JOIN voucher v ON v.serial = e.serial
             WHERE e.campaign_id = ?1 GROUP BY e.rank ORDER BY e.rank = 0, e.rank",
        )?
        .query_map([id], |r| Ok(PrizeClaims { rank: r.get(0)?, won: r.get(1)?, claimed: r.get(2)? }))?
        .collect::<rusqlite::Result<_>>()?;
    let status = crate::campaign::get(conn, id, now)?.status;
    Ok(DrawConsole {
        campaign_id: id,
        name: d.name.clone(),
        status,
        stage,
        freeze_at: local(d.freeze_at),
        draw_at: local(d.draw_at),
        claim_until: d.claim_until.clone(),
        public_value_source: d.source.clone(),
        prizes,
        consolation_name: d.consolation_name.clone(),
        entrants: labels.len() as i64,
        labels,
        list_sha256: d.list_sha256.clone(),
        seed_sha256: d.seed_sha256.clone(),
        commitment_post,
        public_value: d.public_value.clone(),
        shop_seed,
        winners,
        result_post,
        budget_cents: d.budget_cents,
        spent_cents: spent,
        claims,
    })
}

/// The frozen list's size, how many of its vouchers were claimed, and what
/// they cost the shop (a prize at its cost, a consolation voucher at its own).
pub(crate) fn claimed(conn: &Connection, id: i64) -> Result<(i64, i64, i64)> {
    Ok(conn.query_row(
        "SELECT (SELECT count(*) FROM draw_entry WHERE campaign_id = ?1), count(v.serial),
                coalesce(sum(CASE WHEN e.rank = 0 THEN d.consolation_cost_cents ELSE p.cost_cents END), 0)
         FROM draw_entry e JOIN campaign_draw d ON d.campaign_id = e.campaign_id
         JOIN voucher v ON v.serial = e.serial AND v.redeemed_at IS NOT NULL
         LEFT JOIN draw_prize p ON p.campaign_id = e.campaign_id AND p.rank = e.rank
         WHERE e.campaign_id = ?1",
        [id],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?)
}

fn winners(
    conn: &Connection,
    id: i64,
    prizes: &[PlannedPrize],
    consolation: &str,
) -> Result<Vec<DrawWinner>> {
    let key = crate::voucher_code::key::existing(conn)?;
    let mut stmt = conn.prepare_cached(
        "SELECT number, label, rank, serial FROM draw_entry WHERE campaign_id = ?1 AND rank IS NOT NULL
         ORDER BY rank = 0, rank, number",
    )?;
    let rows = stmt.query_map([id], |r| {
        Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?, r.get::<_, i64>(2)?, r.get::<_, Option<i64>>(3)?))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (number, label, rank, serial) = row?;
        let code = match (serial, &key) {
            (Some(s), Some(k)) => crate::voucher::batch::encode(u32::try_from(s).unwrap_or(0), k)?,
            _ => String::new(),
        };
        let prize =
            prizes.iter().find(|p| p.rank == rank).map_or_else(|| consolation.to_owned(), |p| p.name.clone());
        out.push(DrawWinner { number, label, rank, prize, code });
    }
    Ok(out)
}

fn result_post(d: &Row, prizes: &[PlannedPrize], winners: &[DrawWinner], lang: Lang) -> String {
    let seed = d.seed.as_deref().map(fair::hex).unwrap_or_default();
    let value = d.public_value.clone().unwrap_or_default();
    let consolation = winners.iter().filter(|w| w.rank == 0).count();
    let mut lines = Vec::new();
    match lang {
        Lang::ZhCn => {
            lines.push(format!("【{}】开奖结果", d.name));
            lines.push(format!("公开数值（{}）：{value}", d.source));
            lines.push(format!("店铺种子：{seed}"));
        }
        Lang::En => {
            lines.push(format!("[{}] The result", d.name));
            lines.push(format!("Public value ({}): {value}", d.source));
            lines.push(format!("Shop seed: {seed}"));
        }
    }
    for p in prizes {
        let names: Vec<&str> =
            winners.iter().filter(|w| w.rank == p.rank).map(|w| w.label.as_str()).collect();
        if names.is_empty() {
            continue;
        }
        let line = match lang {
            Lang::ZhCn => format!("{} {}：{}", plan::rank_name(p.rank, lang), p.name, names.join("、")),
            Lang::En => format!("{} ({}): {}", plan::rank_name(p.rank, lang), p.name, names.join(", ")),
        };
        lines.push(line);
    }
    match lang {
        Lang::ZhCn => {
            if consolation > 0 {
                lines.push(format!("其余 {consolation} 位获得参与奖：{}", d.consolation_name));
            }
            lines.push(format!(
                "券码已发放，{} 前到店出示兑奖。附验证文件，任何人都可核对结果。",
                d.claim_until
            ));
        }
        Lang::En => {
            if consolation > 0 {
                lines.push(format!("Everyone else ({consolation}): {}", d.consolation_name));
            }
            lines.push(format!(
                "Codes are issued: show yours at the shop by {}. The verification file lets anyone check the result.",
                d.claim_until
            ));
        }
    }
    lines.join("\n")
}

/// The file the draw publishes with its result (docs/draw.md).
pub fn published(conn: &Connection, id: i64) -> Result<Published> {
    let d = row(conn, id)?;
    let zone = shop::zone(conn)?;
    if !d.drawn {
        return Err(Error::DrawNotYet {
            at: d.draw_at.with_timezone(&zone).format("%Y-%m-%d %H:%M").to_string(),
        });
    }
    let entrants = frozen_labels(conn, id)?;
    let result: Vec<u32> = conn
        .prepare_cached("SELECT rank FROM draw_entry WHERE campaign_id = ?1 ORDER BY number")?
        .query_map([id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let prizes = prizes(conn, id, entrants.len() as i64)?
        .into_iter()
        .map(|p| PublishedPrize {
            name: p.name,
            quantity: u32::try_from(p.quantity).unwrap_or(0),
            value_cents: p.value_cents,
        })
        .collect();
    Ok(Published {
        format: FORMAT.into(),
        title: d.name,
        organiser: shop::get(conn)?.map(|s| s.name).unwrap_or_default(),
        entrants,
        list_sha256: d.list_sha256.unwrap_or_default(),
        seed_sha256: d.seed_sha256.unwrap_or_default(),
        shop_seed: d.seed.as_deref().map(fair::hex).unwrap_or_default(),
        public_value: d.public_value.unwrap_or_default(),
        public_value_source: d.source,
        prizes,
        consolation: d.consolation_name,
        result,
    })
}
