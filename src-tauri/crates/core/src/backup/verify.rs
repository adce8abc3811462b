//! Checking a copy before it is trusted: its bytes against the manifest's
//! SHA-256, a whole SQLite file (not cut short), ShopCircle's, not from a
//! newer version, and `PRAGMA integrity_check` clean; what it holds, counted.

use std::path::Path;

use rusqlite::{Connection, OpenFlags};
use serde::Serialize;

use super::files::{sha256_file, shown};
use super::{list, BackupProblem, Counts, Manifest};
use crate::migrations::{schema_version, APPLICATION_ID};
use crate::{Error, Result};

/// A copy that passed every check.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct Verified {
    #[ts(type = "number")]
    pub schema_version: i64,
    pub counts: Counts,
    pub sha256: String,
    #[ts(type = "number")]
    pub bytes: u64,
    /// Its manifest, when it is a backup ShopCircle made (a bare .db has none).
    pub manifest: Option<Manifest>,
}

/// Checks the file at `path` (a backup, or any .db the owner picked) in
/// full, as before it is trusted: its fingerprint (on the second core) while
/// SQLite's `integrity_check` reads every page and every index entry.
pub fn verify(path: &Path) -> Result<Verified> {
    let file = shown(path);
    let meta =
        std::fs::metadata(path).map_err(|_| Error::Backup(BackupProblem::Missing { file: file.clone() }))?;
    if !meta.is_file() {
        return Err(Error::Backup(BackupProblem::NotOurs { file }));
    }
    let manifest = list::manifest_of(path);
    let (sha256, checked) = std::thread::scope(|scope| {
        let hashing = scope.spawn(|| sha256_file(path));
        let checked = check_database(path, Depth::Full);
        (hashing.join().unwrap_or_else(|_| Err(std::io::Error::other("the hash stopped"))), checked)
    });
    let sha256 = sha256.map_err(|e| damaged(path, &e.to_string()))?;
    if let Some(m) = &manifest {
        if m.sha256 != sha256 {
            return Err(Error::Backup(BackupProblem::HashMismatch { file }));
        }
    }
    let (schema_version, counts) = checked?;
    Ok(Verified { schema_version, counts, sha256, bytes: meta.len(), manifest })
}

/// How deep a check reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Depth {
    /// `quick_check`: every page of every b-tree is read and its structure
    /// checked, but index entries are not matched against their rows. What a
    /// fresh copy gets (the online backup copies pages, it cannot mismatch
    /// them); at a million purchases `integrity_check` alone takes 2.3 s.
    Quick,
    /// `integrity_check`: the above, and every index entry matched to its row.
    /// What a copy gets before it replaces the shop's data, and `backup verify`.
    Full,
}

/// The checks that need no manifest: a whole file, ours, not newer, intact.
pub(super) fn check_database(path: &Path, depth: Depth) -> Result<(i64, Counts)> {
    check_header(path)?;
    let conn =
        Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX)
            .map_err(|e| damaged(path, &e.to_string()))?;
    // Read through the system's page cache rather than SQLite's own small one.
    let _ = conn.query_row("PRAGMA mmap_size = 1073741824", [], |_| Ok(()));
    let read = |e: rusqlite::Error| damaged(path, &e.to_string());
    let id: i32 = conn.query_row("PRAGMA application_id", [], |r| r.get(0)).map_err(read)?;
    let has_shop: bool = conn
        .query_row("SELECT count(*) = 1 FROM sqlite_master WHERE type = 'table' AND name = 'shop'", [], |r| {
            r.get(0)
        })
        .map_err(read)?;
    if id != APPLICATION_ID && !(id == 0 && has_shop) {
        return Err(Error::Backup(BackupProblem::NotOurs { file: shown(path) }));
    }
    let found: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).map_err(read)?;
    if found > schema_version() {
        return Err(Error::Backup(BackupProblem::Newer {
            file: shown(path),
            found,
            known: schema_version(),
        }));
    }
    let pragma = match depth {
        Depth::Quick => "PRAGMA quick_check(1)",
        Depth::Full => "PRAGMA integrity_check(1)",
    };
    let verdict: String = conn.query_row(pragma, [], |r| r.get(0)).map_err(read)?;
    if verdict != "ok" {
        return Err(damaged(path, &verdict));
    }
    Ok((found, counts(&conn).map_err(read)?))
}

