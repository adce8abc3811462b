//! The flash sale's plan: every session, schedule, post and check, as a pure
//! function of the owner's input, the facts read from the shop, and the time.

use chrono::{DateTime, Duration, NaiveTime, Utc};
use chrono_tz::Tz;
use rusqlite::Connection;

use super::model::{SpikeInput, SpikePlan};
use super::MAX_MINUTES;
use crate::campaign::copy::{Figures, PostTemplate, SPIKE_PREVIEW, SPIKE_RESULT, SPIKE_START};
use crate::campaign::{when, Check, Outcome};
use crate::campaign::{PlannedPost, PlannedSession};
use crate::cost_policy::{self, CostPolicy};
use crate::money::yuan;
use crate::product::{self, Product};
use crate::{shop, Lang, Result};

/// Another published campaign's session that could clash with this one.
#[derive(Debug, Clone)]
pub(crate) struct OtherSession {
    pub campaign: String,
    pub product_id: Option<i64>,
    pub community_ids: Vec<i64>,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
}

/// What the plan needs to know about the shop, read once.
pub(crate) struct Facts {
    pub lang: Lang,
    pub zone: Tz,
    pub cost_policy: CostPolicy,
    pub product: Option<Product>,
    /// Units of the product other running or coming campaigns promised.
    pub promised: i64,
    /// (id, exists and is not archived).
    pub communities: Vec<(i64, bool)>,
    pub others: Vec<OtherSession>,
    /// The poster's channel as it stands.
    pub poster_channel: Option<crate::campaign::poster_channel::Fact>,
}

pub(crate) fn facts(conn: &Connection, input: &SpikeInput, now: DateTime<Utc>) -> Result<Facts> {
    let product = match product::get(conn, input.product_id, now) {
        Ok(p) if p.archived_at.is_none() => Some(p),
        Ok(_) | Err(crate::Error::NotFound { .. }) => None,
        Err(e) => return Err(e),
    };
    let promised = crate::campaign::ladder::plan::promised(conn, input.product_id, now)?;
    let communities = crate::campaign::usable_communities(conn, &input.community_ids)?;
    let mut stmt = conn.prepare_cached(
        "SELECT c.id, c.name, s.product_id, x.starts_at, x.ends_at FROM campaign_session x
         JOIN campaign c ON c.id = x.campaign_id LEFT JOIN campaign_spike s ON s.campaign_id = c.id
         WHERE c.published_at IS NOT NULL AND c.cancelled_at IS NULL AND x.ends_at > ?1",
    )?;
    let rows = stmt.query_map([now], |r| {
        Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
    })?;
    let mut others = Vec::new();
    for row in rows {
        let (id, campaign, product_id, starts_at, ends_at) = row?;
        others.push(OtherSession {
            campaign,
            product_id,
            community_ids: crate::campaign::community_ids(conn, id)?,
            starts_at,
            ends_at,
        });
    }
    let poster_channel = crate::campaign::poster_channel::fact(conn, input.poster_channel_id)?;
    Ok(Facts {
        poster_channel,
        lang: shop::language_or(conn, Lang::En),
        zone: shop::zone(conn)?,
        cost_policy: cost_policy::get(conn)?,
        product,
        promised,
        communities,
        others,
    })
}

