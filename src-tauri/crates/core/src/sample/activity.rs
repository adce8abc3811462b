//! What the sample shop has been doing: channels with a code, a poster per
//! template, gifts (one running low), voucher batches with some redeemed, the
//! method's weekly rhythm as schedules, and this week's topics with one day
//! left empty — so every page opens on something to look at and change.

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use rusqlite::Transaction;

use super::{t, Text};
use crate::channel::{self, ChannelInput};
use crate::content::{self, ContentInput};
use crate::gift::{self, GiftInput};
use crate::image_change::ImageChange;
use crate::poster::{self, PosterInput, PosterTemplate, PosterWords};
use crate::qr_source::{self, QrKind, QrSourceInput};
use crate::schedule::{self, ScheduleInput};
use crate::voucher::{self, BatchInput, BenefitInput};
use crate::{Error, Lang, Result};

/// The communities the sample made, in the order of `super::COMMUNITIES`.
pub(super) struct Communities {
    pub daily: i64,
    pub gifts: i64,
    pub club: i64,
}

struct SampleChannel {
    community: fn(&Communities) -> i64,
    kind: &'static str,
    name: Text,
    /// A sample link: it names the sample, so a scan never lands anywhere real.
    link: &'static str,
}

const CHANNELS: &[SampleChannel] = &[
    SampleChannel {
        community: |c| c.daily,
        kind: "counter",
        name: t("Counter", "收银台"),
        link: "https://example.com/shopcircle-sample/daily-tea/counter",
    },
    SampleChannel {
        community: |c| c.daily,
        kind: "table_tent",
        name: t("Table tents", "桌牌"),
        link: "https://example.com/shopcircle-sample/daily-tea/tables",
    },
    SampleChannel {
        community: |c| c.daily,
        kind: "shop_window",
        name: t("Shop window", "橱窗"),
        link: "https://example.com/shopcircle-sample/daily-tea/window",
    },
    SampleChannel {
        community: |c| c.gifts,
        kind: "partner_store",
        name: t("Bakery next door", "隔壁面包店"),
        link: "https://example.com/shopcircle-sample/gifts/bakery",
    },
    SampleChannel {
        community: |c| c.club,
        kind: "counter",
        name: t("Counter", "收银台"),
        link: "https://example.com/shopcircle-sample/gongfu/counter",
    },
];

/// Adds everything after the communities, inside the sample's transaction;
/// the welcome gift (a drainage gift), for the sample's campaigns.
pub(super) fn create(tx: &Transaction, lang: Lang, c: &Communities, now: DateTime<Utc>) -> Result<i64> {
    let today = crate::shop::today(tx, now)?;
    let channels = channels(tx, lang, c, now)?;
    posters(tx, lang, &channels, now)?;
    let gifts = gifts(tx, lang, now)?;
    vouchers(tx, lang, c, channels[0], gifts.low, today, now)?;
    schedules(tx, lang, c, today, now)?;
    content(tx, lang, c.daily, today, now)?;
    Ok(gifts.welcome)
}

fn channels(tx: &Transaction, lang: Lang, c: &Communities, now: DateTime<Utc>) -> Result<Vec<i64>> {
    let mut ids = Vec::new();
    for sample in CHANNELS {
        let input = ChannelInput { kind: sample.kind.into(), name: sample.name.get(lang) };
        let channel = channel::create(tx, (sample.community)(c), &input, now)?;
        let code = QrSourceInput {
            kind: QrKind::Link,
            payload: sample.link.into(),
            staff_id: None,
            image: None,
            made_at: None,
        };
        qr_source::insert(tx, channel.id, code, now)?;
        ids.push(channel.id);
    }
    Ok(ids)
}

