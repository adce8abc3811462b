//! A referral day at a glance: its terms, the referrals to review (pending,
//! qualified, over the cap, lapsed), the rewards issued, and what it cost
//! per new buyer.

use chrono::{DateTime, Duration, Utc};
use rusqlite::{params, Connection};

use super::model::{ReferralConsole, ReferralRow, ReferralStage, RewardRow, RewardTier};
use super::plan::welcome_words;
use crate::campaign::drainage::Reward;
use crate::campaign::{CampaignKind, KeyFigures};
use crate::voucher_code::key;
use crate::{phone, shop, Error, Lang, Result};

/// The most referrals the review list shows, newest first.
pub const LIST_MAX: i64 = 500;

struct Terms {
    first_day: String,
    last_day: String,
    welcome: Reward,
    gift_name: Option<String>,
    gift_cost: i64,
    monthly_cap: i64,
    qualify_days: i64,
}

fn terms(conn: &Connection, id: i64) -> Result<Terms> {
    Ok(conn.query_row(
        "SELECT r.first_day, r.last_day, r.welcome_gift_id, r.welcome_cents, r.welcome_min_spend_cents, r.welcome_days,
                g.name, coalesce(g.unit_cost_cents, 0), r.monthly_cap, r.qualify_days
         FROM campaign_referral r LEFT JOIN gift g ON g.id = r.welcome_gift_id WHERE r.campaign_id = ?1",
        [id],
        |r| {
            let welcome = match r.get::<_, Option<i64>>(2)? {
                Some(gift_id) => Reward::Gift { gift_id },
                None => Reward::Voucher {
                    cents: r.get::<_, Option<i64>>(3)?.unwrap_or(0),
                    min_spend_cents: r.get(4)?,
                    valid_days: r.get(5)?,
                },
            };
            Ok(Terms {
                first_day: r.get(0)?,
                last_day: r.get(1)?,
                welcome,
                gift_name: r.get(6)?,
                gift_cost: r.get(7)?,
                monthly_cap: r.get(8)?,
                qualify_days: r.get(9)?,
            })
        },
    )?)
}

