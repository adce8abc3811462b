//! `shopcircle-cli draw …`: a lucky draw created, its list frozen, the draw
//! run with the public value, its published file and verifier page written,
//! and any published file verified — through the same core operations as
//! the window (docs/draw.md).

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use clap::{Args, Subcommand};
use shopcircle_core::campaign::draw::{
    self, ConsolationInput, DrawConsole, DrawInput, DrawPlan, EntryCondition, PrizeInput,
};
use shopcircle_core::db::Connection;
use shopcircle_core::draw::{verifier_page, verify_text};
use shopcircle_core::gift::MONEY_MAX;
use shopcircle_core::money::yuan;
use shopcircle_core::text::one_line;
use shopcircle_core::{parse_money, Error, Field, Lang, Problem};

use crate::error::CliResult;
use crate::Output;

/// The most a pasted list or a published file may weigh.
const FILE_MAX: u64 = 20 * 1024 * 1024;

#[derive(Subcommand)]
pub enum DrawCommand {
    /// Create a lucky draw; prints its id
    Create(Box<CreateArgs>),
    /// Freeze the list (at or after its freeze time); prints the two hashes to post
    Freeze { id: i64 },
    /// Run the draw with the public value (at or after its draw time); prints the result
    Run {
        id: i64,
        /// The public number named in the announcement, as published
        #[arg(long)]
        public_value: String,
    },
    /// Where a draw stands: the list, the commitments, the result
    Show { id: i64 },
    /// Write a drawn draw's published file (JSON), for anyone to check
    File {
        id: i64,
        #[arg(long)]
        out: PathBuf,
    },
    /// Write the self-contained verifier page (HTML) with the published file inside
    Page {
        id: i64,
        #[arg(long)]
        out: PathBuf,
    },
    /// Check a published draw file: exit 0 when its result is the one its inputs give
    Verify { file: PathBuf },
}

#[derive(Args)]
pub struct CreateArgs {
    /// The communities whose members take part, e.g. "1,2"
    #[arg(long, value_delimiter = ',', required = true)]
    communities: Vec<i64>,
    /// A prize, top first: "NAME:QUANTITY:VALUE[:COST]" in yuan (repeat for each)
    #[arg(long = "prize", required = true)]
    prizes: Vec<String>,
    /// A prize from the gift catalogue for the prize of the same position, e.g. "3,-" (- for none)
    #[arg(long, value_delimiter = ',')]
    gifts: Vec<String>,
    /// The consolation voucher everyone else gets, in yuan off
    #[arg(long)]
    consolation: String,
    /// Its minimum spend, in yuan
    #[arg(long)]
    consolation_min_spend: Option<String>,
    /// What one redeemed consolation voucher costs the shop [default: its value]
    #[arg(long)]
    consolation_cost: Option<String>,
    /// The most the draw may cost, in yuan
    #[arg(long)]
    budget: String,
    /// The share of vouchers expected to be redeemed, in percent
    #[arg(long, default_value_t = 60)]
    redemption: i64,
    /// Only members who spent at least this many yuan between --from and --to
    #[arg(long, requires_all = ["from", "to"], conflicts_with = "list")]
    min_spend: Option<String>,
    #[arg(long)]
    from: Option<String>,
    #[arg(long)]
    to: Option<String>,
    /// Only those on this pasted list (a 接龙: names, nicknames or last four digits)
    #[arg(long)]
    list: Option<PathBuf>,
    /// When the list freezes, "YYYY-MM-DD HH:MM"
    #[arg(long)]
    freeze: String,
    /// When the draw happens, "YYYY-MM-DD HH:MM"
    #[arg(long)]
    draw: String,
    /// The last day to claim prizes, YYYY-MM-DD
    #[arg(long)]
    claim_until: String,
    /// The public number the draw mixes in, named in advance
    #[arg(long)]
    public_value_source: String,
    /// The organiser's phone, for the announcement
    #[arg(long, default_value = "")]
    contact: String,
    #[arg(long, default_value = "")]
    name: String,
    /// Print the plan and the announcement with every check; create nothing
    #[arg(long)]
    dry_run: bool,
}

