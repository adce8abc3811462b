//! The drainage campaign's plan: the gift and what it costs, each channel's
//! poster and the reminders to replace its group code, the welcome post, and
//! every check — a pure function of the input, the facts read from the shop,
//! and the time.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use chrono_tz::Tz;
use rusqlite::{params, Connection, OptionalExtension};

use super::model::{DrainageInput, DrainagePlan, PlannedChannel, Reward};
use super::{MAX_DAYS, MAX_JOINS, MAX_VALID_DAYS, REPLACE_EVERY_DAYS, REPLACE_TIME};
use crate::campaign::copy::{
    self, DRAINAGE_GIFT_LINE, DRAINAGE_REPLACE_CODE, DRAINAGE_REPLACE_CODE_MESSAGE, DRAINAGE_WELCOME,
};
use crate::campaign::when::day;
use crate::campaign::{when, Check, Outcome, PlannedPost, PlannedSession};
use crate::channel::{Channel, ChannelKind};
use crate::gift::{self, Gift};
use crate::money::yuan;
use crate::poster::PosterTemplate;
use crate::{shop, Lang, Result};

pub(crate) struct Facts {
    pub lang: Lang,
    pub zone: Tz,
    pub today: NaiveDate,
    /// The community's name, and whether it can run a campaign.
    pub community: Option<(String, bool)>,
    /// Each chosen channel, when it exists.
    pub channels: Vec<Option<Channel>>,
    /// The gift (a gift reward that exists).
    pub gift: Option<Gift>,
    /// Other drainage campaigns in the community whose days overlap.
    pub overlapping: Vec<String>,
}

