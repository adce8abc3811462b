//! `shopcircle-cli campaign drainage …`, `campaign claim …`, `campaign claims …`
//! and `campaign undo-claim …`: drainage with a gift planned and created, and
//! its claims recorded at the counter, through the same core operations as
//! the window.

use chrono::{DateTime, Utc};
use clap::Args;
use shopcircle_core::campaign::drainage::{self, Claims, DrainageInput, DrainagePlan, Reward};
use shopcircle_core::db::Connection;
use shopcircle_core::gift::MONEY_MAX;
use shopcircle_core::money::yuan;
use shopcircle_core::text::one_line;
use shopcircle_core::{parse_money, Error, Field, Problem};

use crate::error::CliResult;
use crate::Output;

#[derive(Args)]
pub struct DrainageArgs {
    /// The community new members join
    #[arg(long)]
    community: i64,
    /// The channels whose posters carry the gift, e.g. "4,7"
    #[arg(long, value_delimiter = ',', required = true)]
    channels: Vec<i64>,
    /// A gift from the catalogue, handed over at the counter
    #[arg(long, conflicts_with = "voucher", required_unless_present = "voucher")]
    gift: Option<i64>,
    /// Or a next-visit voucher of this many yuan off
    #[arg(long)]
    voucher: Option<String>,
    /// The voucher's minimum spend, in yuan
    #[arg(long, requires = "voucher")]
    min_spend: Option<String>,
    /// Days the voucher stays valid after the last day
    #[arg(long, default_value_t = 30)]
    valid_days: i64,
    /// New members expected
    #[arg(long)]
    joins: i64,
    /// The most the gifts may cost, in yuan
    #[arg(long)]
    budget: Option<String>,
    /// The first day, YYYY-MM-DD
    #[arg(long)]
    from: String,
    /// The last day, YYYY-MM-DD
    #[arg(long)]
    until: String,
    /// The posters' gift line [default: made from the gift]
    #[arg(long, default_value = "")]
    gift_line: String,
    #[arg(long, default_value = "")]
    name: String,
    /// Print the plan with every check; create nothing
    #[arg(long)]
    dry_run: bool,
}

pub fn drainage(conn: &mut Connection, a: DrainageArgs, now: DateTime<Utc>) -> CliResult<(Output, u8)> {
    let reward = match (a.gift, &a.voucher) {
        (Some(gift_id), _) => Reward::Gift { gift_id },
        (None, Some(v)) => Reward::Voucher {
            cents: parse_money(Field::AmountOff, v, MONEY_MAX)?,
            min_spend_cents: a
                .min_spend
                .as_deref()
                .map(|m| parse_money(Field::MinSpend, m, MONEY_MAX))
                .transpose()?,
            valid_days: a.valid_days,
        },
        (None, None) => return Err(Error::invalid(Field::Reward, Problem::Empty).into()),
    };
    let input = DrainageInput {
        name: a.name,
        community_id: a.community,
        channel_ids: a.channels,
        reward,
        expected_joins: a.joins,
        budget_cents: a.budget.as_deref().map(|b| parse_money(Field::Budget, b, MONEY_MAX)).transpose()?,
        starts_on: a.from,
        ends_on: a.until,
        gift_line: a.gift_line,
    };
    if a.dry_run {
        let plan = drainage::preview(conn, &input, now)?;
        return Ok(crate::campaign_cmd::dry_run_output(&plan.checks, plan.refused, plan_text(&plan), &plan));
    }
    let made = drainage::apply(conn, &input, None, now)?;
    Ok((Output { text: made.id.to_string(), json: serde_json::to_value(&made).unwrap_or_default() }, 0))
}

/// The gift and its cost, each channel's poster and reminders, and the checks.
fn plan_text(p: &DrainagePlan) -> String {
    let mut lines = vec![one_line(&p.name)];
    lines.push(format!(
        "{} · ¥{} each × {} = ¥{}{}",
        one_line(&p.reward_name),
        yuan(p.unit_cost_cents),
        p.expected_joins,
        yuan(p.cost_cents),
        p.budget_cents.map(|b| format!(" (budget ¥{})", yuan(b))).unwrap_or_default()
    ));
    lines.push(format!("gift line: {}", one_line(&p.gift_line)));
    lines.extend(p.channels.iter().map(|c| {
        format!("  {}\t{}\treplace code: {}", one_line(&c.name), c.template.as_str(), c.replace_on.join(" "))
    }));
    if p.vouchers > 0 {
        lines.push(format!(
            "vouchers {} until {}",
            p.vouchers,
            p.vouchers_valid_until.as_deref().unwrap_or("-")
        ));
    }
    lines.push(format!("schedules {} · posts {}", p.schedules.len(), p.posts.len()));
    lines.extend(crate::campaign_cmd::check_lines(&p.checks));
    lines.join("\n")
}

/// The claims, newest first, with what is left.
pub fn claims_output(c: &Claims) -> Output {
    let mut lines = vec![format!(
        "{}\t{}\t{} claimed{}",
        c.campaign_id,
        one_line(&c.name),
        c.claims.len(),
        c.stock.map(|s| format!(" · {s} left")).unwrap_or_default()
    )];
    lines.extend(c.claims.iter().map(|k| {
        format!(
            "{}\t{}\t{}\t{}",
            k.claimed_at,
            k.phone,
            k.channel_name.as_deref().map(one_line).unwrap_or_else(|| "-".into()),
            k.code.as_deref().unwrap_or("")
        )
    }));
    Output { text: lines.join("\n"), json: serde_json::to_value(c).unwrap_or_default() }
}
