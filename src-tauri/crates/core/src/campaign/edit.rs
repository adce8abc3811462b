//! Editing a published campaign before it starts: the wizard reopens on it,
//! and Finish replaces what it made (schedules, posts, posters, unissued
//! vouchers) with the new plan under the same campaign, in one transaction.
//! Its terms — price, quantity, tiers, the gift — stay as published (the 2020
//! promotion rules let published terms change only in the customer's favour);
//! to change them, copy the campaign. Once its first session has begun, or a
//! post of it has gone out, it can no longer be edited: it is public.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, Transaction};

use super::{get, CampaignKind, Check, Outcome, Status};
use crate::{shop, Error, Lang, Result};

/// The stored input of campaign `id` of `kind`, when it may still be edited.
pub(crate) fn editable(conn: &Connection, id: i64, kind: CampaignKind, now: DateTime<Utc>) -> Result<String> {
    let c = get(conn, id, now)?;
    if c.kind != kind {
        return Err(Error::NotFound { what: "campaign", id });
    }
    match c.status {
        Status::Scheduled => {}
        Status::Draft => return Err(Error::NotFound { what: "campaign", id }),
        _ => return Err(Error::CampaignStarted),
    }
    let announced: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM campaign_item i JOIN content_item c ON c.id = i.item_id
                        WHERE i.campaign_id = ?1 AND i.kind = 'content' AND c.posted_at IS NOT NULL)",
        [id],
        |r| r.get(0),
    )?;
    if announced {
        return Err(Error::CampaignAnnounced);
    }
    Ok(conn.query_row("SELECT input FROM campaign WHERE id = ?1", [id], |r| r.get(0))?)
}

/// The stored input, read back as the kind's input.
pub(crate) fn input<T: serde::de::DeserializeOwned>(
    conn: &Connection,
    id: i64,
    kind: CampaignKind,
    now: DateTime<Utc>,
) -> Result<T> {
    serde_json::from_str(&editable(conn, id, kind, now)?).map_err(|_| Error::Damaged("a campaign's terms"))
}

/// Takes back what the campaign made, inside the edit's transaction, so the
/// new plan is made afresh: its schedules go (none has started), its posts
/// are withdrawn, its posters archived, its vouchers (none handed out before
/// the start) voided; its sessions, communities and terms are cleared for
/// the new ones. The retired items stay in their tables, marked.
pub(crate) fn retire(tx: &Transaction, id: i64, now: DateTime<Utc>) -> Result<()> {
    let reason = match shop::language_or(tx, Lang::En) {
        Lang::ZhCn => "活动修改后重新生成",
        Lang::En => "Made again when the campaign was edited",
    };
    for (kind, sql) in [
        ("schedule", "UPDATE schedule SET deleted_at = ?1, updated_at = ?1 WHERE id = ?2 AND deleted_at IS NULL"),
        (
            "content",
            "UPDATE content_item SET withdrawn_at = ?1, updated_at = ?1 WHERE id = ?2 AND withdrawn_at IS NULL",
        ),
        ("poster", "UPDATE poster SET archived_at = ?1 WHERE id = ?2 AND archived_at IS NULL"),
    ] {
        for item in super::items(tx, id, kind)? {
            tx.execute(sql, params![now, item])?;
        }
    }
    for batch in super::items(tx, id, "batch")? {
        tx.execute(
            "UPDATE voucher_batch SET voided_at = ?1, void_reason = ?2 WHERE id = ?3 AND voided_at IS NULL",
            params![now, reason, batch],
        )?;
    }
    for sql in [
        "DELETE FROM campaign_item WHERE campaign_id = ?1",
        "DELETE FROM campaign_session WHERE campaign_id = ?1",
        "DELETE FROM campaign_community WHERE campaign_id = ?1",
        "DELETE FROM campaign_spike WHERE campaign_id = ?1",
        "DELETE FROM campaign_ladder_tier WHERE campaign_id = ?1",
        "DELETE FROM campaign_ladder_item WHERE campaign_id = ?1",
        "DELETE FROM campaign_ladder WHERE campaign_id = ?1",
        "DELETE FROM campaign_drainage WHERE campaign_id = ?1",
        "DELETE FROM referral_tier WHERE campaign_id = ?1",
        "DELETE FROM campaign_referral WHERE campaign_id = ?1",
    ] {
        tx.execute(sql, [id])?;
    }
    Ok(())
}

/// The plan an edit would write, made with the campaign's own things set
/// aside (its stock promise and sessions are not a clash with itself), in a
/// transaction that is rolled back: nothing is written.
pub(crate) fn preview<T>(
    conn: &Connection,
    id: i64,
    now: DateTime<Utc>,
    plan: impl FnOnce(&Transaction) -> Result<T>,
) -> Result<T> {
    let tx = conn.unchecked_transaction()?;
    retire(&tx, id, now)?;
    let planned = plan(&tx);
    tx.rollback()?;
    planned
}

/// A check refusing each locked term that changed, in both languages.
pub(crate) fn locked(changed: &[(&str, &str)], lang: Lang) -> Vec<Check> {
    changed
        .iter()
        .map(|(en, zh)| {
            Check::new(
                "locked",
                Outcome::Refuse,
                lang,
                format!("{en} was published and is locked: copy the campaign to run it again with a new one"),
                format!("{zh}已经发布，不能再改：如需修改，请复制活动后再办一次"),
            )
        })
        .collect()
}
