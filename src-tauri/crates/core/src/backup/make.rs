//! Making a backup: SQLite's online backup into a `.partial` file, the copy
//! switched to a self-contained rollback journal, checked, hashed, flushed,
//! and renamed into place after its manifest. Then, and only then, the folder
//! is thinned.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use rusqlite::backup::StepResult;
use rusqlite::{Connection, OpenFlags};

use super::files::{io_problem, partial_name, sha256_file, sqlite_problem, sync_dir, sync_file, write_whole};
use super::verify::{check_database, Depth};
use super::{folders, retention, Backup, BackupProblem, Manifest, Reason, APP_VERSION};
use crate::{Error, Result};

/// A backup of the shop's live file into its folders: the main folder
/// (thinned after a success), and a copy in the second folder when one is set
/// (a failure there is the second element; the main backup still stands).
pub fn back_up_file(
    db: &Path,
    reason: Reason,
    now: DateTime<Utc>,
) -> Result<(Backup, Option<Result<Backup>>)> {
    let source = open_source(db)?;
    back_up_shop(&source, db, None, reason, now)
}

/// Just before something risky (an import, a merge, an erasure, a restore, an
/// upgrade): a backup of the database `conn` is connected to. Nothing for an
/// in-memory database (the tests), which has no file to lose.
pub fn before_risky(conn: &Connection, reason: Reason, now: DateTime<Utc>) -> Result<Option<Backup>> {
    let Some(db) = conn.path().filter(|p| !p.is_empty()).map(PathBuf::from) else { return Ok(None) };
    // A second folder that failed shows in its own list; the risky step needs only the first.
    let (backup, _second) = back_up_shop(conn, &db, None, reason, now)?;
    Ok(Some(backup))
}

/// A backup of `source` (the shop at `db`) into `to`, or its folders when `to`
/// is `None`, thinned after a success.
pub fn back_up_shop(
    source: &Connection,
    db: &Path,
    to: Option<&Path>,
    reason: Reason,
    now: DateTime<Utc>,
) -> Result<(Backup, Option<Result<Backup>>)> {
    let zone = crate::shop::zone(source).unwrap_or(chrono_tz::UTC);
    if let Some(dir) = to {
        let made = back_up(source, dir, reason, now)?;
        retention::thin(dir, now, zone);
        return Ok((made, None));
    }
    let main = folders::default_folder(db);
    let made = back_up(source, &main, reason, now)?;
    retention::thin(&main, now, zone);
    let second = folders::second_folder(source).map(|dir| {
        let copied = copy_to_second_folder(&made, &dir);
        if copied.is_ok() {
            retention::thin(&dir, now, zone);
        }
        copied
    });
    Ok((made, second))
}

/// The live file, opened only to be read.
fn open_source(db: &Path) -> Result<Connection> {
    if !db.is_file() {
        return Err(Error::NoDatabase { path: db.display().to_string() });
    }
    let conn =
        Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX)
            .map_err(|e| Error::Open(format!("{}: {e}", db.display())))?;
    conn.busy_timeout(std::time::Duration::from_secs(10))?;
    Ok(conn)
}

/// One backup of `source` into `dir`: checked and in place, or nothing but an
/// error (a partial file is removed on the way out).
pub fn back_up(source: &Connection, dir: &Path, reason: Reason, now: DateTime<Utc>) -> Result<Backup> {
    std::fs::create_dir_all(dir).map_err(|e| io_problem(dir, &e))?;
    let _writing = lock_folder(dir)?;
    let name = free_name(dir, reason, now);
    let copy = dir.join(format!("{name}.db"));
    let manifest_path = dir.join(format!("{name}.json"));
    let partial_copy = partial_name(&copy);
    let partial_manifest = partial_name(&manifest_path);
    let made = make(source, dir, &partial_copy, &copy, &manifest_path, reason, now);
    if made.is_err() {
        for leftover in [&partial_copy, &partial_manifest, &manifest_path] {
            let _ = std::fs::remove_file(leftover);
        }
    }
    made
}

fn make(
    source: &Connection,
    dir: &Path,
    partial_copy: &Path,
    copy: &Path,
    manifest_path: &Path,
    reason: Reason,
    now: DateTime<Utc>,
) -> Result<Backup> {
    let _ = std::fs::remove_file(partial_copy);
    copy_pages(source, dir, partial_copy)?;
    // The check and the fingerprint read the same copy at once, one a core.
    let (checked, hashed) = std::thread::scope(|scope| {
        let hashing = scope.spawn(|| sync_file(partial_copy).and_then(|()| sha256_file(partial_copy)));
        let checked = check_database(partial_copy, Depth::Quick);
        (checked, hashing.join().unwrap_or_else(|_| Err(std::io::Error::other("the hash stopped"))))
    });
    let (schema_version, counts) = checked.map_err(|e| match e {
        Error::Backup(BackupProblem::Damaged { reason, .. }) => {
            Error::Backup(BackupProblem::CopyFailedCheck { reason })
        }
        other => other,
    })?;
    let sha256 = hashed.map_err(|e| io_problem(dir, &e))?;
    let bytes = std::fs::metadata(partial_copy).map_err(|e| io_problem(dir, &e))?.len();
    let manifest = Manifest {
        file: copy.file_name().unwrap_or_default().to_string_lossy().into_owned(),
        taken_at: now,
        reason,
        app_version: APP_VERSION.to_owned(),
        schema_version,
        counts,
        bytes,
        sha256,
    };
    let json = serde_json::to_vec_pretty(&manifest).map_err(|e| Error::Migration(e.to_string()))?;
    // The manifest first: a copy is a backup only once its manifest is there,
    // and a manifest without its copy is an unfinished one, removed at start.
    write_whole(manifest_path, &json).map_err(|e| io_problem(dir, &e))?;
    std::fs::rename(partial_copy, copy).map_err(|e| io_problem(dir, &e))?;
    sync_dir(dir).map_err(|e| io_problem(dir, &e))?;
    Ok(Backup { path: copy.display().to_string(), manifest })
}

