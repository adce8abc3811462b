//! The flash-sale wizard's core: what the owner chose becomes a plan (every
//! session, post and check, written nowhere), and `apply` writes that same plan
//! in one transaction. The plan itself is a pure function of the input and the
//! facts read from the shop; the review step shows exactly what apply writes.

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};
use chrono_tz::Tz;
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::copy::{Figures, PostTemplate, SPIKE_PREVIEW, SPIKE_RESULT, SPIKE_START};
use super::model::{refused, Check, Outcome};
use crate::content::ContentInput;
use crate::image_change::ImageChange;
use crate::money::yuan;
use crate::product::{self, Product};
use crate::schedule::{self, ScheduleInput};
use crate::{shop, Lang, Result};

/// The method's preset: every Monday to Thursday.
pub const PRESET_RULE: &str = "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH";
/// A flash sale lasts at most a day (WeChat's own flash sales cap it there).
pub const MAX_MINUTES: i64 = 24 * 60;
/// Sessions one campaign may hold: a season of evenings, not an endless rule.
pub const MAX_SESSIONS: usize = 60;
pub const DEFAULT_MINUTES: i64 = 30;
pub const DEFAULT_PICKUP_DAYS: i64 = 3;

/// What the owner chooses in the wizard (kept as typed in a draft).
#[derive(Debug, Clone, Deserialize, Serialize, TS)]
#[ts(export)]
pub struct SpikeInput {
    /// Empty: "Flash sale: {product}".
    #[serde(default)]
    pub name: String,
    #[ts(type = "number")]
    pub product_id: i64,
    #[ts(type = "number")]
    pub price_cents: i64,
    /// For sale in each session.
    #[ts(type = "number")]
    pub quantity: i64,
    #[ts(type = "number")]
    pub per_customer: i64,
    /// RRULE text: the preset, chosen days, or `FREQ=DAILY;COUNT=1` for one date.
    pub rule: String,
    /// The first session, local: "YYYY-MM-DD HH:MM".
    pub start: String,
    #[ts(type = "number")]
    pub minutes: i64,
    /// The last day a session may fall on.
    pub ends_on: String,
    #[ts(type = "number[]")]
    pub community_ids: Vec<i64>,
    /// The reminder before each session, in minutes.
    #[ts(type = "number")]
    pub lead_minutes: i64,
    #[ts(type = "number")]
    pub pickup_days: i64,
}

/// One evening of the sale.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct PlannedSession {
    pub day: String,
    pub starts_at: String,
    pub ends_at: String,
}

/// A post the plan puts on the content calendar.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct PlannedPost {
    #[ts(type = "number")]
    pub community_id: i64,
    pub day: String,
    pub time: String,
    pub topic: String,
    pub body: String,
}

/// Everything the flash sale will create, with every check's result.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct SpikePlan {
    pub name: String,
    pub product: String,
    #[ts(type = "number")]
    pub price_cents: i64,
    /// The 7-day low: the "was" price the posts name.
    #[ts(type = "number")]
    pub reference_cents: i64,
    #[ts(type = "number")]
    pub margin_cents: i64,
    /// Margin as a share of the price, in whole percent.
    #[ts(type = "number")]
    pub margin_percent: i64,
    #[ts(type = "number")]
    pub quantity: i64,
    #[ts(type = "number")]
    pub per_customer: i64,
    #[ts(type = "number")]
    pub minutes: i64,
    #[ts(type = "number")]
    pub pickup_days: i64,
    /// Stock left for this sale after what other campaigns promised.
    #[ts(type = "number")]
    pub available: i64,
    #[ts(type = "number[]")]
    pub community_ids: Vec<i64>,
    pub sessions: Vec<PlannedSession>,
    /// One reminder schedule per community.
    pub schedules: Vec<ScheduleInput>,
    pub posts: Vec<PlannedPost>,
    pub checks: Vec<Check>,
    /// Whether any check refuses: then nothing can be created.
    pub refused: bool,
}

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
    pub product: Option<Product>,
    /// Units of the product other running or coming campaigns promised.
    pub promised: i64,
    /// (id, exists and is not archived).
    pub communities: Vec<(i64, bool)>,
    pub others: Vec<OtherSession>,
}

