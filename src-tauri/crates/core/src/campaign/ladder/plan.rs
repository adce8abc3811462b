//! The gift-package day's plan: the package's figures, the ladder's margins,
//! every session, schedule, post and check — a pure function of the input,
//! the facts read from the shop, and the time.

use chrono::{DateTime, Datelike, Duration, Utc};
use chrono_tz::Tz;
use rusqlite::{params, Connection};

use super::model::{LadderInput, LadderPlan, PlannedItem, Tier, TierLine};
use super::{MAX_CUTOFF_MINUTES, MAX_ITEMS, MAX_TIERS};
use crate::campaign::copy::{self, LADDER_LAST_CALL, LADDER_START};
use crate::campaign::{when, Check, Outcome, PlannedPost, PlannedSession};
use crate::cost_policy::{self, CostPolicy};
use crate::money::yuan;
use crate::product::{self, Product, ProductRole};
use crate::{shop, Lang, Result};

/// The method's ladder for a package worth about ¥100: 2 → ¥90, 3 → ¥85, 5 → ¥75.
const METHOD: [(i64, i64); 3] = [(2, 90), (3, 85), (5, 75)];

pub(crate) struct Facts {
    pub lang: Lang,
    pub zone: Tz,
    pub cost_policy: CostPolicy,
    /// Each item's product (None: not in the catalogue) and the units other
    /// running or coming campaigns promised.
    pub products: Vec<(Option<Product>, i64)>,
    pub communities: Vec<(i64, bool)>,
    pub poster_channel: Option<crate::campaign::poster_channel::Fact>,
}

pub(crate) fn facts(conn: &Connection, input: &LadderInput, now: DateTime<Utc>) -> Result<Facts> {
    let mut products = Vec::with_capacity(input.items.len());
    for item in &input.items {
        let p = match product::get(conn, item.product_id, now) {
            Ok(p) if p.archived_at.is_none() => Some(p),
            Ok(_) | Err(crate::Error::NotFound { .. }) => None,
            Err(e) => return Err(e),
        };
        products.push((p, promised(conn, item.product_id, now)?));
    }
    let communities = crate::campaign::usable_communities(conn, &input.community_ids)?;
    Ok(Facts {
        lang: shop::language_or(conn, Lang::En),
        zone: shop::zone(conn)?,
        cost_policy: cost_policy::get(conn)?,
        products,
        communities,
        poster_channel: crate::campaign::poster_channel::fact(conn, input.poster_channel_id)?,
    })
}

/// Units of a product that published campaigns still to end hold for their
/// sales: a flash sale's quantity, a gift-package day's shares × quantity.
pub(crate) fn promised(conn: &Connection, product_id: i64, now: DateTime<Utc>) -> Result<i64> {
    Ok(conn.query_row(
        "SELECT coalesce((SELECT sum(s.quantity) FROM campaign_spike s JOIN campaign c ON c.id = s.campaign_id
                          WHERE s.product_id = ?1 AND c.published_at IS NOT NULL AND c.cancelled_at IS NULL AND c.ends_at > ?2), 0)
              + coalesce((SELECT sum(l.shares * i.quantity) FROM campaign_ladder_item i
                          JOIN campaign_ladder l ON l.campaign_id = i.campaign_id JOIN campaign c ON c.id = i.campaign_id
                          WHERE i.product_id = ?1 AND c.published_at IS NOT NULL AND c.cancelled_at IS NULL AND c.ends_at > ?2), 0)",
        params![product_id, now],
        |r| r.get(0),
    )?)
}

/// The method's ladder scaled to a package worth `value_cents`, in whole yuan.
pub fn suggested(value_cents: i64) -> Vec<Tier> {
    METHOD
        .iter()
        .map(|&(min_shares, percent)| Tier {
            min_shares,
            price_cents: (value_cents * percent + 5_000) / 10_000 * 100,
        })
        .filter(|t| t.price_cents > 0)
        .collect()
}

