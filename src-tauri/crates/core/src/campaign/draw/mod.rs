//! The lucky draw where most people win: a closed list of entrants (members
//! of the chosen communities with marketing consent who meet a condition)
//! frozen at a time, drawn later from an urn holding exactly the prizes and
//! a consolation voucher for everyone else, by the fair draw anyone can
//! check (`crate::draw`). The plan is a pure function; `apply` writes the
//! campaign, its terms, the reminders to freeze and to draw and the
//! announcement in one transaction; `freeze` and `run` are one transaction
//! each, and what they write never changes afterwards.

mod announcement;
mod console;
mod entrants;
mod model;
pub(crate) mod plan;
mod run;

pub(crate) use console::claimed;
pub use console::{console, published};
pub use model::{
    ConsolationInput, DrawApplied, DrawConsole, DrawInput, DrawPlan, DrawStage, DrawWinner, EntryCondition,
    PlannedPrize, PrizeClaims, PrizeInput,
};
pub use run::{freeze, run};

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection};

use super::model::refused;
use super::wizard::{self, Wizard};
use super::{write, CampaignKind, Check};
use crate::Result;

/// China's promotion rules cap a draw's top prize at ¥50,000.
pub const MAX_PRIZE_CENTS: i64 = 5_000_000;
pub const MAX_PRIZES: usize = 10;
pub const MAX_QUANTITY: i64 = 10_000;
pub const PRIZE_NAME_MAX: usize = 40;
pub const NAME_MAX: usize = 60;
/// What the owner types at the draw (a number, or a short phrase), and where
/// the announcement says it will come from.
pub const PUBLIC_VALUE_MAX: usize = 100;
/// How to reach the organiser, in the announcement: a phone number or a name.
pub const CONTACT_MAX: usize = 40;

pub fn preview(conn: &Connection, input: &DrawInput, now: DateTime<Utc>) -> Result<DrawPlan> {
    Ok(plan::plan(input, &plan::facts(conn, input, now)?, now))
}

/// Saves the wizard's choices as a draft (a new one, or over draft `id`); its id.
pub fn save_draft(conn: &Connection, id: Option<i64>, input: &DrawInput, now: DateTime<Utc>) -> Result<i64> {
    write::save_draft(conn, CampaignKind::Draw, id, &input.name, input, now)
}

/// A draft's choices as the owner left them.
pub fn draft(conn: &Connection, id: i64) -> Result<DrawInput> {
    wizard::draft::<LuckyDraw>(conn, id)
}

/// Writes the plan in one transaction: the campaign and its frozen terms,
/// the reminders to freeze and to draw, and the announcement in each
/// community. A refused plan writes nothing.
pub fn apply(
    conn: &mut Connection,
    input: &DrawInput,
    draft_id: Option<i64>,
    now: DateTime<Utc>,
) -> Result<DrawApplied> {
    wizard::apply::<LuckyDraw>(conn, input, draft_id, now)
}

/// The lucky draw on the wizards' shared path. Its announcement is its
/// promise, posted when it is published, so it is never edited: cancel and copy.
pub(crate) struct LuckyDraw;

impl Wizard for LuckyDraw {
    const KIND: CampaignKind = CampaignKind::Draw;
    type Input = DrawInput;
    type Plan = DrawPlan;
    type Applied = DrawApplied;

    fn preview(conn: &Connection, input: &DrawInput, now: DateTime<Utc>) -> Result<DrawPlan> {
        preview(conn, input, now)
    }

    fn write_in(
        tx: &rusqlite::Transaction,
        input: &DrawInput,
        target: write::Target,
        now: DateTime<Utc>,
    ) -> Result<DrawApplied> {
        write_in(tx, input, target, now)
    }

    fn locked_changes(before: &DrawInput, after: &DrawInput) -> Vec<(&'static str, &'static str)> {
        [
            (
                before.prizes != after.prizes || before.consolation != after.consolation,
                ("The prizes", "奖品"),
            ),
            (before.condition != after.condition, ("Who takes part", "参与条件")),
            (
                before.freeze_at != after.freeze_at
                    || before.draw_at != after.draw_at
                    || before.claim_until != after.claim_until,
                ("The dates", "时间"),
            ),
        ]
        .into_iter()
        .filter_map(|(changed, name)| changed.then_some(name))
        .collect()
    }

    fn checks(plan: &mut DrawPlan) -> (&mut Vec<Check>, &mut bool) {
        (&mut plan.checks, &mut plan.refused)
    }
}

pub(crate) fn write_in(
    tx: &rusqlite::Transaction,
    input: &DrawInput,
    target: write::Target,
    now: DateTime<Utc>,
) -> Result<DrawApplied> {
    let f = plan::facts(tx, input, now)?;
    let plan = plan::plan(input, &f, now);
    refused(&plan.checks)?;
    let (id, _) = write::publish(
        tx,
        &write::Publish {
            kind: CampaignKind::Draw,
            target,
            name: &plan.name,
            community_ids: &input.community_ids,
            sessions: &plan.sessions,
        },
        input,
        now,
    )?;
    let at = |text: &str| plan::local_time(text, f.zone);
    let c = &input.consolation;
    tx.execute(
        "INSERT INTO campaign_draw (campaign_id, budget_cents, redemption_percent, freeze_at, draw_at, claim_until,
             public_value_source, consolation_name, consolation_cents, consolation_min_spend_cents, consolation_cost_cents)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        params![
            id,
            input.budget_cents,
            input.redemption_percent,
            at(&input.freeze_at),
            at(&input.draw_at),
            input.claim_until.trim(),
            input.public_value_source.trim(),
            plan.consolation_name,
            c.cents,
            c.min_spend_cents,
            c.cost_cents
        ],
    )?;
    for (p, input) in plan.prizes.iter().zip(&input.prizes) {
        tx.execute(
            "INSERT INTO draw_prize (campaign_id, rank, name, gift_id, quantity, value_cents, cost_cents)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![id, p.rank, p.name, input.gift_id, p.quantity, p.value_cents, p.cost_cents],
        )?;
    }
    let (schedule_ids, content_ids) = write::schedules_and_posts(tx, id, &plan.schedules, &plan.posts, now)?;
    Ok(DrawApplied { id, schedule_ids, content_ids })
}

#[cfg(test)]
mod tests;
