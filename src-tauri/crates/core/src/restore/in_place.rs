//! Putting a backup in place of the live file. The copy is checked first; the
//! current data is backed up as "before restore" (so a restore can itself be
//! undone) or, when it is too damaged to back up, kept byte for byte; the new
//! file is written beside the live one and renamed over it; it is migrated to
//! this version; and members erased since the copy was made are erased again.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use rusqlite::Connection;
use serde::Serialize;

use crate::backup::files::{io_problem, partial_name, sync_dir, sync_file};
use crate::backup::{
    back_up, counts, default_folder, verify, Backup, BackupProblem, Counts, Reason, Verified,
};
use crate::{member, Error, Result};

/// What a restore did.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct Restored {
    /// The copy that is now the shop's data.
    pub from: Verified,
    /// What the shop holds now (after the migration and the erasures).
    pub counts: Counts,
    /// Members erased again because their erasure was recorded after the copy was made.
    #[ts(type = "number")]
    pub erased_again: usize,
    /// The data as it was just before: restore it to undo this restore.
    pub before_restore: Option<Backup>,
    /// When the data before could not be backed up (damaged), where it was kept as it was.
    pub kept_damaged: Option<String>,
}

/// A shared hold on the shop's file, kept by every process using it (the app
/// for as long as it runs); a restore needs the file alone.
pub struct ShopHold(#[allow(dead_code)] std::fs::File);

/// Takes a shared hold on the shop at `db` (none when the lock file cannot be made).
pub fn hold(db: &Path) -> Option<ShopHold> {
    let file = lock_file(db).ok()?;
    file.lock_shared().ok()?;
    Some(ShopHold(file))
}

fn lock_file(db: &Path) -> std::io::Result<std::fs::File> {
    let mut name = db.file_name().unwrap_or_default().to_os_string();
    name.push(".lock");
    std::fs::OpenOptions::new().create(true).truncate(false).write(true).open(db.with_file_name(name))
}

/// Restores the shop at `db` from the copy at `from`. The caller has closed
/// its own connection to `db` and dropped its hold; another process holding
/// the shop makes this refuse, untouched.
pub fn restore(db: &Path, from: &Path, now: DateTime<Utc>) -> Result<Restored> {
    if let Some(dir) = db.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| io_problem(dir, &e))?;
    }
    let alone = lock_file(db).map_err(|e| io_problem(db.parent().unwrap_or(Path::new(".")), &e))?;
    if alone.try_lock().is_err() {
        return Err(Error::Backup(BackupProblem::InUse));
    }
    // The copy's full check and the safety backup of the data now read
    // different files: each gets a core. Nothing is replaced unless both pass;
    // a safety backup made for a copy that failed its check is taken away again.
    let erasures = member::erasures_file(db);
    let (checked, set) = std::thread::scope(|scope| {
        let checking = scope.spawn(|| verify(from));
        let set = if db.exists() { set_aside(db, &erasures, now) } else { Ok((None, None)) };
        (checking.join().unwrap_or_else(|_| Err(Error::Damaged("the check stopped"))), set)
    });
    let from_verified = match checked {
        Ok(v) => v,
        Err(e) => {
            if let Ok((Some(b), _)) = &set {
                let _ = std::fs::remove_file(&b.path);
                let _ = std::fs::remove_file(Path::new(&b.path).with_extension("json"));
            }
            return Err(e);
        }
    };
    let (before_restore, kept_damaged) = set?;
    put_in_place(from, db)?;
    let mut conn = crate::db::open_with(db, crate::db::IfMissing::Refuse, now)?;
    let erased_again = member::reapply(&mut conn, &member::read_outside(&erasures), now)?;
    let counts = counts(&conn)?;
    drop(alone);
    Ok(Restored { from: from_verified, counts, erased_again, before_restore, kept_damaged })
}

