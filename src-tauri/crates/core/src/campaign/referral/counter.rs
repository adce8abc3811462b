//! Friend cards and the counter: a member's code (their id under the shop's
//! key, typo-checked like a voucher's), what a presented card offers, and the
//! friend's welcome — the new member, their gift or voucher and the pending
//! referral — in one transaction.

use chrono::{DateTime, Duration, Utc};
use rusqlite::{params, Connection, OptionalExtension, Transaction, TransactionBehavior};

use super::model::{FriendCard, FriendCardCheck, FriendInput, Welcomed};
use super::plan::welcome_words;
use crate::campaign::drainage::Reward;
use crate::gift::MoveReason;
use crate::member::{ConsentInput, MemberInput};
use crate::text::{masked_label, masked_name};
use crate::validate::optional;
use crate::voucher::{BatchInput, BenefitInput};
use crate::voucher_code::{self as code, key, REFERRAL};
use crate::{phone, shop, Error, Field, Lang, Problem, Result};

fn refused(field: Field, en: &str, zh: &str, lang: Lang) -> Error {
    let reason = if lang == Lang::ZhCn { zh } else { en };
    Error::invalid(field, Problem::Refused { reason: reason.to_owned() })
}

struct Holder {
    name: String,
    nickname: String,
    phone: Option<String>,
}

