//! `shopcircle-cli import …`: a till's export of orders previewed, committed
//! and undone, exactly as the window does it.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use clap::Subcommand;
use serde_json::json;
use shopcircle_core::db::Connection;
use shopcircle_core::import::{self, text::MAX_MB, ImportOptions, RowOutcome};

use shopcircle_core::text::one_line;

use crate::error::CliResult;
use crate::Output;

#[derive(Subcommand)]
pub enum ImportCommand {
    /// What importing FILE would do: counts of new, duplicate and error rows, and each error's row and reason
    Preview {
        file: PathBuf,
        /// youzan_orders, shopify_orders or generic (else the headers decide)
        #[arg(long)]
        preset: Option<String>,
    },
    /// Import FILE's new rows in one step; prints the batch id
    Commit {
        file: PathBuf,
        #[arg(long)]
        preset: Option<String>,
    },
    /// Take an import back; prints the batch id
    Undo { batch: i64 },
    /// Import a whole shop exported on another laptop, in place of this one's data (backed up first)
    Shop {
        file: PathBuf,
        /// A file whose first line is the passphrase the shop was exported with
        #[arg(long, value_name = "FILE")]
        passphrase_file: PathBuf,
    },
}

fn read(file: &Path) -> CliResult<(Vec<u8>, String)> {
    let bytes = shopcircle_app::files::read_input(file, (MAX_MB * 1024 * 1024) as u64)?;
    let name = file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    Ok((bytes, name))
}

pub fn run(conn: &mut Connection, cmd: ImportCommand, now: DateTime<Utc>) -> CliResult<Output> {
    match cmd {
        ImportCommand::Preview { file, preset } => {
            let (bytes, name) = read(&file)?;
            let p =
                import::preview(conn, &bytes, &name, &ImportOptions { preset, ..ImportOptions::default() })?;
            let mut lines = vec![format!(
                "{}: {} new, {} duplicate, {} with errors ({})",
                p.file_name, p.new, p.duplicates, p.errors, p.preset
            )];
            if p.unmapped {
                lines.push(format!(
                    "no column of dates or amounts recognised among: {} (choose --preset, or map the columns in the app)",
                    p.headers.iter().map(|h| one_line(h)).collect::<Vec<_>>().join(", ")
                ));
            }
            for r in p.rows.iter().filter(|r| r.outcome == RowOutcome::Error) {
                lines.push(format!("line {}: {}", r.line, r.reason));
            }
            Ok(Output { text: lines.join("\n"), json: serde_json::to_value(&p).unwrap_or_default() })
        }
        ImportCommand::Commit { file, preset } => {
            let (bytes, name) = read(&file)?;
            let b = import::commit(
                conn,
                &bytes,
                &name,
                &ImportOptions { preset, ..ImportOptions::default() },
                now,
            )?;
            Ok(Output { text: b.id.to_string(), json: json!({ "id": b.id, "new": b.new_rows }) })
        }
        ImportCommand::Undo { batch } => {
            let b = import::undo(conn, batch, now)?;
            Ok(Output { text: b.id.to_string(), json: serde_json::to_value(&b).unwrap_or_default() })
        }
        // `main` imports a whole shop before opening this one; with it open, it is in use.
        ImportCommand::Shop { .. } => {
            Err(shopcircle_core::Error::Backup(shopcircle_core::backup::BackupProblem::InUse).into())
        }
    }
}
