//! The alliance's plan: each partner's batch (named with the partner, the
//! prefix the counter shows) and poster, the post telling the group where the
//! vouchers come from, and every check — a pure function of the input, the
//! facts read from the shop, and the time.

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use rusqlite::Connection;

use super::model::{AllianceInput, AlliancePlan, Partner, PlannedPartner};
use super::{MAX_VOUCHERS, NAME_MAX};
use crate::campaign::when::day;
use crate::campaign::{copy, Check, Outcome, PlannedPost};
use crate::gift::{self, MONEY_MAX};
use crate::money::yuan;
use crate::voucher::BenefitInput;
use crate::{shop, Lang, Result};

pub(crate) struct Facts {
    pub lang: Lang,
    pub zone: Tz,
    pub today: NaiveDate,
    /// The community's name, and whether it can run a campaign.
    pub community: Option<(String, bool)>,
    /// Each chosen partner, when it exists.
    pub partners: Vec<Option<Partner>>,
    /// The gift's name, for a gift voucher whose gift exists.
    pub gift_name: Option<String>,
}

pub(crate) fn facts(conn: &Connection, input: &AllianceInput, now: DateTime<Utc>) -> Result<Facts> {
    let community = rusqlite::OptionalExtension::optional(conn.query_row(
        "SELECT name, archived_at IS NULL FROM community WHERE id = ?1",
        [input.community_id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    ))?;
    let mut partners = Vec::with_capacity(input.partner_ids.len());
    for &id in &input.partner_ids {
        partners.push(match super::partner::get(conn, id, now) {
            Ok(p) => Some(p),
            Err(crate::Error::NotFound { .. }) => None,
            Err(e) => return Err(e),
        });
    }
    let gift_name = match input.benefit {
        BenefitInput::Gift { gift_id } => match gift::get(conn, gift_id) {
            Ok(g) if g.archived_at.is_none() => Some(g.name),
            Ok(_) | Err(crate::Error::NotFound { .. }) => None,
            Err(e) => return Err(e),
        },
        _ => None,
    };
    Ok(Facts {
        lang: shop::language_or(conn, Lang::En),
        zone: shop::zone(conn)?,
        today: shop::today(conn, now)?,
        community,
        partners,
        gift_name,
    })
}

/// What a voucher gives here: "立减 ¥10" / "¥10 off"; none for a benefit an alliance cannot give.
pub(crate) fn benefit_words(b: &BenefitInput, gift_name: Option<&str>, lang: Lang) -> Option<String> {
    Some(match (b, lang) {
        (BenefitInput::AmountOff { cents }, Lang::ZhCn) => format!("立减 ¥{}", yuan(*cents)),
        (BenefitInput::AmountOff { cents }, Lang::En) => format!("¥{} off", yuan(*cents)),
        (BenefitInput::PercentOff { percent }, Lang::ZhCn) => format!("{} 折", crate::voucher::zhe(*percent)),
        (BenefitInput::PercentOff { percent }, Lang::En) => format!("{percent}% off"),
        (BenefitInput::Gift { .. }, Lang::ZhCn) => format!("赠品：{}", gift_name?),
        (BenefitInput::Gift { .. }, Lang::En) => format!("a gift: {}", gift_name?),
        (BenefitInput::Pickup { .. }, _) => return None,
    })
}

/// "来自隔壁面包店：立减 ¥10" / "From Next Door Bakery: ¥10 off": the counter shows it.
pub(crate) fn batch_name(partner: &str, benefit: &str, lang: Lang) -> String {
    let name = match lang {
        Lang::ZhCn => format!("来自{partner}：{benefit}"),
        Lang::En => format!("From {partner}: {benefit}"),
    };
    name.chars().take(crate::voucher::NAME_MAX).collect()
}

pub(crate) fn plan(input: &AllianceInput, f: &Facts, now: DateTime<Utc>) -> AlliancePlan {
    let lang = f.lang;
    let mut checks = Vec::new();
    let mut check = |rule: &str, outcome: Outcome, en: String, zh: String| {
        checks.push(Check::new(rule, outcome, lang, en, zh))
    };
    let usable = [(input.community_id, f.community.as_ref().is_some_and(|(_, ok)| *ok))];
    for (en, zh) in crate::campaign::community_refusals(&[input.community_id], &usable) {
        check("community", Outcome::Refuse, en, zh);
    }
    let community_name = f.community.as_ref().map(|(n, _)| n.clone()).unwrap_or_default();

    // The vouchers.
    let words = |l: Lang| benefit_words(&input.benefit, f.gift_name.as_deref(), l);
    match input.benefit {
        BenefitInput::AmountOff { cents } if !(1..=MONEY_MAX).contains(&cents) => check(
            "benefit",
            Outcome::Refuse,
            "The voucher needs an amount above ¥0".into(),
            "券的金额须大于 ¥0".into(),
        ),
        BenefitInput::PercentOff { percent } if !(1..=crate::voucher::PERCENT_OFF_MAX).contains(&percent) => {
            check(
                "benefit",
                Outcome::Refuse,
                format!("The discount must be 1 to {}% off", crate::voucher::PERCENT_OFF_MAX),
                format!("折扣须为减 1% 到 {}%", crate::voucher::PERCENT_OFF_MAX),
            )
        }
        BenefitInput::Gift { .. } if f.gift_name.is_none() => check(
            "benefit",
            Outcome::Refuse,
            "That gift is not in the catalogue (or is archived)".into(),
            "这个礼品不在礼品库中（或已归档）".into(),
        ),
        BenefitInput::Pickup { .. } => check(
            "benefit",
            Outcome::Refuse,
            "A partner gives out money off, a discount or a gift".into(),
            "合作商家发放的券须为立减、折扣或赠品".into(),
        ),
        _ => {}
    }
    let amount = match input.benefit {
        BenefitInput::AmountOff { cents } => cents,
        _ => 0,
    };
    if input.min_spend_cents.is_some_and(|m| m <= amount || m > MONEY_MAX) {
        check(
            "benefit",
            Outcome::Refuse,
            "The minimum spend must be above the voucher's amount".into(),
            "使用门槛须高于券的金额".into(),
        );
    }
    if !(1..=MAX_VOUCHERS).contains(&input.vouchers_per_partner) {
        check(
            "vouchers",
            Outcome::Refuse,
            format!("Each partner gets 1 to {MAX_VOUCHERS} vouchers"),
            format!("每家合作商家发放 1 到 {MAX_VOUCHERS} 张券"),
        );
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
        (Some(_), Some(b)) if b < f.today => {
            check("when", Outcome::Refuse, "The last day has passed".into(), "结束日期已经过去".into())
        }
        (Some(_), Some(_)) => {}
        _ => check(
            "when",
            Outcome::Refuse,
            "Choose the vouchers' first and last day".into(),
            "请选择券的开始和结束日期".into(),
        ),
    }

    // The partners: each of this community, its agreement covering the vouchers' days.
    if input.partner_ids.is_empty() {
        check(
            "partners",
            Outcome::Refuse,
            "Choose at least one partner store".into(),
            "请至少选择一家合作商家".into(),
        );
    }
    let mut seen = std::collections::HashSet::new();
    if input.partner_ids.iter().any(|id| !seen.insert(*id)) {
        check(
            "partners",
            Outcome::Refuse,
            "A partner store is chosen twice".into(),
            "同一家合作商家被选了两次".into(),
        );
    }
    let benefit = words(lang).unwrap_or_default();
    let mut partners = Vec::new();
    for (id, p) in input.partner_ids.iter().zip(&f.partners) {
        let Some(p) = p else {
            check(
                "partners",
                Outcome::Refuse,
                format!("Partner {id} is not in the shop's list"),
                format!("合作商家 {id} 不在列表中"),
            );
            continue;
        };
        if p.community_id != input.community_id {
            check(
                "partners",
                Outcome::Refuse,
                format!("{} brings customers to {}, not this community", p.name, p.community),
                format!("{} 是「{}」的合作商家，不是这个社群的", p.name, p.community),
            );
        }
        if let (Some(a), Some(b)) = (first, last) {
            if a.to_string() < p.agreement_from || b.to_string() > p.agreement_to {
                check(
                    "partners",
                    Outcome::Refuse,
                    format!(
                        "The vouchers' days must fall within the agreement with {} ({} to {})",
                        p.name, p.agreement_from, p.agreement_to
                    ),
                    format!(
                        "券的日期须在与{}的合作期内（{} 至 {}）",
                        p.name, p.agreement_from, p.agreement_to
                    ),
                );
            }
        }
        partners.push(PlannedPartner {
            id: p.id,
            name: p.name.clone(),
            batch_name: batch_name(&p.name, &benefit, lang),
            agreement_to: p.agreement_to.clone(),
        });
    }

    let name_in = |lang: Lang| {
        if input.name.trim().is_empty() {
            match lang {
                Lang::ZhCn => format!("邻里联盟：{community_name}"),
                Lang::En => format!("Alliance: {community_name}"),
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
    let names = |l: Lang| {
        partners.iter().map(|p| p.name.clone()).collect::<Vec<_>>().join(if l == Lang::ZhCn {
            "、"
        } else {
            ", "
        })
    };
    let dates = |l: Lang| match (first, last) {
        (Some(a), Some(b)) => (copy::date(a, l), copy::date(b, l)),
        _ => (String::new(), String::new()),
    };
    let announce = |l: Lang| {
        let (a, b) = dates(l);
        let w = words(l).unwrap_or_default();
        match l {
            Lang::ZhCn => format!(
                "【{}】我们和邻居{}结成了邻里联盟。\n在他们店里可以领到本店的联盟券（{w}），{a}至{b}到本店出示即可使用，每张限用一次。\n券只在本店使用；有问题请问店员。",
                name_in(l),
                names(l)
            ),
            Lang::En => format!(
                "[{}] We have teamed up with our neighbours {}.\nAsk for our alliance voucher there ({w}) and show it here between {a} and {b}; each voucher is used once.\nThe vouchers are used at our shop only; ask us if anything is unclear.",
                name_in(l),
                names(l)
            ),
        }
    };
    let (announcement_zh, announcement_en) = (announce(Lang::ZhCn), announce(Lang::En));
    let gift_line: String = match lang {
        Lang::ZhCn => format!("凭联盟券到店：{benefit}"),
        Lang::En => format!("Alliance voucher: {benefit}"),
    }
    .chars()
    .take(crate::poster::LINE_MAX)
    .collect();

    // It has no session: it runs every day of the vouchers' validity (its
    // status says so) without taking an evening from the group, so other
    // campaigns in the community are not warned of a clash all month.
    let mut posts = Vec::new();
    if let Some(a) = first {
        let post_day = a.max(f.today);
        posts.push(PlannedPost {
            community_id: input.community_id,
            day: post_day.to_string(),
            time: if post_day == f.today {
                now.with_timezone(&f.zone).format("%H:%M").to_string()
            } else {
                "10:00".into()
            },
            topic: name.chars().take(crate::content::TOPIC_MAX).collect(),
            body: if lang == Lang::ZhCn { announcement_zh.clone() } else { announcement_en.clone() },
        });
    }
    let refused = checks.iter().any(|c| c.outcome == Outcome::Refuse);
    AlliancePlan {
        name,
        vouchers: input.vouchers_per_partner.max(0) * partners.len() as i64,
        partners,
        benefit,
        gift_line,
        announcement_zh,
        announcement_en,
        posts,
        checks,
        refused,
    }
}
