//! What the gift-package wizard sends, what its plan holds, and a settlement.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::campaign::jielong::Unreadable;
use crate::campaign::poster_channel::PlannedPoster;
use crate::campaign::{Check, PlannedPost, PlannedSession};
use crate::schedule::ScheduleInput;

/// One product in the package, and how many of it.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, TS)]
#[ts(export)]
pub struct BundleItem {
    #[ts(type = "number")]
    pub product_id: i64,
    #[ts(type = "number")]
    pub quantity: i64,
}

/// A rung of the ladder: from `min_shares` packages at one address, each costs `price_cents`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, TS)]
#[ts(export)]
pub struct Tier {
    #[ts(type = "number")]
    pub min_shares: i64,
    #[ts(type = "number")]
    pub price_cents: i64,
}

/// What the owner chooses in the wizard (kept as typed in a draft).
#[derive(Debug, Clone, Deserialize, Serialize, TS)]
#[ts(export)]
pub struct LadderInput {
    /// Empty: "Gift-package day: {first product}…".
    #[serde(default)]
    pub name: String,
    pub items: Vec<BundleItem>,
    /// One package bought alone.
    #[ts(type = "number")]
    pub solo_cents: i64,
    pub tiers: Vec<Tier>,
    /// Packages each session may sell (the shelf must hold them).
    #[ts(type = "number")]
    pub shares: i64,
    /// RRULE text: every Friday by default.
    pub rule: String,
    /// The first session, local: "YYYY-MM-DD HH:MM".
    pub start: String,
    /// The 接龙 stays open this long after the start.
    #[ts(type = "number")]
    pub cutoff_minutes: i64,
    pub ends_on: String,
    #[ts(type = "number[]")]
    pub community_ids: Vec<i64>,
    #[ts(type = "number")]
    pub lead_minutes: i64,
    /// The channel whose code the day's poster carries; none: no poster.
    #[ts(type = "number | null")]
    #[serde(default)]
    pub poster_channel_id: Option<i64>,
}

/// A product of the package as planned: its figures now.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct PlannedItem {
    #[ts(type = "number")]
    pub product_id: i64,
    pub name: String,
    pub unit: String,
    pub role: crate::product::ProductRole,
    #[ts(type = "number")]
    pub quantity: i64,
    #[ts(type = "number")]
    pub unit_price_cents: i64,
    #[ts(type = "number")]
    pub unit_cost_cents: i64,
}

/// A price of the package with what it earns.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct TierLine {
    /// 1 for the solo price.
    #[ts(type = "number")]
    pub min_shares: i64,
    #[ts(type = "number")]
    pub price_cents: i64,
    #[ts(type = "number")]
    pub margin_cents: i64,
    /// Of the price, in whole percent (negative below cost).
    #[ts(type = "number")]
    pub margin_percent: i64,
}

/// Everything the gift-package day will create, with every check's result.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct LadderPlan {
    pub name: String,
    pub items: Vec<PlannedItem>,
    /// The items at their regular prices: what buying them separately costs.
    #[ts(type = "number")]
    pub value_cents: i64,
    #[ts(type = "number")]
    pub cost_cents: i64,
    /// The solo price, then each tier, with its margin.
    pub prices: Vec<TierLine>,
    /// The method's ladder (2 → 90 %, 3 → 85 %, 5 → 75 % of the value), to prefill.
    pub suggested: Vec<Tier>,
    #[ts(type = "number")]
    pub shares: i64,
    /// Packages the shelf can make after what other campaigns promised.
    #[ts(type = "number")]
    pub available: i64,
    #[ts(type = "number[]")]
    pub community_ids: Vec<i64>,
    pub sessions: Vec<PlannedSession>,
    pub schedules: Vec<ScheduleInput>,
    pub posts: Vec<PlannedPost>,
    /// The poster Finish saves, with the ladder on it.
    pub poster: Option<PlannedPoster>,
    pub checks: Vec<Check>,
    pub refused: bool,
}

/// What `apply` made.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct LadderApplied {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number[]")]
    pub schedule_ids: Vec<i64>,
    #[ts(type = "number[]")]
    pub content_ids: Vec<i64>,
    #[ts(type = "number")]
    pub sessions: i64,
    #[ts(type = "number | null")]
    pub poster_id: Option<i64>,
}

/// One address of a settled 接龙: its lines, packages, the tier reached, what it pays.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct AddressLine {
    /// As first written in the list.
    pub address: String,
    /// The list's lines for it, 1-based.
    pub lines: Vec<usize>,
    #[ts(type = "number")]
    pub shares: i64,
    /// The tier reached (1: the solo price).
    #[ts(type = "number")]
    pub tier: i64,
    #[ts(type = "number")]
    pub price_cents: i64,
    #[ts(type = "number")]
    pub total_cents: i64,
    /// One pickup code per package, to send to the address.
    pub codes: Vec<PackageCode>,
}

/// A package's pickup code, and whether it was collected at the counter.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct PackageCode {
    pub code: String,
    pub collected: bool,
}

/// A session settled from its pasted 接龙.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Settlement {
    #[ts(type = "number")]
    pub campaign_id: i64,
    #[ts(type = "number")]
    pub session_id: i64,
    pub day: String,
    /// Every session's day, to choose another.
    pub days: Vec<String>,
    pub addresses: Vec<AddressLine>,
    pub unreadable: Vec<Unreadable>,
    #[ts(type = "number")]
    pub shares: i64,
    #[ts(type = "number")]
    pub revenue_cents: i64,
    /// The packages' cost of goods.
    #[ts(type = "number")]
    pub cost_cents: i64,
    #[ts(type = "number")]
    pub margin_cents: i64,
    /// More packages than the session may sell: the owner must trim the list.
    #[ts(type = "number")]
    pub over_by: i64,
    /// Pickup codes collected at the counter so far, of `shares`.
    #[ts(type = "number")]
    pub collected: i64,
    /// The last day a package can be collected ("YYYY-MM-DD").
    pub collect_until: String,
}
