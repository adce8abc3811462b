//! The cross-store alliance: neighbouring shops (partners, each a channel of
//! one community) hand out this shop's vouchers to their customers. Each
//! partner gets a batch of its own, named with the partner (the counter shows
//! where the customer came from), valid only within the agreement's days and
//! redeemable only here, so nothing can be spent twice across shops; and a
//! poster for its counter. A monthly settlement per partner says what was
//! handed over, redeemed, who joined through it, and the fee owed.

mod model;
pub mod partner;
pub(crate) mod plan;
mod settlement;

pub use model::{
    AllianceApplied, AllianceConsole, AllianceInput, AlliancePlan, Partner, PartnerFigures, PartnerInput,
    PartnerSettlement, PartnerSettlementRow, PlannedPartner,
};
pub(crate) use settlement::key_figures;
pub use settlement::{console, settlement, settlement_csv, sheet_words};

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection};

use super::model::refused;
use super::wizard::{self, Wizard};
use super::{write, CampaignKind, Check};
use crate::voucher::BatchInput;
use crate::Result;

pub const NAME_MAX: usize = 60;
pub const MAX_VOUCHERS: i64 = 5_000;

pub fn preview(conn: &Connection, input: &AllianceInput, now: DateTime<Utc>) -> Result<AlliancePlan> {
    Ok(plan::plan(input, &plan::facts(conn, input, now)?, now))
}

/// Saves the wizard's choices as a draft (a new one, or over draft `id`); its id.
pub fn save_draft(
    conn: &Connection,
    id: Option<i64>,
    input: &AllianceInput,
    now: DateTime<Utc>,
) -> Result<i64> {
    write::save_draft(conn, CampaignKind::Alliance, id, &input.name, input, now)
}

/// A draft's choices as the owner left them.
pub fn draft(conn: &Connection, id: i64) -> Result<AllianceInput> {
    wizard::draft::<Alliance>(conn, id)
}

/// Writes the plan in one transaction: the campaign, each partner's batch and
/// poster, and the post. A refused plan writes nothing.
pub fn apply(
    conn: &mut Connection,
    input: &AllianceInput,
    draft_id: Option<i64>,
    now: DateTime<Utc>,
) -> Result<AllianceApplied> {
    wizard::apply::<Alliance>(conn, input, draft_id, now)
}

/// The alliance on the wizards' shared path: its vouchers are in the
/// partners' hands once published, so it is cancelled and copied, never edited.
pub(crate) struct Alliance;

impl Wizard for Alliance {
    const KIND: CampaignKind = CampaignKind::Alliance;
    type Input = AllianceInput;
    type Plan = AlliancePlan;
    type Applied = AllianceApplied;

    fn preview(conn: &Connection, input: &AllianceInput, now: DateTime<Utc>) -> Result<AlliancePlan> {
        preview(conn, input, now)
    }

    fn write_in(
        tx: &rusqlite::Transaction,
        input: &AllianceInput,
        target: write::Target,
        now: DateTime<Utc>,
    ) -> Result<AllianceApplied> {
        write_in(tx, input, target, now)
    }

    fn locked_changes(before: &AllianceInput, after: &AllianceInput) -> Vec<(&'static str, &'static str)> {
        [
            (
                before.benefit != after.benefit || before.min_spend_cents != after.min_spend_cents,
                ("The vouchers", "联盟券"),
            ),
            (before.partner_ids != after.partner_ids, ("The partners", "合作商家")),
        ]
        .into_iter()
        .filter_map(|(changed, name)| changed.then_some(name))
        .collect()
    }

    fn checks(plan: &mut AlliancePlan) -> (&mut Vec<Check>, &mut bool) {
        (&mut plan.checks, &mut plan.refused)
    }
}

fn write_in(
    tx: &rusqlite::Transaction,
    input: &AllianceInput,
    target: write::Target,
    now: DateTime<Utc>,
) -> Result<AllianceApplied> {
    let f = plan::facts(tx, input, now)?;
    let plan = plan::plan(input, &f, now);
    refused(&plan.checks)?;
    let (id, _) = write::publish(
        tx,
        &write::Publish {
            kind: CampaignKind::Alliance,
            target,
            name: &plan.name,
            community_ids: &[input.community_id],
            sessions: &[],
        },
        input,
        now,
    )?;
    let (first, last) = match (super::when::day(&input.first_day), super::when::day(&input.last_day)) {
        (Some(a), Some(b)) => (a, b),
        _ => return Err(crate::Error::Damaged("an alliance's dates")),
    };
    let (starts, ends) = super::when::days_period(first, last, f.zone);
    tx.execute("UPDATE campaign SET starts_at = ?1, ends_at = ?2 WHERE id = ?3", params![starts, ends, id])?;
    let community_name = f.community.as_ref().map(|(n, _)| n.clone()).unwrap_or_default();
    let (mut batch_ids, mut poster_ids) = (Vec::new(), Vec::new());
    for (planned, partner) in plan.partners.iter().zip(f.partners.iter().flatten()) {
        let batch = BatchInput {
            name: planned.batch_name.clone(),
            valid_from: Some(input.first_day.trim().to_owned()),
            community_id: Some(input.community_id),
            channel_id: Some(partner.channel_id),
            min_spend_cents: input.min_spend_cents,
            ..BatchInput::new(input.benefit, input.vouchers_per_partner, input.last_day.trim())
        };
        let batch_id = crate::voucher::batch::insert(tx, &batch, now)?;
        super::link(tx, id, "batch", batch_id)?;
        let template = super::drainage::plan::template_for(crate::channel::ChannelKind::PartnerStore);
        let poster_id = super::poster_channel::campaign_poster(
            tx,
            id,
            partner.channel_id,
            template,
            &plan.gift_line,
            &community_name,
            now,
        )?;
        super::link(tx, id, "poster", poster_id)?;
        tx.execute(
            "INSERT INTO alliance_partner (campaign_id, partner_id, batch_id, poster_id) VALUES (?1, ?2, ?3, ?4)",
            params![id, partner.id, batch_id, poster_id],
        )?;
        batch_ids.push(batch_id);
        poster_ids.push(poster_id);
    }
    let (_, content_ids) = write::schedules_and_posts(tx, id, &[], &plan.posts, now)?;
    Ok(AllianceApplied { id, batch_ids, poster_ids, content_ids })
}

#[cfg(test)]
mod tests;
