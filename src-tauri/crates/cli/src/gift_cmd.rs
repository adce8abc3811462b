//! `shopcircle-cli gift …`: the gift catalogue.

use chrono::{DateTime, Utc};
use clap::Subcommand;
use serde_json::json;
use shopcircle_core::db::Connection;
use shopcircle_core::gift::{self, GiftInput, StockChange, MONEY_MAX};
use shopcircle_core::text::one_line;
use shopcircle_core::{parse_money, Field};

use crate::error::CliResult;
use crate::Output;

#[derive(Subcommand)]
pub enum GiftCommand {
    /// Add a gift to the catalogue; prints its id
    Add {
        #[arg(long)]
        name: String,
        /// drainage (pulls new customers in), lottery (group activities) or reward (for referrals)
        #[arg(long)]
        kind: String,
        /// What one costs the shop, in yuan (e.g. 3.50)
        #[arg(long)]
        cost: String,
        /// What it looks worth to a customer, in yuan
        #[arg(long)]
        value: String,
        /// How many are on the shelf
        #[arg(long)]
        stock: i64,
        /// Warn on the home screen at or below this many [default: 10]
        #[arg(long)]
        low_stock_at: Option<i64>,
        #[arg(long, default_value = "")]
        packaging: String,
    },
    /// List the gifts with their stock
    List {
        /// Include archived gifts
        #[arg(long)]
        all: bool,
    },
    /// Add newly arrived gifts to the stock
    Restock {
        id: i64,
        count: i64,
        #[arg(long, default_value = "")]
        note: String,
    },
}

pub fn run(conn: &mut Connection, cmd: GiftCommand, now: DateTime<Utc>) -> CliResult<Output> {
    match cmd {
        GiftCommand::Add { name, kind, cost, value, stock, low_stock_at, packaging } => {
            let input = GiftInput {
                name,
                kind,
                unit_cost_cents: parse_money(Field::UnitCost, &cost, MONEY_MAX)?,
                value_cents: parse_money(Field::PerceivedValue, &value, MONEY_MAX)?,
                low_stock_at,
                packaging,
            };
            let g = gift::create(conn, &input, stock, now)?;
            Ok(Output { text: g.id.to_string(), json: json!({ "id": g.id }) })
        }
        GiftCommand::List { all } => {
            let list = gift::list(conn, all)?;
            let text = list
                .iter()
                .map(|g| {
                    let warn = if g.low_stock { "  (low)" } else { "" };
                    format!("{}\t{}\t{}\tstock {}{warn}", g.id, one_line(&g.name), g.kind.as_str(), g.stock)
                })
                .collect::<Vec<_>>()
                .join("\n");
            Ok(Output { text, json: serde_json::to_value(&list).unwrap_or_default() })
        }
        GiftCommand::Restock { id, count, note } => {
            let g = gift::change_stock(conn, id, StockChange::Restocked(count), &note, now)?;
            Ok(Output { text: g.stock.to_string(), json: json!({ "id": g.id, "stock": g.stock }) })
        }
    }
}
