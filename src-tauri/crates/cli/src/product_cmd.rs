//! `shopcircle-cli product …`: the product catalogue the campaigns sell from.

use chrono::{DateTime, Utc};
use clap::Subcommand;
use serde_json::json;
use shopcircle_core::db::Connection;
use shopcircle_core::image_change::ImageChange;
use shopcircle_core::money::yuan;
use shopcircle_core::product::{self, ProductInput, MONEY_MAX};
use shopcircle_core::text::one_line;
use shopcircle_core::{parse_money, Field};

use crate::error::CliResult;
use crate::Output;

#[derive(Subcommand)]
pub enum ProductCommand {
    /// Add a product to the catalogue; prints its id
    Add {
        #[arg(long)]
        name: String,
        /// What one sells for, in yuan (e.g. 39 or 19.90)
        #[arg(long)]
        price: String,
        /// What one costs the shop, in yuan
        #[arg(long)]
        cost: String,
        /// How many are on the shelf
        #[arg(long)]
        stock: i64,
        /// traffic (priced to draw people in) or profit (what the shop earns on)
        #[arg(long)]
        role: String,
        /// What one is: a box, a cup, 斤
        #[arg(long, default_value = "")]
        unit: String,
    },
    /// Change a product's regular price from now on (the old one stays in its history); prints the new price
    Price {
        id: i64,
        /// The new price, in yuan
        price: String,
    },
    /// List the products with their price and the lowest price of the last 7 days
    List {
        /// Include archived products
        #[arg(long)]
        all: bool,
    },
    /// A product with its price history
    Show { id: i64 },
}

pub fn run(conn: &mut Connection, cmd: ProductCommand, now: DateTime<Utc>) -> CliResult<Output> {
    match cmd {
        ProductCommand::Add { name, price, cost, stock, role, unit } => {
            let input = ProductInput {
                name,
                unit,
                price_cents: parse_money(Field::Price, &price, MONEY_MAX)?,
                cost_cents: parse_money(Field::UnitCost, &cost, MONEY_MAX)?,
                stock,
                role,
            };
            let p = product::create(conn, &input, &ImageChange::Keep, now)?;
            Ok(Output { text: p.id.to_string(), json: json!({ "id": p.id }) })
        }
        ProductCommand::Price { id, price } => {
            let p = product::get(conn, id, now)?;
            let input = ProductInput {
                name: p.name,
                unit: p.unit,
                price_cents: parse_money(Field::Price, &price, MONEY_MAX)?,
                cost_cents: p.cost_cents,
                stock: p.stock,
                role: p.role.as_str().to_owned(),
            };
            let p = product::update(conn, id, &input, &ImageChange::Keep, now)?;
            Ok(Output {
                text: yuan(p.price_cents),
                json: json!({ "id": p.id, "price_cents": p.price_cents, "reference_price_cents": p.reference_price_cents }),
            })
        }
        ProductCommand::List { all } => {
            let list = product::list(conn, all, now)?;
            let text = list
                .iter()
                .map(|p| {
                    format!(
                        "{}\t{}\t{}\t¥{}\t7-day low ¥{}\tstock {}",
                        p.id,
                        one_line(&p.name),
                        p.role.as_str(),
                        yuan(p.price_cents),
                        yuan(p.reference_price_cents),
                        p.stock
                    )
                })
                .collect::<Vec<_>>()
                .join("\n");
            Ok(Output { text, json: serde_json::to_value(&list).unwrap_or_default() })
        }
        ProductCommand::Show { id } => {
            let p = product::get(conn, id, now)?;
            let prices = product::prices(conn, id, now)?;
            let mut lines = vec![
                format!("{}\t{}", p.id, one_line(&p.name)),
                format!(
                    "price ¥{} (7-day low ¥{}), cost ¥{}, stock {}, {}",
                    yuan(p.price_cents),
                    yuan(p.reference_price_cents),
                    yuan(p.cost_cents),
                    p.stock,
                    p.role.as_str()
                ),
            ];
            lines.extend(prices.iter().map(|c| format!("  from {}\t¥{}", c.from_at, yuan(c.price_cents))));
            Ok(Output { text: lines.join("\n"), json: json!({ "product": p, "prices": prices }) })
        }
    }
}