/// The cheap check at start (no page is read): the shop's live file is whole,
/// not cut short by a full disk or a bad copy.
pub fn looks_whole(path: &Path) -> Result<()> {
    // An empty file is an empty database (made, then the app stopped).
    if std::fs::metadata(path).map(|m| m.len() == 0).unwrap_or(false) {
        return Ok(());
    }
    // With a log beside it, the file may be mid-checkpoint (its header already
    // counting pages not yet copied in): SQLite finishes that from the log.
    // The crash harness found this, killing a process as it closed.
    let mut wal = path.as_os_str().to_owned();
    wal.push("-wal");
    if std::fs::metadata(Path::new(&wal)).map(|m| m.len() > 0).unwrap_or(false) {
        return Ok(());
    }
    check_header(path).map_err(|e| match e {
        Error::Backup(BackupProblem::Damaged { file, reason }) => {
            Error::Backup(BackupProblem::DataFileDamaged { file, reason })
        }
        other => other,
    })
}

/// Catches a file cut short before SQLite reads it: the header says how many
/// pages the file has (when its "valid for" counter matches the change counter).
fn check_header(path: &Path) -> Result<()> {
    use std::io::Read;
    let mut header = [0u8; 100];
    let len = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    let read = std::fs::File::open(path).and_then(|mut f| f.read_exact(&mut header));
    if len < 100 || read.is_err() {
        return Err(damaged(path, "the file is too short to be a database"));
    }
    if &header[..16] != b"SQLite format 3\0" {
        return Err(Error::Backup(BackupProblem::NotOurs { file: shown(path) }));
    }
    let be32 = |at: usize| u32::from_be_bytes([header[at], header[at + 1], header[at + 2], header[at + 3]]);
    let page_size = match u16::from_be_bytes([header[16], header[17]]) {
        1 => 65_536u64,
        n => u64::from(n),
    };
    let pages = u64::from(be32(28));
    if be32(92) == be32(24) && pages > 0 && pages * page_size > len {
        return Err(damaged(path, "the file is cut short"));
    }
    Ok(())
}

/// What a ShopCircle database holds; a table an older schema lacks counts 0.
pub fn counts(conn: &Connection) -> rusqlite::Result<Counts> {
    let has = |table: &str| -> rusqlite::Result<bool> {
        conn.query_row(
            "SELECT count(*) = 1 FROM sqlite_master WHERE type = 'table' AND name = ?1",
            [table],
            |r| r.get(0),
        )
    };
    let count = |table: &str, sql: &str| -> rusqlite::Result<i64> {
        if has(table)? {
            conn.query_row(sql, [], |r| r.get(0))
        } else {
            Ok(0)
        }
    };
    let member_sql = if conn.prepare("SELECT erased_at, merged_into FROM member LIMIT 0").is_ok() {
        "SELECT count(*) FROM member WHERE erased_at IS NULL AND merged_into IS NULL"
    } else {
        "SELECT count(*) FROM member"
    };
    Ok(Counts {
        members: count("member", member_sql)?,
        purchases: count("purchase", "SELECT count(*) FROM purchase")?,
        vouchers: count("voucher", "SELECT count(*) FROM voucher")?,
        communities: count("community", "SELECT count(*) FROM community")?,
        campaigns: count("campaign", "SELECT count(*) FROM campaign")?,
    })
}

fn damaged(path: &Path, reason: &str) -> Error {
    Error::Backup(BackupProblem::Damaged { file: shown(path), reason: reason.to_owned() })
}
