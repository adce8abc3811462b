//! `shopcircle-cli backup …`, `export shop`, `import shop`: the app's backups,
//! restores and whole-shop files, on the same core code as Settings → Data.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use clap::Subcommand;
use serde_json::json;
use shopcircle_core::backup::{self, Backup, BackupProblem, Reason};
use shopcircle_core::db::Connection;
use shopcircle_core::restore::{self, KdfCost, Restored};
use shopcircle_core::{Error, Lang};

use crate::error::CliResult;
use crate::Output;

#[derive(Subcommand)]
pub enum BackupCommand {
    /// Back the shop up now (into the backup folder beside it, or --to DIR); prints the file
    Now {
        #[arg(long, value_name = "DIR")]
        to: Option<PathBuf>,
    },
    /// The backups, newest first: when, why, what each holds
    List,
    /// Check a backup (or any .db): its fingerprint, that it is whole, ShopCircle's and not newer
    Verify { file: PathBuf },
    /// Put a backup in place of the shop's data (the data now is backed up first, so this can be undone)
    Restore { file: PathBuf },
}

fn backup_json(b: &Backup) -> serde_json::Value {
    json!({ "path": b.path, "manifest": b.manifest })
}

fn line(b: &Backup) -> String {
    let m = &b.manifest;
    format!(
        "{}  {:<14}  {} members, {} purchases, {} vouchers  {:.1} MB  {}",
        m.taken_at.format("%Y-%m-%d %H:%M UTC"),
        m.reason.as_str(),
        m.counts.members,
        m.counts.purchases,
        m.counts.vouchers,
        m.bytes as f64 / 1_048_576.0,
        b.path
    )
}

/// The commands that work on an open shop: `now` and `list`.
pub fn run(conn: &Connection, db: &Path, cmd: BackupCommand, now: DateTime<Utc>) -> CliResult<(Output, u8)> {
    match cmd {
        BackupCommand::Now { to } => {
            let (made, second) = backup::back_up_shop(conn, db, to.as_deref(), Reason::Manual, now)?;
            let mut text = made.path.clone();
            let mut status = 0;
            let mut second_json = serde_json::Value::Null;
            match second {
                Some(Ok(copy)) => {
                    text.push_str(&format!("\n{}", copy.path));
                    second_json = json!({ "path": copy.path });
                }
                Some(Err(e)) => {
                    // The main backup stands; the second folder's failure is said, and the exit code shows it.
                    eprintln!("{}", e.message(shopcircle_core::shop::language_or(conn, Lang::En)));
                    second_json = json!({ "error": e.code().as_str() });
                    status = 3;
                }
                None => {}
            }
            Ok((
                Output { text, json: json!({ "backup": backup_json(&made), "second": second_json }) },
                status,
            ))
        }
        BackupCommand::List => {
            let mut all = backup::list(&backup::default_folder(db));
            if let Some(second) = backup::second_folder(conn) {
                all.extend(backup::list(&second));
            }
            let text = if all.is_empty() {
                "no backups yet".to_owned()
            } else {
                all.iter().map(line).collect::<Vec<_>>().join("\n")
            };
            Ok((Output { text, json: json!(all.iter().map(backup_json).collect::<Vec<_>>()) }, 0))
        }
        BackupCommand::Verify { file } => verify(&file),
        // `main` runs a restore before opening the shop; with it open, it is in use.
        BackupCommand::Restore { .. } => Err(Error::Backup(BackupProblem::InUse).into()),
    }
}

/// `backup verify FILE`: needs no shop.
pub fn verify(file: &Path) -> CliResult<(Output, u8)> {
    let v = backup::verify(file)?;
    let text = format!(
        "{}: verified (schema {}, {} members, {} purchases, {} vouchers, sha256 {})",
        file.display(),
        v.schema_version,
        v.counts.members,
        v.counts.purchases,
        v.counts.vouchers,
        v.sha256
    );
    Ok((Output { text, json: json!(v) }, 0))
}

fn restored_output(r: &Restored) -> Output {
    let mut text = format!(
        "restored: {} members, {} purchases, {} vouchers",
        r.counts.members, r.counts.purchases, r.counts.vouchers
    );
    if r.erased_again > 0 {
        text.push_str(&format!(
            "\n{} member(s) erased on request since then were erased again",
            r.erased_again
        ));
    }
    if let Some(b) = &r.before_restore {
        text.push_str(&format!("\nto undo: shopcircle-cli backup restore {}", b.path));
    }
    if let Some(k) = &r.kept_damaged {
        text.push_str(&format!("\nthe damaged data file was kept as {k}"));
    }
    Output { text, json: json!(r) }
}

/// `backup restore FILE`: runs with no connection of this process open.
pub fn restore(db: &Path, file: &Path, now: DateTime<Utc>) -> CliResult<(Output, u8)> {
    let r = restore::restore(db, file, now)?;
    Ok((restored_output(&r), 0))
}

/// The passphrase in the first line of a file (never on the command line,
/// where other users of the machine and the shell's history would see it).
fn passphrase(file: &Path) -> CliResult<String> {
    let bytes = shopcircle_app::files::read_input(file, 4096)?;
    let text = String::from_utf8_lossy(&bytes);
    Ok(text.lines().next().unwrap_or("").trim_end_matches('\r').to_owned())
}

/// `export shop --out FILE --passphrase-file F`.
pub fn export(
    conn: &Connection,
    out: &Path,
    passphrase_file: &Path,
    now: DateTime<Utc>,
) -> CliResult<(Output, u8)> {
    let pass = passphrase(passphrase_file)?;
    let shop = restore::export_shop(conn, out, &pass, KdfCost::OWNER, now)?;
    let name = out.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    shopcircle_core::export_log::record(
        conn,
        shopcircle_core::export_log::ExportKind::Shop,
        shop.counts.members as usize,
        shopcircle_core::export_log::Phones::Full,
        &name,
        now,
    )?;
    let text = format!(
        "{}: {} members, {} purchases, {} vouchers (keep the passphrase: without it the file cannot be opened)",
        out.display(),
        shop.counts.members,
        shop.counts.purchases,
        shop.counts.vouchers
    );
    Ok((Output { text, json: json!({ "file": out.display().to_string(), "shop": shop }) }, 0))
}

/// `import shop FILE --passphrase-file F`: runs with no connection of this process open.
pub fn import(db: &Path, file: &Path, passphrase_file: &Path, now: DateTime<Utc>) -> CliResult<(Output, u8)> {
    let pass = passphrase(passphrase_file)?;
    let r = restore::import_shop(db, file, &pass, now)?;
    Ok((restored_output(&r), 0))
}
