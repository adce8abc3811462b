//! `shopcircle-cli referral …`: a referral day created, a member's friend
//! card code, a friend's card taken at the counter, where a referral day
//! stands, and the month's leaderboard — through the same core operations
//! as the window.

use chrono::{DateTime, Utc};
use clap::{Args, Subcommand};
use shopcircle_app::friend_cards;
use shopcircle_core::campaign::drainage::Reward;
use shopcircle_core::campaign::referral::{self, FriendInput, ReferralInput, ReferralPlan, RewardTier};
use shopcircle_core::db::Connection;
use shopcircle_core::gift::MONEY_MAX;
use shopcircle_core::money::yuan;
use shopcircle_core::text::one_line;
use shopcircle_core::{parse_money, Error, Field, Lang, Problem};
use shopcircle_print::Fonts;

use crate::error::CliResult;
use crate::Output;

#[derive(Subcommand)]
pub enum ReferralCommand {
    /// Create a referral day; prints its id
    Create(Box<CreateArgs>),
    /// A member's friend card code (members with marketing consent)
    Code { member: i64 },
    /// A member's friend card as a PNG, to send them
    Card {
        member: i64,
        #[arg(long, value_name = "FILE.png")]
        out: std::path::PathBuf,
    },
    /// Every consenting member's friend card on A4 sheets of ten, to hand out
    Cards {
        #[arg(long, value_name = "FILE.pdf")]
        out: std::path::PathBuf,
    },
    /// Take a friend card at the counter: the friend becomes a member and gets the welcome
    Redeem {
        code: String,
        #[arg(long)]
        friend_phone: String,
        /// The friend's name [default: from the phone's last four digits]
        #[arg(long, default_value = "")]
        friend_name: String,
        /// The friend agreed to hear about offers
        #[arg(long)]
        marketing_consent: bool,
    },
    /// Where a referral day stands: referrals pending and qualified, rewards, cost
    Show { id: i64 },
    /// The month's leaderboard of qualified referrals, names masked, with its group post
    Board {
        /// YYYY-MM
        #[arg(long)]
        month: String,
    },
}

#[derive(Args)]
pub struct CreateArgs {
    /// The communities the promotion day is announced in, e.g. "1,2"
    #[arg(long, value_delimiter = ',', required = true)]
    communities: Vec<i64>,
    /// The first and last day friend cards are taken, YYYY-MM-DD
    #[arg(long)]
    from: String,
    #[arg(long)]
    to: String,
    /// The member promotion day each month (1 to 28)
    #[arg(long, default_value_t = 18)]
    promotion_day: i64,
    /// When the promotion day's post goes out, HH:MM
    #[arg(long, default_value = "10:00")]
    promotion_time: String,
    /// The friend's welcome gift from the catalogue (its id)
    #[arg(long, conflicts_with = "welcome_voucher")]
    welcome_gift: Option<i64>,
    /// Or money off the friend's first purchase, in yuan
    #[arg(long)]
    welcome_voucher: Option<String>,
    /// Its minimum spend, in yuan
    #[arg(long)]
    welcome_min_spend: Option<String>,
    /// How many days the friend's voucher stays valid
    #[arg(long, default_value_t = 30)]
    welcome_days: i64,
    /// A reward: "FRIENDS:YUAN" (repeat: "1:5", "3:15", "5:30")
    #[arg(long = "reward", required = true)]
    rewards: Vec<String>,
    /// How many days a reward voucher stays valid
    #[arg(long, default_value_t = 60)]
    reward_days: i64,
    /// The most qualified friends counted per member per month
    #[arg(long, default_value_t = 5)]
    monthly_cap: i64,
    /// Days a friend has to make the first purchase
    #[arg(long, default_value_t = 30)]
    qualify_days: i64,
    #[arg(long, default_value = "")]
    name: String,
    /// Print the plan and the announcement with every check; create nothing
    #[arg(long)]
    dry_run: bool,
}

