//! Campaigns: a wizard's choices become a plan — every schedule, post and
//! check it implies, shown before anything is written — and `apply` writes
//! the same plan in one transaction. Kinds share one status machine; a
//! cancelled campaign ends its future sessions and withdraws its unposted
//! posts, in one transaction, deleting nothing.

pub mod alliance;
pub mod copy;
pub mod drainage;
pub mod draw;
mod edit;
pub mod jielong;
pub mod ladder;
mod model;
pub(crate) mod poster_channel;
pub mod referral;
mod report;
pub mod spike;
pub mod when;
mod wizard;
pub(crate) mod write;

pub use model::{Campaign, CampaignKind, Check, Outcome, PlannedPost, PlannedSession, Status};
pub use report::{csv as report_csv, report, ChannelClaims, KeyFigures, Report, ReportRow};

use chrono::{DateTime, Duration, Utc};
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};

use crate::validate::required;
use crate::{shop, Error, Field, Result};

/// The reason given for a cancellation.
pub const REASON_MAX: usize = crate::voucher::REASON_MAX;

pub(crate) fn community_ids(conn: &Connection, campaign_id: i64) -> Result<Vec<i64>> {
    let mut stmt = conn.prepare_cached(
        "SELECT community_id FROM campaign_community WHERE campaign_id = ?1 ORDER BY community_id",
    )?;
    let ids = stmt.query_map([campaign_id], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
    Ok(ids)
}

/// Each chosen community and whether it exists and is not archived, for a plan's checks.
pub(crate) fn usable_communities(conn: &Connection, ids: &[i64]) -> Result<Vec<(i64, bool)>> {
    ids.iter()
        .map(|&id| {
            let usable: Option<bool> = conn
                .query_row("SELECT archived_at IS NULL FROM community WHERE id = ?1", [id], |r| r.get(0))
                .optional()?;
            Ok((id, usable.unwrap_or(false)))
        })
        .collect()
}

/// What every kind refuses about the communities chosen, in both languages.
pub(crate) fn community_refusals(ids: &[i64], usable: &[(i64, bool)]) -> Vec<(String, String)> {
    let mut out = Vec::new();
    if ids.is_empty() {
        out.push(("Choose at least one community to run it in".into(), "请至少选择一个社群".into()));
    }
    for (id, _) in usable.iter().filter(|(_, ok)| !ok) {
        out.push((
            format!("Community {id} does not exist or is archived"),
            format!("社群 {id} 不存在或已归档"),
        ));
    }
    out
}

/// Records that the campaign made `item_id` (a schedule, a content item…).
pub(crate) fn link(tx: &Transaction, campaign_id: i64, kind: &str, item_id: i64) -> Result<()> {
    tx.prepare_cached("INSERT INTO campaign_item (campaign_id, kind, item_id) VALUES (?1, ?2, ?3)")?
        .execute(params![campaign_id, kind, item_id])?;
    Ok(())
}

/// A draft's stored input; refused when the campaign is published or gone.
pub(crate) fn draft_row(conn: &Connection, id: i64) -> Result<String> {
    let row: Option<(String, Option<String>)> = conn
        .query_row("SELECT input, published_at FROM campaign WHERE id = ?1", [id], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .optional()?;
    match row {
        None => Err(Error::NotFound { what: "campaign", id }),
        Some((_, Some(_))) => Err(Error::CampaignPublished),
        Some((input, None)) => Ok(input),
    }
}

/// Throws a draft away (only a draft: a published campaign is cancelled instead).
pub fn discard_draft(conn: &mut Connection, id: i64) -> Result<()> {
    let tx = conn.transaction()?;
    draft_row(&tx, id)?;
    tx.execute("DELETE FROM campaign_community WHERE campaign_id = ?1", [id])?;
    tx.execute("DELETE FROM campaign WHERE id = ?1", [id])?;
    tx.commit()?;
    Ok(())
}

/// A new draft of the same kind with campaign `id`'s choices, to run it again
/// with changes (a published campaign's terms stay locked). Its id.
pub fn copy(conn: &Connection, id: i64, now: DateTime<Utc>) -> Result<i64> {
    let (kind, name, input): (String, String, String) = conn
        .query_row("SELECT kind, name, input FROM campaign WHERE id = ?1", [id], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })
        .optional()?
        .ok_or(Error::NotFound { what: "campaign", id })?;
    conn.execute(
        "INSERT INTO campaign (kind, name, input, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?4)",
        params![kind, name, input, now],
    )?;
    Ok(conn.last_insert_rowid())
}

pub(crate) fn items(conn: &Connection, campaign_id: i64, kind: &str) -> Result<Vec<i64>> {
    let mut stmt =
        conn.prepare_cached("SELECT item_id FROM campaign_item WHERE campaign_id = ?1 AND kind = ?2")?;
    let ids = stmt.query_map(params![campaign_id, kind], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
    Ok(ids)
}

const COLUMNS: &str =
    "id, kind, name, starts_at, ends_at, published_at, cancelled_at, cancel_reason, created_at";

fn status(r: &Row, now: DateTime<Utc>) -> rusqlite::Result<Status> {
    let published: Option<String> = r.get("published_at")?;
    let cancelled: Option<String> = r.get("cancelled_at")?;
    let starts: Option<DateTime<Utc>> = r.get("starts_at")?;
    let ends: Option<DateTime<Utc>> = r.get("ends_at")?;
    Ok(match (published, cancelled) {
        (_, Some(_)) => Status::Cancelled,
        (None, None) => Status::Draft,
        (Some(_), None) => match (starts, ends) {
            (Some(s), _) if now < s => Status::Scheduled,
            (_, Some(e)) if now < e => Status::Running,
            _ => Status::Ended,
        },
    })
}

fn read(conn: &Connection, r: &Row, now: DateTime<Utc>) -> Result<Campaign> {
    let id: i64 = r.get("id")?;
    let kind: String = r.get("kind")?;
    let next_at: Option<String> = conn
        .query_row(
            "SELECT starts_at FROM campaign_session WHERE campaign_id = ?1 AND starts_at > ?2 ORDER BY starts_at LIMIT 1",
            params![id, now],
            |r| r.get::<_, DateTime<Utc>>(0),
        )
        .optional()?
        .map(|t| t.to_rfc3339());
    let sessions: i64 =
        conn.query_row("SELECT count(*) FROM campaign_session WHERE campaign_id = ?1", [id], |r| r.get(0))?;
    let status = status(r, now)?;
    let stamp = |col: &str| -> rusqlite::Result<Option<String>> {
        Ok(r.get::<_, Option<DateTime<Utc>>>(col)?.map(|t| t.to_rfc3339()))
    };
    Ok(Campaign {
        id,
        kind: CampaignKind::parse(&kind),
        name: r.get("name")?,
        status,
        community_ids: community_ids(conn, id)?,
        starts_at: stamp("starts_at")?,
        ends_at: stamp("ends_at")?,
        next_at: if status == Status::Cancelled { None } else { next_at },
        sessions,
        cancel_reason: r.get("cancel_reason")?,
        created_at: r.get::<_, DateTime<Utc>>("created_at")?.to_rfc3339(),
        figures: match status {
            Status::Draft => None,
            _ => Some(report::key_figures(conn, id, CampaignKind::parse(&kind), now)?),
        },
    })
}

pub fn get(conn: &Connection, id: i64, now: DateTime<Utc>) -> Result<Campaign> {
    let mut stmt = conn.prepare_cached(&format!("SELECT {COLUMNS} FROM campaign WHERE id = ?1"))?;
    let mut rows = stmt.query([id])?;
    match rows.next()? {
        Some(r) => read(conn, r, now),
        None => Err(Error::NotFound { what: "campaign", id }),
    }
}

/// Every campaign, newest first; only those in `status` when given.
pub fn list(conn: &Connection, status: Option<Status>, now: DateTime<Utc>) -> Result<Vec<Campaign>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM campaign ORDER BY coalesce(starts_at, created_at) DESC, id DESC"
    ))?;
    let mut rows = stmt.query([])?;
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        let c = read(conn, r, now)?;
        if status.is_none_or(|s| s == c.status) {
            out.push(c);
        }
    }
    Ok(out)
}

