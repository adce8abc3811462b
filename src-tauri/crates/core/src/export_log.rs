//! The log of exports of members' data: what left the laptop, how many rows,
//! whether phones were masked, to which file name, and when. Listed in
//! Settings; the file's folder is not kept (it says nothing the owner needs).

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::Result;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ExportKind {
    Members,
    Purchases,
    MemberData,
    /// The whole shop, passphrase-protected, for a new laptop.
    Shop,
}

impl ExportKind {
    fn as_str(self) -> &'static str {
        match self {
            ExportKind::Members => "members",
            ExportKind::Purchases => "purchases",
            ExportKind::MemberData => "member_data",
            ExportKind::Shop => "shop",
        }
    }

    fn parse(s: &str) -> ExportKind {
        match s {
            "purchases" => ExportKind::Purchases,
            "member_data" => ExportKind::MemberData,
            "shop" => ExportKind::Shop,
            _ => ExportKind::Members,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Phones {
    Masked,
    Full,
    None,
}

impl Phones {
    fn as_str(self) -> &'static str {
        match self {
            Phones::Masked => "masked",
            Phones::Full => "full",
            Phones::None => "none",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ExportRecord {
    #[ts(type = "number")]
    pub id: i64,
    pub kind: ExportKind,
    #[ts(type = "number")]
    pub rows: i64,
    pub phones: String,
    pub file_name: String,
    pub exported_at: String,
}

pub fn record(
    conn: &Connection,
    kind: ExportKind,
    rows: usize,
    phones: Phones,
    file_name: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    let name: String = file_name.chars().take(200).collect();
    conn.execute(
        "INSERT INTO export_log (kind, rows, phones, file_name, exported_at) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![kind.as_str(), rows as i64, phones.as_str(), name, now],
    )?;
    Ok(())
}

/// The exports, newest first.
pub fn list(conn: &Connection) -> Result<Vec<ExportRecord>> {
    Ok(conn
        .prepare_cached("SELECT id, kind, rows, phones, file_name, exported_at FROM export_log ORDER BY id DESC LIMIT 500")?
        .query_map([], |r| {
            Ok(ExportRecord {
                id: r.get(0)?,
                kind: ExportKind::parse(&r.get::<_, String>(1)?),
                rows: r.get(2)?,
                phones: r.get(3)?,
                file_name: r.get(4)?,
                exported_at: r.get(5)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?)
}
