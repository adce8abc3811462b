//! The member gift-package day: a package of products sold on a group-buy
//! ladder (the more packages at one address, the lower each one's price),
//! Friday 20:00 by default, with a 接龙 that closes at a cut-off. The plan is
//! a pure function, `apply` writes it in one transaction, and `settle` turns
//! the finished 接龙 into a price per address and a pickup code per package.

mod codes;
mod model;
pub(crate) mod plan;
pub mod poster;
mod settle;

pub use codes::PICKUP_DAYS;
pub use model::{
    AddressLine, BundleItem, LadderApplied, LadderInput, LadderPlan, PackageCode, PlannedItem, Settlement,
    Tier, TierLine,
};
pub use plan::suggested;
pub use settle::{settle, settled};

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection};

use super::model::refused;
use super::wizard::{self, Wizard};
use super::{write, CampaignKind, Check};
use crate::Result;

/// The method's day: every Friday.
pub const PRESET_RULE: &str = "FREQ=WEEKLY;BYDAY=FR";
/// From 20:00 the list stays open until the next morning's 10:00.
pub const DEFAULT_CUTOFF_MINUTES: i64 = 14 * 60;
pub const MAX_CUTOFF_MINUTES: i64 = 7 * 24 * 60;
pub const MAX_ITEMS: usize = 10;
pub const MAX_TIERS: usize = 6;

pub fn preview(conn: &Connection, input: &LadderInput, now: DateTime<Utc>) -> Result<LadderPlan> {
    Ok(plan::plan(input, &plan::facts(conn, input, now)?, now))
}

/// Saves the wizard's choices as a draft (a new one, or over draft `id`); its id.
pub fn save_draft(
    conn: &Connection,
    id: Option<i64>,
    input: &LadderInput,
    now: DateTime<Utc>,
) -> Result<i64> {
    write::save_draft(conn, CampaignKind::Ladder, id, &input.name, input, now)
}

/// A draft's choices as the owner left them.
pub fn draft(conn: &Connection, id: i64) -> Result<LadderInput> {
    wizard::draft::<GiftPackageDay>(conn, id)
}

/// Writes the plan in one transaction: the campaign and its frozen terms (the
/// package at today's costs and prices, the ladder), its sessions, a reminder
/// schedule per community, the posts and the poster if one was chosen. A
/// refused plan writes nothing.
pub fn apply(
    conn: &mut Connection,
    input: &LadderInput,
    draft_id: Option<i64>,
    now: DateTime<Utc>,
) -> Result<LadderApplied> {
    wizard::apply::<GiftPackageDay>(conn, input, draft_id, now)
}

/// The published gift-package day's choices, for the wizard to reopen on before it starts.
pub fn for_edit(conn: &Connection, id: i64, now: DateTime<Utc>) -> Result<LadderInput> {
    wizard::for_edit::<GiftPackageDay>(conn, id, now)
}

/// The plan an edit of campaign `id` would write (its locked terms checked);
/// writes nothing.
pub fn preview_edit(
    conn: &Connection,
    id: i64,
    input: &LadderInput,
    now: DateTime<Utc>,
) -> Result<LadderPlan> {
    wizard::preview_edit::<GiftPackageDay>(conn, id, input, now)
}

/// Edits the published gift-package day before it starts, in one transaction (see
/// `wizard::edit`); a changed term is refused and nothing is written.
pub fn edit(
    conn: &mut Connection,
    id: i64,
    input: &LadderInput,
    now: DateTime<Utc>,
) -> Result<LadderApplied> {
    wizard::edit::<GiftPackageDay>(conn, id, input, now)
}

/// The gift-package day on the wizards' shared path.
pub(crate) struct GiftPackageDay;

impl Wizard for GiftPackageDay {
    const KIND: CampaignKind = CampaignKind::Ladder;
    type Input = LadderInput;
    type Plan = LadderPlan;
    type Applied = LadderApplied;

    fn preview(conn: &Connection, input: &LadderInput, now: DateTime<Utc>) -> Result<LadderPlan> {
        preview(conn, input, now)
    }

    fn write_in(
        tx: &rusqlite::Transaction,
        input: &LadderInput,
        target: write::Target,
        now: DateTime<Utc>,
    ) -> Result<LadderApplied> {
        write_in(tx, input, target, now)
    }

    /// The terms published with the day that an edit changed, named in both languages.
    fn locked_changes(before: &LadderInput, after: &LadderInput) -> Vec<(&'static str, &'static str)> {
        [
            (before.items != after.items, ("The package", "礼包内容")),
            (before.solo_cents != after.solo_cents, ("The single-package price", "单份价格")),
            (before.tiers != after.tiers, ("The ladder", "阶梯价")),
            (before.shares != after.shares, ("The packages per session", "每场份数")),
        ]
        .into_iter()
        .filter_map(|(changed, name)| changed.then_some(name))
        .collect()
    }

    fn checks(plan: &mut LadderPlan) -> (&mut Vec<Check>, &mut bool) {
        (&mut plan.checks, &mut plan.refused)
    }
}

/// `apply`'s writing inside the caller's transaction (the sample shop makes
/// its campaigns within its own).
pub(crate) fn write_in(
    tx: &rusqlite::Transaction,
    input: &LadderInput,
    target: write::Target,
    now: DateTime<Utc>,
) -> Result<LadderApplied> {
    if let write::Target::Draft(d) = target {
        super::draft_row(tx, d)?;
    }
    let plan = plan::plan(input, &plan::facts(tx, input, now)?, now);
    refused(&plan.checks)?;
    let (id, _) = write::publish(
        tx,
        &write::Publish {
            kind: CampaignKind::Ladder,
            target,
            name: &plan.name,
            community_ids: &plan.community_ids,
            sessions: &plan.sessions,
        },
        input,
        now,
    )?;
    tx.execute(
        "INSERT INTO campaign_ladder (campaign_id, solo_cents, shares, cutoff_minutes) VALUES (?1, ?2, ?3, ?4)",
        params![id, input.solo_cents, input.shares, input.cutoff_minutes],
    )?;
    for i in &plan.items {
        tx.execute(
            "INSERT INTO campaign_ladder_item (campaign_id, product_id, quantity, unit_cost_cents, unit_price_cents)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![id, i.product_id, i.quantity, i.unit_cost_cents, i.unit_price_cents],
        )?;
    }
    for t in &input.tiers {
        tx.execute(
            "INSERT INTO campaign_ladder_tier (campaign_id, min_shares, price_cents) VALUES (?1, ?2, ?3)",
            params![id, t.min_shares, t.price_cents],
        )?;
    }
    let (schedule_ids, content_ids) = write::schedules_and_posts(tx, id, &plan.schedules, &plan.posts, now)?;
    let poster_id = match &plan.poster {
        Some(p) => {
            let poster_id = poster::insert(tx, id, p.channel_id, &plan, input, now)?;
            super::link(tx, id, "poster", poster_id)?;
            Some(poster_id)
        }
        None => None,
    };
    Ok(LadderApplied { id, schedule_ids, content_ids, sessions: plan.sessions.len() as i64, poster_id })
}
