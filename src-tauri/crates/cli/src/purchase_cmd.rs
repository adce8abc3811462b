//! `shopcircle-cli purchase …`: a sale recorded as at the counter, and refunds.

use chrono::{DateTime, Utc};
use clap::Subcommand;
use serde_json::json;
use shopcircle_core::db::Connection;
use shopcircle_core::gift::MONEY_MAX;
use shopcircle_core::money::yuan;
use shopcircle_core::purchase::{self, PurchaseInput};
use shopcircle_core::{parse_money, Field};

use crate::error::CliResult;
use crate::Output;

#[derive(Subcommand)]
pub enum PurchaseCommand {
    /// Record a sale; prints its id
    Add {
        /// What the customer paid, in yuan (e.g. 38.50)
        #[arg(long)]
        amount: String,
        /// The member who bought
        #[arg(long)]
        member: Option<i64>,
        /// A voucher used with the sale: redeemed now with the amount as the spend
        #[arg(long, default_value = "")]
        voucher: String,
        /// What was bought, in a few words
        #[arg(long, default_value = "")]
        items: String,
        /// The campaign the sale came from
        #[arg(long)]
        campaign: Option<i64>,
    },
    /// Refund part or all of a sale; prints what is left of it
    Refund {
        id: i64,
        /// In yuan
        #[arg(long)]
        amount: String,
        #[arg(long)]
        reason: String,
    },
}

pub fn run(conn: &mut Connection, cmd: PurchaseCommand, now: DateTime<Utc>) -> CliResult<Output> {
    match cmd {
        PurchaseCommand::Add { amount, member, voucher, items, campaign } => {
            let input = PurchaseInput {
                amount_cents: parse_money(Field::Amount, &amount, MONEY_MAX)?,
                member_id: member,
                items,
                voucher_code: voucher,
                campaign_id: campaign,
                staff: String::new(),
            };
            let p = purchase::record(conn, &input, now)?;
            Ok(Output { text: p.id.to_string(), json: json!({ "id": p.id, "voucher": p.voucher_code }) })
        }
        PurchaseCommand::Refund { id, amount, reason } => {
            let cents = parse_money(Field::Amount, &amount, MONEY_MAX)?;
            let p = purchase::refund(conn, id, cents, &reason, "", now)?;
            Ok(Output {
                text: format!(
                    "¥{} left of ¥{}",
                    yuan(p.amount_cents - p.refunded_cents),
                    yuan(p.amount_cents)
                ),
                json: serde_json::to_value(&p).unwrap_or_default(),
            })
        }
    }
}
