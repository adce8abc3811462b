//! Voucher batches and what a scan at the counter answers, as the UI and CLI see them.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What a voucher gives, as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case", tag = "kind")]
#[ts(export)]
pub enum Benefit {
    Gift {
        #[ts(type = "number")]
        gift_id: i64,
        gift_name: String,
    },
    AmountOff {
        #[ts(type = "number")]
        cents: i64,
    },
    PercentOff {
        #[ts(type = "number")]
        percent: i64,
    },
    /// Collect one unit of a product, paying the price it was bought at (a
    /// flash sale's buyer).
    Pickup {
        #[ts(type = "number")]
        product_id: i64,
        product_name: String,
        unit: String,
        #[ts(type = "number")]
        price_cents: i64,
    },
    /// Collect one gift package of a gift-package day (each of its products
    /// leaves the shelf), paying the price the holder's address reached.
    Package {
        #[ts(type = "number")]
        campaign_id: i64,
        campaign_name: String,
        /// What is in it: "2× Black tea · 1× Cup".
        items: String,
        /// The address's price for one package; none for a batch as a whole
        /// (its addresses reached different tiers).
        #[ts(type = "number | null")]
        price_cents: Option<i64>,
    },
}

/// What a voucher gives, as the owner picks it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize, TS)]
#[serde(rename_all = "snake_case", tag = "kind")]
#[ts(export)]
pub enum BenefitInput {
    Gift {
        #[ts(type = "number")]
        gift_id: i64,
    },
    AmountOff {
        #[ts(type = "number")]
        cents: i64,
    },
    PercentOff {
        #[ts(type = "number")]
        percent: i64,
    },
    Pickup {
        #[ts(type = "number")]
        product_id: i64,
        #[ts(type = "number")]
        price_cents: i64,
    },
}

#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct BatchInput {
    /// Empty: named after what it gives.
    #[serde(default)]
    pub name: String,
    pub benefit: BenefitInput,
    #[ts(type = "number")]
    pub count: i64,
    /// YYYY-MM-DD in the shop's zone; empty or absent means today.
    #[ts(optional)]
    pub valid_from: Option<String>,
    /// YYYY-MM-DD, the last day it can be used.
    pub valid_until: String,
    #[ts(type = "number | null", optional)]
    pub community_id: Option<i64>,
    #[ts(type = "number | null", optional)]
    pub channel_id: Option<i64>,
    #[ts(type = "number | null", optional)]
    pub min_spend_cents: Option<i64>,
    /// A voucher named to one customer; empty for a bearer voucher.
    #[serde(default)]
    pub holder_name: String,
    #[serde(default)]
    pub holder_phone: String,
}

impl BatchInput {
    /// A bearer batch valid from today, with nothing else set.
    pub fn new(benefit: BenefitInput, count: i64, valid_until: &str) -> BatchInput {
        BatchInput {
            name: String::new(),
            benefit,
            count,
            valid_from: None,
            valid_until: valid_until.into(),
            community_id: None,
            channel_id: None,
            min_spend_cents: None,
            holder_name: String::new(),
            holder_phone: String::new(),
        }
    }
}

/// How a batch is doing.
#[derive(Debug, Clone, Default, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct BatchStats {
    #[ts(type = "number")]
    pub issued: i64,
    #[ts(type = "number")]
    pub redeemed: i64,
    #[ts(type = "number")]
    pub voided: i64,
    /// Neither redeemed nor voided, and past their last day.
    #[ts(type = "number")]
    pub expired: i64,
    /// Redeemed out of issued, 0 to 1.
    pub redemption_rate: f64,
    /// What the gifts handed out for it cost the shop, in fen.
    #[ts(type = "number")]
    pub gift_cost_cents: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Batch {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    pub benefit: Benefit,
    #[ts(type = "number")]
    pub count: i64,
    pub valid_from: String,
    pub valid_until: String,
    #[ts(type = "number | null")]
    pub community_id: Option<i64>,
    pub community_name: Option<String>,
    #[ts(type = "number | null")]
    pub channel_id: Option<i64>,
    pub channel_name: Option<String>,
    #[ts(type = "number | null")]
    pub min_spend_cents: Option<i64>,
    pub holder_name: String,
    pub holder_phone: String,
    pub voided_at: Option<String>,
    pub void_reason: String,
    pub created_at: String,
    pub stats: BatchStats,
}

/// One voucher as the counter shows it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct VoucherInfo {
    pub code: String,
    #[ts(type = "number")]
    pub batch_id: i64,
    pub batch_name: String,
    pub benefit: Benefit,
    pub holder_name: String,
    pub valid_from: String,
    pub valid_until: String,
    #[ts(type = "number | null")]
    pub min_spend_cents: Option<i64>,
}

/// The counter's answer to a typed or scanned code.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "snake_case", tag = "status")]
#[ts(export)]
pub enum Redemption {
    /// Redeemed now: hand over what it gives. `stock_left`: the gift's or the product's stock after.
    Redeemed {
        voucher: VoucherInfo,
        redeemed_at: String,
        #[ts(type = "number | null")]
        stock_left: Option<i64>,
    },
    AlreadyRedeemed {
        voucher: VoucherInfo,
        redeemed_at: String,
        redeemed_by: String,
    },
    NotYetValid {
        voucher: VoucherInfo,
    },
    Expired {
        voucher: VoucherInfo,
    },
    Voided {
        voucher: VoucherInfo,
        voided_at: String,
        reason: String,
    },
    /// The batch asks for a minimum spend and the amount typed (if any) is below it.
    BelowMinimum {
        voucher: VoucherInfo,
        #[ts(type = "number | null")]
        spend_cents: Option<i64>,
    },
    /// A typo the check symbols caught, at this position (1-based, hyphens not counted).
    Mistyped {
        position: usize,
    },
    /// Two neighbouring characters swapped, starting at this position.
    Swapped {
        position: usize,
    },
    /// Not a code at all (too short, a character codes never hold), in the owner's language.
    Malformed {
        message: String,
    },
    /// Well formed but not made by this shop's key, or for no voucher it issued.
    NotOurs,
}

impl Redemption {
    pub fn status(&self) -> &'static str {
        match self {
            Redemption::Redeemed { .. } => "redeemed",
            Redemption::AlreadyRedeemed { .. } => "already_redeemed",
            Redemption::NotYetValid { .. } => "not_yet_valid",
            Redemption::Expired { .. } => "expired",
            Redemption::Voided { .. } => "voided",
            Redemption::BelowMinimum { .. } => "below_minimum",
            Redemption::Mistyped { .. } => "mistyped",
            Redemption::Swapped { .. } => "swapped",
            Redemption::Malformed { .. } => "malformed",
            Redemption::NotOurs => "not_ours",
        }
    }
}

/// A redemption taken back.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Undone {
    pub voucher: VoucherInfo,
    #[ts(type = "number | null")]
    pub stock_left: Option<i64>,
}

/// One voucher of a batch, for the report and the CSV.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct VoucherRow {
    pub code: String,
    pub redeemed_at: Option<String>,
    pub redeemed_by: String,
    pub voided_at: Option<String>,
    pub void_reason: String,
}

/// What happened at the counter to a voucher of a batch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum EventAction {
    Redeemed,
    Undone,
    Voided,
}

/// One line of a batch's counter log: redemptions, undos with their reasons,
/// and vouchers voided one by one, newest first.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct VoucherEvent {
    #[ts(type = "number")]
    pub id: i64,
    pub code: String,
    pub action: EventAction,
    pub staff: String,
    pub reason: String,
    pub at: String,
}
