//! The referral day's plan: what the friend gets and what the member earns,
//! the promotion days and their posts and reminder, the announcement in both
//! languages, and every check — a pure function of the input, the facts read
//! from the shop, and the time.

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, Utc};
use chrono_tz::Tz;
use rusqlite::{params, Connection};

use super::model::{ReferralInput, ReferralPlan, RewardTier};
use super::{MAX_CAP, MAX_DAYS, MAX_QUALIFY_DAYS, MAX_TIERS, MAX_VALID_DAYS, NAME_MAX};
use crate::campaign::drainage::Reward;
use crate::campaign::when::day;
use crate::campaign::{copy, when, Check, Outcome, PlannedPost, PlannedSession};
use crate::gift::{self, Gift, MONEY_MAX};
use crate::money::yuan;
use crate::schedule::rule::local_instant;
use crate::{shop, Lang, Result};

pub(crate) struct Facts {
    pub lang: Lang,
    pub zone: Tz,
    pub today: NaiveDate,
    /// Each chosen community: its id, name, and whether it can run a campaign.
    pub communities: Vec<(i64, Option<(String, bool)>)>,
    /// The welcome gift, when it names one that exists.
    pub gift: Option<Gift>,
    /// Other referral days whose days overlap.
    pub overlapping: Vec<String>,
    pub members_with_cards: i64,
}

