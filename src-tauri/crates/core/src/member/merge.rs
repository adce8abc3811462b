//! Two records of one person made one, by the owner's decision only: the
//! kept member takes the other's purchases, communities, consents, tags,
//! referrals and named vouchers, and fills its empty fields from it, in one
//! transaction. Everything moved is written down with the merge, so undo puts
//! it back exactly; the merged record stays, emptied of its phone, pointing
//! at the kept one.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension, Transaction, TransactionBehavior};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{exists, get, Member, NAME_MAX};
use crate::validate::optional;
use crate::{phone, Error, Field, Problem, Result};

/// A merge as the history lists it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct MemberMerge {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub kept_id: i64,
    pub kept_name: String,
    #[ts(type = "number")]
    pub merged_id: i64,
    pub merged_name: String,
    pub staff: String,
    pub merged_at: String,
    pub undone_at: Option<String>,
}

/// The kept member's fields before the merge filled them.
#[derive(Debug, Serialize, Deserialize)]
struct Before {
    phone: Option<String>,
    nickname: String,
    birthday: Option<String>,
    note: String,
    referred_by: Option<i64>,
}

/// A membership dropped because both records were in the community at once:
/// the later of the two joins; kept whole so undo can put it back.
#[derive(Debug, Serialize, Deserialize)]
struct Dropped {
    id: i64,
    member_id: i64,
    community_id: i64,
    channel_id: Option<i64>,
    staff_id: Option<i64>,
    joined_at: String,
    left_at: Option<String>,
}

/// Everything a merge moved, stored with it as JSON.
#[derive(Debug, Serialize, Deserialize)]
struct Moved {
    kept_before: Before,
    merged_phone: Option<String>,
    purchases: Vec<i64>,
    memberships: Vec<i64>,
    dropped: Vec<Dropped>,
    consents: Vec<i64>,
    tags_added: Vec<String>,
    referrals: Vec<i64>,
    /// Referral-day rows where the merged record was the member who referred,
    /// or the friend referred (older records have neither).
    #[serde(default)]
    referrer_rows: Vec<i64>,
    #[serde(default)]
    friend_rows: Vec<i64>,
    /// Voucher batches named to the merged member's phone: id, name and phone before.
    batches: Vec<(i64, String, String)>,
}