/// What cancelling changed.
#[derive(Debug, Clone, PartialEq, serde::Serialize, ts_rs::TS)]
#[ts(export)]
pub struct Cancelled {
    #[ts(type = "number")]
    pub schedules_ended: i64,
    #[ts(type = "number")]
    pub posts_withdrawn: i64,
    /// Pickup vouchers no buyer holds yet (a buyer's stays valid: the sale was made).
    #[ts(type = "number")]
    pub vouchers_voided: i64,
}

/// Cancels a campaign that has not ended, with the owner's reason, in one
/// transaction: its schedules stop before today (or go, when none has
/// started), its unposted posts from now on are withdrawn, the pickup
/// vouchers no buyer holds are voided with the reason. Nothing is deleted.
pub fn cancel(conn: &mut Connection, id: i64, reason: &str, now: DateTime<Utc>) -> Result<Cancelled> {
    let reason = required(Field::Reason, reason, REASON_MAX)?;
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    let current = get(&tx, id, now)?;
    if matches!(current.status, Status::Cancelled | Status::Ended) {
        return Err(Error::CampaignClosed);
    }
    let frozen_undrawn: bool = tx
        .query_row(
            "SELECT frozen_at IS NOT NULL AND drawn_at IS NULL FROM campaign_draw WHERE campaign_id = ?1",
            [id],
            |r| r.get(0),
        )
        .optional()?
        .unwrap_or(false);
    if frozen_undrawn {
        return Err(Error::DrawFrozenNotCancelled);
    }
    let today = shop::today(&tx, now)?;
    let mut schedules_ended = 0;
    for sid in items(&tx, id, "schedule")? {
        let start_day: Option<String> = tx
            .query_row(
                "SELECT substr(starts_local, 1, 10) FROM schedule WHERE id = ?1 AND deleted_at IS NULL",
                [sid],
                |r| r.get(0),
            )
            .optional()?;
        let Some(start_day) = start_day else { continue };
        let yesterday = (today - Duration::days(1)).to_string();
        if start_day <= yesterday {
            tx.execute(
                "UPDATE schedule SET ends_on = ?1, updated_at = ?2 WHERE id = ?3",
                params![yesterday, now, sid],
            )?;
        } else {
            tx.execute(
                "UPDATE schedule SET deleted_at = ?1, updated_at = ?1 WHERE id = ?2",
                params![now, sid],
            )?;
        }
        schedules_ended += 1;
    }
    let mut posts_withdrawn = 0;
    for cid in items(&tx, id, "content")? {
        posts_withdrawn += tx.execute(
            "UPDATE content_item SET withdrawn_at = ?1, updated_at = ?1
             WHERE id = ?2 AND posted_at IS NULL AND withdrawn_at IS NULL AND due_at > ?1",
            params![now, cid],
        )? as i64;
    }
    let mut vouchers_voided = 0;
    for batch_id in items(&tx, id, "batch")? {
        let open: Vec<i64> = tx
            .prepare_cached(
                "SELECT serial FROM voucher WHERE batch_id = ?1 AND holder_name = ''
                 AND redeemed_at IS NULL AND voided_at IS NULL",
            )?
            .query_map([batch_id], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        for serial in open {
            tx.execute(
                "UPDATE voucher SET voided_at = ?1, void_reason = ?2 WHERE serial = ?3",
                params![now, reason, serial],
            )?;
            tx.execute(
                "INSERT INTO voucher_event (serial, action, reason, at) VALUES (?1, 'voided', ?2, ?3)",
                params![serial, reason, now],
            )?;
            vouchers_voided += 1;
        }
    }
    // Its posters leave the lists (their history stays): nobody should print a cancelled sale.
    for poster_id in items(&tx, id, "poster")? {
        tx.execute(
            "UPDATE poster SET archived_at = ?1 WHERE id = ?2 AND archived_at IS NULL",
            params![now, poster_id],
        )?;
    }
    tx.execute(
        "UPDATE campaign SET cancelled_at = ?1, cancel_reason = ?2, updated_at = ?1 WHERE id = ?3",
        params![now, reason, id],
    )?;
    tx.commit()?;
    Ok(Cancelled { schedules_ended, posts_withdrawn, vouchers_voided })
}

#[cfg(test)]
mod console_tests;
#[cfg(test)]
mod drainage_tests;
#[cfg(test)]
mod edit_tests;
#[cfg(test)]
mod ladder_codes_tests;
#[cfg(test)]
mod ladder_tests;
#[cfg(test)]
mod tests;