/// A member who can hold a friend card: live, with marketing consent.
fn holder(conn: &Connection, member_id: i64, lang: Lang) -> Result<Holder> {
    let row: Option<(String, String, Option<String>, bool, bool)> = conn
        .query_row(
            &format!(
                "SELECT m.display_name, m.wechat_nickname, m.phone, {live}, {marketing} FROM member m WHERE m.id = ?1",
                live = crate::member::LIVE,
                marketing = crate::member::MARKETING
            ),
            [member_id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )
        .optional()?;
    match row {
        None => Err(Error::NotFound { what: "member", id: member_id }),
        Some((_, _, _, false, _)) => Err(refused(
            Field::Member,
            "This member was merged into another or erased: their friend card no longer works",
            "这位会员已合并或已删除：其好友卡不再有效",
            lang,
        )),
        Some((_, _, _, true, false)) => Err(refused(
            Field::Member,
            "This member has not agreed to marketing (or withdrew): no friend card for them",
            "这位会员没有同意接收营销信息（或已撤回）：不能使用好友卡",
            lang,
        )),
        Some((name, nickname, phone, true, true)) => Ok(Holder { name, nickname, phone }),
    }
}

/// The shop's key, made now (in a transaction of its own) for a file from
/// before the first voucher.
fn shop_key(conn: &mut Connection, now: DateTime<Utc>) -> Result<code::VoucherKey> {
    if let Some(k) = key::existing(conn)? {
        return Ok(k);
    }
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let k = key::get_or_create(&tx, now)?;
    tx.commit()?;
    Ok(k)
}

fn card_code(member_id: i64, key: &code::VoucherKey) -> Result<String> {
    let serial = u32::try_from(member_id).map_err(|_| Error::Damaged("a member id"))?;
    code::encode_as(&REFERRAL, serial, key)
        .map_err(|_| Error::Damaged("a member id too large for a friend card"))
}

/// Member `id`'s friend card, with the running (or next) referral day's offer.
pub fn friend_card(conn: &mut Connection, member_id: i64, now: DateTime<Utc>) -> Result<FriendCard> {
    let lang = shop::language_or(conn, Lang::En);
    let h = holder(conn, member_id, lang)?;
    let key = shop_key(conn, now)?;
    Ok(FriendCard {
        member_id,
        holder: masked_name(&h.name, &h.nickname),
        code: card_code(member_id, &key)?,
        offer: offer(conn, now, lang)?,
    })
}

/// Every member with marketing consent's friend card, in member order (for a printed sheet).
pub fn friend_cards(conn: &mut Connection, now: DateTime<Utc>) -> Result<Vec<FriendCard>> {
    let lang = shop::language_or(conn, Lang::En);
    let key = shop_key(conn, now)?;
    let offer = offer(conn, now, lang)?;
    let rows: Vec<(i64, String, String)> = conn
        .prepare(&format!(
            "SELECT m.id, m.display_name, m.wechat_nickname FROM member m WHERE {} AND {} ORDER BY m.id",
            crate::member::LIVE,
            crate::member::MARKETING
        ))?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    rows.into_iter()
        .map(|(id, name, nickname)| {
            Ok(FriendCard {
                member_id: id,
                holder: masked_name(&name, &nickname),
                code: card_code(id, &key)?,
                offer: offer.clone(),
            })
        })
        .collect()
}

/// A referral day that takes friend cards: its id, name, what the friend gets
/// and the welcome gift's name.
struct Running {
    id: i64,
    name: String,
    welcome: Reward,
    gift_name: Option<String>,
}

/// The referral day taking cards today, or else (`next`) the next one.
fn running(conn: &Connection, now: DateTime<Utc>, next: bool) -> Result<Option<Running>> {
    let today = shop::today(conn, now)?.to_string();
    let sql = if next {
        "SELECT c.id, c.name, r.welcome_gift_id, r.welcome_cents, r.welcome_min_spend_cents, r.welcome_days, g.name
         FROM campaign c JOIN campaign_referral r ON r.campaign_id = c.id LEFT JOIN gift g ON g.id = r.welcome_gift_id
         WHERE c.published_at IS NOT NULL AND c.cancelled_at IS NULL AND r.last_day >= ?1
         ORDER BY r.first_day LIMIT 1"
    } else {
        "SELECT c.id, c.name, r.welcome_gift_id, r.welcome_cents, r.welcome_min_spend_cents, r.welcome_days, g.name
         FROM campaign c JOIN campaign_referral r ON r.campaign_id = c.id LEFT JOIN gift g ON g.id = r.welcome_gift_id
         WHERE c.published_at IS NOT NULL AND c.cancelled_at IS NULL AND r.first_day <= ?1 AND r.last_day >= ?1
         ORDER BY r.first_day LIMIT 1"
    };
    Ok(conn
        .query_row(sql, [today], |r| {
            let welcome = match r.get::<_, Option<i64>>(2)? {
                Some(gift_id) => Reward::Gift { gift_id },
                None => Reward::Voucher {
                    cents: r.get::<_, Option<i64>>(3)?.unwrap_or(0),
                    min_spend_cents: r.get(4)?,
                    valid_days: r.get(5)?,
                },
            };
            Ok(Running { id: r.get(0)?, name: r.get(1)?, welcome, gift_name: r.get(6)? })
        })
        .optional()?)
}

/// The words on every friend card (the code is each member's): the offer to
/// the friend, the rule, and the referral day's dates.
pub fn card_words(conn: &Connection, now: DateTime<Utc>, lang: Lang) -> Result<crate::voucher::CardWords> {
    let shop_name = shop::get(conn)?.map(|s| s.name).unwrap_or_default();
    let brand_color = conn
        .query_row("SELECT brand_color FROM poster ORDER BY updated_at DESC LIMIT 1", [], |r| r.get(0))
        .optional()?
        .unwrap_or_else(|| shop::DEFAULT_BRAND_COLOR.to_owned());
    let next = running(conn, now, true)?;
    let dates: Option<(String, String)> = match &next {
        Some(r) => Some(conn.query_row(
            "SELECT first_day, last_day FROM campaign_referral WHERE campaign_id = ?1",
            [r.id],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )?),
        None => None,
    };
    let (benefit, conditions, validity) = match (next, dates, lang) {
        (Some(r), Some((a, b)), Lang::ZhCn) => (
            format!("好友卡 · 朋友到店得{}", welcome_words(&r.welcome, r.gift_name.as_deref(), lang)),
            "新朋友到店出示此卡 · 每位朋友限一次".to_owned(),
            format!("活动时间 {a} 至 {b}"),
        ),
        (Some(r), Some((a, b)), Lang::En) => (
            format!(
                "Friend card: your friend gets {}",
                welcome_words(&r.welcome, r.gift_name.as_deref(), lang)
            ),
            "For a new customer to show at the counter · once per friend".to_owned(),
            format!("Valid {a} to {b}"),
        ),
        (_, _, Lang::ZhCn) => {
            ("好友卡 · 带新朋友来店".to_owned(), "新朋友到店出示此卡".to_owned(), String::new())
        }
        (_, _, Lang::En) => (
            "Friend card: bring a friend".to_owned(),
            "For a new customer to show at the counter".to_owned(),
            String::new(),
        ),
    };
    Ok(crate::voucher::CardWords { shop_name, benefit, conditions, validity, brand_color })
}

fn offer(conn: &Connection, now: DateTime<Utc>, lang: Lang) -> Result<Option<String>> {
    Ok(running(conn, now, true)?.map(|r| welcome_words(&r.welcome, r.gift_name.as_deref(), lang)))
}

/// The member a typed code names, following a merge to the kept record.
fn card_member(conn: &Connection, typed: &str, lang: Lang) -> Result<i64> {
    let Some(key) = key::existing(conn)? else {
        return Err(refused(Field::Code, "This is not one of our friend cards", "这不是本店的好友卡", lang));
    };
    let serial = code::parse_as(&REFERRAL, typed, &key).map_err(|e| {
        Error::invalid(Field::Code, Problem::Refused { reason: e.message_as(&REFERRAL, lang) })
    })?;
    let mut id = i64::from(serial);
    // A merged member's card still works: it brings the friend to the kept record.
    for _ in 0..8 {
        let into: Option<i64> = conn
            .query_row("SELECT merged_into FROM member WHERE id = ?1", [id], |r| r.get(0))
            .optional()?
            .flatten();
        match into {
            Some(kept) => id = kept,
            None => break,
        }
    }
    Ok(id)
}

/// What a presented friend card offers today, before anything is handed over.
pub fn check_card(conn: &Connection, typed: &str, now: DateTime<Utc>) -> Result<FriendCardCheck> {
    let lang = shop::language_or(conn, Lang::En);
    let referrer_id = card_member(conn, typed, lang)?;
    let h = holder(conn, referrer_id, lang)?;
    let Some(Running { id: campaign_id, name: campaign, welcome, gift_name: gift }) =
        running(conn, now, false)?
    else {
        return Err(refused(
            Field::Code,
            "No referral day is taking friend cards today",
            "今天没有进行中的推荐活动，好友卡暂不能使用",
            lang,
        ));
    };
    Ok(FriendCardCheck {
        campaign_id,
        campaign,
        referrer_id,
        referrer: masked_label(&h.name, &h.nickname, h.phone.as_deref()),
        welcome: welcome_words(&welcome, gift.as_deref(), lang),
    })
}

/// Welcomes a friend who brought a card, in one transaction: the friend
/// becomes a member referred by the card's holder, gets the welcome (a gift
/// handed over, or a voucher named to them), and the referral waits for
/// their first purchase. Refused, with nothing written, for the holder's own
/// number and for anyone already a member.
pub fn welcome_friend(conn: &mut Connection, input: &FriendInput, now: DateTime<Utc>) -> Result<Welcomed> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let made = welcome_in(&tx, input, now)?;
    tx.commit()?;
    Ok(made)
}

