//! What a product is, what the owner types to add one, and the checks on it.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::validate::{in_range, optional, required, unknown};
use crate::{Field, Result};

pub const NAME_MAX: usize = 40;
/// "box", "斤", "cup of 500 ml".
pub const UNIT_MAX: usize = 12;
/// ¥1,000,000 in fen: far above anything a neighbourhood shop sells, low enough
/// that a campaign's sums never overflow.
pub const MONEY_MAX: i64 = 100_000_000;
pub const STOCK_MAX: i64 = 1_000_000;

/// The method's product mix: a traffic product is priced to draw people in (a
/// spike's bait), a profit product is what the shop earns on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ProductRole {
    Traffic,
    Profit,
}

impl ProductRole {
    pub fn as_str(self) -> &'static str {
        match self {
            ProductRole::Traffic => "traffic",
            ProductRole::Profit => "profit",
        }
    }

    pub fn parse(s: &str) -> Result<ProductRole> {
        match s.trim() {
            "traffic" => Ok(ProductRole::Traffic),
            "profit" => Ok(ProductRole::Profit),
            other => Err(unknown(Field::ProductRole, other)),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Product {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    pub unit: String,
    /// The regular price now, in fen.
    #[ts(type = "number")]
    pub price_cents: i64,
    #[ts(type = "number")]
    pub cost_cents: i64,
    #[ts(type = "number")]
    pub stock: i64,
    pub role: ProductRole,
    /// The lowest price of the previous 7 days, in fen: the only figure a
    /// "was ¥X" line may name.
    #[ts(type = "number")]
    pub reference_price_cents: i64,
    pub has_photo: bool,
    pub archived_at: Option<String>,
    pub created_at: String,
    pub updated_at: String,
}

/// A product as the owner types it.
#[derive(Debug, Clone, Deserialize, TS)]
#[ts(export)]
pub struct ProductInput {
    pub name: String,
    #[serde(default)]
    pub unit: String,
    #[ts(type = "number")]
    pub price_cents: i64,
    #[ts(type = "number")]
    pub cost_cents: i64,
    #[ts(type = "number")]
    pub stock: i64,
    pub role: String,
}

pub(crate) struct Valid {
    pub name: String,
    pub unit: String,
    pub price_cents: i64,
    pub cost_cents: i64,
    pub stock: i64,
    pub role: ProductRole,
}

pub(crate) fn validate(input: &ProductInput) -> Result<Valid> {
    Ok(Valid {
        name: required(Field::Name, &input.name, NAME_MAX)?,
        unit: optional(Field::Unit, &input.unit, UNIT_MAX)?,
        price_cents: in_range(Field::Price, input.price_cents, 1, MONEY_MAX)?,
        cost_cents: in_range(Field::UnitCost, input.cost_cents, 0, MONEY_MAX)?,
        stock: in_range(Field::Stock, input.stock, 0, STOCK_MAX)?,
        role: ProductRole::parse(&input.role)?,
    })
}

/// One regular price and when it took effect (it held until the next one).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct PriceChange {
    #[ts(type = "number")]
    pub price_cents: i64,
    pub from_at: String,
}
