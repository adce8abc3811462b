//! Where backups go: `backups/` beside the database, and optionally a second
//! folder the owner chose (a USB stick, a synced folder); how much room is left.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OptionalExtension};
use serde::Serialize;

use super::BackupProblem;
use crate::{Error, Field, Problem, Result};

/// `backups/` beside the database file.
pub fn default_folder(db: &Path) -> PathBuf {
    db.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new(".")).join("backups")
}

/// The second folder, when the owner set one.
pub fn second_folder(conn: &Connection) -> Option<PathBuf> {
    conn.query_row("SELECT second_folder FROM backup_setting WHERE id = 1", [], |r| r.get::<_, String>(0))
        .optional()
        .ok()
        .flatten()
        .filter(|f| !f.is_empty())
        .map(PathBuf::from)
}

/// Sets (or, with `None`, clears) the second folder: an existing folder, given
/// whole (absolute), that ShopCircle can write in, and not the main folder.
pub fn set_second_folder(conn: &Connection, db: &Path, folder: Option<&str>) -> Result<()> {
    let value = match folder.map(str::trim).filter(|f| !f.is_empty()) {
        None => String::new(),
        Some(f) => {
            let path = PathBuf::from(f);
            if !path.is_absolute() {
                return Err(Error::invalid(Field::BackupFolder, Problem::Unknown { value: f.to_owned() }));
            }
            if !path.is_dir() {
                return Err(Error::Backup(BackupProblem::FolderMissing { folder: f.to_owned() }));
            }
            // The same folder twice is no second copy.
            if same_folder(&path, &default_folder(db)) {
                return Err(Error::invalid(Field::BackupFolder, Problem::Duplicate));
            }
            let probe = path.join(".shopcircle-write-test");
            if std::fs::write(&probe, b"").and_then(|()| std::fs::remove_file(&probe)).is_err() {
                return Err(Error::Backup(BackupProblem::FolderNotWritable { folder: f.to_owned() }));
            }
            f.to_owned()
        }
    };
    conn.execute("UPDATE backup_setting SET second_folder = ?1 WHERE id = 1", [value])?;
    Ok(())
}

fn same_folder(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

/// Room on the disk holding a folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct DiskSpace {
    #[ts(type = "number")]
    pub available: u64,
    #[ts(type = "number")]
    pub total: u64,
}

/// The room on the disk holding `path` (or its nearest existing parent).
pub fn disk_space(path: &Path) -> Option<DiskSpace> {
    let existing = path.ancestors().find(|p| p.exists())?;
    Some(DiskSpace {
        available: fs4::available_space(existing).ok()?,
        total: fs4::total_space(existing).ok()?,
    })
}
