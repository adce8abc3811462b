//! `shopcircle-cli campaign …`: plan, create, list, show and cancel campaigns,
//! through the same core operations as the window's wizards.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use clap::Subcommand;
use serde_json::json;
use shopcircle_core::campaign::spike::{self, BuyerInput, Console, SpikeInput, SpikePlan};
use shopcircle_core::campaign::{self, Outcome, Status};
use shopcircle_core::db::Connection;
use shopcircle_core::money::yuan;
use shopcircle_core::product::MONEY_MAX;
use shopcircle_core::text::one_line;
use shopcircle_core::{parse_money, Field, Problem};

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
        /// Issue no pickup vouchers (by default each session gets one per unit on sale)
        #[arg(long)]
        no_pickup_vouchers: bool,
        /// Save the sale's poster on this channel (its code printed on it)
        #[arg(long)]
        poster_channel: Option<i64>,
        /// Print the plan with every check; create nothing
        #[arg(long)]
        dry_run: bool,
    },
    /// The flash-sale console: record buyers of a session (pasted 接龙 or one
    /// typed), or show who bought and what is left
    Buyers {
        id: i64,
        /// The session's day, YYYY-MM-DD [default: the one running, else the next]
        #[arg(long)]
        day: Option<String>,
        /// The group's 接龙 text, as copied from WeChat
        #[arg(long, conflicts_with = "buyer")]
        file: Option<std::path::PathBuf>,
        /// One buyer: a nickname or the last four digits of a phone
        #[arg(long)]
        buyer: Option<String>,
        #[arg(long, default_value_t = 1, requires = "buyer")]
        quantity: i64,
    },
    /// Take back the last buyer recorded in a session
    UndoBuyer {
        id: i64,
        #[arg(long)]
        day: Option<String>,
    },
    /// Plan drainage with a gift (posters promising new members a gift or a next-visit voucher) and create it; prints its id
    Drainage(crate::drainage_cmd::DrainageArgs),
    /// Record a new member's welcome-gift claim at the counter (once per mobile number)
    Claim {
        id: i64,
        #[arg(long)]
        phone: String,
        /// The channel they came through
        #[arg(long)]
        channel: Option<i64>,
    },
    /// A drainage campaign's claims, newest first
    Claims { id: i64 },
    /// Take back the last claim (a mistyped number): the gift goes back on the shelf
    UndoClaim { id: i64 },
    /// Plan a member gift-package day (a package on a group-buy ladder) and create it; prints its id
    Ladder(crate::ladder_cmd::LadderArgs),
    /// Settle a gift-package day from the group's finished 接龙: per address, packages, price, total
    Settle {
        id: i64,
        /// The 接龙 text, as copied from WeChat
        #[arg(long)]
        file: std::path::PathBuf,
        /// The session's day, YYYY-MM-DD [default: the last that started]
        #[arg(long)]
        day: Option<String>,
    },
    /// A campaign's figures per session and its return; --csv for a spreadsheet
    Report {
        id: i64,
        #[arg(long)]
        csv: bool,
    },
    /// Copy a campaign into a new draft (to run it again with changes); prints the draft's id
    Copy { id: i64 },
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
            no_pickup_vouchers,
            poster_channel,
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
                pickup_vouchers: !no_pickup_vouchers,
                poster_channel_id: poster_channel,
            };
            if dry_run {
                let plan = spike::preview(conn, &input, now)?;
                return Ok(dry_run_output(&plan.checks, plan.refused, plan_text(&plan), &plan));
            }
            let made = spike::apply(conn, &input, None, now)?;
            let text = made.id.to_string();
            Ok((Output { text, json: serde_json::to_value(&made).unwrap_or_default() }, 0))
        }
        CampaignCommand::Buyers { id, day, file, buyer, quantity } => {
            let session = session_on(conn, id, day.as_deref(), now)?;
            let recorded = match (file, buyer) {
                (Some(path), _) => {
                    let max = (campaign::jielong::TEXT_MAX_MB * 1024 * 1024) as u64;
                    let bytes = shopcircle_app::files::read_input(&path, max)?;
                    spike::record_pasted(conn, session, &String::from_utf8_lossy(&bytes), now)?
                }
                (None, Some(buyer)) => spike::record(conn, session, &[BuyerInput { buyer, quantity }], now)?,
                (None, None) => {
                    let console = spike::console(conn, id, Some(session), now)?;
                    let text = console_text(&console);
                    return Ok((
                        Output { text, json: serde_json::to_value(&console).unwrap_or_default() },
                        0,
                    ));
                }
            };
            for t in &recorded.turned_away {
                eprintln!("✗ {}{}: {}", line_of(t.line), one_line(&t.buyer), t.reason);
            }
            for u in &recorded.unreadable {
                eprintln!("? line {}: {}: {}", u.line, one_line(&u.text), u.reason);
            }
            let mut lines: Vec<String> = recorded
                .added
                .iter()
                .map(|o| format!("{}	{}	{}", one_line(&o.buyer), o.quantity, o.codes.join(" ")))
                .collect();
            lines.push(format!("left {}", recorded.console.session.left));
            let json = serde_json::to_value(&recorded).unwrap_or_default();
            Ok((Output { text: lines.join("\n"), json }, 0))
        }
        CampaignCommand::Report { id, csv } => {
            if csv {
                let lang = shopcircle_core::shop::language_or(conn, shopcircle_core::Lang::En);
                let text = campaign::report_csv(conn, id, lang, now)?;
                let text = text.trim_start_matches('\u{feff}').trim_end().to_owned();
                return Ok((Output { json: serde_json::Value::String(text.clone()), text }, 0));
            }
            let r = campaign::report(conn, id, now)?;
            Ok((Output { text: report_text(&r), json: serde_json::to_value(&r).unwrap_or_default() }, 0))
        }
        CampaignCommand::Copy { id } => {
            let draft = campaign::copy(conn, id, now)?;
            Ok((Output { text: draft.to_string(), json: json!({ "id": draft }) }, 0))
        }
        CampaignCommand::Ladder(args) => crate::ladder_cmd::ladder(conn, args, now),
        CampaignCommand::Drainage(args) => crate::drainage_cmd::drainage(conn, args, now),
        CampaignCommand::Claim { id, phone, channel } => {
            let claims = campaign::drainage::claim(conn, id, &phone, channel, now)?;
            Ok((crate::drainage_cmd::claims_output(&claims), 0))
        }
        CampaignCommand::Claims { id } => {
            Ok((crate::drainage_cmd::claims_output(&campaign::drainage::claims(conn, id, now)?), 0))
        }
        CampaignCommand::UndoClaim { id } => {
            let claims = campaign::drainage::undo_last_claim(conn, id, now)?;
            Ok((crate::drainage_cmd::claims_output(&claims), 0))
        }
        CampaignCommand::Settle { id, file, day } => crate::ladder_cmd::settle(conn, id, day, &file, now),
        CampaignCommand::UndoBuyer { id, day } => {
            let session = session_on(conn, id, day.as_deref(), now)?;
            let console = spike::undo_last(conn, session, now)?;
            let text = console_text(&console);
            Ok((Output { text, json: serde_json::to_value(&console).unwrap_or_default() }, 0))
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
            let text = format!("{} {} {}", done.schedules_ended, done.posts_withdrawn, done.vouchers_voided);
            Ok((
                Output {
                    text,
                    json: json!({
                        "id": id,
                        "schedules_ended": done.schedules_ended,
                        "posts_withdrawn": done.posts_withdrawn,
                        "vouchers_voided": done.vouchers_voided,
                    }),
                },
                0,
            ))
        }
    }
}

