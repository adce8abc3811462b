//! What the flash-sale wizard sends and what its plan holds.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::campaign::poster_channel::PlannedPoster;
use crate::campaign::{Check, PlannedPost, PlannedSession};
use crate::schedule::ScheduleInput;

/// What the owner chooses in the wizard (kept as typed in a draft).
#[derive(Debug, Clone, Deserialize, Serialize, TS)]
#[ts(export)]
pub struct SpikeInput {
    /// Empty: "Flash sale: {product}".
    #[serde(default)]
    pub name: String,
    #[ts(type = "number")]
    pub product_id: i64,
    #[ts(type = "number")]
    pub price_cents: i64,
    /// For sale in each session.
    #[ts(type = "number")]
    pub quantity: i64,
    #[ts(type = "number")]
    pub per_customer: i64,
    /// RRULE text: the preset, chosen days, or `FREQ=DAILY;COUNT=1` for one date.
    pub rule: String,
    /// The first session, local: "YYYY-MM-DD HH:MM".
    pub start: String,
    #[ts(type = "number")]
    pub minutes: i64,
    /// The last day a session may fall on.
    pub ends_on: String,
    #[ts(type = "number[]")]
    pub community_ids: Vec<i64>,
    /// The reminder before each session, in minutes.
    #[ts(type = "number")]
    pub lead_minutes: i64,
    #[ts(type = "number")]
    pub pickup_days: i64,
    /// A batch of pickup vouchers per session, one per unit on sale, handed
    /// to the buyers the console records.
    #[serde(default = "yes")]
    pub pickup_vouchers: bool,
    /// The channel whose code the sale's poster carries; none: no poster.
    #[serde(default)]
    #[ts(type = "number | null")]
    pub poster_channel_id: Option<i64>,
}

fn yes() -> bool {
    true
}

/// Everything the flash sale will create, with every check's result.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct SpikePlan {
    pub name: String,
    pub product: String,
    #[ts(type = "number")]
    pub price_cents: i64,
    /// The 7-day low: the "was" price the posts name.
    #[ts(type = "number")]
    pub reference_cents: i64,
    #[ts(type = "number")]
    pub margin_cents: i64,
    /// Margin as a share of the price, in whole percent.
    #[ts(type = "number")]
    pub margin_percent: i64,
    #[ts(type = "number")]
    pub quantity: i64,
    #[ts(type = "number")]
    pub per_customer: i64,
    #[ts(type = "number")]
    pub minutes: i64,
    #[ts(type = "number")]
    pub pickup_days: i64,
    /// The poster Finish saves: the channel whose code it carries.
    pub poster: Option<PlannedPoster>,
    /// Pickup vouchers Finish issues (every session's quantity), or 0.
    #[ts(type = "number")]
    pub pickup_vouchers: i64,
    /// Stock left for this sale after what other campaigns promised.
    #[ts(type = "number")]
    pub available: i64,
    #[ts(type = "number[]")]
    pub community_ids: Vec<i64>,
    pub sessions: Vec<PlannedSession>,
    /// One reminder schedule per community.
    pub schedules: Vec<ScheduleInput>,
    pub posts: Vec<PlannedPost>,
    pub checks: Vec<Check>,
    /// Whether any check refuses: then nothing can be created.
    pub refused: bool,
}

/// What `apply` made.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Applied {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number[]")]
    pub schedule_ids: Vec<i64>,
    #[ts(type = "number[]")]
    pub content_ids: Vec<i64>,
    #[ts(type = "number")]
    pub sessions: i64,
    #[ts(type = "number[]")]
    pub batch_ids: Vec<i64>,
    #[ts(type = "number | null")]
    pub poster_id: Option<i64>,
}
