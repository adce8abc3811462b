//! The flash sale's poster: one for the chosen channel of its community,
//! printing the campaign's offer (the price against the 7-day low, when, how
//! many) beside the channel's code.

use chrono::{DateTime, Datelike, Utc};
use rusqlite::{params, Connection, OptionalExtension, Transaction};

use super::model::{SpikeInput, SpikePlan};
use crate::campaign::copy;
use crate::money::yuan;
use crate::poster::{Offer, PosterInput, PosterTemplate, PosterWords, Printable};
use crate::{shop, Error, Lang, Result};

/// The poster's words: the product as the headline, how to take part on the pill.
fn words(plan: &SpikePlan, lang: Lang, time: &str) -> PosterWords {
    let gift = match lang {
        Lang::ZhCn => format!("扫码进群 · {time} 群里接龙抢购"),
        Lang::En => format!("Scan to join · reply in the group at {time}"),
    };
    PosterWords {
        headline: plan.product.chars().take(crate::poster::HEADLINE_MAX).collect(),
        gift,
        ..Default::default()
    }
}

/// The offer in the shop's language, from the plan's figures and sessions.
fn offer_from(
    lang: Lang,
    zone: chrono_tz::Tz,
    price: i64,
    reference: i64,
    (quantity, per_customer, pickup_days): (i64, i64, i64),
    unit: &str,
    sessions: &[DateTime<Utc>],
) -> Offer {
    let first = sessions.first().map(|t| t.with_timezone(&zone).naive_local());
    let (day, time) = first.map(|f| (f.date(), f.format("%H:%M").to_string())).unwrap_or_default();
    let weekday = copy::weekday(day.weekday(), lang);
    let n = sessions.len();
    let unit_zh = if unit.is_empty() { "份" } else { unit };
    match lang {
        Lang::ZhCn => Offer {
            price: format!("¥{}", yuan(price)),
            was: if reference > price {
                format!("近7日最低价 ¥{}", yuan(reference))
            } else {
                String::new()
            },
            when: if n > 1 {
                format!("{}（{weekday}）起 {time} · 共 {n} 场", copy::date(day, lang))
            } else {
                format!("{}（{weekday}）{time}", copy::date(day, lang))
            },
            terms: format!(
                "每场限量 {quantity}{unit_zh} · 每人限 {per_customer}{unit_zh} · {pickup_days} 天内到店取货"
            ),
            tiers: Vec::new(),
        },
        Lang::En => Offer {
            price: format!("¥{}", yuan(price)),
            was: if reference > price { format!("7-day low ¥{}", yuan(reference)) } else { String::new() },
            when: if n > 1 {
                format!("From {weekday} {}, {time} · {n} sessions", copy::date(day, lang))
            } else {
                format!("{weekday} {}, {time}", copy::date(day, lang))
            },
            terms: format!(
                "{quantity} a session · {per_customer} per person · collect within {pickup_days} days"
            ),
            tiers: Vec::new(),
        },
    }
}

fn starts(plan: &SpikePlan) -> Vec<DateTime<Utc>> {
    plan.sessions
        .iter()
        .filter_map(|s| DateTime::parse_from_rfc3339(&s.starts_at).ok())
        .map(|t| t.with_timezone(&Utc))
        .collect()
}

fn first_time(plan: &SpikePlan, zone: chrono_tz::Tz) -> String {
    starts(plan).first().map(|t| t.with_timezone(&zone).format("%H:%M").to_string()).unwrap_or_default()
}

/// What the poster will print, before anything is written: the wizard's preview.
pub fn preview(conn: &Connection, input: &SpikeInput, now: DateTime<Utc>) -> Result<Printable> {
    let plan = super::preview(conn, input, now)?;
    let channel_id = input.poster_channel_id.ok_or(Error::NoQrCode)?;
    let lang = shop::language_or(conn, Lang::En);
    let zone = shop::zone(conn)?;
    let poster = PosterInput {
        template: PosterTemplate::Spike.as_str().into(),
        words: words(&plan, lang, &first_time(&plan, zone)),
        brand_color: crate::campaign::poster_channel::brand_color(conn)?,
    };
    let mut printable = crate::poster::draft_campaign(conn, channel_id, PosterTemplate::Spike, &poster)?;
    printable.offer = Some(plan_offer(conn, &plan, input.product_id)?);
    Ok(printable)
}

/// The plan's offer in the shop's language.
fn plan_offer(conn: &Connection, plan: &SpikePlan, product_id: i64) -> Result<Offer> {
    let unit: String = conn
        .query_row("SELECT unit FROM product WHERE id = ?1", [product_id], |r| r.get(0))
        .optional()?
        .unwrap_or_default();
    Ok(offer_from(
        shop::language_or(conn, Lang::En),
        shop::zone(conn)?,
        plan.price_cents,
        plan.reference_cents,
        (plan.quantity, plan.per_customer, plan.pickup_days),
        &unit,
        &starts(plan),
    ))
}

/// Saves the campaign's poster on the chosen channel, its offer with it; its id.
pub(crate) fn insert(
    tx: &Transaction,
    campaign_id: i64,
    channel_id: i64,
    plan: &SpikePlan,
    product_id: i64,
    now: DateTime<Utc>,
) -> Result<i64> {
    let lang = shop::language_or(tx, Lang::En);
    let w = words(plan, lang, &first_time(plan, shop::zone(tx)?));
    let o = plan_offer(tx, plan, product_id)?;
    tx.execute(
        "INSERT INTO poster (channel_id, template, headline, subline, gift, address, hours, brand_color,
                             campaign_id, offer_price, offer_was, offer_when, offer_terms, created_at, updated_at)
         VALUES (?1, 'spike', ?2, '', ?3, '', '', ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)",
        params![channel_id, w.headline, w.gift, crate::campaign::poster_channel::brand_color(tx)?, campaign_id, o.price, o.was, o.when, o.terms, now],
    )?;
    Ok(tx.last_insert_rowid())
}