fn welcome_in(tx: &Transaction, input: &FriendInput, now: DateTime<Utc>) -> Result<Welcomed> {
    let lang = shop::language_or(tx, Lang::En);
    let card = check_card(tx, &input.code, now)?;
    let phone = phone::normalize(Field::Phone, &input.phone)?;
    let staff = optional(Field::Staff, &input.staff, crate::purchase::STAFF_MAX)?;
    let referrer_phone: Option<String> =
        tx.query_row("SELECT phone FROM member WHERE id = ?1", [card.referrer_id], |r| r.get(0))?;
    if referrer_phone.as_deref() == Some(phone.as_str()) {
        return Err(refused(
            Field::Phone,
            "This is the card holder's own number: a member cannot refer themselves",
            "这是好友卡主人自己的手机号：不能推荐自己",
            lang,
        ));
    }
    let known: Option<(String, DateTime<Utc>)> = tx
        .query_row("SELECT display_name, created_at FROM member WHERE phone = ?1", [&phone], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .optional()?;
    if let Some((_, since)) = known {
        let day = crate::campaign::copy::date(since.with_timezone(&shop::zone(tx)?).date_naive(), lang);
        let masked = phone::masked(&phone);
        let reason = match lang {
            Lang::ZhCn => format!("{masked} 自{day}起已是会员：推荐只针对新朋友"),
            Lang::En => format!("{masked} has been a member since {day}: a referral is for new customers"),
        };
        return Err(Error::invalid(Field::Phone, Problem::Refused { reason }));
    }
    let name = match input.name.trim() {
        "" => match lang {
            Lang::ZhCn => format!("好友（尾号{}）", &phone[7..]),
            Lang::En => format!("Friend …{}", &phone[7..]),
        },
        typed => typed.to_owned(),
    };
    let member = MemberInput {
        phone: phone.clone(),
        referred_by: Some(card.referrer_id),
        ..MemberInput::new(
            &name,
            ConsentInput { recorded_by: staff.clone(), ..ConsentInput::verbal(input.marketing) },
        )
    };
    let friend_id = crate::member::create_in(tx, &member, now)?;
    let (gift_id, cents, min_spend, days): (Option<i64>, Option<i64>, Option<i64>, i64) = tx.query_row(
        "SELECT welcome_gift_id, welcome_cents, welcome_min_spend_cents, welcome_days
         FROM campaign_referral WHERE campaign_id = ?1",
        [card.campaign_id],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
    )?;
    let serial = match (gift_id, cents) {
        (Some(gift_id), _) => {
            crate::gift::hand_over(tx, gift_id, None, MoveReason::Claimed, now)?;
            None
        }
        (None, Some(cents)) => {
            let today = shop::today(tx, now)?;
            let batch = BatchInput {
                name: batch_name(&card.campaign, lang),
                min_spend_cents: min_spend,
                holder_name: name.chars().take(crate::voucher::HOLDER_NAME_MAX).collect(),
                holder_phone: phone.clone(),
                ..BatchInput::new(
                    BenefitInput::AmountOff { cents },
                    1,
                    &(today + Duration::days(days)).to_string(),
                )
            };
            let batch_id = crate::voucher::batch::insert(tx, &batch, now)?;
            crate::campaign::link(tx, card.campaign_id, "batch", batch_id)?;
            Some(crate::voucher::batch::name_only_voucher(tx, batch_id, &batch.holder_name)?)
        }
        (None, None) => return Err(Error::Damaged("a referral day without a welcome")),
    };
    tx.execute(
        "INSERT INTO referral (campaign_id, referrer_id, friend_id, referred_at, welcome_serial, staff)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![card.campaign_id, card.referrer_id, friend_id, now, serial, staff],
    )?;
    let referral_id = tx.last_insert_rowid();
    let voucher_code = match serial {
        Some(s) => Some(crate::voucher::batch::encode(
            u32::try_from(s).map_err(|_| Error::Damaged("a voucher serial"))?,
            &key::get_or_create(tx, now)?,
        )?),
        None => None,
    };
    Ok(Welcomed { referral_id, friend_id, referrer: card.referrer, welcome: card.welcome, voucher_code })
}

fn batch_name(campaign: &str, lang: Lang) -> String {
    let name = match lang {
        Lang::ZhCn => format!("{campaign}：好友礼"),
        Lang::En => format!("{campaign}: friend's welcome"),
    };
    name.chars().take(crate::voucher::NAME_MAX).collect()
}