pub(crate) fn facts(conn: &Connection, input: &SpikeInput, now: DateTime<Utc>) -> Result<Facts> {
    let product = match product::get(conn, input.product_id, now) {
        Ok(p) if p.archived_at.is_none() => Some(p),
        Ok(_) | Err(crate::Error::NotFound { .. }) => None,
        Err(e) => return Err(e),
    };
    let promised: i64 = conn.query_row(
        "SELECT coalesce(sum(s.quantity), 0) FROM campaign_spike s JOIN campaign c ON c.id = s.campaign_id
         WHERE s.product_id = ?1 AND c.published_at IS NOT NULL AND c.cancelled_at IS NULL AND c.ends_at > ?2",
        params![input.product_id, now],
        |r| r.get(0),
    )?;
    let mut communities = Vec::new();
    for &id in &input.community_ids {
        let usable: Option<bool> = conn
            .query_row("SELECT archived_at IS NULL FROM community WHERE id = ?1", [id], |r| r.get(0))
            .optional()?;
        communities.push((id, usable.unwrap_or(false)));
    }
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
            community_ids: super::community_ids(conn, id)?,
            starts_at,
            ends_at,
        });
    }
    Ok(Facts {
        lang: shop::language_or(conn, Lang::En),
        zone: shop::zone(conn)?,
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
        if price < cost {
            check(
                "below_cost",
                Outcome::Refuse,
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
    if input.community_ids.is_empty() {
        check(
            "communities",
            Outcome::Refuse,
            "Choose at least one community to run it in".into(),
            "请至少选择一个社群".into(),
        );
    }
    for (id, usable) in &f.communities {
        if !usable {
            check(
                "communities",
                Outcome::Refuse,
                format!("Community {id} does not exist or is archived"),
                format!("社群 {id} 不存在或已归档"),
            );
        }
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
    let schedule_for = |community_id: Option<i64>, message: String| ScheduleInput {
        title: name.clone(),
        purpose: "campaign".into(),
        community_id,
        rule: input.rule.clone(),
        start: input.start.clone(),
        zone: String::new(),
        ends_on: Some(input.ends_on.clone()),
        skipped: Vec::new(),
        lead_minutes: input.lead_minutes,
        message,
    };

    // The sessions, from the schedule's own rule reading (its checks too).
    let mut sessions = Vec::new();
    match schedule::model::validate(&schedule_for(None, String::new()), f.zone) {
        Err(e) => check("when", Outcome::Refuse, e.message(Lang::En), e.message(Lang::ZhCn)),
        Ok(valid) => match NaiveDate::parse_from_str(&input.ends_on, "%Y-%m-%d") {
            Err(_) => check(
                "when",
                Outcome::Refuse,
                "Choose the last day of the flash sale".into(),
                "请选择秒杀的最后一天".into(),
            ),
            Ok(last) => {
                let from = schedule::rule::local_instant(f.zone, valid.rule.start);
                let until = schedule::rule::local_instant(
                    f.zone,
                    (last + Duration::days(1)).and_time(NaiveTime::MIN),
                );
                let found = valid.rule.between(f.zone, from, until);
                if found.len() > MAX_SESSIONS {
                    check(
                        "when",
                        Outcome::Refuse,
                        format!(
                            "That makes {} sessions; at most {MAX_SESSIONS} — choose an earlier last day",
                            found.len()
                        ),
                        format!("一共 {} 场，最多 {MAX_SESSIONS} 场——请把结束日期提前", found.len()),
                    );
                } else if found.is_empty() {
                    check(
                        "when",
                        Outcome::Refuse,
                        "No session falls between the start and the last day".into(),
                        "开始到结束之间没有一场秒杀".into(),
                    );
                } else if found[0].at <= now {
                    check(
                        "when",
                        Outcome::Refuse,
                        "The first session has already begun; choose a later start".into(),
                        "第一场已经开始了，请选择更晚的开始时间".into(),
                    );
                }
                sessions = found
                    .into_iter()
                    .take(MAX_SESSIONS)
                    .map(|o| (o.day, o.at, o.at + Duration::minutes(minutes)))
                    .collect::<Vec<_>>();
            }
        },
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

    let start_post =
        posts.iter().find(|p| p.topic.contains(&product_name)).map(|p| p.body.clone()).unwrap_or_default();
    let schedules = input.community_ids.iter().map(|&c| schedule_for(Some(c), start_post.clone())).collect();
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

/// The plan for `input` as things stand: what the wizard's review shows.
pub fn preview(conn: &Connection, input: &SpikeInput, now: DateTime<Utc>) -> Result<SpikePlan> {
    Ok(plan(input, &facts(conn, input, now)?, now))
}

/// What `apply` made.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Applied {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number[]")]
    pub schedule_ids: Vec<i64>,
    #[ts(type = "number[]")]
    pub content_ids: Vec<i64>,
    #[ts(type = "number")]
    pub sessions: i64,
}

/// Saves the wizard's choices as a draft (a new one, or over draft `id`), to
/// resume after a restart; nothing else is written. Its id.
pub fn save_draft(conn: &Connection, id: Option<i64>, input: &SpikeInput, now: DateTime<Utc>) -> Result<i64> {
    let stored = serde_json::to_string(input).unwrap_or_default();
    match id {
        Some(id) => {
            super::draft_row(conn, id)?;
            conn.execute(
                "UPDATE campaign SET name = ?1, input = ?2, updated_at = ?3 WHERE id = ?4",
                params![input.name.trim(), stored, now, id],
            )?;
            Ok(id)
        }
        None => {
            conn.execute(
                "INSERT INTO campaign (kind, name, input, created_at, updated_at) VALUES ('spike', ?1, ?2, ?3, ?3)",
                params![input.name.trim(), stored, now],
            )?;
            Ok(conn.last_insert_rowid())
        }
    }
}

/// A draft's choices as the owner left them.
pub fn draft(conn: &Connection, id: i64) -> Result<SpikeInput> {
    let stored = super::draft_row(conn, id)?;
    serde_json::from_str(&stored).map_err(|_| crate::Error::Damaged("a campaign draft"))
}

/// Writes the plan in one transaction: the campaign and its terms (publishing
/// draft `draft_id` when given), its sessions, a reminder schedule per
/// community and the posts on the content calendar. A plan with any refusal
/// writes nothing and says every reason.
pub fn apply(
    conn: &mut Connection,
    input: &SpikeInput,
    draft_id: Option<i64>,
    now: DateTime<Utc>,
) -> Result<Applied> {
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    if let Some(d) = draft_id {
        super::draft_row(&tx, d)?;
    }
    let plan = plan(input, &facts(&tx, input, now)?, now);
    refused(&plan.checks)?;
    let first = plan.sessions.first().map(|s| s.starts_at.clone());
    let last = plan.sessions.last().map(|s| s.ends_at.clone());
    let stored_input = serde_json::to_string(input).unwrap_or_default();
    let id = match draft_id {
        Some(d) => {
            tx.execute(
                "UPDATE campaign SET name = ?1, input = ?2, starts_at = ?3, ends_at = ?4, published_at = ?5, updated_at = ?5
                 WHERE id = ?6",
                params![plan.name, stored_input, parse(&first), parse(&last), now, d],
            )?;
            d
        }
        None => {
            tx.execute(
                "INSERT INTO campaign (kind, name, input, starts_at, ends_at, published_at, created_at, updated_at)
                 VALUES ('spike', ?1, ?2, ?3, ?4, ?5, ?5, ?5)",
                params![plan.name, stored_input, parse(&first), parse(&last), now],
            )?;
            tx.last_insert_rowid()
        }
    };
    tx.execute(
        "INSERT INTO campaign_spike (campaign_id, product_id, price_cents, reference_cents, quantity, per_customer, minutes, pickup_days)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![id, input.product_id, plan.price_cents, plan.reference_cents, plan.quantity, plan.per_customer, plan.minutes, plan.pickup_days],
    )?;
    for c in &plan.community_ids {
        tx.execute(
            "INSERT INTO campaign_community (campaign_id, community_id) VALUES (?1, ?2)",
            params![id, c],
        )?;
    }
    for s in &plan.sessions {
        tx.execute(
            "INSERT INTO campaign_session (campaign_id, day, starts_at, ends_at) VALUES (?1, ?2, ?3, ?4)",
            params![id, s.day, parse(&Some(s.starts_at.clone())), parse(&Some(s.ends_at.clone()))],
        )?;
    }
    let mut schedule_ids = Vec::new();
    for s in &plan.schedules {
        let sid = schedule::insert(&tx, s, now)?;
        super::link(&tx, id, "schedule", sid)?;
        schedule_ids.push(sid);
    }
    let mut content_ids = Vec::new();
    for p in &plan.posts {
        let item = ContentInput {
            community_id: p.community_id,
            day: p.day.clone(),
            time: p.time.clone(),
            topic: p.topic.clone(),
            body: p.body.clone(),
        };
        let cid = crate::content::insert(&tx, &item, &ImageChange::Keep, now)?;
        super::link(&tx, id, "content", cid)?;
        content_ids.push(cid);
    }
    tx.commit()?;
    Ok(Applied { id, schedule_ids, content_ids, sessions: plan.sessions.len() as i64 })
}

fn parse(rfc3339: &Option<String>) -> Option<DateTime<Utc>> {
    rfc3339.as_deref().and_then(|s| DateTime::parse_from_rfc3339(s).ok()).map(|t| t.with_timezone(&Utc))
}