/// One poster per template, on the daily community's channels.
fn posters(tx: &Transaction, lang: Lang, channels: &[i64], now: DateTime<Utc>) -> Result<()> {
    let words = |headline: Text, subline: Text| PosterWords {
        headline: headline.get(lang),
        subline: subline.get(lang),
        gift: t("Join and get a jasmine tea sample", "入群即送 茉莉花茶试饮装一份").get(lang),
        address: t("12 Tea Street, by the bakery", "茶香路 12 号（面包店旁）").get(lang),
        hours: t("Open daily 9:00–21:00", "每天 9:00–21:00").get(lang),
    };
    let designs = [
        (
            PosterTemplate::Counter,
            channels[0],
            words(
                t("Join our tea friends", "扫码加入每日茶友群"),
                t("A tea of the day, and member prices every Friday", "每天一款好茶，每周五会员价"),
            ),
        ),
        (
            PosterTemplate::TableTent,
            channels[1],
            words(
                t("Enjoying your tea?", "这杯茶喝得还满意吗？"),
                t("Scan to get tomorrow's tea and Friday's member prices", "扫码看明天的推荐茶和周五会员价"),
            ),
        ),
        (
            PosterTemplate::Window,
            channels[2],
            words(
                t("Flash sale Mon–Thu at 20:00", "周一至周四晚 8 点秒杀"),
                t("Join the group to see tonight's tea", "进群看今晚秒杀的是哪款茶"),
            ),
        ),
        (
            PosterTemplate::Stickers,
            channels[0],
            words(t("Scan for tea friends", "扫码进茶友群"), t("Member prices every Friday", "每周五会员价")),
        ),
    ];
    for (template, channel, words) in designs {
        let input = PosterInput { template: template.as_str().into(), words, brand_color: String::new() };
        poster::create(tx, channel, &input, None, now)?;
    }
    Ok(())
}

struct Gifts {
    low: i64,
    /// The drainage gift a welcome-gift campaign gives.
    welcome: i64,
}

fn gifts(tx: &Transaction, lang: Lang, now: DateTime<Utc>) -> Result<Gifts> {
    let gift = |name: Text, kind: &str, cost: i64, value: i64, low_at: i64, packaging: Text| GiftInput {
        name: name.get(lang),
        kind: kind.into(),
        unit_cost_cents: cost,
        value_cents: value,
        low_stock_at: Some(low_at),
        packaging: packaging.get(lang),
    };
    let jasmine = gift(
        t("Jasmine tea sample", "茉莉花茶试饮装"),
        "drainage",
        180,
        800,
        20,
        t("Paper sachet, 5 g", "5 克纸袋装"),
    );
    let welcome = gift::insert(tx, &jasmine, 120, now)?;
    let cake =
        gift(t("Osmanthus tea cake", "桂花茶点"), "reward", 350, 1200, 10, t("Single wrapped", "独立包装"));
    let low = gift::insert(tx, &cake, 14, now)?;
    let scoop = gift(t("Bamboo tea scoop", "竹制茶则"), "lottery", 900, 3800, 5, t("Gift box", "礼盒装"));
    gift::insert(tx, &scoop, 24, now)?;
    Ok(Gifts { low, welcome })
}

