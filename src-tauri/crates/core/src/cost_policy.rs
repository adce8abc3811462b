//! What a campaign plan does with a price below cost: refuse it (the default),
//! warn, or say nothing. A loss leader is the owner's decision, taken once in
//! Settings rather than slipped through a wizard.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{Error, Field, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum CostPolicy {
    Block,
    Warn,
    Off,
}

impl CostPolicy {
    pub fn as_str(self) -> &'static str {
        match self {
            CostPolicy::Block => "block",
            CostPolicy::Warn => "warn",
            CostPolicy::Off => "off",
        }
    }

    pub fn parse(s: &str) -> Result<CostPolicy> {
        match s.trim() {
            "block" => Ok(CostPolicy::Block),
            "warn" => Ok(CostPolicy::Warn),
            "off" => Ok(CostPolicy::Off),
            other => Err(crate::validate::unknown(Field::CostPolicy, other)),
        }
    }
}

/// The shop's policy; `Block` before the shop is set up.
pub fn get(conn: &Connection) -> Result<CostPolicy> {
    let stored: Option<String> =
        conn.query_row("SELECT cost_policy FROM shop WHERE id = 1", [], |r| r.get(0)).optional()?;
    Ok(stored.and_then(|s| CostPolicy::parse(&s).ok()).unwrap_or(CostPolicy::Block))
}

pub fn set(conn: &Connection, policy: CostPolicy, now: DateTime<Utc>) -> Result<CostPolicy> {
    let changed = conn.execute(
        "UPDATE shop SET cost_policy = ?1, updated_at = ?2 WHERE id = 1",
        params![policy.as_str(), now],
    )?;
    if changed == 0 {
        return Err(Error::NotSetUp);
    }
    Ok(policy)
}
