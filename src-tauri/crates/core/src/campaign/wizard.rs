//! The path every campaign kind's wizard shares: Finish writes the plan in
//! one transaction (over the draft, when there is one); an edit before the
//! start checks the published terms are unchanged, retires what the campaign
//! made and writes the new plan under the same id. Each kind says only what
//! differs: its plan, its writing, and which of its terms are locked.

use chrono::{DateTime, Utc};
use rusqlite::{Connection, Transaction, TransactionBehavior};

use super::model::refused;
use super::{edit, write, CampaignKind, Check};
use crate::{shop, Lang, Result};

pub(crate) trait Wizard {
    const KIND: CampaignKind;
    type Input: serde::de::DeserializeOwned;
    type Plan;
    type Applied;

    /// The plan Finish would write, with every check; writes nothing.
    fn preview(conn: &Connection, input: &Self::Input, now: DateTime<Utc>) -> Result<Self::Plan>;
    /// Re-plans inside the caller's transaction and writes exactly that plan,
    /// or nothing when a check refuses.
    fn write_in(
        tx: &Transaction,
        input: &Self::Input,
        target: write::Target,
        now: DateTime<Utc>,
    ) -> Result<Self::Applied>;
    /// The published terms an edit changed, named in English and Chinese.
    fn locked_changes(before: &Self::Input, after: &Self::Input) -> Vec<(&'static str, &'static str)>;
    /// The plan's checks and whether it is refused, for the locked terms to join.
    fn checks(plan: &mut Self::Plan) -> (&mut Vec<Check>, &mut bool);
}

/// Creates everything the plan lists in one transaction, replacing the draft
/// `draft_id` when the wizard saved one.
pub(crate) fn apply<W: Wizard>(
    conn: &mut Connection,
    input: &W::Input,
    draft_id: Option<i64>,
    now: DateTime<Utc>,
) -> Result<W::Applied> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let made = W::write_in(&tx, input, write::Target::from_draft(draft_id), now)?;
    tx.commit()?;
    Ok(made)
}

/// A draft's choices as the owner left them.
pub(crate) fn draft<W: Wizard>(conn: &Connection, id: i64) -> Result<W::Input> {
    let stored = super::draft_row(conn, id)?;
    serde_json::from_str(&stored).map_err(|_| crate::Error::Damaged("a campaign draft"))
}

/// The published campaign's choices, for the wizard to reopen on before it starts.
pub(crate) fn for_edit<W: Wizard>(conn: &Connection, id: i64, now: DateTime<Utc>) -> Result<W::Input> {
    edit::input(conn, id, W::KIND, now)
}

/// The plan an edit of campaign `id` would write, its locked terms checked;
/// writes nothing.
pub(crate) fn preview_edit<W: Wizard>(
    conn: &Connection,
    id: i64,
    input: &W::Input,
    now: DateTime<Utc>,
) -> Result<W::Plan> {
    let before: W::Input = edit::input(conn, id, W::KIND, now)?;
    let mut plan = edit::preview(conn, id, now, |tx| W::preview(tx, input, now))?;
    let locked = edit::locked(&W::locked_changes(&before, input), shop::language_or(conn, Lang::En));
    let (checks, refused) = W::checks(&mut plan);
    *refused |= !locked.is_empty();
    checks.extend(locked);
    Ok(plan)
}

/// Edits the published campaign before it starts, in one transaction: what it
/// made is replaced by the new plan under the same campaign. Its terms stay
/// as published; a changed one is refused with the rest, and nothing is written.
pub(crate) fn edit<W: Wizard>(
    conn: &mut Connection,
    id: i64,
    input: &W::Input,
    now: DateTime<Utc>,
) -> Result<W::Applied> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let before: W::Input = edit::input(&tx, id, W::KIND, now)?;
    refused(&edit::locked(&W::locked_changes(&before, input), shop::language_or(&tx, Lang::En)))?;
    edit::retire(&tx, id, now)?;
    let made = W::write_in(&tx, input, write::Target::Replace(id), now)?;
    tx.commit()?;
    Ok(made)
}