/// Backs up the current data before it is replaced, and writes down its
/// erasures beside the file (they must outlive it); a file too damaged to
/// back up is kept as it is instead.
fn set_aside(db: &Path, erasures: &Path, now: DateTime<Utc>) -> Result<(Option<Backup>, Option<String>)> {
    let Ok(conn) = Connection::open(db) else { return Ok((None, Some(keep_damaged(db, now)?))) };
    // Everything in the log goes into the file first: the log is removed with
    // the old file, so it must hold nothing by then. A log that could not be
    // folded in (a reader outside ShopCircle's hold) stops the restore.
    let folded: rusqlite::Result<i64> = conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| r.get(0));
    let log_left = std::fs::metadata(with_suffix(db, "-wal")).map(|m| m.len() > 0).unwrap_or(false);
    if matches!(folded, Ok(busy) if busy != 0) || (folded.is_ok() && log_left) {
        return Err(Error::Backup(BackupProblem::InUse));
    }
    record_erasures(&conn, erasures);
    // Not thinned: thinning now could take away the very backup being restored.
    let made = back_up(&conn, &default_folder(db), Reason::BeforeRestore, now);
    drop(conn);
    match made {
        Ok(backup) => Ok((Some(backup), None)),
        // The file cannot be read whole: it is kept as it is (its log with it).
        Err(Error::Database(e)) if is_damage(&e) => Ok((None, Some(keep_damaged(db, now)?))),
        Err(Error::Backup(BackupProblem::CopyFailedCheck { .. } | BackupProblem::NotOurs { .. })) => {
            Ok((None, Some(keep_damaged(db, now)?)))
        }
        // No room, no permission, or busy: stop, nothing replaced.
        Err(e) => Err(e),
    }
}

/// SQLite's own words for a file it cannot read as a database.
fn is_damage(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(rusqlite::ErrorCode::DatabaseCorrupt | rusqlite::ErrorCode::NotADatabase)
    )
}

/// The erasures recorded in the current file, added to the file beside it.
fn record_erasures(conn: &Connection, erasures: &Path) {
    let known = member::read_outside(erasures);
    let Ok(mut stmt) = conn.prepare("SELECT key_hash FROM member_erasure") else { return };
    let Ok(rows) = stmt.query_map([], |r| r.get::<_, String>(0)) else { return };
    for hash in rows.filter_map(|r| r.ok()) {
        if !known.contains(&hash) {
            let _ = member::record_outside(erasures, &hash);
        }
    }
}

/// A byte-for-byte copy of a damaged file (and its log) in the backup folder.
fn keep_damaged(db: &Path, now: DateTime<Utc>) -> Result<String> {
    let dir = default_folder(db);
    std::fs::create_dir_all(&dir).map_err(|e| io_problem(&dir, &e))?;
    let kept = dir.join(format!("damaged-{}.db", now.format("%Y%m%d-%H%M%S")));
    std::fs::copy(db, &kept).map_err(|e| io_problem(&dir, &e))?;
    let wal = with_suffix(db, "-wal");
    if wal.exists() {
        std::fs::copy(&wal, with_suffix(&kept, "-wal")).map_err(|e| io_problem(&dir, &e))?;
    }
    sync_file(&kept).map_err(|e| io_problem(&dir, &e))?;
    Ok(kept.display().to_string())
}

/// Copies `from` beside `db`, flushes it, and renames it over `db`: the path
/// holds the old file or the whole new one, never a part.
fn put_in_place(from: &Path, db: &Path) -> Result<()> {
    let dir = db.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new(".")).to_path_buf();
    let incoming = partial_name(db);
    let placed = (|| {
        std::fs::copy(from, &incoming)?;
        sync_file(&incoming)?;
        // The old file's log and shared memory belong to it alone: SQLite would
        // replay a stale log onto the new file.
        for suffix in ["-wal", "-shm", "-journal"] {
            match std::fs::remove_file(with_suffix(db, suffix)) {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(e),
                _ => {}
            }
        }
        std::fs::rename(&incoming, db)?;
        sync_dir(&dir)
    })();
    if let Err(e) = placed {
        let _ = std::fs::remove_file(&incoming);
        return Err(io_problem(&dir, &e));
    }
    Ok(())
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(suffix);
    path.with_file_name(name)
}
