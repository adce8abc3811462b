//! The shop's members: as little about them as the shop needs (a display name
//! is enough), which communities they joined through which channel and staff
//! account, and what they agreed to. Adding one records its consent in the
//! same transaction; anyone without marketing consent is left out of every
//! campaign list.

mod csv;
mod duplicates;
mod erase;
mod memberships;
mod merge;
mod model;
mod notice;
mod read;

pub use csv::csv;
pub use duplicates::{duplicates, DuplicatePair, DuplicateReason, DuplicateSide, DUPLICATES_MAX};
pub use erase::{erase, erasures_file, read_outside, reapply, record_outside, ERASED_NAME};
pub use memberships::{join, leave};
pub use merge::{merge, merges, undo_merge, MemberMerge};
pub use notice::notice;

pub use model::{
    Consent, ConsentInput, ConsentMethod, ConsentPurpose, JoinInput, Member, MemberFilter, MemberInput,
    MemberPage, MemberRow, Membership,
};
pub use read::{get, list, LIST_MAX};
pub(crate) use read::{LIVE, MARKETING};

use chrono::{DateTime, Utc};
use rand::RngCore;
use rusqlite::{params, Connection, OptionalExtension, Transaction, TransactionBehavior};

use crate::validate::{optional, optional_lines, required, unknown};
use crate::{phone, Error, Field, Problem, Result};

pub const NAME_MAX: usize = 40;
pub const NICKNAME_MAX: usize = 40;
pub const NOTE_MAX: usize = 500;
pub const TAG_MAX: usize = 20;
pub const TAGS_MAX: usize = 20;
/// The printed notice a consent was given against; raised when its words change.
pub const NOTICE_VERSION: i64 = 1;

/// Adds a member with their consent (and marketing consent when given
/// separately), their tags and where they joined, in one transaction.
pub fn create(conn: &mut Connection, input: &MemberInput, now: DateTime<Utc>) -> Result<Member> {
    // Only an import of another system's customers records consent as imported.
    if input.consent.method == ConsentMethod::Imported {
        return Err(unknown(Field::ConsentMethod, ConsentMethod::Imported.as_str()));
    }
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let id = create_in(&tx, input, now)?;
    tx.commit()?;
    get(conn, id)
}

/// `create` inside the caller's transaction; the new member's id.
pub(crate) fn create_in(tx: &Transaction, input: &MemberInput, now: DateTime<Utc>) -> Result<i64> {
    let v = validate(tx, input)?;
    if let Some(p) = &v.phone {
        let taken: Option<String> =
            tx.query_row("SELECT display_name FROM member WHERE phone = ?1", [p], |r| r.get(0)).optional()?;
        if taken.is_some() {
            return Err(Error::invalid(Field::Phone, Problem::Duplicate));
        }
    }
    let mut uid = [0u8; 16];
    rand::rngs::OsRng.fill_bytes(&mut uid);
    let uid: String = uid.iter().map(|b| format!("{b:02x}")).collect();
    tx.execute(
        "INSERT INTO member (uid, display_name, phone, wechat_nickname, birthday_md, note, referred_by, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
        params![uid, v.display_name, v.phone, v.nickname, v.birthday, v.note, input.referred_by, now],
    )?;
    let id = tx.last_insert_rowid();
    for tag in &v.tags {
        tx.prepare_cached("INSERT OR IGNORE INTO member_tag (member_id, tag) VALUES (?1, ?2)")?
            .execute(params![id, tag])?;
    }
    if let Some(j) = &input.join {
        tx.execute(
            "INSERT INTO membership (member_id, community_id, channel_id, staff_id, joined_at) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![id, j.community_id, j.channel_id, j.staff_id, now],
        )?;
    }
    let c = &input.consent;
    record_consent(tx, id, ConsentPurpose::Membership, c.method, &v.recorded_by, now)?;
    if c.marketing {
        record_consent(tx, id, ConsentPurpose::Marketing, c.method, &v.recorded_by, now)?;
    }
    Ok(id)
}

fn record_consent(
    tx: &Transaction,
    member_id: i64,
    purpose: ConsentPurpose,
    method: ConsentMethod,
    recorded_by: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO consent (member_id, purpose, method, notice_version, given_at, recorded_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![member_id, purpose.as_str(), method.as_str(), NOTICE_VERSION, now, recorded_by])?;
    Ok(())
}

