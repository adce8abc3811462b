//! Partner stores, what the alliance wizard sends and plans, and each
//! partner's figures and monthly settlement.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::campaign::{Check, PlannedPost, Status};
use crate::voucher::BenefitInput;

/// A neighbouring shop as the owner types it.
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[ts(export)]
pub struct PartnerInput {
    /// The community whose channel the partner becomes.
    #[ts(type = "number")]
    pub community_id: i64,
    pub name: String,
    /// Its kind of business: "bakery", "面包店".
    #[serde(default)]
    pub business: String,
    #[serde(default)]
    pub contact: String,
    #[serde(default)]
    pub address: String,
    /// The agreement's first and last day, "YYYY-MM-DD".
    pub agreement_from: String,
    pub agreement_to: String,
    /// Paid to the partner per voucher redeemed, in fen (0: none agreed).
    #[ts(type = "number")]
    #[serde(default)]
    pub fee_cents: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Partner {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub channel_id: i64,
    #[ts(type = "number")]
    pub community_id: i64,
    pub community: String,
    pub name: String,
    pub business: String,
    pub contact: String,
    pub address: String,
    pub agreement_from: String,
    pub agreement_to: String,
    #[ts(type = "number")]
    pub fee_cents: i64,
    /// The agreement covers today.
    pub active: bool,
}

/// What the owner chooses in the alliance wizard (kept as typed in a draft).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize, TS)]
#[ts(export)]
pub struct AllianceInput {
    /// Empty: "Alliance: {community}".
    #[serde(default)]
    pub name: String,
    #[ts(type = "number")]
    pub community_id: i64,
    #[ts(type = "number[]")]
    pub partner_ids: Vec<i64>,
    /// What each voucher gives here: a gift, money off or a discount.
    pub benefit: BenefitInput,
    #[ts(type = "number | null")]
    #[serde(default)]
    pub min_spend_cents: Option<i64>,
    /// Vouchers handed to each partner to give out.
    #[ts(type = "number")]
    pub vouchers_per_partner: i64,
    /// The vouchers' first and last day, within every partner's agreement.
    pub first_day: String,
    pub last_day: String,
}

/// A partner as planned: its batch's name (the prefix the counter shows).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct PlannedPartner {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    pub batch_name: String,
    pub agreement_to: String,
}

/// Everything the alliance will create, with every check's result.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct AlliancePlan {
    pub name: String,
    pub partners: Vec<PlannedPartner>,
    /// What a voucher gives, in the shop's language.
    pub benefit: String,
    #[ts(type = "number")]
    pub vouchers: i64,
    /// The line each partner's poster carries.
    pub gift_line: String,
    pub announcement_zh: String,
    pub announcement_en: String,
    pub posts: Vec<PlannedPost>,
    pub checks: Vec<Check>,
    pub refused: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct AllianceApplied {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number[]")]
    pub batch_ids: Vec<i64>,
    #[ts(type = "number[]")]
    pub poster_ids: Vec<i64>,
    #[ts(type = "number[]")]
    pub content_ids: Vec<i64>,
}

/// One partner's figures in an alliance (or in a month's settlement).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct PartnerFigures {
    #[ts(type = "number")]
    pub partner_id: i64,
    pub name: String,
    #[ts(type = "number")]
    pub batch_id: i64,
    /// Vouchers handed to the partner to give out.
    #[ts(type = "number")]
    pub handed_over: i64,
    #[ts(type = "number")]
    pub redeemed: i64,
    /// Members who joined a community through the partner's channel.
    #[ts(type = "number")]
    pub new_members: i64,
    #[ts(type = "number")]
    pub fee_cents: i64,
}

/// An alliance at a glance.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct AllianceConsole {
    #[ts(type = "number")]
    pub campaign_id: i64,
    pub name: String,
    pub status: Status,
    pub first_day: String,
    pub last_day: String,
    pub benefit: String,
    pub partners: Vec<PartnerFigures>,
}

/// One voucher redeemed in a settlement's month.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct PartnerSettlementRow {
    /// Local "YYYY-MM-DD HH:MM".
    pub redeemed_at: String,
    pub code: String,
    pub batch: String,
}

/// A partner's month: what was handed over, redeemed and owed.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct PartnerSettlement {
    pub partner: Partner,
    pub month: String,
    /// Vouchers handed to the partner, in every alliance so far.
    #[ts(type = "number")]
    pub handed_over: i64,
    #[ts(type = "number")]
    pub redeemed: i64,
    #[ts(type = "number")]
    pub new_members: i64,
    #[ts(type = "number")]
    pub fee_cents: i64,
    pub rows: Vec<PartnerSettlementRow>,
}
