//! Erasing a member on request (PIPL's right to deletion): their personal
//! data goes, their purchases stay as anonymous sales so the totals stay
//! right, and the erasure is recorded as HMAC-SHA256(key, uid) — no personal
//! data — both in the database and in a file beside it. Restoring an older
//! backup then re-erases them: `reapply` finds every member whose uid hashes
//! to a recorded erasure.

use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use hmac::{Hmac, Mac};
use rusqlite::{params, Connection, Transaction, TransactionBehavior};
use sha2::Sha256;

use super::exists;
use crate::Result;

/// What an erased member's name becomes: no one's name, in any language.
pub const ERASED_NAME: &str = "—";

fn key(conn: &Connection) -> Result<Vec<u8>> {
    Ok(conn.query_row("SELECT key FROM erasure_key WHERE id = 1", [], |r| r.get(0))?)
}

fn hash(key: &[u8], uid: &str) -> String {
    let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(key) else { return String::new() };
    mac.update(b"shopcircle-erasure-v1");
    mac.update(uid.as_bytes());
    mac.finalize().into_bytes().iter().map(|b| format!("{b:02x}")).collect()
}

/// Erases the member (and the records merged into them); the erasure's keyed hash.
pub fn erase(conn: &mut Connection, id: i64, now: DateTime<Utc>) -> Result<String> {
    exists(conn, id)?;
    // The copy holds the member's data; a restore of it erases them again.
    crate::backup::before_risky(conn, crate::backup::Reason::BeforeErasure, now)?;
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    exists(&tx, id)?;
    let hash = erase_in(&tx, id, now)?;
    tx.commit()?;
    Ok(hash)
}

fn erase_in(tx: &Transaction, id: i64, now: DateTime<Utc>) -> Result<String> {
    let uid: String = tx.query_row("SELECT uid FROM member WHERE id = ?1", [id], |r| r.get(0))?;
    let merged: Vec<i64> = tx
        .prepare_cached("SELECT id FROM member WHERE merged_into = ?1 AND erased_at IS NULL")?
        .query_map([id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for m in merged {
        erase_in(tx, m, now)?;
    }
    let phone: Option<String> = tx.query_row("SELECT phone FROM member WHERE id = ?1", [id], |r| r.get(0))?;
    tx.execute("UPDATE purchase SET member_id = NULL WHERE member_id = ?1", [id])?;
    tx.execute(
        "UPDATE membership SET left_at = ?1 WHERE member_id = ?2 AND left_at IS NULL",
        params![now, id],
    )?;
    tx.execute(
        "UPDATE consent SET withdrawn_at = ?1 WHERE member_id = ?2 AND withdrawn_at IS NULL",
        params![now, id],
    )?;
    tx.execute("DELETE FROM member_tag WHERE member_id = ?1", [id])?;
    // A draw's vouchers carry the winner's name; the entry keeps only its published, masked label.
    tx.execute(
        "UPDATE voucher SET holder_name = '' WHERE serial IN (SELECT serial FROM draw_entry WHERE member_id = ?1 AND serial IS NOT NULL)",
        [id],
    )?;
    // So do a referral day's welcome and reward vouchers.
    tx.execute(
        "UPDATE voucher SET holder_name = '' WHERE serial IN (
             SELECT serial FROM referral_reward WHERE referrer_id = ?1
             UNION SELECT welcome_serial FROM referral WHERE friend_id = ?1 AND welcome_serial IS NOT NULL)",
        [id],
    )?;
    tx.execute(
        "UPDATE voucher_batch SET holder_name = '', holder_phone = '' WHERE id IN (
             SELECT v.batch_id FROM voucher v JOIN referral_reward r ON r.serial = v.serial WHERE r.referrer_id = ?1
             UNION SELECT v.batch_id FROM voucher v JOIN referral r ON r.welcome_serial = v.serial WHERE r.friend_id = ?1)",
        [id],
    )?;
    // A merge's record holds the fields it filled: no longer undoable, emptied.
    tx.execute("UPDATE member_merge SET moved = '{}' WHERE kept_id = ?1 OR merged_id = ?1", [id])?;
    if let Some(p) = phone {
        // Vouchers named to them stay valid by their code, no longer by name.
        tx.execute(
            "UPDATE voucher_batch SET holder_name = '', holder_phone = ''
             WHERE replace(replace(replace(holder_phone, ' ', ''), '-', ''), '+86', '') = ?1",
            [p],
        )?;
    }
    tx.execute(
        "UPDATE member SET display_name = ?1, phone = NULL, wechat_nickname = '', birthday_md = NULL, note = '',
                referred_by = NULL, erased_at = ?2, updated_at = ?2 WHERE id = ?3",
        params![ERASED_NAME, now, id],
    )?;
    let h = hash(&key(tx)?, &uid);
    tx.execute(
        "INSERT OR IGNORE INTO member_erasure (key_hash, erased_at) VALUES (?1, ?2)",
        params![h, now],
    )?;
    Ok(h)
}

/// Erases again every member whose erasure is recorded, here or in `outside`
/// (the file beside the database), as after restoring an older backup; how
/// many were erased.
pub fn reapply(conn: &mut Connection, outside: &[String], now: DateTime<Utc>) -> Result<usize> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let mut recorded: HashSet<String> = tx
        .prepare_cached("SELECT key_hash FROM member_erasure")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    recorded.extend(outside.iter().cloned());
    if recorded.is_empty() {
        return Ok(0);
    }
    let key = key(&tx)?;
    let members: Vec<(i64, String)> = tx
        .prepare_cached("SELECT id, uid FROM member WHERE erased_at IS NULL")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut erased = 0;
    for (id, uid) in members {
        let still: bool =
            tx.query_row("SELECT erased_at IS NULL FROM member WHERE id = ?1", [id], |r| r.get(0))?;
        if still && recorded.contains(&hash(&key, &uid)) {
            erase_in(&tx, id, now)?;
            erased += 1;
        }
    }
    for h in outside {
        tx.execute(
            "INSERT OR IGNORE INTO member_erasure (key_hash, erased_at) VALUES (?1, ?2)",
            params![h, now],
        )?;
    }
    tx.commit()?;
    Ok(erased)
}

/// The file of erasures beside the database (one keyed hash a line): it
/// outlives the database file being replaced by an older copy.
pub fn erasures_file(db: &Path) -> PathBuf {
    db.with_file_name("erasures.txt")
}

/// Adds an erasure to the file, flushed to disk before the caller reports success.
pub fn record_outside(file: &Path, hash: &str) -> std::io::Result<()> {
    let mut f = std::fs::OpenOptions::new().create(true).append(true).open(file)?;
    writeln!(f, "{hash}")?;
    f.sync_all()
}

/// The erasures in the file; none when there is no file yet.
pub fn read_outside(file: &Path) -> Vec<String> {
    std::fs::read_to_string(file)
        .map(|s| {
            s.lines()
                .map(str::trim)
                .filter(|l| l.len() == 64 && l.chars().all(|c| c.is_ascii_hexdigit()))
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default()
}