fn ids(tx: &Transaction, sql: &str, id: i64) -> Result<Vec<i64>> {
    Ok(tx.prepare_cached(sql)?.query_map([id], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?)
}

/// Merges `merged_id` into `kept_id`; the kept member as they are now.
pub fn merge(
    conn: &mut Connection,
    kept_id: i64,
    merged_id: i64,
    staff: &str,
    now: DateTime<Utc>,
) -> Result<Member> {
    let staff = optional(Field::Staff, staff, NAME_MAX)?;
    if kept_id == merged_id {
        return Err(Error::invalid(Field::Member, Problem::Duplicate));
    }
    exists(conn, kept_id)?;
    exists(conn, merged_id)?;
    crate::backup::before_risky(conn, crate::backup::Reason::BeforeMerge, now)?;
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    exists(&tx, kept_id)?;
    exists(&tx, merged_id)?;
    let fields = |id: i64| -> Result<(Before, String)> {
        Ok(tx.query_row(
            "SELECT phone, wechat_nickname, birthday_md, note, referred_by, display_name FROM member WHERE id = ?1",
            [id],
            |r| {
                Ok((
                    Before {
                        phone: r.get(0)?,
                        nickname: r.get(1)?,
                        birthday: r.get(2)?,
                        note: r.get(3)?,
                        referred_by: r.get(4)?,
                    },
                    r.get(5)?,
                ))
            },
        )?)
    };
    let (kept, kept_name) = fields(kept_id)?;
    let (other, _) = fields(merged_id)?;
    // The merged record gives up its phone first: a phone belongs to one member.
    tx.execute(
        "UPDATE member SET phone = NULL, merged_into = ?1, updated_at = ?2 WHERE id = ?3",
        params![kept_id, now, merged_id],
    )?;
    let referred_by = match (kept.referred_by, other.referred_by) {
        // The merged record had referred the kept one: a person does not refer themselves.
        (Some(r), _) if r == merged_id => None,
        (None, Some(r)) if r != kept_id => Some(r),
        (mine, _) => mine,
    };
    let phone = kept.phone.clone().or(other.phone.clone());
    tx.execute(
        "UPDATE member SET phone = ?1, wechat_nickname = ?2, birthday_md = ?3, note = ?4, referred_by = ?5,
                updated_at = ?6 WHERE id = ?7",
        params![
            phone,
            if kept.nickname.is_empty() { &other.nickname } else { &kept.nickname },
            kept.birthday.clone().or(other.birthday.clone()),
            if kept.note.is_empty() { &other.note } else { &kept.note },
            referred_by,
            now,
            kept_id
        ],
    )?;
    let purchases = ids(&tx, "SELECT id FROM purchase WHERE member_id = ?1 ORDER BY id", merged_id)?;
    tx.execute("UPDATE purchase SET member_id = ?1 WHERE member_id = ?2", params![kept_id, merged_id])?;
    let (memberships, dropped) = move_memberships(&tx, kept_id, merged_id)?;
    // Consents move, except a current one the kept member already has for the same purpose.
    let consents = ids(
        &tx,
        "SELECT c.id FROM consent c WHERE c.member_id = ?1 AND (c.withdrawn_at IS NOT NULL OR NOT EXISTS (
             SELECT 1 FROM consent k WHERE k.member_id = (SELECT merged_into FROM member WHERE id = ?1)
               AND k.purpose = c.purpose AND k.withdrawn_at IS NULL)) ORDER BY c.id",
        merged_id,
    )?;
    for c in &consents {
        tx.execute("UPDATE consent SET member_id = ?1 WHERE id = ?2", params![kept_id, c])?;
    }
    let tags_added: Vec<String> = tx
        .prepare_cached(
            "SELECT tag FROM member_tag WHERE member_id = ?1
             AND tag NOT IN (SELECT tag FROM member_tag WHERE member_id = ?2) ORDER BY tag",
        )?
        .query_map(params![merged_id, kept_id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for t in &tags_added {
        tx.execute("INSERT INTO member_tag (member_id, tag) VALUES (?1, ?2)", params![kept_id, t])?;
    }
    let referrals =
        ids(&tx, "SELECT id FROM member WHERE referred_by = ?1 AND id <> (SELECT merged_into FROM member WHERE id = ?1)", merged_id)?;
    for r in &referrals {
        tx.execute("UPDATE member SET referred_by = ?1 WHERE id = ?2", params![kept_id, r])?;
    }
    // A referral between the two records is the person with themselves: it stays where it was.
    let referrer_rows =
        ids(&tx, "SELECT id FROM referral WHERE referrer_id = ?1 AND friend_id <> (SELECT merged_into FROM member WHERE id = ?1)", merged_id)?;
    for r in &referrer_rows {
        tx.execute("UPDATE referral SET referrer_id = ?1 WHERE id = ?2", params![kept_id, r])?;
    }
    let friend_rows = ids(
        &tx,
        "SELECT id FROM referral WHERE friend_id = ?1 AND referrer_id <> (SELECT merged_into FROM member WHERE id = ?1)
         AND NOT EXISTS (SELECT 1 FROM referral k WHERE k.friend_id = (SELECT merged_into FROM member WHERE id = ?1))",
        merged_id,
    )?;
    for r in &friend_rows {
        tx.execute("UPDATE referral SET friend_id = ?1 WHERE id = ?2", params![kept_id, r])?;
    }
    let batches = rename_vouchers(&tx, other.phone.as_deref(), phone.as_deref(), &kept_name)?;
    let moved = Moved {
        kept_before: kept,
        merged_phone: other.phone,
        purchases,
        memberships,
        dropped,
        consents,
        tags_added,
        referrals,
        referrer_rows,
        friend_rows,
        batches,
    };
    tx.execute(
        "INSERT INTO member_merge (kept_id, merged_id, moved, staff, merged_at) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![kept_id, merged_id, serde_json::to_string(&moved).unwrap_or_default(), staff, now],
    )?;
    tx.commit()?;
    get(conn, kept_id)
}

/// Moves the merged record's memberships; where both were in a community at
/// once, the earlier join stays (its channel brought the person) and the
/// later is dropped, kept in the merge's record.
fn move_memberships(tx: &Transaction, kept_id: i64, merged_id: i64) -> Result<(Vec<i64>, Vec<Dropped>)> {
    let rows: Vec<Dropped> = tx
        .prepare_cached(
            "SELECT id, member_id, community_id, channel_id, staff_id, joined_at, left_at FROM membership
             WHERE member_id = ?1 ORDER BY id",
        )?
        .query_map([merged_id], membership_row)?
        .collect::<rusqlite::Result<_>>()?;
    let (mut moved, mut dropped) = (Vec::new(), Vec::new());
    for m in rows {
        let clash: Option<Dropped> = if m.left_at.is_none() {
            tx.query_row(
                "SELECT id, member_id, community_id, channel_id, staff_id, joined_at, left_at FROM membership
                 WHERE member_id = ?1 AND community_id = ?2 AND left_at IS NULL",
                params![kept_id, m.community_id],
                membership_row,
            )
            .optional()?
        } else {
            None
        };
        match clash {
            Some(k) if k.joined_at <= m.joined_at => {
                tx.execute("DELETE FROM membership WHERE id = ?1", [m.id])?;
                dropped.push(m);
            }
            Some(k) => {
                tx.execute("DELETE FROM membership WHERE id = ?1", [k.id])?;
                dropped.push(k);
                tx.execute("UPDATE membership SET member_id = ?1 WHERE id = ?2", params![kept_id, m.id])?;
                moved.push(m.id);
            }
            None => {
                tx.execute("UPDATE membership SET member_id = ?1 WHERE id = ?2", params![kept_id, m.id])?;
                moved.push(m.id);
            }
        }
    }
    Ok((moved, dropped))
}

/// A `membership` row read whole (its columns in the table's order).
fn membership_row(r: &rusqlite::Row) -> rusqlite::Result<Dropped> {
    Ok(Dropped {
        id: r.get(0)?,
        member_id: r.get(1)?,
        community_id: r.get(2)?,
        channel_id: r.get(3)?,
        staff_id: r.get(4)?,
        joined_at: r.get(5)?,
        left_at: r.get(6)?,
    })
}

/// Voucher batches named to the merged record's phone are named to the kept member.
fn rename_vouchers(
    tx: &Transaction,
    from: Option<&str>,
    to: Option<&str>,
    name: &str,
) -> Result<Vec<(i64, String, String)>> {
    let (Some(from), Some(to)) = (from, to) else { return Ok(Vec::new()) };
    if from == to {
        return Ok(Vec::new());
    }
    let named: Vec<(i64, String, String)> = tx
        .prepare_cached("SELECT id, holder_name, holder_phone FROM voucher_batch WHERE holder_phone <> ''")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut renamed = Vec::new();
    for (id, old_name, old_phone) in named {
        if phone::normalize(Field::HolderPhone, &old_phone).ok().as_deref() == Some(from) {
            tx.execute(
                "UPDATE voucher_batch SET holder_name = ?1, holder_phone = ?2 WHERE id = ?3",
                params![name, to, id],
            )?;
            renamed.push((id, old_name, old_phone));
        }
    }
    Ok(renamed)
}

/// Puts back everything the merge moved; refused while a later merge involves either member.
pub fn undo_merge(conn: &mut Connection, merge_id: i64, now: DateTime<Utc>) -> Result<Member> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let found: Option<(i64, i64, String, Option<String>)> = tx
        .query_row(
            "SELECT kept_id, merged_id, moved, undone_at FROM member_merge WHERE id = ?1",
            [merge_id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .optional()?;
    let Some((kept_id, merged_id, moved, undone)) = found else {
        return Err(Error::NotFound { what: "merge", id: merge_id });
    };
    if undone.is_some() {
        return Err(Error::NothingToUndo);
    }
    let later: bool = tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM member_merge WHERE id > ?1 AND undone_at IS NULL
            AND (kept_id IN (?2, ?3) OR merged_id IN (?2, ?3)))",
        params![merge_id, kept_id, merged_id],
        |r| r.get(0),
    )?;
    if later {
        return Err(Error::LaterMerge);
    }
    exists(&tx, kept_id)?;
    let m: Moved = serde_json::from_str(&moved).map_err(|_| Error::Damaged("member merge record"))?;
    for p in &m.purchases {
        tx.execute(
            "UPDATE purchase SET member_id = ?1 WHERE id = ?2 AND member_id = ?3",
            params![merged_id, p, kept_id],
        )?;
    }
    for s in &m.memberships {
        tx.execute("UPDATE membership SET member_id = ?1 WHERE id = ?2", params![merged_id, s])?;
    }
    for d in &m.dropped {
        tx.execute(
            "INSERT INTO membership (id, member_id, community_id, channel_id, staff_id, joined_at, left_at)
             VALUES ((SELECT CASE WHEN EXISTS (SELECT 1 FROM membership WHERE id = ?1) THEN NULL ELSE ?1 END),
                     ?2, ?3, ?4, ?5, ?6, ?7)",
            params![d.id, d.member_id, d.community_id, d.channel_id, d.staff_id, d.joined_at, d.left_at],
        )?;
    }
    for c in &m.consents {
        tx.execute("UPDATE consent SET member_id = ?1 WHERE id = ?2", params![merged_id, c])?;
    }
    for t in &m.tags_added {
        tx.execute("DELETE FROM member_tag WHERE member_id = ?1 AND tag = ?2", params![kept_id, t])?;
    }
    for r in &m.referrals {
        tx.execute("UPDATE member SET referred_by = ?1 WHERE id = ?2", params![merged_id, r])?;
    }
    for r in &m.referrer_rows {
        tx.execute("UPDATE referral SET referrer_id = ?1 WHERE id = ?2", params![merged_id, r])?;
    }
    for r in &m.friend_rows {
        tx.execute("UPDATE referral SET friend_id = ?1 WHERE id = ?2", params![merged_id, r])?;
    }
    for (id, name, phone) in &m.batches {
        tx.execute(
            "UPDATE voucher_batch SET holder_name = ?1, holder_phone = ?2 WHERE id = ?3",
            params![name, phone, id],
        )?;
    }
    let b = &m.kept_before;
    tx.execute(
        "UPDATE member SET phone = ?1, wechat_nickname = ?2, birthday_md = ?3, note = ?4, referred_by = ?5,
                updated_at = ?6 WHERE id = ?7",
        params![b.phone, b.nickname, b.birthday, b.note, b.referred_by, now, kept_id],
    )?;
    tx.execute(
        "UPDATE member SET phone = ?1, merged_into = NULL, updated_at = ?2 WHERE id = ?3",
        params![m.merged_phone, now, merged_id],
    )?;
    tx.execute("UPDATE member_merge SET undone_at = ?1 WHERE id = ?2", params![now, merge_id])?;
    tx.commit()?;
    get(conn, merged_id)
}

/// The merges, newest first.
pub fn merges(conn: &Connection) -> Result<Vec<MemberMerge>> {
    Ok(conn
        .prepare_cached(
            "SELECT g.id, g.kept_id, k.display_name, g.merged_id, m.display_name, g.staff, g.merged_at, g.undone_at
             FROM member_merge g JOIN member k ON k.id = g.kept_id JOIN member m ON m.id = g.merged_id
             ORDER BY g.id DESC LIMIT 200",
        )?
        .query_map([], |r| {
            Ok(MemberMerge {
                id: r.get(0)?,
                kept_id: r.get(1)?,
                kept_name: r.get(2)?,
                merged_id: r.get(3)?,
                merged_name: r.get(4)?,
                staff: r.get(5)?,
                merged_at: r.get(6)?,
                undone_at: r.get(7)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?)
}
