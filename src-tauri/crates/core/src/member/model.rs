//! A member as the owner adds, lists and opens them.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::validate::unknown;
use crate::{Field, Result};

/// How a member's consent was given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ConsentMethod {
    /// Signed on the printed notice.
    Paper,
    /// Said yes at the counter, recorded by the staff member.
    Verbal,
    /// Ticked on the shop's QR sign-up form.
    QrForm,
    /// Given through another system whose customer list was imported
    /// (membership only: marketing consent is asked again).
    Imported,
}

impl ConsentMethod {
    pub fn as_str(self) -> &'static str {
        match self {
            ConsentMethod::Paper => "paper",
            ConsentMethod::Verbal => "verbal",
            ConsentMethod::QrForm => "qr_form",
            ConsentMethod::Imported => "imported",
        }
    }

    pub fn parse(s: &str) -> Result<ConsentMethod> {
        match s.trim() {
            "paper" => Ok(ConsentMethod::Paper),
            "verbal" => Ok(ConsentMethod::Verbal),
            "qr_form" => Ok(ConsentMethod::QrForm),
            "imported" => Ok(ConsentMethod::Imported),
            other => Err(unknown(Field::ConsentMethod, other)),
        }
    }
}

/// What a consent covers: keeping the member's data at all, or marketing to them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ConsentPurpose {
    Membership,
    Marketing,
}

impl ConsentPurpose {
    pub fn as_str(self) -> &'static str {
        match self {
            ConsentPurpose::Membership => "membership",
            ConsentPurpose::Marketing => "marketing",
        }
    }

    pub(crate) fn parse_stored(s: &str) -> ConsentPurpose {
        if s == "marketing" {
            ConsentPurpose::Marketing
        } else {
            ConsentPurpose::Membership
        }
    }
}

/// Where a new member joined: a community, through which channel, added by which staff account.
#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct JoinInput {
    #[ts(type = "number")]
    pub community_id: i64,
    #[ts(type = "number | null", optional)]
    pub channel_id: Option<i64>,
    #[ts(type = "number | null", optional)]
    pub staff_id: Option<i64>,
}

/// The consent given when the member was added.
#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct ConsentInput {
    pub method: ConsentMethod,
    /// A separate yes to marketing (campaign lists leave out everyone else).
    pub marketing: bool,
    /// Who at the shop recorded it.
    #[serde(default)]
    pub recorded_by: String,
}

/// A new member as the owner types them: only the display name is needed.
#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct MemberInput {
    pub display_name: String,
    #[serde(default)]
    pub phone: String,
    #[serde(default)]
    pub wechat_nickname: String,
    /// "MM-DD", or empty.
    #[serde(default)]
    pub birthday: String,
    #[serde(default)]
    pub note: String,
    #[serde(default)]
    pub tags: Vec<String>,
    #[ts(type = "number | null", optional)]
    pub referred_by: Option<i64>,
    #[ts(optional)]
    pub join: Option<JoinInput>,
    pub consent: ConsentInput,
}

impl MemberInput {
    /// A member with only a name and the consent they gave.
    pub fn new(display_name: &str, consent: ConsentInput) -> MemberInput {
        MemberInput {
            display_name: display_name.into(),
            phone: String::new(),
            wechat_nickname: String::new(),
            birthday: String::new(),
            note: String::new(),
            tags: Vec::new(),
            referred_by: None,
            join: None,
            consent,
        }
    }
}

impl ConsentInput {
    /// Agreed to membership at the counter; `marketing` says whether to marketing too.
    pub fn verbal(marketing: bool) -> ConsentInput {
        ConsentInput { method: ConsentMethod::Verbal, marketing, recorded_by: String::new() }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Membership {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub community_id: i64,
    pub community_name: String,
    #[ts(type = "number | null")]
    pub channel_id: Option<i64>,
    pub channel_name: Option<String>,
    #[ts(type = "number | null")]
    pub staff_id: Option<i64>,
    pub staff_name: Option<String>,
    pub joined_at: String,
    pub left_at: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Consent {
    pub purpose: ConsentPurpose,
    pub method: ConsentMethod,
    #[ts(type = "number")]
    pub notice_version: i64,
    pub given_at: String,
    pub recorded_by: String,
    pub withdrawn_at: Option<String>,
}

/// A member on their own page: the full phone number shows only here.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Member {
    #[ts(type = "number")]
    pub id: i64,
    pub display_name: String,
    pub phone: Option<String>,
    pub phone_masked: Option<String>,
    pub wechat_nickname: String,
    pub birthday: Option<String>,
    pub note: String,
    pub tags: Vec<String>,
    #[ts(type = "number | null")]
    pub referred_by: Option<i64>,
    pub referred_by_name: Option<String>,
    pub memberships: Vec<Membership>,
    pub consents: Vec<Consent>,
    /// Marketing consent given and not withdrawn: only these are on campaign lists.
    pub marketing: bool,
    pub created_at: String,
    /// Merged into another member (whose id and name these are): the record stays for undo.
    #[ts(type = "number | null")]
    pub merged_into: Option<i64>,
    pub merged_into_name: Option<String>,
    /// Erased on request: only an anonymous record of when is left.
    pub erased_at: Option<String>,
}

/// A member in the list: the phone masked.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct MemberRow {
    #[ts(type = "number")]
    pub id: i64,
    pub display_name: String,
    pub phone_masked: Option<String>,
    pub wechat_nickname: String,
    pub tags: Vec<String>,
    /// The communities they are in now.
    pub communities: Vec<String>,
    pub marketing: bool,
    pub created_at: String,
}

/// Which members to list; every filter is optional.
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[ts(export)]
pub struct MemberFilter {
    /// A name, nickname, a whole phone number or its last four digits.
    #[serde(default)]
    pub search: String,
    #[ts(type = "number | null", optional)]
    pub community_id: Option<i64>,
    #[ts(type = "number | null", optional)]
    pub channel_id: Option<i64>,
    #[ts(type = "number | null", optional)]
    pub staff_id: Option<i64>,
    #[serde(default)]
    pub tag: String,
    /// Only those with (true) or without (false) marketing consent.
    #[ts(optional)]
    pub marketing: Option<bool>,
    /// Only those in this RFM segment at the end of `segment_on` (a
    /// "YYYY-MM-DD", today when none), as the dashboard counted them.
    #[ts(optional)]
    pub segment: Option<crate::rfm::Segment>,
    #[ts(optional)]
    pub segment_on: Option<String>,
    #[ts(type = "number", optional)]
    pub offset: Option<i64>,
    #[ts(type = "number", optional)]
    pub limit: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct MemberPage {
    pub rows: Vec<MemberRow>,
    /// All that match, beyond this page.
    #[ts(type = "number")]
    pub total: i64,
}