/// The plan: a pure function of the input, the facts and the time.
pub(crate) fn plan(input: &SpikeInput, f: &Facts, now: DateTime<Utc>) -> SpikePlan {
    let lang = f.lang;
    let mut checks = Vec::new();
    let mut check = |rule: &str, outcome: Outcome, en: String, zh: String| {
        checks.push(Check::new(rule, outcome, lang, en, zh))
    };

    let (product_name, unit, cost, reference, stock) = match &f.product {
        Some(p) => (p.name.clone(), p.unit.clone(), p.cost_cents, p.reference_price_cents, p.stock),
        None => {
            check(
                "product",
                Outcome::Refuse,
                "Choose a product that is in the catalogue".into(),
                "请选择商品库里的商品".into(),
            );
            (String::new(), String::new(), 0, 0, 0)
        }
    };
    let price = input.price_cents;
    if price <= 0 {
        check(
            "price",
            Outcome::Refuse,
            "The flash-sale price must be more than ¥0".into(),
            "秒杀价必须大于 0 元".into(),
        );
    } else if f.product.is_some() {
        if price >= reference {
            check(
                "reference",
                Outcome::Warn,
                format!("¥{} is not below the lowest price of the last 7 days (¥{}): the posts cannot show a \"was\" price", yuan(price), yuan(reference)),
                format!("¥{} 不低于近 7 天最低价 ¥{}：文案里不能写“原价”", yuan(price), yuan(reference)),
            );
        }
        if let Some(outcome) = crate::campaign::model::below_cost(f.cost_policy).filter(|_| price < cost) {
            check(
                "below_cost",
                outcome,
                format!(
                    "¥{} is below the cost of ¥{}: each sale would lose ¥{}",
                    yuan(price),
                    yuan(cost),
                    yuan(cost - price)
                ),
                format!("¥{} 低于成本 ¥{}：每卖一份亏 ¥{}", yuan(price), yuan(cost), yuan(cost - price)),
            );
        }
    }
    let available = (stock - f.promised).max(0);
    if input.quantity < 1 {
        check("quantity", Outcome::Refuse, "Put at least 1 on sale".into(), "秒杀数量至少 1 份".into());
    } else if f.product.is_some() && input.quantity > available {
        check(
            "quantity",
            Outcome::Refuse,
            format!(
                "Only {available} are free to sell ({stock} on the shelf, {} promised to other campaigns)",
                f.promised
            ),
            format!("只有 {available} 份可卖（库存 {stock}，其他活动已占 {}）", f.promised),
        );
    }
    if input.per_customer < 1 || (input.quantity >= 1 && input.per_customer > input.quantity) {
        check(
            "limit",
            Outcome::Refuse,
            format!(
                "The limit per customer must be from 1 to the quantity for sale ({})",
                input.quantity.max(1)
            ),
            format!("每人限购须在 1 到秒杀数量（{}）之间", input.quantity.max(1)),
        );
    }
    if !(1..=MAX_MINUTES).contains(&input.minutes) {
        check(
            "duration",
            Outcome::Refuse,
            "A flash sale lasts from 1 minute to 24 hours".into(),
            "秒杀时长须在 1 分钟到 24 小时之间".into(),
        );
    }
    if !(1..=30).contains(&input.pickup_days) {
        check(
            "pickup",
            Outcome::Refuse,
            "Pickup must be within 1 to 30 days".into(),
            "取货期限须在 1 到 30 天之间".into(),
        );
    }
    for (en, zh) in crate::campaign::community_refusals(&input.community_ids, &f.communities) {
        check("communities", Outcome::Refuse, en, zh);
    }

    let name = if input.name.trim().is_empty() {
        if lang == Lang::ZhCn {
            format!("秒杀：{product_name}")
        } else {
            format!("Flash sale: {product_name}")
        }
    } else {
        input.name.trim().to_owned()
    };
    let minutes = input.minutes.clamp(1, MAX_MINUTES);
    // The sessions, from the schedule's own rule reading (its checks too).
    let (sessions, refusal) = when::sessions(
        &input.rule,
        &input.start,
        &input.ends_on,
        minutes,
        ("flash sale", "秒杀"),
        f.zone,
        now,
    );
    if let Some(r) = refusal {
        check("when", Outcome::Refuse, r.en, r.zh);
    }

    // Clashes with other published campaigns.
    for (_, starts, ends) in &sessions {
        for o in f.others.iter().filter(|o| o.starts_at < *ends && *starts < o.ends_at) {
            if f.product.is_some() && o.product_id == Some(input.product_id) {
                check(
                    "product_busy",
                    Outcome::Refuse,
                    format!("{product_name} is already on the flash sale \"{}\" at that time", o.campaign),
                    format!("{product_name} 同一时间已在秒杀活动「{}」里", o.campaign),
                );
            } else if o.community_ids.iter().any(|c| input.community_ids.contains(c)) {
                check(
                    "clash",
                    Outcome::Warn,
                    format!("\"{}\" runs in the same community at that time", o.campaign),
                    format!("「{}」同一时间在同一个社群进行", o.campaign),
                );
            }
        }
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

    // The posts, for each session in each community.
    let mut posts = Vec::new();
    for (day, starts, ends) in &sessions {
        let local = |t: &DateTime<Utc>| t.with_timezone(&f.zone).naive_local();
        let figures = Figures {
            product: &product_name,
            unit: &unit,
            day: *day,
            time: local(starts).time(),
            end: local(ends).time(),
            price_cents: price,
            reference_cents: reference,
            quantity: input.quantity,
            left: input.quantity,
            limit: input.per_customer,
            pickup_days: input.pickup_days,
        };
        // The preview at noon, or the evening before a sale that starts by noon.
        let noon = NaiveTime::from_hms_opt(12, 0, 0).unwrap_or(NaiveTime::MIN);
        let preview_at = if figures.time > noon {
            day.and_time(noon)
        } else {
            (*day - Duration::days(1)).and_time(NaiveTime::from_hms_opt(20, 0, 0).unwrap_or(noon))
        };
        let at = [(SPIKE_PREVIEW, preview_at), (SPIKE_START, local(starts)), (SPIKE_RESULT, local(ends))];
        for &community_id in &input.community_ids {
            for (template, when) in &at {
                let (topic, body) = PostTemplate::fill(template, lang, &figures);
                posts.push(PlannedPost {
                    community_id,
                    day: when.date().to_string(),
                    time: when.time().format("%H:%M").to_string(),
                    topic,
                    body,
                });
            }
        }
    }

    // The reminder carries the start post (each session's second), ready to paste.
    let start_post = posts.get(1).map(|p| p.body.clone()).unwrap_or_default();
    let schedules = input
        .community_ids
        .iter()
        .map(|&c| {
            let message = start_post.clone();
            when::schedule(
                &name,
                &input.rule,
                &input.start,
                &input.ends_on,
                input.lead_minutes,
                Some(c),
                message,
            )
        })
        .collect();
    let margin = price - cost;
    let refused = checks.iter().any(|c| c.outcome == Outcome::Refuse);
    SpikePlan {
        name,
        product: product_name,
        price_cents: price,
        reference_cents: reference,
        margin_cents: margin,
        margin_percent: if price > 0 { margin * 100 / price } else { 0 },
        quantity: input.quantity,
        per_customer: input.per_customer,
        minutes,
        pickup_days: input.pickup_days,
        poster,
        pickup_vouchers: if input.pickup_vouchers {
            input.quantity.max(0) * sessions.len() as i64
        } else {
            0
        },
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
        checks,
        refused,
    }
}
