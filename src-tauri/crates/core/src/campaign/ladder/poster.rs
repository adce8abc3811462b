//! The gift-package day's poster: the package as the headline, one
//! package's price, the ladder as a table, when the list opens and closes,
//! beside the chosen channel's code.

use chrono::{DateTime, Datelike, Utc};
use rusqlite::{params, Connection, Transaction};

use super::model::{LadderInput, LadderPlan};
use super::plan::close_text;
use crate::campaign::copy;
use crate::money::yuan;
use crate::poster::{Offer, PosterInput, PosterTemplate, PosterWords, Printable};
use crate::{shop, Error, Lang, Result};

/// The package's products, as the headline names them.
fn bundle(plan: &LadderPlan, lang: Lang) -> String {
    let joined = plan.items.iter().map(|i| i.name.as_str()).collect::<Vec<_>>().join(" + ");
    let text = match lang {
        Lang::ZhCn => format!("会员礼包：{joined}"),
        Lang::En => format!("Gift package: {joined}"),
    };
    text.chars().take(crate::poster::HEADLINE_MAX).collect()
}

fn words(plan: &LadderPlan, lang: Lang, time: &str) -> PosterWords {
    let gift = match lang {
        Lang::ZhCn => format!("扫码进群 · {time} 群里接龙「地址-份数」"),
        Lang::En => format!("Scan to join · reply \"address-packages\" in the group at {time}"),
    };
    PosterWords { headline: bundle(plan, lang), gift, ..Default::default() }
}

fn sessions(plan: &LadderPlan) -> Vec<(DateTime<Utc>, DateTime<Utc>)> {
    plan.sessions
        .iter()
        .filter_map(|s| {
            Some((
                DateTime::parse_from_rfc3339(&s.starts_at).ok()?,
                DateTime::parse_from_rfc3339(&s.ends_at).ok()?,
            ))
        })
        .map(|(a, b)| (a.with_timezone(&Utc), b.with_timezone(&Utc)))
        .collect()
}

/// The offer in the shop's language: one package's price, the ladder, when.
fn offer(plan: &LadderPlan, input: &LadderInput, lang: Lang, zone: chrono_tz::Tz) -> Offer {
    let all = sessions(plan);
    let n = all.len();
    let (start, end) = all
        .first()
        .map(|(a, b)| (a.with_timezone(&zone).naive_local(), b.with_timezone(&zone).naive_local()))
        .unwrap_or_default();
    let (day, time) = (start.date(), start.format("%H:%M").to_string());
    let weekday = copy::weekday(day.weekday(), lang);
    let close = close_text(start, end, lang);
    let tiers = input
        .tiers
        .iter()
        .map(|t| match lang {
            Lang::ZhCn => (format!("{}份起", t.min_shares), format!("¥{}/份", yuan(t.price_cents))),
            Lang::En => (format!("{}+ packages", t.min_shares), format!("¥{} each", yuan(t.price_cents))),
        })
        .collect();
    match lang {
        Lang::ZhCn => Offer {
            price: format!("单份 ¥{}", yuan(input.solo_cents)),
            was: String::new(),
            when: if n > 1 {
                format!("{}（{weekday}）起 {time} 开团 · 共 {n} 场", copy::date(day, lang))
            } else {
                format!("{}（{weekday}）{time} 开团 · {close} 截止", copy::date(day, lang))
            },
            terms: "同一地址份数合计，全部按达到的最优价计算".into(),
            tiers,
        },
        Lang::En => Offer {
            price: format!("One package ¥{}", yuan(input.solo_cents)),
            was: String::new(),
            when: if n > 1 {
                format!("From {weekday} {}, {time} · {n} sessions", copy::date(day, lang))
            } else {
                format!("{weekday} {}, {time} · the list closes {close}", copy::date(day, lang))
            },
            terms: "Packages at one address add up, and all pay the best price reached".into(),
            tiers,
        },
    }
}

fn first_time(plan: &LadderPlan, zone: chrono_tz::Tz) -> String {
    sessions(plan)
        .first()
        .map(|(a, _)| a.with_timezone(&zone).format("%H:%M").to_string())
        .unwrap_or_default()
}

/// What the poster will print, before anything is written: the wizard's preview.
pub fn preview(conn: &Connection, input: &LadderInput, now: DateTime<Utc>) -> Result<Printable> {
    let plan = super::preview(conn, input, now)?;
    let channel_id = input.poster_channel_id.ok_or(Error::NoQrCode)?;
    let lang = shop::language_or(conn, Lang::En);
    let zone = shop::zone(conn)?;
    let poster = PosterInput {
        template: PosterTemplate::Ladder.as_str().into(),
        words: words(&plan, lang, &first_time(&plan, zone)),
        brand_color: crate::campaign::poster_channel::brand_color(conn)?,
    };
    let mut printable = crate::poster::draft_campaign(conn, channel_id, PosterTemplate::Ladder, &poster)?;
    printable.offer = Some(offer(&plan, input, lang, zone));
    Ok(printable)
}

/// Saves the day's poster on the chosen channel, its offer with it; its id.
pub(crate) fn insert(
    tx: &Transaction,
    campaign_id: i64,
    channel_id: i64,
    plan: &LadderPlan,
    input: &LadderInput,
    now: DateTime<Utc>,
) -> Result<i64> {
    let lang = shop::language_or(tx, Lang::En);
    let zone = shop::zone(tx)?;
    let w = words(plan, lang, &first_time(plan, zone));
    let o = offer(plan, input, lang, zone);
    tx.execute(
        "INSERT INTO poster (channel_id, template, headline, subline, gift, address, hours, brand_color,
                             campaign_id, offer_price, offer_was, offer_when, offer_terms, offer_tiers, created_at, updated_at)
         VALUES (?1, 'ladder', ?2, '', ?3, '', '', ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11)",
        params![
            channel_id,
            w.headline,
            w.gift,
            crate::campaign::poster_channel::brand_color(tx)?,
            campaign_id,
            o.price,
            o.was,
            o.when,
            o.terms,
            crate::poster::tiers_text(&o.tiers),
            now
        ],
    )?;
    Ok(tx.last_insert_rowid())
}
