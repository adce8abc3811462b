//! The lucky draw's plan: the urn's prizes and what they may cost against the
//! budget, who would take part, the announcement with the disclosure the
//! promotion rules require, the reminders to freeze and to draw, and every
//! check — a pure function of the input, the facts read from the shop, and
//! the time.

use chrono::{DateTime, NaiveDateTime, Utc};
use chrono_tz::Tz;
use rusqlite::Connection;

use super::announcement;
use super::entrants::{self, Entrants};
use super::model::{DrawInput, DrawPlan, EntryCondition, PlannedPrize};
use super::{MAX_PRIZES, MAX_PRIZE_CENTS, MAX_QUANTITY};
use crate::campaign::when::day;
use crate::campaign::{copy, when, Check, Outcome, PlannedPost, PlannedSession};
use crate::gift::{self, Gift};
use crate::money::yuan;
use crate::schedule::rule::local_instant;
use crate::{shop, Lang, Result};

pub(crate) struct Facts {
    pub lang: Lang,
    pub zone: Tz,
    pub organiser: String,
    /// Each chosen community: its id, name, and whether it can run a campaign.
    pub communities: Vec<(i64, Option<(String, bool)>)>,
    /// Each prize's gift, when it names one that exists.
    pub gifts: Vec<Option<Gift>>,
    pub entrants: Entrants,
}