/// Gives (with how, and who recorded it) or withdraws marketing consent. A
/// withdrawal is kept on the record, marked; giving it again is a new record.
pub fn set_marketing(
    conn: &mut Connection,
    id: i64,
    given: Option<(ConsentMethod, &str)>,
    now: DateTime<Utc>,
) -> Result<Member> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    exists(&tx, id)?;
    let current: bool = tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM consent WHERE member_id = ?1 AND purpose = 'marketing' AND withdrawn_at IS NULL)",
        [id],
        |r| r.get(0),
    )?;
    match given {
        Some((ConsentMethod::Imported, _)) => {
            return Err(unknown(Field::ConsentMethod, ConsentMethod::Imported.as_str()));
        }
        Some((method, by)) if !current => {
            let by = optional(Field::Staff, by, NAME_MAX)?;
            record_consent(&tx, id, ConsentPurpose::Marketing, method, &by, now)?;
        }
        None if current => {
            tx.execute(
                "UPDATE consent SET withdrawn_at = ?1 WHERE member_id = ?2 AND purpose = 'marketing' AND withdrawn_at IS NULL",
                params![now, id],
            )?;
        }
        // Already as asked: nothing to record.
        _ => {}
    }
    tx.execute("UPDATE member SET updated_at = ?1 WHERE id = ?2", params![now, id])?;
    tx.commit()?;
    get(conn, id)
}

/// A member who can still be changed: known, not merged away, not erased.
pub(crate) fn exists(conn: &Connection, id: i64) -> Result<()> {
    let found: Option<(Option<String>, Option<String>)> = conn
        .query_row(
            "SELECT k.display_name, m.erased_at FROM member m LEFT JOIN member k ON k.id = m.merged_into WHERE m.id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    match found {
        None => Err(Error::NotFound { what: "member", id }),
        Some((Some(into), _)) => Err(Error::MemberMerged { into }),
        Some((None, Some(_))) => Err(Error::MemberErased),
        Some((None, None)) => Ok(()),
    }
}

struct Valid {
    display_name: String,
    phone: Option<String>,
    nickname: String,
    birthday: Option<String>,
    note: String,
    tags: Vec<String>,
    recorded_by: String,
}

fn validate(conn: &Connection, input: &MemberInput) -> Result<Valid> {
    let display_name = required(Field::DisplayName, &input.display_name, NAME_MAX)?;
    let phone = match input.phone.trim() {
        "" => None,
        typed => Some(phone::normalize(Field::Phone, typed)?),
    };
    let nickname = optional(Field::Nickname, &input.wechat_nickname, NICKNAME_MAX)?;
    let birthday = match input.birthday.trim() {
        "" => None,
        typed => Some(birthday(typed)?),
    };
    let note = optional_lines(Field::Note, &input.note, NOTE_MAX)?;
    if input.tags.len() > TAGS_MAX {
        return Err(Error::invalid(Field::Tags, Problem::OutOfRange { min: 0, max: TAGS_MAX as i64 }));
    }
    let tags = input.tags.iter().map(|t| required(Field::Tags, t, TAG_MAX)).collect::<Result<Vec<_>>>()?;
    if let Some(r) = input.referred_by {
        exists(conn, r).map_err(|_| unknown(Field::ReferredBy, &r.to_string()))?;
    }
    if let Some(j) = &input.join {
        join_is_known(conn, j)?;
    }
    let recorded_by = optional(Field::Staff, &input.consent.recorded_by, NAME_MAX)?;
    Ok(Valid { display_name, phone, nickname, birthday, note, tags, recorded_by })
}

/// A community that exists and is not archived, and a channel of it.
fn join_is_known(conn: &Connection, j: &JoinInput) -> Result<()> {
    let live: Option<bool> = conn
        .query_row("SELECT archived_at IS NULL FROM community WHERE id = ?1", [j.community_id], |r| r.get(0))
        .optional()?;
    if live != Some(true) {
        return Err(unknown(Field::Community, &j.community_id.to_string()));
    }
    if let Some(ch) = j.channel_id {
        let ours: bool = conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM channel WHERE id = ?1 AND community_id = ?2)",
            params![ch, j.community_id],
            |r| r.get(0),
        )?;
        if !ours {
            return Err(unknown(Field::Channel, &ch.to_string()));
        }
    }
    if let Some(s) = j.staff_id {
        let known: bool =
            conn.query_row("SELECT EXISTS (SELECT 1 FROM staff WHERE id = ?1)", [s], |r| r.get(0))?;
        if !known {
            return Err(unknown(Field::Staff, &s.to_string()));
        }
    }
    Ok(())
}

/// "3-7", "03-07", "0307", "3月7日" → "03-07"; a day the month never has is refused
/// (29 February is a birthday).
pub(crate) fn birthday(typed: &str) -> Result<String> {
    let folded: String = typed
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            '月' | '/' | '.' | '－' => '-',
            '日' | '号' => ' ',
            c => c,
        })
        .collect();
    let folded = folded.trim();
    let (m, d) = match folded.split_once('-') {
        Some((m, d)) => (m.trim(), d.trim()),
        None if folded.len() == 4 && folded.is_ascii() => folded.split_at(2),
        None => return Err(unknown(Field::Birthday, typed)),
    };
    let (Ok(m), Ok(d)) = (m.parse::<u32>(), d.parse::<u32>()) else {
        return Err(unknown(Field::Birthday, typed));
    };
    // 2024 is a leap year, so 29 February is a day.
    if chrono::NaiveDate::from_ymd_opt(2024, m, d).is_none() {
        return Err(unknown(Field::Birthday, typed));
    }
    Ok(format!("{m:02}-{d:02}"))
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod merge_tests;
