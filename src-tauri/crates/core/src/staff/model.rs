//! The personal account matrix: the manager's and clerks' accounts that add
//! customers, and the communities each one runs.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::validate::{optional, optional_lines, required, unknown};
use crate::{Field, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Role {
    Manager,
    Clerk,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Manager => "manager",
            Role::Clerk => "clerk",
        }
    }

    pub fn parse(s: &str) -> Result<Role> {
        match s.trim() {
            "manager" => Ok(Role::Manager),
            "clerk" => Ok(Role::Clerk),
            other => Err(unknown(Field::Role, other)),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct Staff {
    #[ts(type = "number")]
    pub id: i64,
    pub display_name: String,
    pub role: Role,
    pub account_id: String,
    pub note: String,
    #[ts(type = "Array<number>")]
    pub community_ids: Vec<i64>,
    /// The method: a staff account's nickname carries the brand, so customers
    /// know who is talking. True when this one does not.
    pub missing_brand: bool,
    pub archived_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct StaffInput {
    pub display_name: String,
    #[ts(as = "Role")]
    pub role: String,
    #[serde(default)]
    #[ts(optional)]
    pub account_id: Option<String>,
    #[serde(default)]
    #[ts(optional)]
    pub note: Option<String>,
    #[serde(default)]
    #[ts(type = "Array<number>", optional)]
    pub community_ids: Option<Vec<i64>>,
}

pub const DISPLAY_NAME_MAX: usize = 40;
pub const ACCOUNT_ID_MAX: usize = 64;
pub const NOTE_MAX: usize = 500;

pub(crate) struct Valid {
    pub display_name: String,
    pub role: Role,
    pub account_id: String,
    pub note: String,
    pub community_ids: Vec<i64>,
}

pub(crate) fn validate(input: &StaffInput) -> Result<Valid> {
    let mut community_ids = input.community_ids.clone().unwrap_or_default();
    community_ids.sort_unstable();
    community_ids.dedup();
    Ok(Valid {
        display_name: required(Field::DisplayName, &input.display_name, DISPLAY_NAME_MAX)?,
        role: Role::parse(&input.role)?,
        account_id: optional(Field::AccountId, input.account_id.as_deref().unwrap_or(""), ACCOUNT_ID_MAX)?,
        note: optional_lines(Field::Note, input.note.as_deref().unwrap_or(""), NOTE_MAX)?,
        community_ids,
    })
}

/// Whether a display name lacks the brand, ignoring case and spaces.
pub fn missing_brand(display_name: &str, brand: &str) -> bool {
    let squash =
        |s: &str| s.chars().filter(|c| !c.is_whitespace()).flat_map(char::to_lowercase).collect::<String>();
    let brand = squash(brand);
    !brand.is_empty() && !squash(display_name).contains(&brand)
}