pub(crate) fn facts(conn: &Connection, input: &DrawInput, now: DateTime<Utc>) -> Result<Facts> {
    let mut communities = Vec::new();
    for &id in &input.community_ids {
        let row = rusqlite::OptionalExtension::optional(conn.query_row(
            "SELECT name, archived_at IS NULL FROM community WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        ))?;
        communities.push((id, row));
    }
    let mut gifts = Vec::new();
    for p in &input.prizes {
        gifts.push(match p.gift_id {
            Some(id) => match gift::get(conn, id) {
                Ok(g) => Some(g),
                Err(crate::Error::NotFound { .. }) => None,
                Err(e) => return Err(e),
            },
            None => None,
        });
    }
    let zone = shop::zone(conn)?;
    let organiser = shop::get(conn)?.map(|s| s.name).unwrap_or_default();
    let entrants = entrants::entrants(conn, &input.community_ids, &input.condition, zone, now)?;
    Ok(Facts { lang: shop::language_or(conn, Lang::En), zone, organiser, communities, gifts, entrants })
}

/// "YYYY-MM-DD HH:MM" in the shop's zone.
pub(crate) fn local_time(text: &str, zone: Tz) -> Option<DateTime<Utc>> {
    NaiveDateTime::parse_from_str(text.trim(), "%Y-%m-%d %H:%M").ok().map(|t| local_instant(zone, t))
}

/// "¥5 off (on ¥30 or more)" / "¥5 代金券（满¥30可用）".
pub(crate) fn consolation_name(cents: i64, min_spend: Option<i64>, lang: Lang) -> String {
    match (lang, min_spend) {
        (Lang::ZhCn, Some(m)) => format!("¥{} 代金券（满¥{}可用）", yuan(cents), yuan(m)),
        (Lang::ZhCn, None) => format!("¥{} 代金券", yuan(cents)),
        (Lang::En, Some(m)) => format!("¥{} off (on ¥{} or more)", yuan(cents), yuan(m)),
        (Lang::En, None) => format!("¥{} off", yuan(cents)),
    }
}

/// Rank names: "一等奖", "First prize".
pub(crate) fn rank_name(rank: i64, lang: Lang) -> String {
    const ZH: [&str; 10] = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
    const EN: [&str; 10] =
        ["First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth", "Ninth", "Tenth"];
    let i = usize::try_from(rank - 1).unwrap_or(0).min(9);
    match lang {
        Lang::ZhCn => format!("{}等奖", ZH[i]),
        Lang::En => format!("{} prize", EN[i]),
    }
}

pub(crate) fn plan(input: &DrawInput, f: &Facts, now: DateTime<Utc>) -> DrawPlan {
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
    let first_community = f.communities.iter().find_map(|(_, row)| row.as_ref().map(|(n, _)| n.clone()));

    // The prizes.
    if input.prizes.is_empty() {
        check("prizes", Outcome::Refuse, "Add at least one prize".into(), "请至少添加一个奖项".into());
    }
    if input.prizes.len() > MAX_PRIZES {
        check(
            "prizes",
            Outcome::Refuse,
            format!("At most {MAX_PRIZES} prize ranks"),
            format!("奖项最多 {MAX_PRIZES} 个等级"),
        );
    }
    for (i, (p, gift)) in input.prizes.iter().zip(&f.gifts).enumerate() {
        let (en_rank, zh_rank) = (rank_name(i as i64 + 1, Lang::En), rank_name(i as i64 + 1, Lang::ZhCn));
        if p.name.trim().is_empty() || p.name.chars().count() > super::PRIZE_NAME_MAX {
            check(
                "prizes",
                Outcome::Refuse,
                format!("{en_rank}: give it a name of 1 to {} characters", super::PRIZE_NAME_MAX),
                format!("{zh_rank}：名称需为 1 到 {} 个字", super::PRIZE_NAME_MAX),
            );
        }
        if p.gift_id.is_some() && gift.is_none() {
            check(
                "prizes",
                Outcome::Refuse,
                format!("{en_rank}: that gift is no longer in the catalogue"),
                format!("{zh_rank}：这个礼品已不在礼品库中"),
            );
        }
        if !(1..=MAX_QUANTITY).contains(&p.quantity) {
            check(
                "prizes",
                Outcome::Refuse,
                format!("{en_rank}: the quantity must be 1 to {MAX_QUANTITY}"),
                format!("{zh_rank}：数量需为 1 到 {MAX_QUANTITY}"),
            );
        }
        if p.value_cents > MAX_PRIZE_CENTS {
            check(
                "prizes",
                Outcome::Refuse,
                format!(
                    "{en_rank}: worth ¥{}, above the ¥50,000 China's promotion rules allow for a draw's top prize",
                    yuan(p.value_cents)
                ),
                format!("{zh_rank}：价值 ¥{}，超过《规范促销行为暂行规定》抽奖式有奖销售最高奖 ¥50,000 的上限", yuan(p.value_cents)),
            );
        }
        if p.value_cents < 1 || p.cost_cents < 0 || p.cost_cents > MAX_PRIZE_CENTS {
            check(
                "prizes",
                Outcome::Refuse,
                format!("{en_rank}: the value must be above ¥0 and the cost ¥0 or more"),
                format!("{zh_rank}：价值需大于 ¥0，成本不能为负"),
            );
        }
    }
    let c = &input.consolation;
    if c.cents < 1 || c.cents > MAX_PRIZE_CENTS || c.cost_cents < 0 || c.cost_cents > MAX_PRIZE_CENTS {
        check(
            "consolation",
            Outcome::Refuse,
            "The consolation voucher must be worth more than ¥0, and its cost ¥0 or more".into(),
            "参与奖代金券面额需大于 ¥0，成本不能为负".into(),
        );
    }
    if c.min_spend_cents.is_some_and(|m| m <= c.cents) {
        check(
            "consolation",
            Outcome::Refuse,
            "The consolation voucher's minimum spend must be above its value".into(),
            "参与奖代金券的使用门槛需高于面额".into(),
        );
    }
    if !(0..=100).contains(&input.redemption_percent) {
        check(
            "redemption",
            Outcome::Refuse,
            "The assumed redemption rate must be 0 to 100%".into(),
            "预计核销率需为 0 到 100%".into(),
        );
    }

    // Who.
    let entrants = f.entrants.entrants.len() as i64;
    let at_most = match input.condition {
        // A pasted list is exactly who takes part.
        EntryCondition::Pasted { .. } => entrants,
        _ => f.entrants.at_most,
    };
    match &input.condition {
        EntryCondition::Spent { min_cents, from, to } => {
            if *min_cents < 1 {
                check(
                    "condition",
                    Outcome::Refuse,
                    "Set how much an entrant must have spent".into(),
                    "请填写参与者需消费的金额".into(),
                );
            }
            match (day(from), day(to)) {
                (Some(a), Some(b)) if a <= b => {}
                _ => check(
                    "condition",
                    Outcome::Refuse,
                    "Choose the first and last day of the spending, the first not after the last".into(),
                    "请选择消费的起止日期，开始不能晚于结束".into(),
                ),
            }
        }
        EntryCondition::Pasted { text } if text.trim().is_empty() => check(
            "condition",
            Outcome::Refuse,
            "Paste the list of who takes part".into(),
            "请粘贴参与名单".into(),
        ),
        _ => {}
    }
    if !f.entrants.unmatched.is_empty() {
        let lines = f.entrants.unmatched.join(", ");
        check(
            "condition",
            Outcome::Warn,
            format!("Not matched to one member with marketing consent, left out: {lines}"),
            format!("以下几行没有对应到唯一一位同意营销的会员，不参与：{lines}"),
        );
    }
    if entrants == 0 {
        check(
            "entrants",
            Outcome::Warn,
            "Nobody takes part yet: the list must have someone in it when it freezes".into(),
            "目前还没有人符合条件：冻结名单时必须至少有一人".into(),
        );
    }
    let prize_slots: i64 = input.prizes.iter().map(|p| p.quantity.max(0)).sum();
    if entrants > 0 && prize_slots > entrants {
        check(
            "entrants",
            Outcome::Warn,
            format!(
                "{prize_slots} prizes for {entrants} entrants so far: if it stays so, the lowest {} stay undrawn",
                prize_slots - entrants
            ),
            format!("目前 {entrants} 人参与、{prize_slots} 份奖品：若不变，最后 {} 份奖品不开出", prize_slots - entrants),
        );
    }

    // The urn, and what it may cost: every prize and consolation voucher claimed.
    let (mut left, mut left_now) = (at_most, entrants);
    let mut prizes = Vec::with_capacity(input.prizes.len());
    let mut max_cost = 0i64;
    for (i, p) in input.prizes.iter().enumerate() {
        let (most, now_drawable) = (p.quantity.max(0).min(left), p.quantity.max(0).min(left_now));
        left -= most;
        left_now -= now_drawable;
        max_cost = max_cost.saturating_add(p.cost_cents.max(0).saturating_mul(most));
        prizes.push(PlannedPrize {
            rank: i as i64 + 1,
            name: p.name.trim().to_owned(),
            quantity: p.quantity,
            drawable: now_drawable,
            value_cents: p.value_cents,
            cost_cents: p.cost_cents,
        });
    }
    max_cost = max_cost.saturating_add(c.cost_cents.max(0).saturating_mul(left));
    let expected_cost = max_cost.saturating_mul(input.redemption_percent.clamp(0, 100)) / 100;
    if input.budget_cents < 1 {
        check("budget", Outcome::Refuse, "Set the budget".into(), "请填写预算".into());
    } else if max_cost > input.budget_cents {
        check(
            "budget",
            Outcome::Refuse,
            format!(
                "At most ¥{} if every prize and voucher is claimed ({at_most} entrants at most), above the budget of ¥{}",
                yuan(max_cost),
                yuan(input.budget_cents)
            ),
            format!(
                "若所有奖品和代金券都被领取，最多花费 ¥{}（最多 {at_most} 人参与），超过预算 ¥{}",
                yuan(max_cost),
                yuan(input.budget_cents)
            ),
        );
    }

    // When.
    let freeze = local_time(&input.freeze_at, f.zone);
    let draw = local_time(&input.draw_at, f.zone);
    let claim_until = day(&input.claim_until);
    match (freeze, draw) {
        (Some(a), Some(b)) if a < b && a >= now => {}
        (Some(a), Some(_)) if a < now => check(
            "when",
            Outcome::Refuse,
            "The list must freeze at a time still to come".into(),
            "名单冻结时间必须晚于现在".into(),
        ),
        (Some(_), Some(_)) => check(
            "when",
            Outcome::Refuse,
            "The draw must come after the list freezes (the public value must be unknown at the freeze)"
                .into(),
            "开奖必须晚于名单冻结（冻结时公开数值还不能已知）".into(),
        ),
        _ => check(
            "when",
            Outcome::Refuse,
            "Choose when the list freezes and when the draw happens".into(),
            "请选择名单冻结时间和开奖时间".into(),
        ),
    }
    let draw_day = draw.map(|d| d.with_timezone(&f.zone).date_naive());
    match (claim_until, draw_day) {
        (Some(last), Some(d)) if last >= d => {}
        _ => check(
            "claim",
            Outcome::Refuse,
            "Choose the last day to claim prizes, on or after the draw's day".into(),
            "请选择兑奖截止日期，不能早于开奖当天".into(),
        ),
    }
    if input.public_value_source.trim().is_empty() {
        check(
            "public_value",
            Outcome::Refuse,
            "Name the public number the draw will mix in (for example that day's Shanghai Composite close)"
                .into(),
            "请写明开奖时使用的公开数值（例如当天上证指数收盘价）".into(),
        );
    } else if input.public_value_source.trim().chars().count() > super::PUBLIC_VALUE_MAX {
        check(
            "public_value",
            Outcome::Refuse,
            format!("The public number's source is longer than {} characters", super::PUBLIC_VALUE_MAX),
            format!("公开数值的来源超过 {} 个字", super::PUBLIC_VALUE_MAX),
        );
    }
    if input.contact.trim().chars().count() > super::CONTACT_MAX {
        check(
            "contact",
            Outcome::Refuse,
            format!("The contact is longer than {} characters", super::CONTACT_MAX),
            format!("联系方式超过 {} 个字", super::CONTACT_MAX),
        );
    }

    // Left empty, the name is made in each language, so each announcement is wholly in one.
    let name_in = |lang: Lang| {
        if input.name.trim().is_empty() {
            match lang {
                Lang::ZhCn => format!("抽奖：{}", first_community.clone().unwrap_or_default()),
                Lang::En => format!("Lucky draw: {}", first_community.clone().unwrap_or_default()),
            }
        } else {
            input.name.trim().to_owned()
        }
    };
    let name = name_in(lang);
    if name.chars().count() > super::NAME_MAX {
        check(
            "name",
            Outcome::Refuse,
            format!("The name is longer than {} characters", super::NAME_MAX),
            format!("名称超过 {} 个字", super::NAME_MAX),
        );
    }
    let consolation_name = consolation_name(c.cents, c.min_spend_cents, lang);
    let (zh_name, en_name) = (name_in(Lang::ZhCn), name_in(Lang::En));
    let announcement_zh =
        announcement::Announcement { input, f, name: &zh_name, prizes: &prizes }.write(Lang::ZhCn);
    let announcement_en =
        announcement::Announcement { input, f, name: &en_name, prizes: &prizes }.write(Lang::En);

    let mut sessions = Vec::new();
    let mut schedules = Vec::new();
    let mut posts = Vec::new();
    if let (Some(freeze), Some(draw), Some(last)) = (freeze, draw, claim_until) {
        // The draw is the campaign's one session: the evening the group
        // watches, the hour other campaigns in its communities should not clash with.
        let today = now.with_timezone(&f.zone).date_naive();
        sessions.push(PlannedSession {
            day: draw.with_timezone(&f.zone).date_naive().to_string(),
            starts_at: draw.to_rfc3339(),
            ends_at: (draw + chrono::Duration::hours(1)).to_rfc3339(),
        });
        let pick = |(en, zh): (&str, &str)| if lang == Lang::ZhCn { zh.to_owned() } else { en.to_owned() };
        let local = |t: DateTime<Utc>| t.with_timezone(&f.zone).format("%Y-%m-%d %H:%M").to_string();
        let community = input.community_ids.first().copied();
        schedules.push(when::schedule(
            &pick(copy::DRAW_FREEZE).replace("{name}", &name),
            "FREQ=DAILY;COUNT=1",
            &local(freeze),
            &last.to_string(),
            0,
            community,
            pick(copy::DRAW_FREEZE_MESSAGE),
        ));
        schedules.push(when::schedule(
            &pick(copy::DRAW_RUN).replace("{name}", &name),
            "FREQ=DAILY;COUNT=1",
            &local(draw),
            &last.to_string(),
            0,
            community,
            pick(copy::DRAW_RUN_MESSAGE).replace("{source}", input.public_value_source.trim()),
        ));
        let body = if lang == Lang::ZhCn { announcement_zh.clone() } else { announcement_en.clone() };
        for &community_id in &input.community_ids {
            posts.push(PlannedPost {
                community_id,
                day: today.to_string(),
                time: now.with_timezone(&f.zone).format("%H:%M").to_string(),
                topic: name.chars().take(crate::content::TOPIC_MAX).collect(),
                body: body.clone(),
            });
        }
    }
    let refused = checks.iter().any(|c| c.outcome == Outcome::Refuse);
    DrawPlan {
        name,
        prizes,
        consolation_name,
        entrants,
        entrants_at_most: at_most,
        unmatched: f.entrants.unmatched.clone(),
        max_cost_cents: max_cost,
        expected_cost_cents: expected_cost,
        budget_cents: input.budget_cents,
        announcement_zh,
        announcement_en,
        sessions,
        schedules,
        posts,
        checks,
        refused,
    }
}