pub fn run(
    conn: &mut Connection,
    cmd: ReferralCommand,
    lang: Lang,
    now: DateTime<Utc>,
) -> CliResult<(Output, u8)> {
    let out = |text: String, json: serde_json::Value| Ok((Output { text, json }, 0));
    match cmd {
        ReferralCommand::Create(a) => create(conn, *a, now),
        ReferralCommand::Code { member } => {
            let card = referral::friend_card(conn, member, now)?;
            out(card.code.clone(), serde_json::to_value(&card).unwrap_or_default())
        }
        ReferralCommand::Card { member, out: path } => {
            let code = friend_cards::save_card(conn, &Fonts::system()?, member, &path, lang, now)?;
            out(code.clone(), serde_json::json!({ "code": code, "file": path.display().to_string() }))
        }
        ReferralCommand::Cards { out: path } => {
            let count = friend_cards::save_sheet(conn, &Fonts::system()?, &path, lang, now)?;
            out(format!("{count} friend cards: {}", path.display()), serde_json::json!({ "cards": count }))
        }
        ReferralCommand::Redeem { code, friend_phone, friend_name, marketing_consent } => {
            let input = FriendInput {
                code,
                phone: friend_phone,
                name: friend_name,
                marketing: marketing_consent,
                staff: String::new(),
            };
            let w = referral::welcome_friend(conn, &input, now)?;
            let mut text = format!("friend {} · referred by {} · {}", w.friend_id, w.referrer, w.welcome);
            if let Some(code) = &w.voucher_code {
                text.push_str(&format!("\nvoucher {code}"));
            }
            out(text, serde_json::to_value(&w).unwrap_or_default())
        }
        ReferralCommand::Show { id } => {
            let c = referral::console(conn, id, now)?;
            let mut lines = vec![
                format!("{} · {:?} · {} to {}", one_line(&c.name), c.status, c.first_day, c.last_day),
                format!("pending {} · qualified {} · cost ¥{}", c.pending, c.qualified, yuan(c.cost_cents)),
            ];
            lines.extend(c.referrals.iter().map(|r| {
                format!(
                    "  {}\t{} → {}\t{:?}",
                    r.referred_at,
                    one_line(&r.referrer),
                    one_line(&r.friend),
                    r.stage
                )
            }));
            lines.extend(c.rewards.iter().map(|r| {
                format!(
                    "  reward {}\t{} friends\t¥{}\t{}",
                    one_line(&r.referrer),
                    r.friends,
                    yuan(r.cents),
                    r.code
                )
            }));
            out(lines.join("\n"), serde_json::to_value(&c).unwrap_or_default())
        }
        ReferralCommand::Board { month } => {
            let b = referral::board(conn, &month)?;
            out(b.post.clone(), serde_json::to_value(&b).unwrap_or_default())
        }
    }
}

/// "3:15": three friends earn ¥15 off.
fn tier(text: &str) -> Result<RewardTier, Error> {
    let bad = || Error::invalid(Field::Tiers, Problem::Unknown { value: text.chars().take(40).collect() });
    let (friends, cents) = text.split_once(':').ok_or_else(bad)?;
    Ok(RewardTier {
        friends: friends.trim().parse().map_err(|_| bad())?,
        cents: parse_money(Field::Tiers, cents, MONEY_MAX)?,
    })
}

fn create(conn: &mut Connection, a: CreateArgs, now: DateTime<Utc>) -> CliResult<(Output, u8)> {
    let welcome = match (a.welcome_gift, &a.welcome_voucher) {
        (Some(gift_id), _) => Reward::Gift { gift_id },
        (None, Some(v)) => Reward::Voucher {
            cents: parse_money(Field::AmountOff, v, MONEY_MAX)?,
            min_spend_cents: a
                .welcome_min_spend
                .as_deref()
                .map(|m| parse_money(Field::MinSpend, m, MONEY_MAX))
                .transpose()?,
            valid_days: a.welcome_days,
        },
        (None, None) => return Err(Error::invalid(Field::Reward, Problem::Empty).into()),
    };
    let input = ReferralInput {
        name: a.name,
        community_ids: a.communities,
        first_day: a.from,
        last_day: a.to,
        promotion_day: a.promotion_day,
        promotion_time: a.promotion_time,
        welcome,
        tiers: a.rewards.iter().map(|t| tier(t)).collect::<Result<_, _>>()?,
        reward_days: a.reward_days,
        monthly_cap: a.monthly_cap,
        qualify_days: a.qualify_days,
    };
    if a.dry_run {
        let plan = referral::preview(conn, &input, now)?;
        return Ok(crate::campaign_cmd::dry_run_output(&plan.checks, plan.refused, plan_text(&plan), &plan));
    }
    let made = referral::apply(conn, &input, None, now)?;
    Ok((Output { text: made.id.to_string(), json: serde_json::to_value(&made).unwrap_or_default() }, 0))
}

fn plan_text(p: &ReferralPlan) -> String {
    let mut lines = vec![one_line(&p.name), format!("  the friend gets {}", one_line(&p.welcome))];
    lines.extend(p.tiers.iter().map(|t| format!("  {}", one_line(t))));
    lines.push(format!(
        "members with a friend card {} · at most ¥{} a member a month",
        p.members_with_cards,
        yuan(p.max_reward_per_member_cents)
    ));
    lines.extend(crate::campaign_cmd::check_lines(&p.checks));
    lines.push(String::new());
    lines.push(p.announcement_zh.clone());
    lines.push(String::new());
    lines.push(p.announcement_en.clone());
    lines.join("\n")
}