/// SQLite's online backup: a consistent snapshot even while the app writes
/// (WAL readers never block writers); the copy then gets its own rollback
/// journal so it is one self-contained file.
fn copy_pages(source: &Connection, dir: &Path, to: &Path) -> Result<()> {
    let mut dst = Connection::open(to).map_err(|e| sqlite_problem(dir, e))?;
    {
        let backup = rusqlite::backup::Backup::new(source, &mut dst).map_err(|e| sqlite_problem(dir, e))?;
        let mut waits = 0;
        loop {
            match backup.step(-1).map_err(|e| sqlite_problem(dir, e))? {
                StepResult::Done => break,
                StepResult::More => {}
                StepResult::Busy | StepResult::Locked if waits < 500 => {
                    // Another connection holds a lock for a moment; wait for it.
                    waits += 1;
                    std::thread::sleep(std::time::Duration::from_millis(20));
                }
                _ => return Err(Error::Busy),
            }
        }
    }
    let mode: String = dst
        .query_row("PRAGMA journal_mode = DELETE", [], |r| r.get(0))
        .map_err(|e| sqlite_problem(dir, e))?;
    debug_assert!(mode.eq_ignore_ascii_case("delete"));
    dst.close().map_err(|(_, e)| sqlite_problem(dir, e))?;
    Ok(())
}

/// The folder's lock, held while a backup is written into it: two writers
/// (the app and the CLI) take turns, and the start-up clean-up leaves a
/// running backup's partial files alone.
fn lock_folder(dir: &Path) -> Result<std::fs::File> {
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(dir.join(LOCK_FILE))
        .map_err(|e| io_problem(dir, &e))?;
    file.lock().map_err(|e| io_problem(dir, &e))?;
    Ok(file)
}

/// The lock when no one holds it.
pub(super) fn try_lock_folder(dir: &Path) -> Option<std::fs::File> {
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(dir.join(LOCK_FILE))
        .ok()?;
    file.try_lock().ok()?;
    Some(file)
}

const LOCK_FILE: &str = ".shopcircle-backup.lock";

/// `shopcircle-20261128-093000-manual`, or with `-2`, `-3`… when taken within the same second.
fn free_name(dir: &Path, reason: Reason, now: DateTime<Utc>) -> String {
    let base = format!("shopcircle-{}-{}", now.format("%Y%m%d-%H%M%S"), reason.as_str());
    let taken = |n: &str| dir.join(format!("{n}.db")).exists() || dir.join(format!("{n}.json")).exists();
    if !taken(&base) {
        return base;
    }
    (2..).map(|i| format!("{base}-{i}")).find(|n| !taken(n)).unwrap_or(base)
}

/// Copies a finished backup into `dir` (the second folder): the same file,
/// hashed again after flushing, under the same name, manifest first. The
/// folder must exist: a pulled USB stick is said, not recreated as an empty
/// folder on the laptop's disk.
pub fn copy_to_second_folder(backup: &Backup, dir: &Path) -> Result<Backup> {
    if !dir.is_dir() {
        return Err(Error::Backup(BackupProblem::FolderMissing { folder: dir.display().to_string() }));
    }
    let _writing = lock_folder(dir)?;
    let copy = dir.join(&backup.manifest.file);
    let manifest_path = copy.with_extension("json");
    let partial_copy = partial_name(&copy);
    let done = (|| {
        std::fs::copy(&backup.path, &partial_copy).map_err(|e| io_problem(dir, &e))?;
        sync_file(&partial_copy).map_err(|e| io_problem(dir, &e))?;
        let sha = sha256_file(&partial_copy).map_err(|e| io_problem(dir, &e))?;
        if sha != backup.manifest.sha256 {
            return Err(Error::Backup(BackupProblem::HashMismatch { file: copy.display().to_string() }));
        }
        let json =
            serde_json::to_vec_pretty(&backup.manifest).map_err(|e| Error::Migration(e.to_string()))?;
        write_whole(&manifest_path, &json).map_err(|e| io_problem(dir, &e))?;
        std::fs::rename(&partial_copy, &copy).map_err(|e| io_problem(dir, &e))?;
        sync_dir(dir).map_err(|e| io_problem(dir, &e))?;
        Ok(Backup { path: copy.display().to_string(), manifest: backup.manifest.clone() })
    })();
    if done.is_err() {
        let _ = std::fs::remove_file(&partial_copy);
        if !copy.exists() {
            let _ = std::fs::remove_file(&manifest_path);
        }
    }
    done
}
