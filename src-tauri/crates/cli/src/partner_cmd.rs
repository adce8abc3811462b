//! `shopcircle-cli partner …` and `alliance …`: neighbouring shops added as
//! partners (each a channel of a community), an alliance giving each a batch
//! of this shop's vouchers, and a partner's monthly settlement sheet — on the
//! same core operations as the window.

use std::path::PathBuf;

use chrono::{DateTime, Utc};
use clap::{Args, Subcommand};
use shopcircle_app::settlement;
use shopcircle_core::campaign::alliance::{self, partner, AllianceInput, AlliancePlan, PartnerInput};
use shopcircle_core::db::Connection;
use shopcircle_core::gift::MONEY_MAX;
use shopcircle_core::money::yuan;
use shopcircle_core::text::one_line;
use shopcircle_core::voucher::BenefitInput;
use shopcircle_core::{parse_money, Error, Field, Lang, Problem};
use shopcircle_print::Fonts;

use crate::error::CliResult;
use crate::Output;

#[derive(Subcommand)]
pub enum PartnerCommand {
    /// Add a partner store (it becomes a channel of the community); prints its id
    Add {
        #[arg(long)]
        community: i64,
        #[arg(long)]
        name: String,
        /// Its kind of business, e.g. "bakery"
        #[arg(long, default_value = "")]
        business: String,
        #[arg(long, default_value = "")]
        contact: String,
        #[arg(long, default_value = "")]
        address: String,
        /// The agreement's first and last day, YYYY-MM-DD
        #[arg(long)]
        from: String,
        #[arg(long)]
        to: String,
        /// Paid to the partner per voucher redeemed, in yuan
        #[arg(long, default_value = "0")]
        fee: String,
    },
    /// Every partner store
    List,
    /// A partner's month: vouchers handed over, redeemed, new members, the fee (PDF, or CSV by the file's name)
    Settlement {
        id: i64,
        /// YYYY-MM
        #[arg(long)]
        month: String,
        #[arg(long, value_name = "FILE.pdf|FILE.csv")]
        out: PathBuf,
    },
}

#[derive(Subcommand)]
pub enum AllianceCommand {
    /// Create an alliance: a batch of vouchers and a poster for each partner; prints its id
    Create(Box<CreateArgs>),
    /// Each partner's vouchers handed over and redeemed, new members, fees
    Show { id: i64 },
}

#[derive(Args)]
pub struct CreateArgs {
    #[arg(long)]
    community: i64,
    /// The partners, e.g. "1,2"
    #[arg(long, value_delimiter = ',', required = true)]
    partners: Vec<i64>,
    /// Money off, in yuan
    #[arg(long, conflicts_with_all = ["percent_off", "gift"])]
    amount_off: Option<String>,
    /// Percent off (10 = 10% off)
    #[arg(long, conflicts_with = "gift")]
    percent_off: Option<i64>,
    /// A gift from the catalogue (its id)
    #[arg(long)]
    gift: Option<i64>,
    /// The minimum spend, in yuan
    #[arg(long)]
    min_spend: Option<String>,
    /// Vouchers handed to each partner
    #[arg(long)]
    per_partner: i64,
    /// The vouchers' first and last day, YYYY-MM-DD
    #[arg(long)]
    from: String,
    #[arg(long)]
    to: String,
    #[arg(long, default_value = "")]
    name: String,
    /// Print the plan with every check; create nothing
    #[arg(long)]
    dry_run: bool,
}

