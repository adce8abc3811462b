//! The counter's answers in words, for the CLI and anything else without the UI's strings.

use rusqlite::{Connection, OptionalExtension};

use super::batch::zhe;
use super::model::{Batch, Benefit, Redemption};
use crate::money::yuan;
use crate::{shop, Lang, Result};

/// The words printed on every voucher of a batch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CardWords {
    pub shop_name: String,
    pub benefit: String,
    /// Minimum spend and the customer it is named to; may be empty.
    pub conditions: String,
    pub validity: String,
    pub brand_color: String,
}

pub fn card_words(conn: &Connection, batch: &Batch, lang: Lang) -> Result<CardWords> {
    let shop_name = shop::get(conn)?.map(|s| s.name).unwrap_or_default();
    let mut conditions = Vec::new();
    if let Some(min) = batch.min_spend_cents {
        conditions.push(match lang {
            Lang::En => format!("With a spend of ¥{} or more", yuan(min)),
            Lang::ZhCn => format!("满 ¥{} 可用", yuan(min)),
        });
    }
    if !batch.holder_name.is_empty() {
        conditions.push(match lang {
            Lang::En => format!("For {}", batch.holder_name),
            Lang::ZhCn => format!("限 {} 本人使用", batch.holder_name),
        });
    }
    let validity = match lang {
        Lang::En => format!("Valid {} to {}", batch.valid_from, batch.valid_until),
        Lang::ZhCn => format!("有效期 {} 至 {}", batch.valid_from, batch.valid_until),
    };
    // The brand colour the owner last chose for a poster, so vouchers match them.
    let brand_color = conn
        .query_row("SELECT brand_color FROM poster ORDER BY updated_at DESC LIMIT 1", [], |r| r.get(0))
        .optional()?
        .unwrap_or_else(|| crate::shop::DEFAULT_BRAND_COLOR.to_owned());
    Ok(CardWords {
        shop_name,
        benefit: benefit(&batch.benefit, lang),
        conditions: conditions.join(" · "),
        validity,
        brand_color,
    })
}

/// What a voucher gives, in a few words.
pub fn benefit(b: &Benefit, lang: Lang) -> String {
    match (b, lang) {
        (Benefit::Gift { gift_name, .. }, Lang::En) => format!("Gift: {gift_name}"),
        (Benefit::Gift { gift_name, .. }, Lang::ZhCn) => format!("赠品：{gift_name}"),
        (Benefit::AmountOff { cents }, Lang::En) => format!("¥{} off", yuan(*cents)),
        (Benefit::AmountOff { cents }, Lang::ZhCn) => format!("立减 ¥{}", yuan(*cents)),
        (Benefit::PercentOff { percent }, Lang::En) => format!("{percent}% off"),
        (Benefit::PercentOff { percent }, Lang::ZhCn) => format!("{} 折", zhe(*percent)),
        (Benefit::Pickup { product_name, price_cents, .. }, Lang::En) => {
            format!("{product_name}, to collect and pay ¥{}", yuan(*price_cents))
        }
        (Benefit::Pickup { product_name, unit, price_cents, .. }, Lang::ZhCn) => {
            format!("{product_name} 1{unit}，取货付 ¥{}", yuan(*price_cents))
        }
        (Benefit::Package { items, price_cents: Some(price), .. }, Lang::En) => {
            format!("1 gift package ({items}), to collect and pay ¥{}", yuan(*price))
        }
        (Benefit::Package { items, price_cents: Some(price), .. }, Lang::ZhCn) => {
            format!("礼包 1 份（{items}），取货付 ¥{}", yuan(*price))
        }
        (Benefit::Package { campaign_name, price_cents: None, .. }, Lang::En) => {
            format!("Gift package: {campaign_name}")
        }
        (Benefit::Package { campaign_name, price_cents: None, .. }, Lang::ZhCn) => {
            format!("礼包：{campaign_name}")
        }
    }
}

/// The counter's answer in a sentence; times in `zone`, the shop's.
pub fn say(r: &Redemption, lang: Lang, zone: chrono_tz::Tz) -> String {
    use Redemption::*;
    let local = |at: &str| shop::local_minute(at, zone);
    match (r, lang) {
        (Redeemed { voucher, .. }, Lang::En) => {
            format!("Redeemed — hand over: {}", benefit(&voucher.benefit, lang))
        }
        (Redeemed { voucher, .. }, Lang::ZhCn) => {
            format!("核销成功 —— 请交付：{}", benefit(&voucher.benefit, lang))
        }
        (AlreadyRedeemed { redeemed_at, redeemed_by, .. }, Lang::En) => {
            format!("Already redeemed on {}{}", local(redeemed_at), by(redeemed_by, " by "))
        }
        (AlreadyRedeemed { redeemed_at, redeemed_by, .. }, Lang::ZhCn) => {
            format!("已于 {}{} 核销过", local(redeemed_at), by(redeemed_by, " 由 "))
        }
        (NotYetValid { voucher }, Lang::En) => format!("Not valid yet: from {}", voucher.valid_from),
        (NotYetValid { voucher }, Lang::ZhCn) => format!("尚未生效：{} 起可用", voucher.valid_from),
        (Expired { voucher }, Lang::En) => format!("Expired: it was valid until {}", voucher.valid_until),
        (Expired { voucher }, Lang::ZhCn) => format!("已过期：有效期至 {}", voucher.valid_until),
        (Voided { reason, .. }, Lang::En) => format!("Voided: {reason}"),
        (Voided { reason, .. }, Lang::ZhCn) => format!("已作废：{reason}"),
        (BelowMinimum { voucher, .. }, Lang::En) => {
            format!("Needs a spend of at least ¥{}", yuan(voucher.min_spend_cents.unwrap_or(0)))
        }
        (BelowMinimum { voucher, .. }, Lang::ZhCn) => {
            format!("需消费满 ¥{} 才能使用", yuan(voucher.min_spend_cents.unwrap_or(0)))
        }
        (Mistyped { position }, Lang::En) => {
            format!("Character {position} looks mistyped — check it against the voucher")
        }
        (Mistyped { position }, Lang::ZhCn) => format!("第 {position} 位似乎输错了，请对照券面核对"),
        (Swapped { position }, Lang::En) => {
            format!("Characters {position} and {} look swapped", position + 1)
        }
        (Swapped { position }, Lang::ZhCn) => format!("第 {position}、{} 位似乎颠倒了", position + 1),
        (Malformed { message }, _) => message.clone(),
        (NotOurs, Lang::En) => "This code was not issued by this shop".into(),
        (NotOurs, Lang::ZhCn) => "这不是本店发出的券码".into(),
    }
}

fn by(staff: &str, join: &str) -> String {
    if staff.is_empty() {
        String::new()
    } else {
        format!("{join}{staff}")
    }
}
