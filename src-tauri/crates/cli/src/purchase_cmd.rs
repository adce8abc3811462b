//! `shopcircle-cli purchase …`: a sale recorded as at the counter, and refunds.

use std::path::PathBuf;

use chrono::{DateTime, Utc};
use clap::Subcommand;
use serde_json::json;
use shopcircle_core::db::Connection;
use shopcircle_core::export_log::{self, ExportKind, Phones};
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
    /// Write the sales between two days as CSV (phones masked unless --full-phones); logged
    ExportCsv {
        #[arg(long, value_name = "FILE.csv")]
        out: PathBuf,
        /// First day, YYYY-MM-DD (none: from the first sale)
        #[arg(long, default_value = "")]
        from: String,
        /// Last day, YYYY-MM-DD, included
        #[arg(long, default_value = "")]
        to: String,
        #[arg(long)]
        full_phones: bool,
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
        PurchaseCommand::ExportCsv { out, from, to, full_phones } => {
            let lang = shopcircle_core::shop::language_or(conn, shopcircle_core::Lang::En);
            let filter = purchase::PurchaseFilter { from, to, ..Default::default() };
            let (text, rows) = purchase::csv(conn, &filter, !full_phones, lang)?;
            shopcircle_app::files::write_output(&out, text.as_bytes())?;
            let phones = if full_phones { Phones::Full } else { Phones::Masked };
            let name = out.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            export_log::record(conn, ExportKind::Purchases, rows, phones, &name, now)?;
            Ok(Output {
                text: format!("{rows}\t{}", out.display()),
                json: json!({ "rows": rows, "file": out.display().to_string() }),
            })
        }
    }
}
