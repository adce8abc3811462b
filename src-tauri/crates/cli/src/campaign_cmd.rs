//! `shopcircle-cli campaign …`: plan, create, list, show and cancel campaigns,
//! through the same core operations as the window's wizards.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use clap::Subcommand;
use serde_json::json;
use shopcircle_core::campaign::spike::{self, SpikeInput, SpikePlan};
use shopcircle_core::campaign::{self, Outcome, Status};
use shopcircle_core::db::Connection;
use shopcircle_core::money::yuan;
use shopcircle_core::product::MONEY_MAX;
use shopcircle_core::text::one_line;
use shopcircle_core::{parse_money, Field};

use crate::error::CliResult;
use crate::Output;

#[derive(Subcommand)]
pub enum CampaignCommand {
    /// Plan a flash sale and create it with its schedule and posts; prints its id
    Spike {
        #[arg(long)]
        product: i64,
        /// The flash-sale price, in yuan
        #[arg(long)]
        price: String,
        /// For sale in each session
        #[arg(long)]
        quantity: i64,
        /// Per customer, per session
        #[arg(long, default_value_t = 1)]
        limit: i64,
        /// When it repeats (RRULE); FREQ=DAILY;COUNT=1 for one date
        #[arg(long, default_value = spike::PRESET_RULE)]
        rule: String,
        /// The first session, local: "YYYY-MM-DD HH:MM"
        #[arg(long)]
        start: String,
        #[arg(long, default_value_t = spike::DEFAULT_MINUTES)]
        minutes: i64,
        /// The last day a session may fall on [default: four weeks from the start]
        #[arg(long)]
        ends_on: Option<String>,
        /// A community to run it in; repeat for several
        #[arg(long = "community", required = true)]
        communities: Vec<i64>,
        /// The reminder before each session, in minutes
        #[arg(long, default_value_t = 60)]
        lead: i64,
        #[arg(long, default_value_t = spike::DEFAULT_PICKUP_DAYS)]
        pickup_days: i64,
        #[arg(long, default_value = "")]
        name: String,
        /// Print the plan with every check; create nothing
        #[arg(long)]
        dry_run: bool,
    },
    /// List the campaigns, newest first
    List {
        /// draft, scheduled, running, ended or cancelled
        #[arg(long)]
        status: Option<String>,
    },
    /// One campaign
    Show { id: i64 },
    /// Cancel a campaign: its future sessions end, its unposted posts are withdrawn
    Cancel {
        id: i64,
        #[arg(long)]
        reason: String,
    },
}

pub fn run(conn: &mut Connection, cmd: CampaignCommand, now: DateTime<Utc>) -> CliResult<(Output, u8)> {
    match cmd {
        CampaignCommand::Spike {
            product,
            price,
            quantity,
            limit,
            rule,
            start,
            minutes,
            ends_on,
            communities,
            lead,
            pickup_days,
            name,
            dry_run,
        } => {
            let ends_on = match ends_on {
                Some(day) => day,
                None => default_end(&start),
            };
            let input = SpikeInput {
                name,
                product_id: product,
                price_cents: parse_money(Field::Price, &price, MONEY_MAX)?,
                quantity,
                per_customer: limit,
                rule,
                start,
                minutes,
                ends_on,
                community_ids: communities,
                lead_minutes: lead,
                pickup_days,
            };
            if dry_run {
                let plan = spike::preview(conn, &input, now)?;
                for c in plan.checks.iter().filter(|c| c.outcome == Outcome::Refuse) {
                    eprintln!("✗ {}", c.message);
                }
                let status = u8::from(plan.refused);
                return Ok((
                    Output { text: plan_text(&plan), json: serde_json::to_value(&plan).unwrap_or_default() },
                    status,
                ));
            }
            let made = spike::apply(conn, &input, None, now)?;
            let text = made.id.to_string();
            Ok((Output { text, json: serde_json::to_value(&made).unwrap_or_default() }, 0))
        }
        CampaignCommand::List { status } => {
            let status = status.map(|s| Status::parse(&s)).transpose()?;
            let list = campaign::list(conn, status, now)?;
            let text = list
                .iter()
                .map(|c| {
                    format!(
                        "{}\t{}\t{}\t{}\t{}",
                        c.id,
                        c.kind.as_str(),
                        c.status.as_str(),
                        c.next_at.as_deref().unwrap_or("-"),
                        one_line(&c.name)
                    )
                })
                .collect::<Vec<_>>()
                .join("\n");
            Ok((Output { text, json: serde_json::to_value(&list).unwrap_or_default() }, 0))
        }
        CampaignCommand::Show { id } => {
            let c = campaign::get(conn, id, now)?;
            let text = format!(
                "{}\t{}\t{}\n{} sessions, next {}\n{}",
                c.id,
                one_line(&c.name),
                c.status.as_str(),
                c.sessions,
                c.next_at.as_deref().unwrap_or("-"),
                one_line(&c.cancel_reason)
            );
            Ok((
                Output {
                    text: text.trim_end().to_owned(),
                    json: serde_json::to_value(&c).unwrap_or_default(),
                },
                0,
            ))
        }
        CampaignCommand::Cancel { id, reason } => {
            let done = campaign::cancel(conn, id, &reason, now)?;
            let text = format!("{} {}", done.schedules_ended, done.posts_withdrawn);
            Ok((
                Output {
                    text,
                    json: json!({ "id": id, "schedules_ended": done.schedules_ended, "posts_withdrawn": done.posts_withdrawn }),
                },
                0,
            ))
        }
    }
}

/// Four weeks from the start's day (the start is checked by the plan).
fn default_end(start: &str) -> String {
    NaiveDate::parse_from_str(start.get(..10).unwrap_or(""), "%Y-%m-%d")
        .map(|d| (d + Duration::days(27)).to_string())
        .unwrap_or_default()
}

/// The plan as lines of figures and the checks ("✓", "!" or "✗" and the reason).
fn plan_text(p: &SpikePlan) -> String {
    let mut lines = vec![
        one_line(&p.name),
        format!(
            "¥{} (¥{}) · {} · {}/{} · {} min · {}d",
            yuan(p.price_cents),
            yuan(p.reference_cents),
            yuan(p.margin_cents),
            p.per_customer,
            p.quantity,
            p.minutes,
            p.pickup_days
        ),
    ];
    lines.extend(p.sessions.iter().map(|s| format!("  {}\t{}", s.day, s.starts_at)));
    lines.push(format!("schedules {} · posts {}", p.schedules.len(), p.posts.len()));
    lines.extend(p.checks.iter().map(|c| {
        let mark = match c.outcome {
            Outcome::Pass => "✓",
            Outcome::Warn => "!",
            Outcome::Refuse => "✗",
        };
        format!("{mark} {}", one_line(&c.message))
    }));
    lines.join("\n")
}
