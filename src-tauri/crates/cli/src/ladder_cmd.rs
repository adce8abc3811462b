//! `shopcircle-cli campaign ladder …` and `campaign settle …`: the member
//! gift-package day planned, created and settled from the group's 接龙,
//! through the same core operations as the window's wizard.

use chrono::{DateTime, Utc};
use clap::Args;
use shopcircle_core::campaign;
use shopcircle_core::campaign::ladder::{self, BundleItem, LadderInput, LadderPlan, Settlement, Tier};
use shopcircle_core::db::Connection;
use shopcircle_core::money::yuan;
use shopcircle_core::product::MONEY_MAX;
use shopcircle_core::text::one_line;
use shopcircle_core::{parse_money, Error, Field, Problem};

use crate::error::CliResult;
use crate::Output;

#[derive(Args)]
pub struct LadderArgs {
    /// The package: product ids and quantities, e.g. "3:1,5:2"
    #[arg(long)]
    bundle: String,
    /// The ladder: packages at one address and the price each, in yuan, e.g. "2:90,3:85,5:75"
    #[arg(long)]
    tiers: String,
    /// One package bought alone, in yuan
    #[arg(long)]
    solo: String,
    /// Packages each session may sell
    #[arg(long)]
    shares: i64,
    /// When it repeats (RRULE)
    #[arg(long, default_value = ladder::PRESET_RULE)]
    rule: String,
    /// The first session, local: "YYYY-MM-DD HH:MM"
    #[arg(long)]
    start: String,
    /// How long the 接龙 stays open after the start
    #[arg(long, default_value_t = ladder::DEFAULT_CUTOFF_MINUTES)]
    cutoff_minutes: i64,
    /// The last day a session may fall on [default: four weeks from the start]
    #[arg(long)]
    ends_on: Option<String>,
    #[arg(long = "community", required = true)]
    communities: Vec<i64>,
    #[arg(long, default_value_t = 60)]
    lead: i64,
    #[arg(long, default_value = "")]
    name: String,
    /// The channel whose code the day's poster carries (a poster with the ladder)
    #[arg(long)]
    poster_channel: Option<i64>,
    /// Print the plan with every check; create nothing
    #[arg(long)]
    dry_run: bool,
}

pub fn ladder(conn: &mut Connection, a: LadderArgs, now: DateTime<Utc>) -> CliResult<(Output, u8)> {
    let input = LadderInput {
        name: a.name,
        items: pairs(Field::Bundle, &a.bundle)?
            .into_iter()
            .map(|(product_id, quantity)| {
                Ok(BundleItem {
                    product_id: product_id.parse().map_err(|_| bad(Field::Bundle, &a.bundle))?,
                    quantity: quantity.parse().map_err(|_| bad(Field::Bundle, &a.bundle))?,
                })
            })
            .collect::<Result<_, Error>>()?,
        solo_cents: parse_money(Field::Price, &a.solo, MONEY_MAX)?,
        tiers: pairs(Field::Tiers, &a.tiers)?
            .into_iter()
            .map(|(min, price)| {
                Ok(Tier {
                    min_shares: min.parse().map_err(|_| bad(Field::Tiers, &a.tiers))?,
                    price_cents: parse_money(Field::Tiers, &price, MONEY_MAX)?,
                })
            })
            .collect::<Result<_, Error>>()?,
        shares: a.shares,
        rule: a.rule,
        ends_on: a.ends_on.unwrap_or_else(|| crate::campaign_cmd::default_end(&a.start)),
        start: a.start,
        cutoff_minutes: a.cutoff_minutes,
        community_ids: a.communities,
        lead_minutes: a.lead,
        poster_channel_id: a.poster_channel,
    };
    if a.dry_run {
        let plan = ladder::preview(conn, &input, now)?;
        return Ok(crate::campaign_cmd::dry_run_output(&plan.checks, plan.refused, plan_text(&plan), &plan));
    }
    let made = ladder::apply(conn, &input, None, now)?;
    Ok((Output { text: made.id.to_string(), json: serde_json::to_value(&made).unwrap_or_default() }, 0))
}

/// "a:b,c:d" → [(a, b), (c, d)], as typed.
fn pairs(field: Field, text: &str) -> Result<Vec<(String, String)>, Error> {
    text.split(',')
        .filter(|p| !p.trim().is_empty())
        .map(|p| {
            p.split_once(':')
                .map(|(a, b)| (a.trim().to_owned(), b.trim().to_owned()))
                .ok_or_else(|| bad(field, text))
        })
        .collect()
}

fn bad(field: Field, text: &str) -> Error {
    Error::invalid(field, Problem::Unknown { value: text.to_owned() })
}

/// The package, each price with its margin, the sessions and the checks.
fn plan_text(p: &LadderPlan) -> String {
    let mut lines = vec![one_line(&p.name)];
    lines.extend(p.items.iter().map(|i| format!("  {} × {}", one_line(&i.name), i.quantity)));
    lines.push(format!(
        "value ¥{} · cost ¥{} · {} packages (shelf {})",
        yuan(p.value_cents),
        yuan(p.cost_cents),
        p.shares,
        p.available
    ));
    lines.extend(p.prices.iter().map(|t| {
        format!(
            "  {}+\t¥{}\tmargin ¥{} ({} %)",
            t.min_shares,
            yuan(t.price_cents),
            yuan(t.margin_cents),
            t.margin_percent
        )
    }));
    lines.extend(p.sessions.iter().map(|s| format!("  {}\t{}", s.day, s.starts_at)));
    lines.push(format!("schedules {} · posts {}", p.schedules.len(), p.posts.len()));
    lines.extend(crate::campaign_cmd::check_lines(&p.checks));
    lines.join("\n")
}

pub fn settle(
    conn: &mut Connection,
    id: i64,
    day: Option<String>,
    file: &std::path::Path,
    now: DateTime<Utc>,
) -> CliResult<(Output, u8)> {
    let max = (campaign::jielong::TEXT_MAX_MB * 1024 * 1024) as u64;
    let bytes = shopcircle_app::files::read_input(file, max)?;
    let s = ladder::settle(conn, id, day.as_deref(), &String::from_utf8_lossy(&bytes), now)?;
    for u in &s.unreadable {
        eprintln!("? line {}: {}: {}", u.line, one_line(&u.text), u.reason);
    }
    Ok((Output { text: settlement_text(&s), json: serde_json::to_value(&s).unwrap_or_default() }, 0))
}

/// Per address: packages, the price each, the total; then the session's sums.
fn settlement_text(s: &Settlement) -> String {
    let mut lines: Vec<String> = s
        .addresses
        .iter()
        .map(|a| {
            let codes: Vec<&str> = a.codes.iter().map(|c| c.code.as_str()).collect();
            format!(
                "{}\t{}\t¥{}\t¥{}\t{}",
                one_line(&a.address),
                a.shares,
                yuan(a.price_cents),
                yuan(a.total_cents),
                codes.join(" ")
            )
        })
        .collect();
    lines.push(format!(
        "total {} packages · revenue ¥{} · cost ¥{} · margin ¥{}",
        s.shares,
        yuan(s.revenue_cents),
        yuan(s.cost_cents),
        yuan(s.margin_cents)
    ));
    if s.over_by > 0 {
        lines.push(format!("over the packages on offer by {}", s.over_by));
    }
    if !s.addresses.is_empty() {
        lines.push(format!(
            "pickup codes: {} of {} collected · to collect by {}",
            s.collected, s.shares, s.collect_until
        ));
    }
    lines.join("\n")
}