/// (referrals, qualified, cost): friends welcomed, friends who bought, and
/// the welcomes and rewards redeemed (or gifts handed over) at cost.
fn figures(conn: &Connection, id: i64, t: &Terms) -> Result<(i64, i64, i64)> {
    let (referrals, qualified, welcomes_redeemed): (i64, i64, i64) = conn.query_row(
        "SELECT count(*), count(r.qualified_at), count(v.redeemed_at)
         FROM referral r LEFT JOIN voucher v ON v.serial = r.welcome_serial WHERE r.campaign_id = ?1",
        [id],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?;
    let welcome_cost = match t.welcome {
        Reward::Gift { .. } => referrals * t.gift_cost,
        Reward::Voucher { cents, .. } => welcomes_redeemed * cents,
    };
    let rewards_cost: i64 = conn.query_row(
        "SELECT coalesce(sum(b.amount_off_cents), 0) FROM referral_reward w JOIN voucher v ON v.serial = w.serial
         JOIN voucher_batch b ON b.id = v.batch_id WHERE w.campaign_id = ?1 AND v.redeemed_at IS NOT NULL",
        [id],
        |r| r.get(0),
    )?;
    Ok((referrals, qualified, welcome_cost + rewards_cost))
}

/// The campaigns list's figures: friends who bought of friends welcomed, and the cost so far.
pub(crate) fn key_figures(conn: &Connection, id: i64) -> Result<KeyFigures> {
    let t = terms(conn, id)?;
    let (referrals, qualified, cost) = figures(conn, id, &t)?;
    Ok(KeyFigures { done: qualified, planned: referrals, money_cents: cost })
}

fn label(name: &str, phone_number: Option<&str>) -> String {
    match phone_number {
        Some(p) => format!("{name} ({})", phone::masked(p)),
        None => name.to_owned(),
    }
}

pub fn console(conn: &Connection, id: i64, now: DateTime<Utc>) -> Result<ReferralConsole> {
    let c = crate::campaign::get(conn, id, now)?;
    if c.kind != CampaignKind::Referral {
        return Err(Error::NotFound { what: "referral day", id });
    }
    let lang = shop::language_or(conn, Lang::En);
    let zone = shop::zone(conn)?;
    let local = |t: DateTime<Utc>| t.with_timezone(&zone).format("%Y-%m-%d %H:%M").to_string();
    let t = terms(conn, id)?;
    let (_, qualified, cost) = figures(conn, id, &t)?;
    let tiers = conn
        .prepare_cached("SELECT friends, cents FROM referral_tier WHERE campaign_id = ?1 ORDER BY friends")?
        .query_map([id], |r| Ok(RewardTier { friends: r.get(0)?, cents: r.get(1)? }))?
        .collect::<rusqlite::Result<_>>()?;
    let mut stmt = conn.prepare_cached(
        "SELECT r.id, r.referrer_id, a.display_name, a.phone, r.friend_id, b.display_name, b.phone, r.referred_at,
                r.qualified_at, r.counted, r.staff
         FROM referral r JOIN member a ON a.id = r.referrer_id JOIN member b ON b.id = r.friend_id
         WHERE r.campaign_id = ?1 ORDER BY r.referred_at DESC, r.id DESC LIMIT ?2",
    )?;
    let referrals = stmt
        .query_map(params![id, LIST_MAX], |r| {
            let referred_at: DateTime<Utc> = r.get(7)?;
            let qualified_at: Option<DateTime<Utc>> = r.get(8)?;
            let stage = match (qualified_at, r.get::<_, bool>(9)?) {
                (Some(_), true) => ReferralStage::Qualified,
                (Some(_), false) => ReferralStage::OverCap,
                (None, _) if now > referred_at + Duration::days(t.qualify_days) => ReferralStage::Lapsed,
                (None, _) => ReferralStage::Pending,
            };
            Ok(ReferralRow {
                id: r.get(0)?,
                referrer_id: r.get(1)?,
                referrer: label(&r.get::<_, String>(2)?, r.get::<_, Option<String>>(3)?.as_deref()),
                friend_id: r.get(4)?,
                friend: label(&r.get::<_, String>(5)?, r.get::<_, Option<String>>(6)?.as_deref()),
                referred_at: local(referred_at),
                qualified_at: qualified_at.map(local),
                stage,
                staff: r.get(10)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let pending = conn.query_row(
        "SELECT count(*) FROM referral WHERE campaign_id = ?1 AND qualified_at IS NULL AND referred_at >= ?2",
        params![id, now - Duration::days(t.qualify_days)],
        |r| r.get(0),
    )?;
    let rewards = rewards(conn, id)?;
    Ok(ReferralConsole {
        campaign_id: id,
        name: c.name,
        status: c.status,
        first_day: t.first_day.clone(),
        last_day: t.last_day.clone(),
        welcome: welcome_words(&t.welcome, t.gift_name.as_deref(), lang),
        tiers,
        monthly_cap: t.monthly_cap,
        pending,
        qualified,
        cost_cents: cost,
        cost_per_buyer_cents: (qualified > 0).then(|| cost / qualified),
        referrals,
        rewards,
    })
}

fn rewards(conn: &Connection, id: i64) -> Result<Vec<RewardRow>> {
    let mut rows: Vec<(RewardRow, i64)> = conn
        .prepare_cached(
            "SELECT w.referrer_id, m.display_name, m.phone, w.month, w.friends, b.amount_off_cents, w.serial,
                    v.redeemed_at IS NOT NULL
             FROM referral_reward w JOIN member m ON m.id = w.referrer_id JOIN voucher v ON v.serial = w.serial
             JOIN voucher_batch b ON b.id = v.batch_id
             WHERE w.campaign_id = ?1 ORDER BY w.issued_at DESC, w.serial DESC",
        )?
        .query_map([id], |r| {
            let row = RewardRow {
                referrer_id: r.get(0)?,
                referrer: label(&r.get::<_, String>(1)?, r.get::<_, Option<String>>(2)?.as_deref()),
                month: r.get(3)?,
                friends: r.get(4)?,
                cents: r.get(5)?,
                code: String::new(),
                redeemed: r.get(7)?,
            };
            Ok((row, r.get(6)?))
        })?
        .collect::<rusqlite::Result<_>>()?;
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    let key = key::existing(conn)?.ok_or(Error::Damaged("voucher key"))?;
    for (row, serial) in &mut rows {
        let serial = u32::try_from(*serial).map_err(|_| Error::Damaged("a voucher serial"))?;
        row.code = crate::voucher::batch::encode(serial, &key)?;
    }
    Ok(rows.into_iter().map(|(row, _)| row).collect())
}
