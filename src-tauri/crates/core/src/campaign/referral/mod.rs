//! The monthly referral (fission) day: every member with marketing consent
//! has a friend card carrying a short signed code (`voucher_code::REFERRAL`,
//! the member's id under the shop's key). A new customer who brings one gets
//! a welcome at the counter and the referral waits; it qualifies at the
//! friend's first purchase, and the member's reward vouchers issue in the
//! same transaction at the thresholds the owner set, up to a monthly cap.
//! One level only: nothing follows from the friend's own referrals.

mod board;
mod console;
mod counter;
mod model;
pub(crate) mod plan;

pub use board::board;
pub use console::console;
pub(crate) use console::key_figures;
pub use counter::{card_words, check_card, friend_card, friend_cards, welcome_friend};
pub use model::{
    FriendCard, FriendCardCheck, FriendInput, ReferralApplied, ReferralBoard, ReferralBoardRow,
    ReferralConsole, ReferralInput, ReferralPlan, ReferralRow, ReferralStage, RewardRow, RewardTier,
    Welcomed,
};

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection};

use super::model::refused;
use super::wizard::{self, Wizard};
use super::{write, CampaignKind, Check};
use crate::campaign::drainage::Reward;
use crate::Result;

pub const NAME_MAX: usize = 60;
pub const MAX_TIERS: usize = 5;
pub const MAX_CAP: i64 = 50;
/// A referral day runs at most a year.
pub const MAX_DAYS: i64 = 366;
pub const MAX_VALID_DAYS: i64 = 365;
pub const MAX_QUALIFY_DAYS: i64 = 180;

pub fn preview(conn: &Connection, input: &ReferralInput, now: DateTime<Utc>) -> Result<ReferralPlan> {
    Ok(plan::plan(input, &plan::facts(conn, input, now)?, now))
}

/// Saves the wizard's choices as a draft (a new one, or over draft `id`); its id.
pub fn save_draft(
    conn: &Connection,
    id: Option<i64>,
    input: &ReferralInput,
    now: DateTime<Utc>,
) -> Result<i64> {
    write::save_draft(conn, CampaignKind::Referral, id, &input.name, input, now)
}

/// A draft's choices as the owner left them.
pub fn draft(conn: &Connection, id: i64) -> Result<ReferralInput> {
    wizard::draft::<ReferralDay>(conn, id)
}

/// Writes the plan in one transaction: the campaign and its terms, the
/// promotion days' posts and reminder. A refused plan writes nothing.
pub fn apply(
    conn: &mut Connection,
    input: &ReferralInput,
    draft_id: Option<i64>,
    now: DateTime<Utc>,
) -> Result<ReferralApplied> {
    wizard::apply::<ReferralDay>(conn, input, draft_id, now)
}

/// The referral day on the wizards' shared path. Its announcement is its
/// promise to the members, so it is cancelled and copied, never edited.
pub(crate) struct ReferralDay;

impl Wizard for ReferralDay {
    const KIND: CampaignKind = CampaignKind::Referral;
    type Input = ReferralInput;
    type Plan = ReferralPlan;
    type Applied = ReferralApplied;

    fn preview(conn: &Connection, input: &ReferralInput, now: DateTime<Utc>) -> Result<ReferralPlan> {
        preview(conn, input, now)
    }

    fn write_in(
        tx: &rusqlite::Transaction,
        input: &ReferralInput,
        target: write::Target,
        now: DateTime<Utc>,
    ) -> Result<ReferralApplied> {
        write_in(tx, input, target, now)
    }

    fn locked_changes(before: &ReferralInput, after: &ReferralInput) -> Vec<(&'static str, &'static str)> {
        [
            (before.welcome != after.welcome, ("What the friend gets", "好友礼")),
            (
                before.tiers != after.tiers
                    || before.monthly_cap != after.monthly_cap
                    || before.reward_days != after.reward_days
                    || before.qualify_days != after.qualify_days,
                ("The rewards", "推荐奖励"),
            ),
        ]
        .into_iter()
        .filter_map(|(changed, name)| changed.then_some(name))
        .collect()
    }

    fn checks(plan: &mut ReferralPlan) -> (&mut Vec<Check>, &mut bool) {
        (&mut plan.checks, &mut plan.refused)
    }
}

fn write_in(
    tx: &rusqlite::Transaction,
    input: &ReferralInput,
    target: write::Target,
    now: DateTime<Utc>,
) -> Result<ReferralApplied> {
    let f = plan::facts(tx, input, now)?;
    let plan = plan::plan(input, &f, now);
    refused(&plan.checks)?;
    let (id, _) = write::publish(
        tx,
        &write::Publish {
            kind: CampaignKind::Referral,
            target,
            name: &plan.name,
            community_ids: &input.community_ids,
            sessions: &plan.sessions,
        },
        input,
        now,
    )?;
    // Its sessions are the promotion days; it runs (takes friend cards) every
    // day from the first to the last.
    let (first, last) = match (super::when::day(&input.first_day), super::when::day(&input.last_day)) {
        (Some(a), Some(b)) => (a, b),
        _ => return Err(crate::Error::Damaged("a referral day's dates")),
    };
    let (starts, ends) = super::when::days_period(first, last, f.zone);
    tx.execute("UPDATE campaign SET starts_at = ?1, ends_at = ?2 WHERE id = ?3", params![starts, ends, id])?;
    let (gift_id, cents, min_spend, welcome_days) = match input.welcome {
        Reward::Gift { gift_id } => (Some(gift_id), None, None, 0),
        Reward::Voucher { cents, min_spend_cents, valid_days } => {
            (None, Some(cents), min_spend_cents, valid_days)
        }
    };
    tx.execute(
        "INSERT INTO campaign_referral (campaign_id, first_day, last_day, welcome_gift_id, welcome_cents,
             welcome_min_spend_cents, welcome_days, reward_days, monthly_cap, qualify_days)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![
            id,
            first.to_string(),
            last.to_string(),
            gift_id,
            cents,
            min_spend,
            welcome_days,
            input.reward_days,
            input.monthly_cap,
            input.qualify_days
        ],
    )?;
    for t in &input.tiers {
        tx.execute(
            "INSERT INTO referral_tier (campaign_id, friends, cents) VALUES (?1, ?2, ?3)",
            params![id, t.friends, t.cents],
        )?;
    }
    let (schedule_ids, content_ids) = write::schedules_and_posts(tx, id, &plan.schedules, &plan.posts, now)?;
    Ok(ReferralApplied { id, schedule_ids, content_ids })
}

#[cfg(test)]
mod tests;
