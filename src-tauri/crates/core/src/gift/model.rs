//! What a gift is, what the owner types to add one, and the checks on it.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::validate::{in_range, optional_lines, required, unknown};
use crate::{Field, Result};

pub const NAME_MAX: usize = 40;
pub const PACKAGING_MAX: usize = 200;
/// ¥1,000,000 in fen: far above any gift a shop hands out, low enough that sums never overflow.
pub const MONEY_MAX: i64 = 100_000_000;
pub const STOCK_MAX: i64 = 1_000_000;
/// Warn when this many or fewer are left, unless the owner says otherwise.
pub const DEFAULT_LOW_STOCK_AT: i64 = 10;
/// The note on a restock or a shelf count.
pub const STOCK_NOTE_MAX: usize = 200;

/// The method's three kinds: pull new customers in, keep them playing, reward referrals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum GiftKind {
    Drainage,
    Lottery,
    Reward,
}

impl GiftKind {
    pub fn as_str(self) -> &'static str {
        match self {
            GiftKind::Drainage => "drainage",
            GiftKind::Lottery => "lottery",
            GiftKind::Reward => "reward",
        }
    }

    pub fn parse(s: &str) -> Result<GiftKind> {
        match s.trim() {
            "drainage" => Ok(GiftKind::Drainage),
            "lottery" => Ok(GiftKind::Lottery),
            "reward" => Ok(GiftKind::Reward),
            other => Err(unknown(Field::Kind, other)),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Gift {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    pub kind: GiftKind,
    /// What one costs the shop, in fen.
    #[ts(type = "number")]
    pub unit_cost_cents: i64,
    /// What it looks worth to a customer, in fen.
    #[ts(type = "number")]
    pub value_cents: i64,
    #[ts(type = "number")]
    pub stock: i64,
    #[ts(type = "number")]
    pub low_stock_at: i64,
    /// At or below the warning level.
    pub low_stock: bool,
    pub packaging: String,
    pub archived_at: Option<String>,
    pub created_at: String,
    pub updated_at: String,
}

/// A gift as the owner types it. The stock is set when adding and changed
/// afterwards only by restocks, counts and redemptions, so each move is logged.
#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct GiftInput {
    pub name: String,
    pub kind: String,
    #[ts(type = "number")]
    pub unit_cost_cents: i64,
    #[ts(type = "number")]
    pub value_cents: i64,
    #[ts(type = "number | null", optional)]
    pub low_stock_at: Option<i64>,
    #[serde(default)]
    pub packaging: String,
}

pub(crate) struct Valid {
    pub name: String,
    pub kind: GiftKind,
    pub unit_cost_cents: i64,
    pub value_cents: i64,
    pub low_stock_at: i64,
    pub packaging: String,
}

pub(crate) fn validate(input: &GiftInput) -> Result<Valid> {
    Ok(Valid {
        name: required(Field::Name, &input.name, NAME_MAX)?,
        kind: GiftKind::parse(&input.kind)?,
        unit_cost_cents: in_range(Field::UnitCost, input.unit_cost_cents, 0, MONEY_MAX)?,
        value_cents: in_range(Field::PerceivedValue, input.value_cents, 0, MONEY_MAX)?,
        low_stock_at: in_range(
            Field::LowStockAt,
            input.low_stock_at.unwrap_or(DEFAULT_LOW_STOCK_AT),
            0,
            STOCK_MAX,
        )?,
        packaging: optional_lines(Field::Packaging, &input.packaging, PACKAGING_MAX)?,
    })
}

/// Why a gift's stock moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum MoveReason {
    Added,
    Restocked,
    Counted,
    Redeemed,
    RedemptionUndone,
    /// A new member claimed it in a drainage campaign.
    Claimed,
    ClaimUndone,
}

impl MoveReason {
    pub fn as_str(self) -> &'static str {
        match self {
            MoveReason::Added => "added",
            MoveReason::Restocked => "restocked",
            MoveReason::Counted => "counted",
            MoveReason::Redeemed => "redeemed",
            MoveReason::RedemptionUndone => "redemption_undone",
            MoveReason::Claimed => "claimed",
            MoveReason::ClaimUndone => "claim_undone",
        }
    }

    pub(crate) fn parse(s: &str) -> MoveReason {
        match s {
            "restocked" => MoveReason::Restocked,
            "counted" => MoveReason::Counted,
            "redeemed" => MoveReason::Redeemed,
            "redemption_undone" => MoveReason::RedemptionUndone,
            "claimed" => MoveReason::Claimed,
            "claim_undone" => MoveReason::ClaimUndone,
            _ => MoveReason::Added,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct StockMove {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub change: i64,
    #[ts(type = "number")]
    pub stock_after: i64,
    pub reason: MoveReason,
    /// The voucher whose redemption moved it, as its code.
    pub code: Option<String>,
    pub note: String,
    pub made_at: String,
}

/// A change the owner makes to the stock by hand.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "snake_case", tag = "kind", content = "count")]
#[ts(export)]
pub enum StockChange {
    /// New gifts arrived: add this many.
    Restocked(#[ts(type = "number")] i64),
    /// The owner counted the shelf: this many are there now.
    Counted(#[ts(type = "number")] i64),
}
