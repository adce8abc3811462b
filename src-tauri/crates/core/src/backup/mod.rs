//! Keeping the shop's one database file safe: consistent copies made with
//! SQLite's online backup (never a plain copy of a live file), each checked
//! before it is kept, and a retention rule that keeps a year in little space.
//! Putting a copy back, and the whole shop in one file, are `restore`'s.
//!
//! A backup is two files in the backup folder: `NAME.db` (the copy, a plain
//! rollback-journal database, self-contained) and `NAME.json` (its manifest:
//! when, why, which versions, what it holds, its SHA-256). Both are written
//! under `.partial` names, flushed, and renamed into place manifest first, so
//! a copy without its manifest is never taken for a finished backup, and a
//! process killed half-way leaves only `.partial` files that `clean_partials`
//! removes at the next start. The live file is only ever read.
//!
//! Everything the shop has (logos, QR screenshots, content images, product
//! photos, the voucher key, the erasure key) lives inside the database, so a
//! copy of it is the whole shop.

pub(crate) mod files;
mod folders;
mod list;
mod make;
mod problem;
mod retention;
mod verify;

#[cfg(test)]
mod tests;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

pub use folders::{default_folder, disk_space, second_folder, set_second_folder, DiskSpace};
pub use list::{clean_partials, list, newest};
pub use make::{back_up, back_up_file, back_up_shop, before_risky, copy_to_second_folder};
pub use problem::BackupProblem;
pub use retention::{thin, to_delete, Stamp};
pub use verify::{counts, looks_whole, verify, Verified};

/// Why a backup was made. The pre-operation kinds are kept 30 days; manual
/// ones are never thinned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
#[ts(export, rename = "BackupReason")]
pub enum Reason {
    /// Every 30 minutes while the app runs and the data changed, or daily at start.
    Automatic,
    /// The owner asked ("Back up now", the tray, `backup now`).
    Manual,
    /// The app was quit.
    Exit,
    BeforeImport,
    BeforeMerge,
    BeforeErasure,
    BeforeRestore,
    BeforeUpgrade,
}

impl Reason {
    pub fn as_str(self) -> &'static str {
        match self {
            Reason::Automatic => "automatic",
            Reason::Manual => "manual",
            Reason::Exit => "exit",
            Reason::BeforeImport => "before_import",
            Reason::BeforeMerge => "before_merge",
            Reason::BeforeErasure => "before_erasure",
            Reason::BeforeRestore => "before_restore",
            Reason::BeforeUpgrade => "before_upgrade",
        }
    }

    /// Made just before something risky: kept 30 days whatever the thinning says.
    pub fn before_an_operation(self) -> bool {
        matches!(
            self,
            Reason::BeforeImport
                | Reason::BeforeMerge
                | Reason::BeforeErasure
                | Reason::BeforeRestore
                | Reason::BeforeUpgrade
        )
    }
}

/// What a copy holds, counted in it (so a list shows what each backup would bring back).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export, rename = "BackupCounts")]
pub struct Counts {
    #[ts(type = "number")]
    pub members: i64,
    #[ts(type = "number")]
    pub purchases: i64,
    #[ts(type = "number")]
    pub vouchers: i64,
    #[ts(type = "number")]
    pub communities: i64,
    #[ts(type = "number")]
    pub campaigns: i64,
}

/// The manifest written beside each copy.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export, rename = "BackupManifest")]
pub struct Manifest {
    /// The copy's file name in its folder (`shopcircle-20261128-093000-manual.db`).
    pub file: String,
    pub taken_at: DateTime<Utc>,
    pub reason: Reason,
    pub app_version: String,
    #[ts(type = "number")]
    pub schema_version: i64,
    pub counts: Counts,
    #[ts(type = "number")]
    pub bytes: u64,
    /// SHA-256 of the copy, lower-case hex.
    pub sha256: String,
}

/// A finished backup in a folder.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct Backup {
    /// The copy's full path.
    pub path: String,
    pub manifest: Manifest,
}

/// The version of ShopCircle writing a manifest.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");
