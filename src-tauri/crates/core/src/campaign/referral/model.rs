//! What the referral-day wizard sends, what its plan holds, and what the
//! counter, the console and the leaderboard show.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::campaign::drainage::Reward;
use crate::campaign::{Check, PlannedPost, PlannedSession, Status};
use crate::schedule::ScheduleInput;

/// A reward: money off, named to the member, when their qualified friends in
/// a month reach `friends`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, TS)]
#[ts(export)]
pub struct RewardTier {
    #[ts(type = "number")]
    pub friends: i64,
    #[ts(type = "number")]
    pub cents: i64,
}

/// What the owner chooses in the wizard (kept as typed in a draft).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize, TS)]
#[ts(export)]
pub struct ReferralInput {
    /// Empty: "Bring a friend: {first month}".
    #[serde(default)]
    pub name: String,
    /// Where the promotion day is announced.
    #[ts(type = "number[]")]
    pub community_ids: Vec<i64>,
    /// Friend cards are taken at the counter from the first day to the last ("YYYY-MM-DD").
    pub first_day: String,
    pub last_day: String,
    /// The member promotion day each month (1 to 28), and when its post goes out ("HH:MM").
    #[ts(type = "number")]
    pub promotion_day: i64,
    pub promotion_time: String,
    /// What the friend gets at the counter: a gift, or money off their first
    /// purchase valid `valid_days` from that day.
    pub welcome: Reward,
    /// In order of friends, e.g. 1, 3 and 5.
    pub tiers: Vec<RewardTier>,
    /// How long a reward voucher stays valid, in days from its issue.
    #[ts(type = "number")]
    pub reward_days: i64,
    /// The most qualified friends counted per member per month.
    #[ts(type = "number")]
    pub monthly_cap: i64,
    /// A friend's first purchase qualifies within this many days of the card.
    #[ts(type = "number")]
    pub qualify_days: i64,
}

/// Everything the campaign will create, with every check's result.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ReferralPlan {
    pub name: String,
    /// What the friend gets, in the shop's language.
    pub welcome: String,
    /// Each tier in words ("3 friends: ¥15 off").
    pub tiers: Vec<String>,
    /// Members with marketing consent now: each has a friend card.
    #[ts(type = "number")]
    pub members_with_cards: i64,
    /// The most one member can earn in a month (every tier reached).
    #[ts(type = "number")]
    pub max_reward_per_member_cents: i64,
    /// The announcement for the promotion day, in both languages.
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
pub struct ReferralApplied {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number[]")]
    pub schedule_ids: Vec<i64>,
    #[ts(type = "number[]")]
    pub content_ids: Vec<i64>,
}

/// A member's friend card: their code and the words printed around it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct FriendCard {
    #[ts(type = "number")]
    pub member_id: i64,
    /// The member as the card names them (masked: "张*").
    pub holder: String,
    /// Grouped for reading: "K7QM-3XPA-9D2F".
    pub code: String,
    /// The running (or next) referral day's offer to the friend, or none.
    pub offer: Option<String>,
}

/// What the counter learns from a friend card before handing anything over.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct FriendCardCheck {
    #[ts(type = "number")]
    pub campaign_id: i64,
    pub campaign: String,
    #[ts(type = "number")]
    pub referrer_id: i64,
    /// Masked: "张* (1234)".
    pub referrer: String,
    /// What the friend gets.
    pub welcome: String,
}

/// What the counter records for a friend who brought a card.
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[ts(export)]
pub struct FriendInput {
    pub code: String,
    pub phone: String,
    /// Empty: "尾号1234" / "…1234".
    #[serde(default)]
    pub name: String,
    /// Whether the friend agreed to hear about offers.
    #[serde(default)]
    pub marketing: bool,
    #[serde(default)]
    pub staff: String,
}

/// The counter's answer after a friend card was taken.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Welcomed {
    #[ts(type = "number")]
    pub referral_id: i64,
    #[ts(type = "number")]
    pub friend_id: i64,
    pub referrer: String,
    /// What to hand over: the gift, or the voucher's benefit.
    pub welcome: String,
    /// The friend's welcome voucher, to give them now (none for a gift).
    pub voucher_code: Option<String>,
}

/// Where a referral stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ReferralStage {
    /// Waiting for the friend's first purchase.
    Pending,
    /// The friend bought; counted toward the member's rewards.
    Qualified,
    /// The friend bought after the member's monthly cap was reached.
    OverCap,
    /// The days to qualify passed without a purchase.
    Lapsed,
}

/// One referral, for the console's review list.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ReferralRow {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub referrer_id: i64,
    pub referrer: String,
    #[ts(type = "number")]
    pub friend_id: i64,
    pub friend: String,
    /// Local "YYYY-MM-DD HH:MM".
    pub referred_at: String,
    pub qualified_at: Option<String>,
    pub stage: ReferralStage,
    pub staff: String,
}

/// A reward voucher issued to a member.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct RewardRow {
    #[ts(type = "number")]
    pub referrer_id: i64,
    pub referrer: String,
    pub month: String,
    #[ts(type = "number")]
    pub friends: i64,
    #[ts(type = "number")]
    pub cents: i64,
    pub code: String,
    pub redeemed: bool,
}

/// A referral day at a glance.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ReferralConsole {
    #[ts(type = "number")]
    pub campaign_id: i64,
    pub name: String,
    pub status: Status,
    pub first_day: String,
    pub last_day: String,
    pub welcome: String,
    pub tiers: Vec<RewardTier>,
    #[ts(type = "number")]
    pub monthly_cap: i64,
    #[ts(type = "number")]
    pub pending: i64,
    #[ts(type = "number")]
    pub qualified: i64,
    /// Friends' welcomes and members' rewards redeemed (or gifts handed over), at cost.
    #[ts(type = "number")]
    pub cost_cents: i64,
    /// Cost ÷ qualified friends (new buyers); none before the first.
    #[ts(type = "number | null")]
    pub cost_per_buyer_cents: Option<i64>,
    /// Newest first.
    pub referrals: Vec<ReferralRow>,
    pub rewards: Vec<RewardRow>,
}

/// One member's line on the month's leaderboard.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ReferralBoardRow {
    #[ts(type = "number")]
    pub rank: i64,
    #[ts(type = "number")]
    pub member_id: i64,
    /// Masked: "张*".
    pub name: String,
    #[ts(type = "number")]
    pub friends: i64,
    /// When they reached that count (ties go to the earlier).
    pub reached_at: String,
}

/// The month's leaderboard of qualified referrals, ready to post.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ReferralBoard {
    pub month: String,
    pub rows: Vec<ReferralBoardRow>,
    /// The group post, in the shop's language.
    pub post: String,
}
