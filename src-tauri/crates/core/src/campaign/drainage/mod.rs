//! Drainage with a gift: posters on a community's channels promise new
//! members a small gift (from the catalogue, or a next-visit voucher) and
//! each claims it at the counter once per mobile number. The plan is a pure
//! function; `apply` writes the campaign, its posters, the reminders to
//! replace expiring group codes, the welcome post and, for a voucher, its
//! batch, in one transaction.

mod claim;
mod model;
pub(crate) mod plan;

pub(crate) use claim::claim_in;
pub use claim::{claim, claims, running, undo_last_claim};
pub use model::{
    Claim, ClaimChannel, Claims, DrainageApplied, DrainageInput, DrainagePlan, PlannedChannel, Reward,
};

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, Transaction};

use super::model::refused;
use super::wizard::{self, Wizard};
use super::{write, CampaignKind, Check};
use crate::voucher::{BatchInput, BenefitInput};
use crate::{shop, Lang, Result};

/// New members one campaign may plan for.
pub const MAX_JOINS: i64 = 10_000;
/// A campaign runs at most a season.
pub const MAX_DAYS: i64 = 92;
/// A next-visit voucher stays valid at most this long after the last day.
pub const MAX_VALID_DAYS: i64 = 365;
/// A WeChat group code lasts 7 days: replacing it every 6 keeps a day in hand.
pub const REPLACE_EVERY_DAYS: i64 = 6;
/// When the reminder to replace a code rings.
pub const REPLACE_TIME: &str = "10:00";

pub fn preview(conn: &Connection, input: &DrainageInput, now: DateTime<Utc>) -> Result<DrainagePlan> {
    Ok(plan::plan(input, &plan::facts(conn, input, now)?, now))
}

/// Saves the wizard's choices as a draft (a new one, or over draft `id`); its id.
pub fn save_draft(
    conn: &Connection,
    id: Option<i64>,
    input: &DrainageInput,
    now: DateTime<Utc>,
) -> Result<i64> {
    write::save_draft(conn, CampaignKind::Drainage, id, &input.name, input, now)
}

/// A draft's choices as the owner left them.
pub fn draft(conn: &Connection, id: i64) -> Result<DrainageInput> {
    wizard::draft::<WelcomeGift>(conn, id)
}

/// Writes the plan in one transaction: the campaign and its frozen terms, a
/// poster with the gift line on each channel, the reminders to replace the
/// group codes, the welcome post, and a voucher campaign's batch. A refused
/// plan writes nothing.
pub fn apply(
    conn: &mut Connection,
    input: &DrainageInput,
    draft_id: Option<i64>,
    now: DateTime<Utc>,
) -> Result<DrainageApplied> {
    wizard::apply::<WelcomeGift>(conn, input, draft_id, now)
}

/// The published welcome gift's choices, for the wizard to reopen on before it starts.
pub fn for_edit(conn: &Connection, id: i64, now: DateTime<Utc>) -> Result<DrainageInput> {
    wizard::for_edit::<WelcomeGift>(conn, id, now)
}

/// The plan an edit of campaign `id` would write (its locked terms checked);
/// writes nothing.
pub fn preview_edit(
    conn: &Connection,
    id: i64,
    input: &DrainageInput,
    now: DateTime<Utc>,
) -> Result<DrainagePlan> {
    wizard::preview_edit::<WelcomeGift>(conn, id, input, now)
}

/// Edits the published welcome gift before it starts, in one transaction (see
/// `wizard::edit`); a changed term is refused and nothing is written.
pub fn edit(
    conn: &mut Connection,
    id: i64,
    input: &DrainageInput,
    now: DateTime<Utc>,
) -> Result<DrainageApplied> {
    wizard::edit::<WelcomeGift>(conn, id, input, now)
}

/// The welcome gift on the wizards' shared path.
pub(crate) struct WelcomeGift;

impl Wizard for WelcomeGift {
    const KIND: CampaignKind = CampaignKind::Drainage;
    type Input = DrainageInput;
    type Plan = DrainagePlan;
    type Applied = DrainageApplied;

