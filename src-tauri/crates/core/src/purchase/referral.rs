//! What a sale does to a referral (the referral day's, `campaign::referral`):
//! a referral qualifies at the friend's first purchase, inside the sale's
//! transaction: counted toward the member's month up to the cap, and the
//! member's reward voucher issued when the count reaches a threshold. Only
//! the referral's own member is rewarded: one level, whatever the friend
//! does with their own card.

use chrono::{DateTime, Duration, Utc};
use rusqlite::{params, OptionalExtension, Transaction};

use crate::voucher::{BatchInput, BenefitInput};
use crate::{shop, Lang, Result};

/// The name a member's reward voucher carries.
pub(crate) fn reward_name(campaign: &str, friends: i64, lang: Lang) -> String {
    let name = match lang {
        Lang::ZhCn => format!("{campaign}：推荐 {friends} 位好友奖励"),
        Lang::En if friends == 1 => format!("{campaign}: reward for 1 friend"),
        Lang::En => format!("{campaign}: reward for {friends} friends"),
    };
    name.chars().take(crate::voucher::NAME_MAX).collect()
}

/// The friend a welcome voucher was named to, when `serial` is one: a sale
/// that redeems it is theirs even if the counter did not pick them.
/// None when that member was erased or merged away: a sale is never tied to
/// an erased person, and a merge moved the referral to the kept record.
pub(crate) fn welcome_holder(tx: &Transaction, serial: i64) -> Result<Option<i64>> {
    Ok(tx
        .query_row(
            "SELECT r.friend_id FROM referral r JOIN member m ON m.id = r.friend_id
             WHERE r.welcome_serial = ?1 AND m.erased_at IS NULL AND m.merged_into IS NULL",
            [serial],
            |r| r.get(0),
        )
        .optional()?)
}

/// Qualifies the pending referral of `member_id` when `purchase_id` is their
/// first purchase within the referral day's days to qualify, and issues the
/// member's reward at a threshold.
pub(crate) fn qualify(tx: &Transaction, member_id: i64, purchase_id: i64, now: DateTime<Utc>) -> Result<()> {
    let pending: Option<(i64, i64, i64, DateTime<Utc>)> = tx
        .query_row(
            "SELECT id, campaign_id, referrer_id, referred_at FROM referral WHERE friend_id = ?1 AND qualified_at IS NULL",
            [member_id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .optional()?;
    // Still pending, so this is the friend's first sale at the counter since the card.
    let Some((id, campaign_id, referrer_id, referred_at)) = pending else { return Ok(()) };
    let (cap, qualify_days, reward_days): (i64, i64, i64) = tx.query_row(
        "SELECT monthly_cap, qualify_days, reward_days FROM campaign_referral WHERE campaign_id = ?1",
        [campaign_id],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?;
    if now > referred_at + Duration::days(qualify_days) {
        return Ok(());
    }
    let zone = shop::zone(tx)?;
    let month = now.with_timezone(&zone).format("%Y-%m").to_string();
    // The cap is the member's in the month, whichever referral day the friends came on.
    let so_far: i64 = tx.query_row(
        "SELECT count(*) FROM referral WHERE referrer_id = ?1 AND month = ?2 AND counted = 1",
        params![referrer_id, month],
        |r| r.get(0),
    )?;
    // A referrer merged away is the friend themselves (a merge moves every
    // other referral to the kept record): qualified, never counted.
    let merged: bool =
        tx.query_row("SELECT merged_into IS NOT NULL FROM member WHERE id = ?1", [referrer_id], |r| {
            r.get(0)
        })?;
    let counted = so_far < cap && !merged;
    tx.execute(
        "UPDATE referral SET qualified_at = ?1, purchase_id = ?2, month = ?3, counted = ?4 WHERE id = ?5",
        params![now, purchase_id, month, counted, id],
    )?;
    if !counted {
        return Ok(());
    }
    let friends = so_far + 1;
    // Every threshold reached that has no reward yet this month (whichever
    // referral day paid it): normally the one just reached; after a merge
    // brought two records' friends together, any it jumped over.
    let due: Vec<(i64, i64)> = tx
        .prepare_cached(
            "SELECT t.friends, t.cents FROM referral_tier t WHERE t.campaign_id = ?1 AND t.friends <= ?2
               AND NOT EXISTS (SELECT 1 FROM referral_reward w WHERE w.referrer_id = ?3 AND w.month = ?4
                               AND w.friends = t.friends)
             ORDER BY t.friends",
        )?
        .query_map(params![campaign_id, friends, referrer_id, month], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    if due.is_empty() {
        return Ok(());
    }
    // An erased member keeps their count (the sales stay) but nobody holds the reward.
    let holder: Option<(String, Option<String>)> = tx
        .query_row(
            "SELECT display_name, phone FROM member WHERE id = ?1 AND erased_at IS NULL",
            [referrer_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let Some((holder_name, holder_phone)) = holder else { return Ok(()) };
    let (campaign, lang): (String, Lang) = (
        tx.query_row("SELECT name FROM campaign WHERE id = ?1", [campaign_id], |r| r.get(0))?,
        shop::language_or(tx, Lang::En),
    );
    let until = shop::today(tx, now)? + Duration::days(reward_days);
    for (threshold, cents) in due {
        let batch = BatchInput {
            name: reward_name(&campaign, threshold, lang),
            holder_name: holder_name.chars().take(crate::voucher::HOLDER_NAME_MAX).collect(),
            holder_phone: holder_phone.clone().unwrap_or_default(),
            ..BatchInput::new(BenefitInput::AmountOff { cents }, 1, &until.to_string())
        };
        let batch_id = crate::voucher::batch::insert(tx, &batch, now)?;
        // Linked to the referral day as its own batches are (`campaign::link`,
        // which sits above purchases), so cancelling it finds them.
        tx.execute(
            "INSERT INTO campaign_item (campaign_id, kind, item_id) VALUES (?1, 'batch', ?2)",
            params![campaign_id, batch_id],
        )?;
        let serial = crate::voucher::batch::name_only_voucher(tx, batch_id, &batch.holder_name)?;
        tx.execute(
            "INSERT INTO referral_reward (campaign_id, referrer_id, month, friends, serial, issued_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![campaign_id, referrer_id, month, threshold, serial, now],
        )?;
    }
    Ok(())
}
