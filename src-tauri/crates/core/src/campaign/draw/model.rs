//! What the lucky-draw wizard sends, what its plan holds, and the draw's
//! console: the list frozen, the commitments, the result.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::campaign::{Check, PlannedPost, PlannedSession, Status};
use crate::schedule::ScheduleInput;

/// A prize: a gift from the catalogue (handed over for its voucher) or, with
/// no gift, money off worth its value.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize, TS)]
#[ts(export)]
pub struct PrizeInput {
    pub name: String,
    #[ts(type = "number | null")]
    #[serde(default)]
    pub gift_id: Option<i64>,
    #[ts(type = "number")]
    pub quantity: i64,
    /// What it is worth to the winner (announced; at most ¥50,000).
    #[ts(type = "number")]
    pub value_cents: i64,
    /// What it costs the shop when claimed.
    #[ts(type = "number")]
    pub cost_cents: i64,
}

/// What everyone who wins no prize gets: money off their next visit.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize, TS)]
#[ts(export)]
pub struct ConsolationInput {
    #[ts(type = "number")]
    pub cents: i64,
    #[ts(type = "number | null")]
    #[serde(default)]
    pub min_spend_cents: Option<i64>,
    /// What one redeemed consolation voucher costs the shop.
    #[ts(type = "number")]
    pub cost_cents: i64,
}

/// Who takes part, among the chosen communities' members with marketing consent.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize, TS)]
#[serde(rename_all = "snake_case", tag = "kind")]
#[ts(export)]
pub enum EntryCondition {
    /// Every such member.
    Everyone,
    /// Those who spent at least this much (after refunds) between two days.
    Spent {
        #[ts(type = "number")]
        min_cents: i64,
        from: String,
        to: String,
    },
    /// Those on a pasted list: nicknames, names or last four phone digits,
    /// one a line, as a group's 接龙 gives them.
    Pasted { text: String },
}

/// What the owner chooses in the wizard (kept as typed in a draft).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize, TS)]
#[ts(export)]
pub struct DrawInput {
    /// Empty: "Lucky draw: {first community}".
    #[serde(default)]
    pub name: String,
    #[ts(type = "number[]")]
    pub community_ids: Vec<i64>,
    /// In rank order: the first is the top prize.
    pub prizes: Vec<PrizeInput>,
    pub consolation: ConsolationInput,
    #[ts(type = "number")]
    pub budget_cents: i64,
    /// The share of vouchers expected to be redeemed, for the expected cost.
    #[ts(type = "number")]
    pub redemption_percent: i64,
    pub condition: EntryCondition,
    /// "YYYY-MM-DD HH:MM" in the shop's zone.
    pub freeze_at: String,
    pub draw_at: String,
    /// The last day prizes can be claimed, "YYYY-MM-DD".
    pub claim_until: String,
    /// The public number mixed in at the draw, named in advance
    /// ("12月16日上证指数收盘价").
    pub public_value_source: String,
    /// How to reach the organiser (a phone number), for the announcement.
    #[serde(default)]
    pub contact: String,
}

/// A prize as planned: how many the urn will hold and what they may cost.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct PlannedPrize {
    #[ts(type = "number")]
    pub rank: i64,
    pub name: String,
    #[ts(type = "number")]
    pub quantity: i64,
    /// Of them, the ones the entrants so far can win (the rest stay undrawn).
    #[ts(type = "number")]
    pub drawable: i64,
    #[ts(type = "number")]
    pub value_cents: i64,
    #[ts(type = "number")]
    pub cost_cents: i64,
}

/// Everything the campaign will create, with every check's result.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct DrawPlan {
    pub name: String,
    pub prizes: Vec<PlannedPrize>,
    pub consolation_name: String,
    /// Who would take part if the list froze now.
    #[ts(type = "number")]
    pub entrants: i64,
    /// The most who can take part by the freeze (members of the communities
    /// with marketing consent), which the maximum cost assumes.
    #[ts(type = "number")]
    pub entrants_at_most: i64,
    /// Pasted lines that match no member (or more than one), as typed.
    pub unmatched: Vec<String>,
    /// Every prize and every consolation voucher redeemed.
    #[ts(type = "number")]
    pub max_cost_cents: i64,
    /// At the assumed redemption rate.
    #[ts(type = "number")]
    pub expected_cost_cents: i64,
    #[ts(type = "number")]
    pub budget_cents: i64,
    /// The announcement with the disclosure the rules require, in both languages.
    pub announcement_zh: String,
    pub announcement_en: String,
    pub sessions: Vec<PlannedSession>,
    pub schedules: Vec<ScheduleInput>,
    pub posts: Vec<PlannedPost>,
    pub checks: Vec<Check>,
    pub refused: bool,
}

/// What `apply` made.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct DrawApplied {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number[]")]
    pub schedule_ids: Vec<i64>,
    #[ts(type = "number[]")]
    pub content_ids: Vec<i64>,
}

/// Where a draw stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum DrawStage {
    /// Before the freeze time: the list still changes.
    Open,
    /// The freeze time has come: the list can be frozen.
    FreezeDue,
    /// Frozen, before the draw time.
    Frozen,
    /// The draw time has come: the public value can be typed.
    DrawDue,
    Drawn,
    Cancelled,
}

/// One entrant's result.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct DrawWinner {
    /// Their number on the frozen list.
    #[ts(type = "number")]
    pub number: i64,
    /// As published: "张* (1234)".
    pub label: String,
    /// 0: the consolation prize.
    #[ts(type = "number")]
    pub rank: i64,
    pub prize: String,
    /// The voucher named to them, to redeem at the counter.
    pub code: String,
}

/// One prize's (or, rank 0, the consolation's) vouchers after the draw.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct PrizeClaims {
    #[ts(type = "number")]
    pub rank: i64,
    /// Winners of it.
    #[ts(type = "number")]
    pub won: i64,
    /// Of their vouchers, redeemed at the counter so far.
    #[ts(type = "number")]
    pub claimed: i64,
}

/// A draw at a glance, for its console.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct DrawConsole {
    #[ts(type = "number")]
    pub campaign_id: i64,
    pub name: String,
    pub status: Status,
    pub stage: DrawStage,
    /// Local "YYYY-MM-DD HH:MM".
    pub freeze_at: String,
    pub draw_at: String,
    pub claim_until: String,
    pub public_value_source: String,
    pub prizes: Vec<PlannedPrize>,
    pub consolation_name: String,
    /// The frozen list's size, or who would take part if it froze now.
    #[ts(type = "number")]
    pub entrants: i64,
    /// The labels, as published (the frozen list, or as it stands).
    pub labels: Vec<String>,
    /// Published at freeze.
    pub list_sha256: Option<String>,
    pub seed_sha256: Option<String>,
    /// The post that publishes the commitments, in the shop's language.
    pub commitment_post: Option<String>,
    pub public_value: Option<String>,
    /// Revealed with the result.
    pub shop_seed: Option<String>,
    /// Prize winners first (by rank, then number), then consolation.
    pub winners: Vec<DrawWinner>,
    /// The group post of the result, masked, in the shop's language.
    pub result_post: Option<String>,
    #[ts(type = "number")]
    pub budget_cents: i64,
    /// Cost of the prizes and vouchers claimed so far.
    #[ts(type = "number")]
    pub spent_cents: i64,
    /// Per prize, then the consolation: won and claimed (empty before the draw).
    pub claims: Vec<PrizeClaims>,
}
