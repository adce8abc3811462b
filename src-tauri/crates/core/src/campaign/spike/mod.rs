//! The flash-sale wizard's core: what the owner chose becomes a plan (every
//! session, post and check, written nowhere), and `apply` writes that same plan
//! in one transaction. The plan itself is a pure function of the input and the
//! facts read from the shop; the review step shows exactly what apply writes.

mod codes;
pub mod console;
mod model;
mod plan;
pub mod poster;
mod repaste;

pub use crate::campaign::poster_channel::PlannedPoster;
pub use crate::campaign::{PlannedPost, PlannedSession};
pub use console::{
    console, record, record_pasted, undo_last, BuyerInput, Console, Order, Recorded, SessionLine, Turned,
};
pub use model::{Applied, SpikeInput, SpikePlan};

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection};

use super::model::refused;
use super::wizard::{self, Wizard};
use super::{write, CampaignKind, Check};
use crate::voucher::{BatchInput, BenefitInput};
use crate::Result;

/// The method's preset: every Monday to Thursday.
pub const PRESET_RULE: &str = "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH";
/// A flash sale lasts at most a day (WeChat's own flash sales cap it there).
pub const MAX_MINUTES: i64 = 24 * 60;
pub use crate::campaign::when::MAX_SESSIONS;
pub const DEFAULT_MINUTES: i64 = 30;
pub const DEFAULT_PICKUP_DAYS: i64 = 3;

/// The plan for `input` as things stand: what the wizard's review shows.
pub fn preview(conn: &Connection, input: &SpikeInput, now: DateTime<Utc>) -> Result<SpikePlan> {
    Ok(plan::plan(input, &plan::facts(conn, input, now)?, now))
}

/// Saves the wizard's choices as a draft (a new one, or over draft `id`), to
/// resume after a restart; nothing else is written. Its id.
pub fn save_draft(conn: &Connection, id: Option<i64>, input: &SpikeInput, now: DateTime<Utc>) -> Result<i64> {
    write::save_draft(conn, CampaignKind::Spike, id, &input.name, input, now)
}

/// A draft's choices as the owner left them.
pub fn draft(conn: &Connection, id: i64) -> Result<SpikeInput> {
    wizard::draft::<FlashSale>(conn, id)
}

/// Writes the plan in one transaction: the campaign and its terms (publishing
/// draft `draft_id` when given), its sessions, a reminder schedule per
/// community and the posts on the content calendar. A plan with any refusal
/// writes nothing and says every reason.
pub fn apply(
    conn: &mut Connection,
    input: &SpikeInput,
    draft_id: Option<i64>,
    now: DateTime<Utc>,
) -> Result<Applied> {
    wizard::apply::<FlashSale>(conn, input, draft_id, now)
}

/// The published flash sale's choices, for the wizard to reopen on before it starts.
pub fn for_edit(conn: &Connection, id: i64, now: DateTime<Utc>) -> Result<SpikeInput> {
    wizard::for_edit::<FlashSale>(conn, id, now)
}

/// The plan an edit of campaign `id` would write (its locked terms checked);
/// writes nothing.
pub fn preview_edit(conn: &Connection, id: i64, input: &SpikeInput, now: DateTime<Utc>) -> Result<SpikePlan> {
    wizard::preview_edit::<FlashSale>(conn, id, input, now)
}

/// Edits the published flash sale before it starts, in one transaction (see
/// `wizard::edit`); a changed term is refused and nothing is written.
pub fn edit(conn: &mut Connection, id: i64, input: &SpikeInput, now: DateTime<Utc>) -> Result<Applied> {
    wizard::edit::<FlashSale>(conn, id, input, now)
}

/// The flash sale on the wizards' shared path.
pub(crate) struct FlashSale;

impl Wizard for FlashSale {
    const KIND: CampaignKind = CampaignKind::Spike;
    type Input = SpikeInput;
    type Plan = SpikePlan;
    type Applied = Applied;

    fn preview(conn: &Connection, input: &SpikeInput, now: DateTime<Utc>) -> Result<SpikePlan> {
        preview(conn, input, now)
    }

    fn write_in(
        tx: &rusqlite::Transaction,
        input: &SpikeInput,
        target: write::Target,
        now: DateTime<Utc>,
    ) -> Result<Applied> {
        write_in(tx, input, target, now)
    }

