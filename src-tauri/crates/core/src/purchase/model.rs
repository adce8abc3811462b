//! A sale as the counter records it and as the lists show it.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A sale at the counter: only the amount is needed.
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[ts(export)]
pub struct PurchaseInput {
    #[ts(type = "number")]
    pub amount_cents: i64,
    #[ts(type = "number | null", optional)]
    pub member_id: Option<i64>,
    /// What was bought, in a few words.
    #[serde(default)]
    pub items: String,
    /// A voucher used with the sale: redeemed now, or already redeemed at the counter.
    #[serde(default)]
    pub voucher_code: String,
    #[ts(type = "number | null", optional)]
    pub campaign_id: Option<i64>,
    /// Who is at the counter.
    #[serde(default)]
    pub staff: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Refund {
    #[ts(type = "number")]
    pub amount_cents: i64,
    pub reason: String,
    pub staff: String,
    pub refunded_at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Purchase {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number | null")]
    pub member_id: Option<i64>,
    pub member_name: Option<String>,
    pub occurred_at: String,
    #[ts(type = "number")]
    pub amount_cents: i64,
    /// Refunded so far; the sale counts for the amount less this.
    #[ts(type = "number")]
    pub refunded_cents: i64,
    pub items: String,
    /// "counter" or "import".
    pub source: String,
    pub voucher_code: Option<String>,
    #[ts(type = "number | null")]
    pub campaign_id: Option<i64>,
    pub campaign_name: Option<String>,
    pub staff: String,
    pub refunds: Vec<Refund>,
}

/// Which sales to list, newest first.
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[ts(export)]
pub struct PurchaseFilter {
    #[ts(type = "number | null", optional)]
    pub member_id: Option<i64>,
    /// First and last day, "YYYY-MM-DD" in the shop's zone; empty for no bound.
    #[serde(default)]
    pub from: String,
    #[serde(default)]
    pub to: String,
    #[ts(type = "number", optional)]
    pub limit: Option<i64>,
}