/// `draw verify` needs no shop: anyone with the file can run it.
pub fn verify(file: &Path, lang: Lang) -> CliResult<(Output, u8)> {
    let bytes = shopcircle_app::files::read_input(file, FILE_MAX)?;
    let verdict = verify_text(&String::from_utf8_lossy(&bytes));
    let text = verdict.message(lang == Lang::ZhCn);
    let json = serde_json::json!({ "matches": verdict.matches(), "verdict": verdict, "message": text });
    Ok((Output { text, json }, u8::from(!verdict.matches())))
}

pub fn run(
    conn: &mut Connection,
    cmd: DrawCommand,
    lang: Lang,
    now: DateTime<Utc>,
) -> CliResult<(Output, u8)> {
    let console = |c: DrawConsole, text: String| {
        Ok((Output { text, json: serde_json::to_value(&c).unwrap_or_default() }, 0))
    };
    match cmd {
        DrawCommand::Create(a) => create(conn, *a, now),
        DrawCommand::Freeze { id } => {
            let c = draw::freeze(conn, id, now)?;
            let text = format!(
                "list_sha256 {}\nseed_sha256 {}",
                c.list_sha256.clone().unwrap_or_default(),
                c.seed_sha256.clone().unwrap_or_default()
            );
            console(c, text)
        }
        DrawCommand::Run { id, public_value } => {
            let c = draw::run(conn, id, &public_value, now)?;
            let text = c.result_post.clone().unwrap_or_default();
            console(c, text)
        }
        DrawCommand::Show { id } => {
            let c = draw::console(conn, id, now)?;
            let text = show_text(&c);
            console(c, text)
        }
        DrawCommand::File { id, out } => {
            let p = draw::published(conn, id)?;
            let text = serde_json::to_string_pretty(&p).unwrap_or_default() + "\n";
            shopcircle_app::files::write_output(&out, text.as_bytes())?;
            Ok((
                Output {
                    text: out.display().to_string(),
                    json: serde_json::to_value(&p).unwrap_or_default(),
                },
                0,
            ))
        }
        DrawCommand::Page { id, out } => {
            let p = draw::published(conn, id)?;
            shopcircle_app::files::write_output(&out, verifier_page(&p).as_bytes())?;
            let shown = out.display().to_string();
            Ok((Output { text: shown.clone(), json: serde_json::json!({ "page": shown }) }, 0))
        }
        DrawCommand::Verify { file } => verify(&file, lang),
    }
}

fn money(field: Field, text: &str) -> Result<i64, Error> {
    parse_money(field, text, MONEY_MAX)
}

/// "茶具一套:1:299" or "茶具一套:1:299:150": name, quantity, value and cost in yuan.
fn prize(text: &str, gift: Option<i64>) -> Result<PrizeInput, Error> {
    let bad = || Error::invalid(Field::Name, Problem::Unknown { value: text.chars().take(40).collect() });
    let parts: Vec<&str> = text.split(':').collect();
    let whole = |s: &str| s.trim().parse::<i64>().ok();
    let n = parts.len();
    // With a cost the quantity is third from the end; without, second.
    let (name_parts, quantity, value, cost) = if n >= 4 && whole(parts[n - 3]).is_some() {
        (&parts[..n - 3], parts[n - 3], parts[n - 2], Some(parts[n - 1]))
    } else if n >= 3 {
        (&parts[..n - 2], parts[n - 2], parts[n - 1], None)
    } else {
        return Err(bad());
    };
    let quantity = whole(quantity).ok_or_else(bad)?;
    let value_cents = money(Field::Amount, value)?;
    let cost_cents = cost.map(|c| money(Field::Amount, c)).transpose()?.unwrap_or(value_cents);
    Ok(PrizeInput {
        name: name_parts.join(":").trim().to_owned(),
        gift_id: gift,
        quantity,
        value_cents,
        cost_cents,
    })
}