    /// The terms published with the sale that an edit changed, named in both languages.
    fn locked_changes(before: &SpikeInput, after: &SpikeInput) -> Vec<(&'static str, &'static str)> {
        [
            (before.product_id != after.product_id, ("The product", "商品")),
            (before.price_cents != after.price_cents, ("The flash price", "秒杀价")),
            (before.quantity != after.quantity, ("The quantity", "限量")),
            (before.per_customer != after.per_customer, ("The limit per person", "每人限购")),
            (before.pickup_days != after.pickup_days, ("The days to collect", "取货天数")),
            (before.pickup_vouchers != after.pickup_vouchers, ("Pickup codes", "取货码")),
        ]
        .into_iter()
        .filter_map(|(changed, name)| changed.then_some(name))
        .collect()
    }

    fn checks(plan: &mut SpikePlan) -> (&mut Vec<Check>, &mut bool) {
        (&mut plan.checks, &mut plan.refused)
    }
}

/// `apply`'s writing inside the caller's transaction (the sample shop makes
/// its campaigns within its own).
pub(crate) fn write_in(
    tx: &rusqlite::Transaction,
    input: &SpikeInput,
    target: write::Target,
    now: DateTime<Utc>,
) -> Result<Applied> {
    if let write::Target::Draft(d) = target {
        super::draft_row(tx, d)?;
    }
    let plan = plan::plan(input, &plan::facts(tx, input, now)?, now);
    refused(&plan.checks)?;
    let (id, session_ids) = write::publish(
        tx,
        &write::Publish {
            kind: CampaignKind::Spike,
            target,
            name: &plan.name,
            community_ids: &plan.community_ids,
            sessions: &plan.sessions,
        },
        input,
        now,
    )?;
    tx.execute(
        "INSERT INTO campaign_spike (campaign_id, product_id, price_cents, reference_cents, quantity, per_customer, minutes, pickup_days)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![id, input.product_id, plan.price_cents, plan.reference_cents, plan.quantity, plan.per_customer, plan.minutes, plan.pickup_days],
    )?;
    let mut batch_ids = Vec::new();
    if input.pickup_vouchers {
        for (s, session_id) in plan.sessions.iter().zip(&session_ids) {
            let batch_id = pickup_batch(tx, input, &plan, &s.day, now)?;
            tx.execute(
                "UPDATE campaign_session SET batch_id = ?1 WHERE id = ?2",
                params![batch_id, session_id],
            )?;
            crate::campaign::link(tx, id, "batch", batch_id)?;
            batch_ids.push(batch_id);
        }
    }
    let (schedule_ids, content_ids) = write::schedules_and_posts(tx, id, &plan.schedules, &plan.posts, now)?;
    let poster_id = match &plan.poster {
        Some(p) => {
            let poster_id = poster::insert(tx, id, p.channel_id, &plan, input.product_id, now)?;
            crate::campaign::link(tx, id, "poster", poster_id)?;
            Some(poster_id)
        }
        None => None,
    };
    Ok(Applied { id, schedule_ids, content_ids, sessions: plan.sessions.len() as i64, batch_ids, poster_id })
}

/// The session's pickup vouchers: one per unit on sale, at the sale price,
/// valid from the day of the sale for the pickup days.
fn pickup_batch(
    tx: &rusqlite::Transaction,
    input: &SpikeInput,
    plan: &SpikePlan,
    day: &str,
    now: DateTime<Utc>,
) -> Result<i64> {
    let first = chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d")
        .map_err(|_| crate::Error::Damaged("a flash-sale session's day"))?;
    let last = first + chrono::Duration::days(plan.pickup_days - 1);
    let lang = crate::shop::language_or(tx, crate::Lang::En);
    let name = match lang {
        crate::Lang::ZhCn => format!("秒杀提货：{} {day}", plan.product),
        crate::Lang::En => format!("Flash-sale pickup: {} {day}", plan.product),
    };
    let batch = BatchInput {
        name: name.chars().take(crate::voucher::NAME_MAX).collect(),
        valid_from: Some(day.to_owned()),
        community_id: (input.community_ids.len() == 1).then(|| input.community_ids[0]),
        ..BatchInput::new(
            BenefitInput::Pickup { product_id: input.product_id, price_cents: plan.price_cents },
            plan.quantity,
            &last.to_string(),
        )
    };
    crate::voucher::batch::insert(tx, &batch, now)
}
