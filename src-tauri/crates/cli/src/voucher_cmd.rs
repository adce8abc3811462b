//! `shopcircle-cli voucher …`: issue batches, redeem at the counter, print sheets.

use std::path::PathBuf;

use chrono::{DateTime, Utc};
use clap::Subcommand;
use serde_json::json;
use shopcircle_app::vouchers;
use shopcircle_core::db::Connection;
use shopcircle_core::gift::MONEY_MAX;
use shopcircle_core::text::one_line;
use shopcircle_core::voucher::{self, BatchInput, BenefitInput, RedeemInput, Redemption};
use shopcircle_core::{parse_money, shop, Field, Lang};
use shopcircle_print::Fonts;

use crate::error::CliResult;
use crate::Output;

/// Exit statuses of `voucher redeem`, one per answer a script may branch on.
pub const REDEEM_EXIT_HELP: &str =
    "Exit status: 0 redeemed now; 3 already redeemed; 4 expired or not yet valid; \
5 voided; 6 a typo (mistyped, swapped or malformed code); 7 not a code of this shop; \
8 below the minimum spend; 1 any other error (a code of another shop, a \
missing database); 2 a usage error (a missing or unknown option).";

#[derive(Subcommand)]
pub enum VoucherCommand {
    /// Issue a batch of vouchers (all or none); prints the codes, one a line
    Issue {
        /// A gift from the catalogue (its id)
        #[arg(long, group = "benefit")]
        gift: Option<i64>,
        /// An amount off, in yuan
        #[arg(long, group = "benefit")]
        amount_off: Option<String>,
        /// A percentage off (10 means 10% off)
        #[arg(long, group = "benefit")]
        percent_off: Option<i64>,
        /// How many vouchers, 1 to 100000
        #[arg(long)]
        count: i64,
        /// The last day it can be used, YYYY-MM-DD
        #[arg(long)]
        valid_until: String,
        /// The first day it can be used, YYYY-MM-DD [default: today]
        #[arg(long)]
        valid_from: Option<String>,
        /// Only with a spend of at least this much, in yuan
        #[arg(long)]
        min_spend: Option<String>,
        #[arg(long)]
        community: Option<i64>,
        #[arg(long)]
        channel: Option<i64>,
        /// Name the vouchers to one customer (otherwise anyone holding one may use it)
        #[arg(long)]
        holder_name: Option<String>,
        #[arg(long)]
        holder_phone: Option<String>,
        /// The batch's name [default: what it gives]
        #[arg(long)]
        name: Option<String>,
    },
    /// Redeem a code at the counter
    #[command(after_help = REDEEM_EXIT_HELP)]
    Redeem {
        code: String,
        /// Who is at the counter
        #[arg(long, default_value = "")]
        staff: String,
        /// What the customer spends, in yuan, for vouchers with a minimum spend
        #[arg(long)]
        spend: Option<String>,
    },
    /// Take back a voucher's redemption (within 10 minutes)
    Undo {
        code: String,
        #[arg(long)]
        reason: String,
        /// Who takes it back
        #[arg(long, default_value = "")]
        staff: String,
    },
    /// List batches with issued, redeemed, expired and voided counts
    List,
    /// Write a batch as CSV, one voucher a line
    Csv {
        #[arg(long)]
        batch: i64,
        #[arg(long)]
        out: PathBuf,
    },
    /// Write a batch's vouchers still open (neither redeemed nor voided) as a
    /// PDF of A4 sheets, ten a page with cut marks
    Sheet {
        #[arg(long)]
        batch: i64,
        #[arg(long, value_name = "FILE.pdf")]
        out: PathBuf,
    },
    /// Write one voucher as a PNG image, to post into a group chat
    Image {
        code: String,
        #[arg(long, value_name = "FILE.png")]
        out: PathBuf,
        /// Dots per inch, 72 to 600
        #[arg(long, default_value_t = shopcircle_app::PRINT_DPI)]
        dpi: u32,
    },
    /// Void a batch, or one voucher by its code
    Void {
        #[arg(long, required_unless_present = "code")]
        batch: Option<i64>,
        #[arg(long)]
        code: Option<String>,
        #[arg(long)]
        reason: String,
    },
}