fn create(conn: &mut Connection, a: CreateArgs, now: DateTime<Utc>) -> CliResult<(Output, u8)> {
    let gifts: Vec<Option<i64>> = a.gifts.iter().map(|g| g.trim().parse().ok()).collect();
    let prizes = a
        .prizes
        .iter()
        .enumerate()
        .map(|(i, p)| prize(p, gifts.get(i).copied().flatten()))
        .collect::<Result<Vec<_>, _>>()?;
    let consolation_cents = money(Field::AmountOff, &a.consolation)?;
    let condition = match (&a.min_spend, &a.list) {
        (Some(m), _) => EntryCondition::Spent {
            min_cents: money(Field::MinSpend, m)?,
            from: a.from.clone().unwrap_or_default(),
            to: a.to.clone().unwrap_or_default(),
        },
        (None, Some(path)) => {
            let bytes = shopcircle_app::files::read_input(path, FILE_MAX)?;
            EntryCondition::Pasted { text: String::from_utf8_lossy(&bytes).into_owned() }
        }
        (None, None) => EntryCondition::Everyone,
    };
    let input = DrawInput {
        name: a.name,
        community_ids: a.communities,
        prizes,
        consolation: ConsolationInput {
            cents: consolation_cents,
            min_spend_cents: a
                .consolation_min_spend
                .as_deref()
                .map(|m| money(Field::MinSpend, m))
                .transpose()?,
            cost_cents: a
                .consolation_cost
                .as_deref()
                .map(|c| money(Field::Amount, c))
                .transpose()?
                .unwrap_or(consolation_cents),
        },
        budget_cents: money(Field::Budget, &a.budget)?,
        redemption_percent: a.redemption,
        condition,
        freeze_at: a.freeze,
        draw_at: a.draw,
        claim_until: a.claim_until,
        public_value_source: a.public_value_source,
        contact: a.contact,
    };
    if a.dry_run {
        let plan = draw::preview(conn, &input, now)?;
        return Ok(crate::campaign_cmd::dry_run_output(&plan.checks, plan.refused, plan_text(&plan), &plan));
    }
    let made = draw::apply(conn, &input, None, now)?;
    Ok((Output { text: made.id.to_string(), json: serde_json::to_value(&made).unwrap_or_default() }, 0))
}

fn plan_text(p: &DrawPlan) -> String {
    let mut lines = vec![one_line(&p.name)];
    for prize in &p.prizes {
        lines.push(format!(
            "  {}. {} × {} (¥{} each, costs ¥{})",
            prize.rank,
            one_line(&prize.name),
            prize.quantity,
            yuan(prize.value_cents),
            yuan(prize.cost_cents)
        ));
    }
    lines.push(format!("  everyone else: {}", one_line(&p.consolation_name)));
    lines.push(format!("entrants {} (at most {})", p.entrants, p.entrants_at_most));
    lines.push(format!(
        "cost at most ¥{} · expected ¥{} · budget ¥{}",
        yuan(p.max_cost_cents),
        yuan(p.expected_cost_cents),
        yuan(p.budget_cents)
    ));
    lines.extend(crate::campaign_cmd::check_lines(&p.checks));
    lines.push(String::new());
    lines.push(p.announcement_zh.clone());
    lines.push(String::new());
    lines.push(p.announcement_en.clone());
    lines.join("\n")
}

fn show_text(c: &DrawConsole) -> String {
    let mut lines = vec![
        format!("{} · {:?}", one_line(&c.name), c.stage),
        format!("freeze {} · draw {} · claim until {}", c.freeze_at, c.draw_at, c.claim_until),
        format!("entrants {}", c.entrants),
    ];
    if let (Some(list), Some(seed)) = (&c.list_sha256, &c.seed_sha256) {
        lines.push(format!("list_sha256 {list}"));
        lines.push(format!("seed_sha256 {seed}"));
    }
    if let Some(post) = &c.result_post {
        lines.push(post.clone());
        lines.extend(
            c.winners
                .iter()
                .filter(|w| w.rank > 0)
                .map(|w| format!("  {}\t{}\t{}", w.label, w.prize, w.code)),
        );
    }
    lines.join("\n")
}