/// Two batches handed out since last week: ¥10 off ¥50 (some redeemed) and a
/// tea cake for joining (redeemed often enough that its gift runs low).
fn vouchers(
    tx: &Transaction,
    lang: Lang,
    c: &Communities,
    counter: i64,
    cake: i64,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<()> {
    let from = (today - Duration::days(10)).to_string();
    let until = (today + Duration::days(30)).to_string();
    let batch = |name: Text, benefit, count| BatchInput {
        name: name.get(lang),
        valid_from: Some(from.clone()),
        community_id: Some(c.daily),
        channel_id: Some(counter),
        ..BatchInput::new(benefit, count, &until)
    };
    let mut off = batch(
        t("¥10 off ¥50 for new friends", "新茶友满 50 减 10"),
        BenefitInput::AmountOff { cents: 1000 },
        40,
    );
    off.min_spend_cents = Some(5000);
    let off = voucher::batch::insert(tx, &off, now)?;
    let cake = voucher::batch::insert(
        tx,
        &batch(t("A tea cake for joining", "入群送桂花茶点"), BenefitInput::Gift { gift_id: cake }, 20),
        now,
    )?;
    let staff = t("Xiao Zhou", "小周").get(lang);
    redeem_first(tx, off, 9, &staff, Some(6800), now)?;
    redeem_first(tx, cake, 6, &staff, None, now)
}

/// Redeems the batch's first `n` vouchers, one every day or so back from today.
fn redeem_first(
    tx: &Transaction,
    batch: i64,
    n: u32,
    staff: &str,
    spend: Option<i64>,
    now: DateTime<Utc>,
) -> Result<()> {
    let key = voucher::key::existing(tx)?.ok_or(Error::Damaged("the voucher key was not made"))?;
    let first: u32 =
        tx.query_row("SELECT first_serial FROM voucher_batch WHERE id = ?1", [batch], |r| r.get(0))?;
    for i in 0..n {
        let at = now - Duration::hours(20 * i64::from(i) + 3);
        voucher::redeem::redeem_serial(tx, first + i, &key, staff, spend, at)?;
    }
    Ok(())
}

/// The method's week: the Monday–Thursday 20:00 flash sale, Friday's member
/// day, and the club's Sunday tasting.
fn schedules(
    tx: &Transaction,
    lang: Lang,
    c: &Communities,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<()> {
    let monday = today - Duration::days(i64::from(today.weekday().num_days_from_monday()));
    let at = |offset: i64, time: &str| format!("{} {time}", monday + Duration::days(offset));
    let plans = [
        (
            t("Flash sale", "晚 8 点秒杀"),
            c.daily,
            "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH",
            at(0, "20:00"),
            30,
            t("Post tonight's flash-sale tea and the poster.", "发今晚秒杀的茶和海报。"),
        ),
        (
            t("Member day", "会员日"),
            c.daily,
            "FREQ=WEEKLY;BYDAY=FR",
            at(4, "19:00"),
            120,
            t("Friday member prices: post the list at noon.", "周五会员价：中午发价目表。"),
        ),
        (
            t("Sunday tasting", "周日品鉴会"),
            c.club,
            "FREQ=WEEKLY;BYDAY=SU",
            at(6, "15:00"),
            60,
            t("Remind the club and set out the cups.", "提醒群友，摆好品鉴杯。"),
        ),
    ];
    for (title, community, rule, start, lead, message) in plans {
        let input = ScheduleInput {
            title: title.get(lang),
            purpose: "campaign".into(),
            community_id: Some(community),
            rule: rule.into(),
            start,
            zone: String::new(),
            ends_on: None,
            skipped: Vec::new(),
            lead_minutes: lead,
            message: message.get(lang),
        };
        schedule::insert(tx, &input, now)?;
    }
    Ok(())
}

/// This week's topics for the daily community, one each day but one: the
/// first day after today is left empty, to be planned.
fn content(tx: &Transaction, lang: Lang, community: i64, today: NaiveDate, now: DateTime<Utc>) -> Result<()> {
    let monday = today - Duration::days(i64::from(today.weekday().num_days_from_monday()));
    let empty = if today.weekday().num_days_from_monday() < 6 {
        today + Duration::days(1)
    } else {
        today - Duration::days(1)
    };
    let topics = [
        t("Tea of the day: Longjing", "今日推荐：龙井"),
        t("How to brew oolong at home", "在家泡乌龙的三个要点"),
        t("Behind the counter: our tea cakes", "店里的桂花茶点是怎么做的"),
        t("Tonight's flash sale preview", "今晚秒杀预告"),
        t("Friday member prices", "周五会员价清单"),
        t("Photos from the tasting", "品鉴会花絮"),
        t("Weekend tea walk", "周末茶山散步"),
    ];
    let body = t(
        "Share a photo and one line on how it tastes; ask the group what they are drinking today.",
        "配一张图，一句口感描述，再问问群友今天在喝什么。",
    )
    .get(lang);
    for (i, topic) in topics.iter().enumerate() {
        let day = monday + Duration::days(i as i64);
        if day == empty {
            continue;
        }
        let input = ContentInput {
            community_id: community,
            day: day.to_string(),
            time: "10:00".into(),
            topic: topic.get(lang),
            body: body.clone(),
        };
        let id = content::insert(tx, &input, &ImageChange::Keep, now)?;
        if day < today {
            content::set_posted(tx, id, true, now)?;
        }
    }
    Ok(())
}
