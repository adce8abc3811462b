//! What the drainage wizard sends, what its plan holds, and a claim at the counter.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::campaign::{Check, PlannedPost, PlannedSession};
use crate::channel::ChannelKind;
use crate::poster::PosterTemplate;
use crate::schedule::ScheduleInput;

/// What a new member gets for joining.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, TS)]
#[serde(rename_all = "snake_case", tag = "kind")]
#[ts(export)]
pub enum Reward {
    /// A gift from the catalogue, handed over at the counter.
    Gift {
        #[ts(type = "number")]
        gift_id: i64,
    },
    /// Money off their next visit: a voucher handed over at the counter,
    /// valid for `valid_days` after the campaign ends.
    Voucher {
        #[ts(type = "number")]
        cents: i64,
        #[ts(type = "number | null")]
        #[serde(default)]
        min_spend_cents: Option<i64>,
        #[ts(type = "number")]
        valid_days: i64,
    },
}

/// What the owner chooses in the wizard (kept as typed in a draft).
#[derive(Debug, Clone, Deserialize, Serialize, TS)]
#[ts(export)]
pub struct DrainageInput {
    /// Empty: "Welcome gift: {community}".
    #[serde(default)]
    pub name: String,
    #[ts(type = "number")]
    pub community_id: i64,
    /// The channels whose posters carry the gift.
    #[ts(type = "number[]")]
    pub channel_ids: Vec<i64>,
    pub reward: Reward,
    #[ts(type = "number")]
    pub expected_joins: i64,
    /// The most the gifts may cost; none set means no budget check.
    #[ts(type = "number | null")]
    #[serde(default)]
    pub budget_cents: Option<i64>,
    /// The first and last day, "YYYY-MM-DD" in the shop's zone.
    pub starts_on: String,
    pub ends_on: String,
    /// The posters' gift line; empty: made from the gift.
    #[serde(default)]
    pub gift_line: String,
}

/// A channel as the plan uses it: its poster and its code's reminders.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct PlannedChannel {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    pub kind: ChannelKind,
    /// The poster template that suits where it hangs.
    pub template: PosterTemplate,
    /// When its group code expires (a staff or link code does not).
    pub code_expires_at: Option<String>,
    /// The days the owner will be reminded to replace its group code.
    pub replace_on: Vec<String>,
}

/// Everything the campaign will create, with every check's result.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct DrainagePlan {
    pub name: String,
    #[ts(type = "number")]
    pub community_id: i64,
    pub community_name: String,
    pub channels: Vec<PlannedChannel>,
    /// The gift's name, or the voucher's benefit, in the shop's language.
    pub reward_name: String,
    /// What one new member's gift costs the shop (a voucher: its full value).
    #[ts(type = "number")]
    pub unit_cost_cents: i64,
    /// The gift on the shelf now (a voucher campaign: none).
    #[ts(type = "number | null")]
    pub stock: Option<i64>,
    #[ts(type = "number")]
    pub expected_joins: i64,
    /// Unit cost × expected new members.
    #[ts(type = "number")]
    pub cost_cents: i64,
    #[ts(type = "number | null")]
    pub budget_cents: Option<i64>,
    pub gift_line: String,
    /// The first and last day, as chosen.
    pub starts_on: String,
    pub ends_on: String,
    /// Next-visit vouchers to issue (one per expected new member), and their last day.
    #[ts(type = "number")]
    pub vouchers: i64,
    pub vouchers_valid_until: Option<String>,
    pub sessions: Vec<PlannedSession>,
    pub schedules: Vec<ScheduleInput>,
    pub posts: Vec<PlannedPost>,
    pub checks: Vec<Check>,
    pub refused: bool,
}

/// What `apply` made.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct DrainageApplied {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number[]")]
    pub poster_ids: Vec<i64>,
    #[ts(type = "number[]")]
    pub schedule_ids: Vec<i64>,
    #[ts(type = "number[]")]
    pub content_ids: Vec<i64>,
    #[ts(type = "number | null")]
    pub batch_id: Option<i64>,
}

/// One claim at the counter, the number masked.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Claim {
    #[ts(type = "number")]
    pub id: i64,
    /// "138****1234".
    pub phone: String,
    pub channel_name: Option<String>,
    /// The next-visit voucher handed over, for a voucher campaign.
    pub code: Option<String>,
    pub claimed_at: String,
}

/// A drainage campaign at the counter: its gift, the claims so far, what is left.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Claims {
    #[ts(type = "number")]
    pub campaign_id: i64,
    pub name: String,
    pub reward_name: String,
    pub gift_line: String,
    pub status: crate::campaign::Status,
    /// The campaign's first and last day.
    pub starts_on: String,
    pub ends_on: String,
    #[ts(type = "number")]
    pub expected_joins: i64,
    /// The gift's stock now (a voucher campaign: none).
    #[ts(type = "number | null")]
    pub stock: Option<i64>,
    /// Newest first.
    pub claims: Vec<Claim>,
    /// The channels whose posters carry the gift, for the counter to ask which.
    pub channels: Vec<ClaimChannel>,
}

/// A channel a new member may have come through.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ClaimChannel {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
}