/// Runs a voucher command; the number is the process's exit status.
pub fn run(
    conn: &mut Connection,
    cmd: VoucherCommand,
    lang: Lang,
    now: DateTime<Utc>,
) -> CliResult<(Output, u8)> {
    let done = |out: Output| Ok((out, 0));
    match cmd {
        VoucherCommand::Issue {
            gift,
            amount_off,
            percent_off,
            count,
            valid_until,
            valid_from,
            min_spend,
            community,
            channel,
            holder_name,
            holder_phone,
            name,
        } => {
            let benefit = match (gift, amount_off, percent_off) {
                (Some(gift_id), _, _) => BenefitInput::Gift { gift_id },
                (_, Some(a), _) => {
                    BenefitInput::AmountOff { cents: parse_money(Field::AmountOff, &a, MONEY_MAX)? }
                }
                (_, _, Some(percent)) => BenefitInput::PercentOff { percent },
                _ => {
                    return Err(shopcircle_core::Error::invalid(
                        Field::Benefit,
                        shopcircle_core::Problem::Empty,
                    )
                    .into())
                }
            };
            let input = BatchInput {
                name: name.unwrap_or_default(),
                valid_from,
                community_id: community,
                channel_id: channel,
                holder_name: holder_name.unwrap_or_default(),
                holder_phone: holder_phone.unwrap_or_default(),
                min_spend_cents: min_spend
                    .map(|m| parse_money(Field::MinSpend, &m, MONEY_MAX))
                    .transpose()?,
                ..BatchInput::new(benefit, count, &valid_until)
            };
            let batch = voucher::issue(conn, &input, now)?;
            let codes = voucher::codes(conn, batch.id)?;
            done(Output { text: codes.join("\n"), json: json!({ "batch": batch.id, "codes": codes }) })
        }
        VoucherCommand::Redeem { code, staff, spend } => {
            let spend_cents = spend.map(|s| parse_money(Field::Spend, &s, MONEY_MAX)).transpose()?;
            let answer = voucher::redeem(conn, &RedeemInput { code, staff, spend_cents }, lang, now)?;
            let mut json = serde_json::to_value(&answer).unwrap_or_default();
            if let Redemption::AlreadyRedeemed { redeemed_at, .. }
            | Redemption::Redeemed { redeemed_at, .. } = &answer
            {
                json["redeemed_at"] = json!(redeemed_at);
            }
            let exit = match answer {
                Redemption::Redeemed { .. } => 0,
                Redemption::AlreadyRedeemed { .. } => 3,
                Redemption::Expired { .. } | Redemption::NotYetValid { .. } => 4,
                Redemption::Voided { .. } => 5,
                Redemption::Mistyped { .. } | Redemption::Swapped { .. } | Redemption::Malformed { .. } => 6,
                Redemption::NotOurs => 7,
                Redemption::BelowMinimum { .. } => 8,
            };
            Ok((Output { text: voucher::say(&answer, lang, shop::zone(conn)?), json }, exit))
        }
        VoucherCommand::Undo { code, reason, staff } => {
            let undone = voucher::undo_redemption(conn, &code, &reason, &staff, lang, now)?;
            done(Output {
                text: undone.voucher.code.clone(),
                json: serde_json::to_value(&undone).unwrap_or_default(),
            })
        }
        VoucherCommand::List => {
            let list = voucher::list(conn, now)?;
            let text = list
                .iter()
                .map(|b| {
                    let s = &b.stats;
                    format!(
                        "{}\t{}\tissued {}\tredeemed {}\texpired {}\tvoided {}\tuntil {}",
                        b.id,
                        one_line(&b.name),
                        s.issued,
                        s.redeemed,
                        s.expired,
                        s.voided,
                        b.valid_until
                    )
                })
                .collect::<Vec<_>>()
                .join("\n");
            done(Output { text, json: serde_json::to_value(&list).unwrap_or_default() })
        }
        VoucherCommand::Csv { batch, out } => {
            vouchers::save_csv(conn, batch, &out, lang)?;
            let path = out.display().to_string();
            done(Output { text: path.clone(), json: json!({ "out": path }) })
        }
        VoucherCommand::Sheet { batch, out } => {
            let count = vouchers::save_sheet(conn, &Fonts::system()?, batch, &out, lang, now)?;
            let path = out.display().to_string();
            done(Output { text: path.clone(), json: json!({ "out": path, "vouchers": count }) })
        }
        VoucherCommand::Image { code, out, dpi } => {
            let code = vouchers::save_image(conn, &Fonts::system()?, &code, dpi, &out, lang, now)?;
            let path = out.display().to_string();
            done(Output { text: path.clone(), json: json!({ "out": path, "code": code }) })
        }
        VoucherCommand::Void { batch, code, reason } => match (batch, code) {
            (_, Some(code)) => {
                let v = voucher::void_voucher(conn, &code, &reason, lang, now)?;
                done(Output { text: v.code.clone(), json: json!({ "code": v.code }) })
            }
            (Some(id), None) => {
                let b = voucher::void(conn, id, &reason, now)?;
                done(Output { text: b.id.to_string(), json: json!({ "batch": b.id }) })
            }
            (None, None) => {
                Err(shopcircle_core::Error::invalid(Field::Batch, shopcircle_core::Problem::Empty).into())
            }
        },
    }
}