/// Per session: sold, vouchers issued / redeemed / no-shows, revenue; then the return and its formula.
fn report_text(r: &campaign::Report) -> String {
    let mut lines = vec![one_line(&r.name)];
    for s in r.sessions.iter() {
        lines.push(format!(
            "{}\t{}\t{}/{}/{}\t¥{}",
            s.day,
            s.sold,
            s.issued,
            s.redeemed,
            s.no_shows,
            yuan(s.revenue_cents)
        ));
    }
    let t = &r.totals;
    lines.push(format!(
        "revenue ¥{} · cost of goods ¥{} · discount ¥{} · gifts ¥{}",
        yuan(t.revenue_cents),
        yuan(t.cost_of_goods_cents),
        yuan(t.discount_cents),
        yuan(t.gift_cost_cents)
    ));
    let ret = r.return_percent.map(|p| format!("{p} %")).unwrap_or_else(|| "-".into());
    lines.push(format!(
        "return {ret} = (revenue − cost of goods − campaign cost ¥{}) ÷ campaign cost",
        yuan(r.campaign_cost_cents)
    ));
    lines.join("\n")
}

/// The session of campaign `id` on `day`, or the one the console opens on.
fn session_on(conn: &Connection, id: i64, day: Option<&str>, now: DateTime<Utc>) -> CliResult<i64> {
    let console = spike::console(conn, id, None, now)?;
    match day {
        None => Ok(console.session.id),
        Some(day) => console.sessions.iter().find(|s| s.day == day.trim()).map(|s| s.id).ok_or_else(|| {
            shopcircle_core::Error::invalid(Field::Session, Problem::Unknown { value: day.to_owned() }).into()
        }),
    }
}

fn line_of(line: Option<usize>) -> String {
    line.map(|l| format!("line {l}: ")).unwrap_or_default()
}

/// The session, what is left, and each buyer with their codes.
fn console_text(c: &Console) -> String {
    let mut lines =
        vec![format!("{}\t{}\tleft {} of {}", one_line(&c.name), c.session.day, c.session.left, c.quantity)];
    lines.extend(c.orders.iter().map(|o| {
        format!(
            "{}\t{}\t{}\t{}",
            o.seq.map(|s| s.to_string()).unwrap_or_default(),
            one_line(&o.buyer),
            o.quantity,
            o.codes.join(" ")
        )
    }));
    lines.join("\n")
}

/// Four weeks from the start's day (the start is checked by the plan).
pub(crate) fn default_end(start: &str) -> String {
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
    lines.extend(check_lines(&p.checks));
    lines.join("\n")
}

/// Each check as a line: "✓", "!" or "✗" and its reason.
/// A plan under `--dry-run`: its refusals on stderr, the plan as text or
/// JSON, and a non-zero status when it would be refused.
pub(crate) fn dry_run_output(
    checks: &[campaign::Check],
    refused: bool,
    text: String,
    plan: &impl serde::Serialize,
) -> (Output, u8) {
    for c in checks.iter().filter(|c| c.outcome == Outcome::Refuse) {
        eprintln!("✗ {}", c.message);
    }
    (Output { text, json: serde_json::to_value(plan).unwrap_or_default() }, u8::from(refused))
}

pub(crate) fn check_lines(checks: &[campaign::Check]) -> impl Iterator<Item = String> + '_ {
    checks.iter().map(|c| {
        let mark = match c.outcome {
            Outcome::Pass => "✓",
            Outcome::Warn => "!",
            Outcome::Refuse => "✗",
        };
        format!("{mark} {}", one_line(&c.message))
    })
}