pub(crate) fn facts(conn: &Connection, input: &DrainageInput, now: DateTime<Utc>) -> Result<Facts> {
    let community = conn
        .query_row(
            "SELECT name, archived_at IS NULL FROM community WHERE id = ?1",
            [input.community_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let mut channels = Vec::with_capacity(input.channel_ids.len());
    for &id in &input.channel_ids {
        channels.push(match crate::channel::get(conn, id) {
            Ok(c) => Some(c),
            Err(crate::Error::NotFound { .. }) => None,
            Err(e) => return Err(e),
        });
    }
    let gift = match input.reward {
        Reward::Gift { gift_id } => match gift::get(conn, gift_id) {
            Ok(g) => Some(g),
            Err(crate::Error::NotFound { .. }) => None,
            Err(e) => return Err(e),
        },
        Reward::Voucher { .. } => None,
    };
    let mut stmt = conn.prepare_cached(
        "SELECT c.name FROM campaign c JOIN campaign_drainage d ON d.campaign_id = c.id
         WHERE d.community_id = ?1 AND c.published_at IS NOT NULL AND c.cancelled_at IS NULL
           AND c.starts_at < ?3 AND c.ends_at > ?2",
    )?;
    let zone = shop::zone(conn)?;
    let (from, until) = period(&input.starts_on, &input.ends_on, zone).unwrap_or((now, now));
    let overlapping = stmt
        .query_map(params![input.community_id, from, until], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(Facts {
        lang: shop::language_or(conn, Lang::En),
        zone,
        today: shop::today(conn, now)?,
        community,
        channels,
        gift,
        overlapping,
    })
}

/// From the first day's midnight to the midnight after the last, as instants.
fn period(starts_on: &str, ends_on: &str, zone: Tz) -> Option<(DateTime<Utc>, DateTime<Utc>)> {
    Some(when::days_period(day(starts_on)?, day(ends_on)?, zone))
}

/// The poster template that suits where a channel's poster hangs.
pub(crate) fn template_for(kind: ChannelKind) -> PosterTemplate {
    match kind {
        ChannelKind::TableTent => PosterTemplate::TableTent,
        ChannelKind::ShopWindow | ChannelKind::OutdoorEvent => PosterTemplate::Window,
        _ => PosterTemplate::Counter,
    }
}

/// The days to replace a group code expiring at `expires` while the campaign
/// runs: the day before it expires (today at the earliest), then every
/// `REPLACE_EVERY_DAYS` (a new code lasts 7) up to the last day.
fn replace_days(expires: DateTime<Utc>, zone: Tz, today: NaiveDate, last: NaiveDate) -> Vec<NaiveDate> {
    let before = expires.with_timezone(&zone).date_naive() - Duration::days(1);
    let mut d = before.max(today);
    let mut out = Vec::new();
    while d <= last {
        out.push(d);
        d += Duration::days(REPLACE_EVERY_DAYS);
    }
    out
}

pub(crate) fn plan(input: &DrainageInput, f: &Facts, _now: DateTime<Utc>) -> DrainagePlan {
    let lang = f.lang;
    let mut checks = Vec::new();
    let mut check = |rule: &str, outcome: Outcome, en: String, zh: String| {
        checks.push(Check::new(rule, outcome, lang, en, zh))
    };
    let pick = |(en, zh): (&str, &str)| if lang == Lang::ZhCn { zh.to_owned() } else { en.to_owned() };

    // Where.
    let community_name = match &f.community {
        Some((name, true)) => name.clone(),
        Some((name, false)) => {
            check(
                "community",
                Outcome::Refuse,
                format!("{name} is archived; restore it first"),
                format!("{name} 已归档，请先恢复"),
            );
            name.clone()
        }
        None => {
            check(
                "community",
                Outcome::Refuse,
                "Choose the community new members join".into(),
                "请选择新朋友要加入的社群".into(),
            );
            String::new()
        }
    };
    if input.channel_ids.is_empty() {
        check(
            "channels",
            Outcome::Refuse,
            "Choose at least one channel to put a poster in".into(),
            "请至少选择一个放海报的渠道".into(),
        );
    }

    // When.
    let first = day(&input.starts_on);
    let last = day(&input.ends_on);
    let when_problem: Option<(String, String)> = match (first, last) {
        (None, _) => Some(("Choose the first day".into(), "请选择开始日期".into())),
        (_, None) => Some(("Choose the last day".into(), "请选择结束日期".into())),
        (Some(a), _) if a < f.today => Some((
            "The first day has already passed; start today or later".into(),
            "开始日期已经过去了，请从今天或以后开始".into(),
        )),
        (Some(a), Some(b)) if b < a => {
            Some(("The last day is before the first".into(), "结束日期早于开始日期".into()))
        }
        (Some(a), Some(b)) if (b - a).num_days() + 1 > MAX_DAYS => Some((
            format!("At most {MAX_DAYS} days; run it again afterwards if it works"),
            format!("最长 {MAX_DAYS} 天；效果好的话结束后再办一次"),
        )),
        _ => None,
    };
    let dates_ok = when_problem.is_none();
    if let Some((en, zh)) = when_problem {
        check("when", Outcome::Refuse, en, zh);
    }
    if dates_ok && !f.overlapping.is_empty() {
        check(
            "clash",
            Outcome::Warn,
            format!(
                "{} already gives a welcome gift in this community on some of these days",
                f.overlapping.join(", ")
            ),
            format!("{} 在这个社群的部分日期里已经在送入群礼", f.overlapping.join("、")),
        );
    }

    // The channels: each of this community, with a code to print.
    let mut channels = Vec::new();
    for (id, channel) in input.channel_ids.iter().zip(&f.channels) {
        let Some(c) =
            channel.as_ref().filter(|c| c.community_id == input.community_id && c.archived_at.is_none())
        else {
            check(
                "channels",
                Outcome::Refuse,
                format!("Channel {id} is not one of this community's"),
                format!("渠道 {id} 不属于这个社群"),
            );
            continue;
        };
        if c.qr.is_none() {
            check(
                "channels",
                Outcome::Refuse,
                format!("{} has no QR code yet: add one on the community's page first", c.name),
                format!("{} 还没有二维码：请先在社群页面添加", c.name),
            );
        }
        let expires = c.qr.as_ref().and_then(|q| q.expires_at);
        let replace_on = match (expires, last) {
            (Some(e), Some(last)) if dates_ok => replace_days(e, f.zone, f.today, last),
            _ => Vec::new(),
        };
        channels.push(PlannedChannel {
            id: c.id,
            name: c.name.clone(),
            kind: c.kind,
            template: template_for(c.kind),
            code_expires_at: expires.map(|e| e.to_rfc3339()),
            replace_on: replace_on.iter().map(ToString::to_string).collect(),
        });
    }

    // The gift and what it costs.
    let joins = input.expected_joins;
    if !(1..=MAX_JOINS).contains(&joins) {
        check(
            "joins",
            Outcome::Refuse,
            format!("Expect between 1 and {MAX_JOINS} new members"),
            format!("预计新入群人数须在 1 到 {MAX_JOINS} 之间"),
        );
    }
    let (reward_name, unit_cost, stock) = match input.reward {
        Reward::Gift { gift_id } => match f.gift.as_ref().filter(|g| g.archived_at.is_none()) {
            Some(g) => {
                if g.stock <= 0 {
                    check(
                        "stock",
                        Outcome::Refuse,
                        format!("{} is out of stock: restock it first", g.name),
                        format!("{} 没有库存了，请先补货", g.name),
                    );
                } else if g.stock < joins {
                    check(
                        "stock",
                        Outcome::Warn,
                        format!("Only {} of {} in stock for about {joins} new members: restock before it runs out", g.stock, g.name),
                        format!("{} 只剩 {} 份，预计 {joins} 位新朋友：送完前请补货", g.name, g.stock),
                    );
                }
                (g.name.clone(), g.unit_cost_cents, Some(g.stock))
            }
            // A new wizard has no gift chosen yet (id 0): say what to do, not that 0 is unknown.
            None if gift_id <= 0 => {
                check(
                    "gift",
                    Outcome::Refuse,
                    "Choose the gift new members get".into(),
                    "请选择送给新朋友的礼品".into(),
                );
                (String::new(), 0, None)
            }
            None => {
                check(
                    "gift",
                    Outcome::Refuse,
                    format!("Gift {gift_id} is not in the gift catalogue"),
                    format!("礼品 {gift_id} 不在礼品库里"),
                );
                (String::new(), 0, None)
            }
        },
        Reward::Voucher { cents, min_spend_cents, valid_days } => {
            if !(1..=gift::MONEY_MAX).contains(&cents) {
                check(
                    "voucher",
                    Outcome::Refuse,
                    "The voucher needs an amount above ¥0".into(),
                    "券的金额须大于 ¥0".into(),
                );
            }
            if min_spend_cents.is_some_and(|m| !(1..=gift::MONEY_MAX).contains(&m)) {
                check(
                    "voucher",
                    Outcome::Refuse,
                    "A minimum spend must be above ¥0 (or leave it empty)".into(),
                    "最低消费须大于 ¥0（或留空）".into(),
                );
            }
            if !(1..=MAX_VALID_DAYS).contains(&valid_days) {
                check(
                    "voucher",
                    Outcome::Refuse,
                    format!("The voucher must stay valid 1 to {MAX_VALID_DAYS} days after the campaign"),
                    format!("券在活动结束后的有效天数须在 1 到 {MAX_VALID_DAYS} 之间"),
                );
            }
            let name = match (lang, min_spend_cents) {
                (Lang::ZhCn, Some(m)) => format!("满¥{}减¥{}下次到店券", yuan(m), yuan(cents)),
                (Lang::ZhCn, None) => format!("¥{}下次到店券", yuan(cents)),
                (Lang::En, Some(m)) => format!("¥{} off a next visit of ¥{} or more", yuan(cents), yuan(m)),
                (Lang::En, None) => format!("¥{} off the next visit", yuan(cents)),
            };
            (name, cents.max(0), None)
        }
    };
    let cost = unit_cost * joins.clamp(0, MAX_JOINS);
    match input.budget_cents {
        Some(b) if !(1..=gift::MONEY_MAX).contains(&b) => check(
            "budget",
            Outcome::Refuse,
            "A budget must be above ¥0 (or leave it empty)".into(),
            "预算须大于 ¥0（或留空）".into(),
        ),
        Some(b) if cost > b => check(
            "budget",
            Outcome::Refuse,
            format!(
                "{joins} × ¥{} = ¥{}, over the ¥{} budget: expect fewer new members, choose a cheaper gift or raise the budget",
                yuan(unit_cost),
                yuan(cost),
                yuan(b)
            ),
            format!(
                "{joins} × ¥{} = ¥{}，超出预算 ¥{}：请减少预计人数、换更便宜的礼品或提高预算",
                yuan(unit_cost),
                yuan(cost),
                yuan(b)
            ),
        ),
        _ => {}
    }

    // The words.
    let gift_line = if input.gift_line.trim().is_empty() {
        pick(DRAINAGE_GIFT_LINE).replace("{reward}", &reward_name)
    } else {
        input.gift_line.trim().to_owned()
    };
    if gift_line.chars().count() > crate::poster::LINE_MAX {
        check(
            "gift_line",
            Outcome::Refuse,
            format!("The gift line is too long: at most {} characters", crate::poster::LINE_MAX),
            format!("赠品说明太长了，最多 {} 个字", crate::poster::LINE_MAX),
        );
    }
    let name = if input.name.trim().is_empty() {
        match lang {
            Lang::ZhCn => format!("入群有礼：{community_name}"),
            Lang::En => format!("Welcome gift: {community_name}"),
        }
    } else {
        input.name.trim().to_owned()
    };

    let mut sessions = Vec::new();
    let mut schedules = Vec::new();
    let mut posts = Vec::new();
    let mut vouchers_valid_until = None;
    if let (Some(a), Some(b), true) = (first, last, dates_ok) {
        if let Some((from, until)) = period(&input.starts_on, &input.ends_on, f.zone) {
            sessions.push(PlannedSession {
                day: a.to_string(),
                starts_at: from.to_rfc3339(),
                ends_at: until.to_rfc3339(),
            });
        }
        for c in &channels {
            if let Some(first_day) = c.replace_on.first() {
                schedules.push(when::schedule(
                    &pick(DRAINAGE_REPLACE_CODE).replace("{channel}", &c.name),
                    &format!("FREQ=DAILY;INTERVAL={REPLACE_EVERY_DAYS}"),
                    &format!("{first_day} {REPLACE_TIME}"),
                    &b.to_string(),
                    0,
                    Some(input.community_id),
                    pick(DRAINAGE_REPLACE_CODE_MESSAGE),
                ));
            }
        }
        let (topic, body) = DRAINAGE_WELCOME.fill_with(
            lang,
            &[
                ("community", community_name.clone()),
                ("reward", reward_name.clone()),
                ("from", copy::date(a, lang)),
                ("until", copy::date(b, lang)),
            ],
        );
        posts.push(PlannedPost {
            community_id: input.community_id,
            day: a.to_string(),
            time: "10:00".into(),
            topic: topic.chars().take(crate::content::TOPIC_MAX).collect(),
            body,
        });
        if let Reward::Voucher { valid_days, .. } = input.reward {
            vouchers_valid_until =
                Some((b + Duration::days(valid_days.clamp(0, MAX_VALID_DAYS))).to_string());
        }
    }
    let vouchers = if matches!(input.reward, Reward::Voucher { .. }) { joins.clamp(0, MAX_JOINS) } else { 0 };
    let refused = checks.iter().any(|c| c.outcome == Outcome::Refuse);
    DrainagePlan {
        name,
        community_id: input.community_id,
        community_name,
        channels,
        reward_name,
        unit_cost_cents: unit_cost,
        stock,
        expected_joins: joins,
        cost_cents: cost,
        budget_cents: input.budget_cents,
        gift_line,
        starts_on: input.starts_on.trim().to_owned(),
        ends_on: input.ends_on.trim().to_owned(),
        vouchers,
        vouchers_valid_until,
        sessions,
        schedules,
        posts,
        checks,
        refused,
    }
}