    fn preview(conn: &Connection, input: &DrainageInput, now: DateTime<Utc>) -> Result<DrainagePlan> {
        preview(conn, input, now)
    }

    fn write_in(
        tx: &rusqlite::Transaction,
        input: &DrainageInput,
        target: write::Target,
        now: DateTime<Utc>,
    ) -> Result<DrainageApplied> {
        write_in(tx, input, target, now)
    }

    /// The terms published with the welcome gift that an edit changed, named in both languages.
    fn locked_changes(before: &DrainageInput, after: &DrainageInput) -> Vec<(&'static str, &'static str)> {
        [(before.reward != after.reward, ("The gift", "入群礼"))]
            .into_iter()
            .filter_map(|(changed, name)| changed.then_some(name))
            .collect()
    }

    fn checks(plan: &mut DrainagePlan) -> (&mut Vec<Check>, &mut bool) {
        (&mut plan.checks, &mut plan.refused)
    }
}

/// `apply`'s writing inside the caller's transaction (the sample shop makes
/// its campaigns within its own).
pub(crate) fn write_in(
    tx: &rusqlite::Transaction,
    input: &DrainageInput,
    target: write::Target,
    now: DateTime<Utc>,
) -> Result<DrainageApplied> {
    if let write::Target::Draft(d) = target {
        super::draft_row(tx, d)?;
    }
    let plan = plan::plan(input, &plan::facts(tx, input, now)?, now);
    refused(&plan.checks)?;
    let (id, _) = write::publish(
        tx,
        &write::Publish {
            kind: CampaignKind::Drainage,
            target,
            name: &plan.name,
            community_ids: &[plan.community_id],
            sessions: &plan.sessions,
        },
        input,
        now,
    )?;
    let (gift_id, batch_id) = match input.reward {
        Reward::Gift { gift_id } => (Some(gift_id), None),
        Reward::Voucher { cents, min_spend_cents, .. } => {
            let batch_id = voucher_batch(tx, input, &plan, cents, min_spend_cents, now)?;
            super::link(tx, id, "batch", batch_id)?;
            (None, Some(batch_id))
        }
    };
    tx.execute(
        "INSERT INTO campaign_drainage (campaign_id, community_id, gift_id, batch_id, unit_cost_cents, expected_joins, budget_cents, gift_line)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![id, plan.community_id, gift_id, batch_id, plan.unit_cost_cents, plan.expected_joins, plan.budget_cents, plan.gift_line],
    )?;
    let mut poster_ids = Vec::with_capacity(plan.channels.len());
    for c in &plan.channels {
        let poster_id = crate::campaign::poster_channel::campaign_poster(
            tx,
            id,
            c.id,
            c.template,
            &plan.gift_line,
            &plan.community_name,
            now,
        )?;
        super::link(tx, id, "poster", poster_id)?;
        poster_ids.push(poster_id);
    }
    let (schedule_ids, content_ids) = write::schedules_and_posts(tx, id, &plan.schedules, &plan.posts, now)?;
    Ok(DrainageApplied { id, poster_ids, schedule_ids, content_ids, batch_id })
}

/// The next-visit vouchers: one per expected new member, valid from the first
/// day until the chosen days after the last, for this community.
fn voucher_batch(
    tx: &Transaction,
    input: &DrainageInput,
    plan: &DrainagePlan,
    cents: i64,
    min_spend_cents: Option<i64>,
    now: DateTime<Utc>,
) -> Result<i64> {
    let until = plan.vouchers_valid_until.clone().unwrap_or_else(|| input.ends_on.clone());
    let name = match shop::language_or(tx, Lang::En) {
        Lang::ZhCn => format!("入群礼：{}", plan.reward_name),
        Lang::En => format!("Welcome gift: {}", plan.reward_name),
    };
    let batch = BatchInput {
        name: name.chars().take(crate::voucher::NAME_MAX).collect(),
        valid_from: Some(input.starts_on.clone()),
        community_id: Some(input.community_id),
        min_spend_cents,
        ..BatchInput::new(BenefitInput::AmountOff { cents }, plan.vouchers, &until)
    };
    crate::voucher::batch::insert(tx, &batch, now)
}