pub(crate) fn facts(conn: &Connection, input: &ReferralInput, now: DateTime<Utc>) -> Result<Facts> {
    let mut communities = Vec::new();
    for &id in &input.community_ids {
        let row = rusqlite::OptionalExtension::optional(conn.query_row(
            "SELECT name, archived_at IS NULL FROM community WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        ))?;
        communities.push((id, row));
    }
    let gift = match input.welcome {
        Reward::Gift { gift_id } => match gift::get(conn, gift_id) {
            Ok(g) => Some(g),
            Err(crate::Error::NotFound { .. }) => None,
            Err(e) => return Err(e),
        },
        Reward::Voucher { .. } => None,
    };
    let overlapping = match (day(&input.first_day), day(&input.last_day)) {
        (Some(first), Some(last)) => conn
            .prepare_cached(
                "SELECT c.name FROM campaign c JOIN campaign_referral r ON r.campaign_id = c.id
                 WHERE c.published_at IS NOT NULL AND c.cancelled_at IS NULL
                   AND r.first_day <= ?2 AND r.last_day >= ?1 ORDER BY r.first_day",
            )?
            .query_map(params![first.to_string(), last.to_string()], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?,
        _ => Vec::new(),
    };
    let members_with_cards = conn.query_row(
        &format!(
            "SELECT count(*) FROM member m WHERE {} AND {}",
            crate::member::LIVE,
            crate::member::MARKETING
        ),
        [],
        |r| r.get(0),
    )?;
    Ok(Facts {
        lang: shop::language_or(conn, Lang::En),
        zone: shop::zone(conn)?,
        today: shop::today(conn, now)?,
        communities,
        gift,
        overlapping,
        members_with_cards,
    })
}

fn time(text: &str) -> Option<NaiveTime> {
    NaiveTime::parse_from_str(text.trim(), "%H:%M").ok()
}

/// The promotion days between the first and last day; the first day when no
/// promotion day falls in them, so the offer is announced at least once.
pub(crate) fn promotion_days(first: NaiveDate, last: NaiveDate, promotion_day: i64) -> Vec<NaiveDate> {
    let mut days = Vec::new();
    let mut d = first;
    while d <= last {
        if i64::from(d.day()) == promotion_day {
            days.push(d);
        }
        d += Duration::days(1);
    }
    if days.is_empty() {
        days.push(first);
    }
    days
}

/// What the friend gets, in words: "a gift: 茶包" / "¥10 off their first purchase".
pub(crate) fn welcome_words(welcome: &Reward, gift_name: Option<&str>, lang: Lang) -> String {
    match (welcome, lang) {
        (Reward::Gift { .. }, Lang::ZhCn) => format!("礼品一份：{}", gift_name.unwrap_or("")),
        (Reward::Gift { .. }, Lang::En) => format!("a gift: {}", gift_name.unwrap_or("")),
        (Reward::Voucher { cents, min_spend_cents: Some(m), .. }, Lang::ZhCn) => {
            format!("首单立减 ¥{}（满¥{}可用）", yuan(*cents), yuan(*m))
        }
        (Reward::Voucher { cents, min_spend_cents: None, .. }, Lang::ZhCn) => {
            format!("首单立减 ¥{}", yuan(*cents))
        }
        (Reward::Voucher { cents, min_spend_cents: Some(m), .. }, Lang::En) => {
            format!("¥{} off their first purchase (on ¥{} or more)", yuan(*cents), yuan(*m))
        }
        (Reward::Voucher { cents, min_spend_cents: None, .. }, Lang::En) => {
            format!("¥{} off their first purchase", yuan(*cents))
        }
    }
}

/// "3 friends: ¥15 off" / "3 位好友：¥15 代金券".
pub(crate) fn tier_words(t: &RewardTier, lang: Lang) -> String {
    match (lang, t.friends) {
        (Lang::ZhCn, n) => format!("{n} 位好友：¥{} 代金券", yuan(t.cents)),
        (Lang::En, 1) => format!("1 friend: ¥{} off", yuan(t.cents)),
        (Lang::En, n) => format!("{n} friends: ¥{} off", yuan(t.cents)),
    }
}

pub(crate) fn plan(input: &ReferralInput, f: &Facts, now: DateTime<Utc>) -> ReferralPlan {
    let lang = f.lang;
    let mut checks = Vec::new();
    let mut check = |rule: &str, outcome: Outcome, en: String, zh: String| {
        checks.push(Check::new(rule, outcome, lang, en, zh))
    };

    // Where.
    let usable: Vec<(i64, bool)> =
        f.communities.iter().map(|(id, row)| (*id, row.as_ref().is_some_and(|(_, ok)| *ok))).collect();
    for (en, zh) in crate::campaign::community_refusals(&input.community_ids, &usable) {
        check("communities", Outcome::Refuse, en, zh);
    }

    // When.
    let (first, last) = (day(&input.first_day), day(&input.last_day));
    match (first, last) {
        (Some(a), Some(b)) if a > b => check(
            "when",
            Outcome::Refuse,
            "The first day must not be after the last".into(),
            "开始日期不能晚于结束日期".into(),
        ),
        (Some(a), Some(_)) if a < f.today => check(
            "when",
            Outcome::Refuse,
            "The first day must be today or later".into(),
            "开始日期不能早于今天".into(),
        ),
        (Some(a), Some(b)) if (b - a).num_days() >= MAX_DAYS => check(
            "when",
            Outcome::Refuse,
            format!("A referral day runs at most {MAX_DAYS} days: copy it for the next year"),
            format!("推荐活动最长 {MAX_DAYS} 天：明年可复制后再办"),
        ),
        (Some(_), Some(_)) => {}
        _ => check(
            "when",
            Outcome::Refuse,
            "Choose the first and the last day friend cards are taken".into(),
            "请选择接受好友卡的开始和结束日期".into(),
        ),
    }
    for other in &f.overlapping {
        check(
            "overlap",
            Outcome::Refuse,
            format!("\"{other}\" takes friend cards on some of these days: one referral day at a time, so a card means one offer"),
            format!("「{other}」在这段时间里也接受好友卡：同一时间只能有一个推荐活动，一张卡只对应一种优惠"),
        );
    }
    if !(1..=28).contains(&input.promotion_day) {
        check(
            "promotion_day",
            Outcome::Refuse,
            "The promotion day must be a day of the month from 1 to 28".into(),
            "会员推广日须为每月 1 到 28 日".into(),
        );
    }
    let post_time = time(&input.promotion_time);
    if post_time.is_none() {
        check(
            "promotion_day",
            Outcome::Refuse,
            "Choose the time the promotion day's post goes out".into(),
            "请选择推广日发帖的时间".into(),
        );
    }

    // What the friend gets.
    match input.welcome {
        Reward::Gift { .. } => match &f.gift {
            None => check(
                "welcome",
                Outcome::Refuse,
                "That gift is no longer in the catalogue".into(),
                "这个礼品已不在礼品库中".into(),
            ),
            Some(g) if g.archived_at.is_some() => check(
                "welcome",
                Outcome::Refuse,
                format!("{} is archived: choose a gift the shop still gives", g.name),
                format!("{} 已归档：请选择仍在赠送的礼品", g.name),
            ),
            Some(_) => {}
        },
        Reward::Voucher { cents, min_spend_cents, valid_days } => {
            if !(1..=MONEY_MAX).contains(&cents) {
                check(
                    "welcome",
                    Outcome::Refuse,
                    "The friend's voucher needs an amount above ¥0".into(),
                    "好友券的金额须大于 ¥0".into(),
                );
            }
            if min_spend_cents.is_some_and(|m| m <= cents || m > MONEY_MAX) {
                check(
                    "welcome",
                    Outcome::Refuse,
                    "The friend's voucher's minimum spend must be above its amount".into(),
                    "好友券的使用门槛须高于面额".into(),
                );
            }
            if !(1..=MAX_VALID_DAYS).contains(&valid_days) {
                check(
                    "welcome",
                    Outcome::Refuse,
                    format!("The friend's voucher must stay valid 1 to {MAX_VALID_DAYS} days"),
                    format!("好友券有效期须为 1 到 {MAX_VALID_DAYS} 天"),
                );
            }
        }
    }

    // What the member earns.
    if !(1..=MAX_CAP).contains(&input.monthly_cap) {
        check(
            "cap",
            Outcome::Refuse,
            format!("The monthly cap must be 1 to {MAX_CAP} friends"),
            format!("每月上限须为 1 到 {MAX_CAP} 位好友"),
        );
    }
    if input.tiers.is_empty() || input.tiers.len() > MAX_TIERS {
        check(
            "tiers",
            Outcome::Refuse,
            format!("Set 1 to {MAX_TIERS} rewards"),
            format!("请设置 1 到 {MAX_TIERS} 档奖励"),
        );
    }
    let mut previous = 0;
    for t in &input.tiers {
        if t.friends <= previous {
            check(
                "tiers",
                Outcome::Refuse,
                "Each reward needs more friends than the one before".into(),
                "每档奖励所需好友数须比上一档多".into(),
            );
        } else if t.friends > input.monthly_cap {
            check(
                "tiers",
                Outcome::Refuse,
                format!(
                    "The reward at {} friends can never be reached with a monthly cap of {}",
                    t.friends, input.monthly_cap
                ),
                format!("每月上限 {} 位，{} 位好友这一档永远达不到", input.monthly_cap, t.friends),
            );
        }
        if !(1..=MONEY_MAX).contains(&t.cents) {
            check(
                "tiers",
                Outcome::Refuse,
                "Each reward needs an amount above ¥0".into(),
                "每档奖励的金额须大于 ¥0".into(),
            );
        }
        previous = t.friends;
    }
    if !(1..=MAX_VALID_DAYS).contains(&input.reward_days) {
        check(
            "tiers",
            Outcome::Refuse,
            format!("Reward vouchers must stay valid 1 to {MAX_VALID_DAYS} days"),
            format!("奖励券有效期须为 1 到 {MAX_VALID_DAYS} 天"),
        );
    }
    if !(1..=MAX_QUALIFY_DAYS).contains(&input.qualify_days) {
        check(
            "qualify",
            Outcome::Refuse,
            format!("A friend's first purchase must be allowed 1 to {MAX_QUALIFY_DAYS} days"),
            format!("好友首次消费的期限须为 1 到 {MAX_QUALIFY_DAYS} 天"),
        );
    }
    if f.members_with_cards == 0 {
        check(
            "members",
            Outcome::Warn,
            "No member has agreed to marketing yet: nobody has a friend card to give".into(),
            "还没有会员同意接收营销信息：没有人能拿到好友卡".into(),
        );
    }

    // Left empty, the name is made in each language, so each announcement is wholly in one.
    let name_in = |lang: Lang| {
        if input.name.trim().is_empty() {
            // "December 2026", or "December 2026 – January 2027" when it runs into another month.
            let month = match (first, last) {
                (Some(a), Some(b)) if (a.year(), a.month()) != (b.year(), b.month()) => {
                    format!("{} – {}", copy::month(a, lang), copy::month(b, lang))
                }
                (Some(a), _) => copy::month(a, lang),
                _ => String::new(),
            };
            match lang {
                Lang::ZhCn => format!("推荐有礼：{month}"),
                Lang::En => format!("Bring a friend: {month}"),
            }
        } else {
            input.name.trim().to_owned()
        }
    };
    let name = name_in(lang);
    if name.chars().count() > NAME_MAX {
        check(
            "name",
            Outcome::Refuse,
            format!("The name is longer than {NAME_MAX} characters"),
            format!("名称超过 {NAME_MAX} 个字"),
        );
    }
    let gift_name = f.gift.as_ref().map(|g| g.name.as_str());
    let announce = |lang: Lang| announcement(input, &name_in(lang), gift_name, lang);
    let (announcement_zh, announcement_en) = (announce(Lang::ZhCn), announce(Lang::En));

    let mut sessions = Vec::new();
    let mut schedules = Vec::new();
    let mut posts = Vec::new();
    if let (Some(first), Some(last), Some(at)) = (first, last, post_time) {
        let days = promotion_days(first, last, input.promotion_day);
        let body = if lang == Lang::ZhCn { announcement_zh.clone() } else { announcement_en.clone() };
        for d in &days {
            let starts = local_instant(f.zone, d.and_time(at));
            sessions.push(PlannedSession {
                day: d.to_string(),
                starts_at: starts.to_rfc3339(),
                ends_at: (starts + Duration::hours(1)).to_rfc3339(),
            });
            for &community_id in &input.community_ids {
                posts.push(PlannedPost {
                    community_id,
                    day: d.to_string(),
                    time: at.format("%H:%M").to_string(),
                    topic: name.chars().take(crate::content::TOPIC_MAX).collect(),
                    body: body.clone(),
                });
            }
        }
        let pick = |(en, zh): (&str, &str)| if lang == Lang::ZhCn { zh.to_owned() } else { en.to_owned() };
        let rule = if days.len() == 1 {
            "FREQ=DAILY;COUNT=1".to_owned()
        } else {
            format!("FREQ=MONTHLY;BYMONTHDAY={}", input.promotion_day)
        };
        schedules.push(when::schedule(
            &pick(copy::REFERRAL_DAY)
                .replace("{name}", &name)
                .chars()
                .take(crate::schedule::TITLE_MAX)
                .collect::<String>(),
            &rule,
            &days[0].and_time(at).format("%Y-%m-%d %H:%M").to_string(),
            &last.to_string(),
            60,
            input.community_ids.first().copied(),
            pick(copy::REFERRAL_DAY_MESSAGE),
        ));
    }
    let _ = now;
    let refused = checks.iter().any(|c| c.outcome == Outcome::Refuse);
    ReferralPlan {
        name,
        welcome: welcome_words(&input.welcome, gift_name, lang),
        tiers: input.tiers.iter().map(|t| tier_words(t, lang)).collect(),
        members_with_cards: f.members_with_cards,
        max_reward_per_member_cents: input.tiers.iter().map(|t| t.cents.max(0)).sum(),
        announcement_zh,
        announcement_en,
        sessions,
        schedules,
        posts,
        checks,
        refused,
    }
}

/// The promotion day's post: the reward rule, the qualifying action (a
/// friend's first purchase), the deadline, and "show the card at the
/// counter". It rewards a friend who comes and buys, never passing a post on.
pub(crate) fn announcement(input: &ReferralInput, name: &str, gift_name: Option<&str>, lang: Lang) -> String {
    let welcome = welcome_words(&input.welcome, gift_name, lang);
    let dates = |d: &str| day(d).map(|d| copy::date(d, lang)).unwrap_or_default();
    let (first, last) = (dates(&input.first_day), dates(&input.last_day));
    let tiers: Vec<String> = input.tiers.iter().map(|t| tier_words(t, lang)).collect();
    match lang {
        Lang::ZhCn => format!(
            "【{name}】会员推广日\n\
             带一位还不是本店会员的朋友来店里，请朋友在收银台出示你的好友卡（店员可为你打印），朋友当场获得{welcome}。\n\
             朋友首次到店消费后，这次推荐就算完成。本月完成的推荐达到：{}，你将获得对应的代金券（每月最多计 {} 位）。\n\
             活动时间：{first}至{last}；朋友需在领卡后 {} 天内首次消费；奖励券有效期 {} 天。\n\
             规则：只计还不是会员的新朋友；每位朋友只能用一张好友卡，以先出示的为准；同一手机号不能推荐自己；奖励只看朋友到店消费。\n\
             到店出示好友卡即可，有问题请问店员。",
            tiers.join("；"),
            input.monthly_cap,
            input.qualify_days,
            input.reward_days
        ),
        Lang::En => format!(
            "[{name}] Member promotion day\n\
             Bring a friend who is not yet our member, and have them show your friend card at the counter (we can print yours): they get {welcome} on the spot.\n\
             The referral is complete when your friend makes a first purchase here. Completed referrals this month earn you vouchers at: {} (at most {} friends a month).\n\
             Dates: {first} to {last}; your friend's first purchase within {} days of the card; reward vouchers valid {} days.\n\
             Rules: new customers only; one friend card per friend, the first shown counts; a phone number cannot refer itself; rewards count friends who come and buy, nothing else.\n\
             Show the friend card at the counter; ask us if anything is unclear.",
            tiers.join("; "),
            input.monthly_cap,
            input.qualify_days,
            input.reward_days
        ),
    }
}