fn line(min_shares: i64, price: i64, cost: i64) -> TierLine {
    let margin = price - cost;
    TierLine {
        min_shares,
        price_cents: price,
        margin_cents: margin,
        margin_percent: if price > 0 { margin * 100 / price } else { 0 },
    }
}

pub(crate) fn plan(input: &LadderInput, f: &Facts, now: DateTime<Utc>) -> LadderPlan {
    let lang = f.lang;
    let mut checks = Vec::new();
    let mut check = |rule: &str, outcome: Outcome, en: String, zh: String| {
        checks.push(Check::new(rule, outcome, lang, en, zh))
    };

    // The package.
    if input.items.is_empty() || input.items.len() > MAX_ITEMS {
        check(
            "bundle",
            Outcome::Refuse,
            format!("Put 1 to {MAX_ITEMS} products in the package"),
            format!("礼包里放 1 到 {MAX_ITEMS} 种商品"),
        );
    }
    let mut items = Vec::new();
    for (i, (item, (product, _))) in input.items.iter().zip(&f.products).enumerate() {
        let Some(p) = product else {
            check(
                "bundle",
                Outcome::Refuse,
                format!("Product {} is not in the catalogue", item.product_id),
                format!("商品 {} 不在商品库里", item.product_id),
            );
            continue;
        };
        if input.items[..i].iter().any(|x| x.product_id == item.product_id) {
            check(
                "bundle",
                Outcome::Refuse,
                format!("{} is in the package twice: give it one line with its quantity", p.name),
                format!("{} 在礼包里出现了两次：请合并为一行并填数量", p.name),
            );
        }
        if !(1..=crate::product::STOCK_MAX).contains(&item.quantity) {
            check(
                "bundle",
                Outcome::Refuse,
                format!("Each product needs a quantity of at least 1 ({})", p.name),
                format!("每种商品数量至少为 1（{}）", p.name),
            );
        }
        items.push(PlannedItem {
            product_id: p.id,
            name: p.name.clone(),
            unit: p.unit.clone(),
            role: p.role,
            quantity: item.quantity,
            unit_price_cents: p.price_cents,
            unit_cost_cents: p.cost_cents,
        });
    }
    let value: i64 = items.iter().map(|i| i.unit_price_cents * i.quantity.max(0)).sum();
    let cost: i64 = items.iter().map(|i| i.unit_cost_cents * i.quantity.max(0)).sum();
    if !items.is_empty() {
        if !items.iter().any(|i| i.role == ProductRole::Profit) {
            check(
                "mix",
                Outcome::Warn,
                "No profit product in the package: the method pairs traffic products with one that earns"
                    .into(),
                "礼包里没有利润品：方法建议引流品搭配一款赚钱的利润品".into(),
            );
        }
        if !items.iter().any(|i| i.role == ProductRole::Traffic) {
            check(
                "mix",
                Outcome::Warn,
                "No traffic product in the package: one that draws people in makes the package sell".into(),
                "礼包里没有引流品：放一款引流品更能带动销量".into(),
            );
        }
    }

    // The prices: solo, then each tier; minimums rise and prices fall.
    let solo = input.solo_cents;
    if solo <= 0 {
        check(
            "solo",
            Outcome::Refuse,
            "The single-package price must be more than ¥0".into(),
            "单份价格必须大于 0 元".into(),
        );
    }
    if input.tiers.is_empty() || input.tiers.len() > MAX_TIERS {
        check(
            "tiers",
            Outcome::Refuse,
            format!("Give the ladder 1 to {MAX_TIERS} tiers"),
            format!("阶梯价须有 1 到 {MAX_TIERS} 档"),
        );
    }
    let (mut last_min, mut last_price) = (1, solo);
    for t in &input.tiers {
        if t.price_cents <= 0 {
            check(
                "tiers",
                Outcome::Refuse,
                format!("The price from {} packages must be more than ¥0", t.min_shares),
                format!("{} 份起的价格必须大于 0 元", t.min_shares),
            );
        } else if t.min_shares <= last_min || t.price_cents >= last_price {
            check(
                "tiers",
                Outcome::Refuse,
                "Each tier needs more packages and a lower price than the one before".into(),
                "每一档的份数要比上一档多、价格要比上一档低".into(),
            );
        }
        (last_min, last_price) = (t.min_shares, t.price_cents);
    }
    if let Some(first) = input.tiers.first().filter(|t| value > 0 && t.price_cents > value) {
        check(
            "dearer",
            Outcome::Warn,
            format!(
                "¥{} from {} packages is dearer than buying the items separately (¥{})",
                yuan(first.price_cents),
                first.min_shares,
                yuan(value)
            ),
            format!(
                "{} 份起 ¥{} 比单买这些商品（¥{}）还贵",
                first.min_shares,
                yuan(first.price_cents),
                yuan(value)
            ),
        );
    }
    let mut prices = vec![line(1, solo, cost)];
    prices.extend(input.tiers.iter().map(|t| line(t.min_shares, t.price_cents, cost)));
    if let Some(outcome) = crate::campaign::model::below_cost(f.cost_policy) {
        for p in prices.iter().filter(|p| p.price_cents > 0 && p.price_cents < cost) {
            check(
                "below_cost",
                outcome,
                format!(
                    "¥{} is below the package's cost of ¥{}: each package would lose ¥{}",
                    yuan(p.price_cents),
                    yuan(cost),
                    yuan(cost - p.price_cents)
                ),
                format!(
                    "¥{} 低于礼包成本 ¥{}：每份亏 ¥{}",
                    yuan(p.price_cents),
                    yuan(cost),
                    yuan(cost - p.price_cents)
                ),
            );
        }
    }

    // The shelf: every session's packages must be there.
    let available = input
        .items
        .iter()
        .zip(&f.products)
        .filter_map(|(i, (p, promised))| p.as_ref().map(|p| (p.stock - promised).max(0) / i.quantity.max(1)))
        .min()
        .unwrap_or(0);
    if input.shares < 1 {
        check("shares", Outcome::Refuse, "Offer at least 1 package".into(), "至少提供 1 份礼包".into());
    } else if !items.is_empty() && input.shares > available {
        check(
            "shares",
            Outcome::Refuse,
            format!("The shelf makes only {available} packages (after what other campaigns promised)"),
            format!("库存只够 {available} 份礼包（已扣除其他活动占用）"),
        );
    }
    if !(1..=MAX_CUTOFF_MINUTES).contains(&input.cutoff_minutes) {
        check(
            "cutoff",
            Outcome::Refuse,
            "The list closes from 1 minute to 7 days after the start".into(),
            "接龙截止时间须在开团后 1 分钟到 7 天之间".into(),
        );
    }
    for (en, zh) in crate::campaign::community_refusals(&input.community_ids, &f.communities) {
        check("communities", Outcome::Refuse, en, zh);
    }
    let cutoff = input.cutoff_minutes.clamp(1, MAX_CUTOFF_MINUTES);
    let (sessions, refusal) = when::sessions(
        &input.rule,
        &input.start,
        &input.ends_on,
        cutoff,
        ("gift-package day", "礼包日"),
        f.zone,
        now,
    );
    if let Some(r) = refusal {
        check("when", Outcome::Refuse, r.en, r.zh);
    }
    let (poster, refusals) = crate::campaign::poster_channel::check(
        input.poster_channel_id,
        f.poster_channel.as_ref(),
        &input.community_ids,
    );
    for (en, zh) in refusals {
        check("poster", Outcome::Refuse, en, zh);
    }
    checks.dedup_by(|a, b| a.rule == b.rule && a.message == b.message);

    let name = match (input.name.trim(), items.first(), lang) {
        ("", Some(first), Lang::ZhCn) => format!("会员礼包日：{}", first.name),
        ("", Some(first), Lang::En) => format!("Gift-package day: {}", first.name),
        ("", None, Lang::ZhCn) => "会员礼包日".to_owned(),
        ("", None, Lang::En) => "Gift-package day".to_owned(),
        (typed, _, _) => typed.to_owned(),
    };

    // The posts: the announcement at the start, the last call an hour before the close.
    let ladder_text = input
        .tiers
        .iter()
        .map(|t| match lang {
            Lang::ZhCn => format!("{}份起 ¥{}/份", t.min_shares, yuan(t.price_cents)),
            Lang::En => format!("{}+ ¥{} each", t.min_shares, yuan(t.price_cents)),
        })
        .collect::<Vec<_>>()
        .join(if lang == Lang::ZhCn { "、" } else { ", " });
    let items_text = items
        .iter()
        .map(|i| match lang {
            Lang::ZhCn => format!("{}×{}", i.name, i.quantity),
            Lang::En => format!("{} × {}", i.name, i.quantity),
        })
        .collect::<Vec<_>>()
        .join(if lang == Lang::ZhCn { "、" } else { ", " });
    let bundle = items.iter().map(|i| i.name.as_str()).collect::<Vec<_>>().join(if lang == Lang::ZhCn {
        "+"
    } else {
        " + "
    });
    let mut posts = Vec::new();
    for (day, starts, ends) in &sessions {
        let local = |t: &DateTime<Utc>| t.with_timezone(&f.zone).naive_local();
        let values = [
            ("bundle", bundle.clone()),
            ("items", items_text.clone()),
            ("weekday", copy::weekday(day.weekday(), lang).to_owned()),
            ("date", copy::date(*day, lang)),
            ("time", local(starts).format("%H:%M").to_string()),
            ("cutoff", close_text(local(starts), local(ends), lang)),
            ("solo", yuan(solo)),
            ("ladder", ladder_text.clone()),
        ];
        let mut at = vec![(LADDER_START, local(starts))];
        if *ends - *starts >= Duration::minutes(120) {
            at.push((LADDER_LAST_CALL, local(ends) - Duration::minutes(60)));
        }
        for &community_id in &input.community_ids {
            for (template, when) in &at {
                let (topic, body) = template.fill_with(lang, &values);
                posts.push(PlannedPost {
                    community_id,
                    day: when.date().to_string(),
                    time: when.time().format("%H:%M").to_string(),
                    topic: topic.chars().take(crate::content::TOPIC_MAX).collect(),
                    body,
                });
            }
        }
    }
    let start_post = posts.first().map(|p| p.body.clone()).unwrap_or_default();
    let schedules = input
        .community_ids
        .iter()
        .map(|&c| {
            when::schedule(
                &name,
                &input.rule,
                &input.start,
                &input.ends_on,
                input.lead_minutes,
                Some(c),
                start_post.clone(),
            )
        })
        .collect();
    let refused = checks.iter().any(|c| c.outcome == Outcome::Refuse);
    LadderPlan {
        name,
        items,
        value_cents: value,
        cost_cents: cost,
        prices,
        suggested: suggested(value),
        shares: input.shares,
        available,
        community_ids: input.community_ids.clone(),
        sessions: sessions
            .iter()
            .map(|(d, s, e)| PlannedSession {
                day: d.to_string(),
                starts_at: s.to_rfc3339(),
                ends_at: e.to_rfc3339(),
            })
            .collect(),
        schedules,
        posts,
        poster,
        checks,
        refused,
    }
}

/// "22:00", or "Sat 10:00" / "周六 10:00" when the list closes on a later day.
pub(super) fn close_text(start: chrono::NaiveDateTime, end: chrono::NaiveDateTime, lang: Lang) -> String {
    let time = end.format("%H:%M").to_string();
    if end.date() == start.date() {
        time
    } else {
        format!("{} {time}", copy::weekday(end.weekday(), lang))
    }
}