pub fn run_partner(
    conn: &mut Connection,
    cmd: PartnerCommand,
    lang: Lang,
    now: DateTime<Utc>,
) -> CliResult<(Output, u8)> {
    match cmd {
        PartnerCommand::Add { community, name, business, contact, address, from, to, fee } => {
            let input = PartnerInput {
                community_id: community,
                name,
                business,
                contact,
                address,
                agreement_from: from,
                agreement_to: to,
                fee_cents: parse_money(Field::Amount, &fee, MONEY_MAX)?,
            };
            let p = partner::add(conn, &input, now)?;
            Ok((Output { text: p.id.to_string(), json: serde_json::to_value(&p).unwrap_or_default() }, 0))
        }
        PartnerCommand::List => {
            let all = partner::list(conn, now)?;
            let text = all
                .iter()
                .map(|p| {
                    format!(
                        "{}\t{}\t{} to {}\t{}",
                        p.id,
                        one_line(&p.name),
                        p.agreement_from,
                        p.agreement_to,
                        if p.active { "active" } else { "not active" }
                    )
                })
                .collect::<Vec<_>>()
                .join("\n");
            Ok((Output { text, json: serde_json::to_value(&all).unwrap_or_default() }, 0))
        }
        PartnerCommand::Settlement { id, month, out } => {
            settlement::save(conn, &Fonts::system()?, id, &month, &out, lang, now)?;
            let s = alliance::settlement(conn, id, &month, now)?;
            let text = format!(
                "{}: handed over {} · redeemed {} · new members {} · fee ¥{}",
                out.display(),
                s.handed_over,
                s.redeemed,
                s.new_members,
                yuan(s.fee_cents)
            );
            Ok((Output { text, json: serde_json::to_value(&s).unwrap_or_default() }, 0))
        }
    }
}

pub fn run_alliance(
    conn: &mut Connection,
    cmd: AllianceCommand,
    now: DateTime<Utc>,
) -> CliResult<(Output, u8)> {
    match cmd {
        AllianceCommand::Create(a) => create(conn, *a, now),
        AllianceCommand::Show { id } => {
            let c = alliance::console(conn, id, now)?;
            let mut lines =
                vec![format!("{} · {:?} · {} to {}", one_line(&c.name), c.status, c.first_day, c.last_day)];
            lines.extend(c.partners.iter().map(|p| {
                format!(
                    "  {}\thanded over {}\tredeemed {}\tnew members {}\tfee ¥{}",
                    one_line(&p.name),
                    p.handed_over,
                    p.redeemed,
                    p.new_members,
                    yuan(p.fee_cents)
                )
            }));
            Ok((Output { text: lines.join("\n"), json: serde_json::to_value(&c).unwrap_or_default() }, 0))
        }
    }
}

fn create(conn: &mut Connection, a: CreateArgs, now: DateTime<Utc>) -> CliResult<(Output, u8)> {
    let benefit = match (&a.amount_off, a.percent_off, a.gift) {
        (Some(y), _, _) => BenefitInput::AmountOff { cents: parse_money(Field::AmountOff, y, MONEY_MAX)? },
        (None, Some(percent), _) => BenefitInput::PercentOff { percent },
        (None, None, Some(gift_id)) => BenefitInput::Gift { gift_id },
        (None, None, None) => return Err(Error::invalid(Field::Benefit, Problem::Empty).into()),
    };
    let input = AllianceInput {
        name: a.name,
        community_id: a.community,
        partner_ids: a.partners,
        benefit,
        min_spend_cents: a
            .min_spend
            .as_deref()
            .map(|m| parse_money(Field::MinSpend, m, MONEY_MAX))
            .transpose()?,
        vouchers_per_partner: a.per_partner,
        first_day: a.from,
        last_day: a.to,
    };
    if a.dry_run {
        let plan = alliance::preview(conn, &input, now)?;
        return Ok(crate::campaign_cmd::dry_run_output(&plan.checks, plan.refused, plan_text(&plan), &plan));
    }
    let made = alliance::apply(conn, &input, None, now)?;
    Ok((Output { text: made.id.to_string(), json: serde_json::to_value(&made).unwrap_or_default() }, 0))
}

fn plan_text(p: &AlliancePlan) -> String {
    let mut lines = vec![one_line(&p.name), format!("  each voucher: {}", one_line(&p.benefit))];
    lines.extend(
        p.partners.iter().map(|x| format!("  {}\tuntil {}", one_line(&x.batch_name), x.agreement_to)),
    );
    lines.push(format!("vouchers {}", p.vouchers));
    lines.extend(crate::campaign_cmd::check_lines(&p.checks));
    lines.push(String::new());
    lines.push(p.announcement_zh.clone());
    lines.push(String::new());
    lines.push(p.announcement_en.clone());
    lines.join("\n")
}
