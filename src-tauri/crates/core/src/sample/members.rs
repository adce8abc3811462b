//! The sample shop's members: a few regulars in its communities, joined
//! through its channels and staff accounts over the last weeks, with the
//! consents they gave (not all of them agreed to marketing).

use chrono::{DateTime, Duration, Utc};
use rusqlite::{OptionalExtension, Transaction};

use super::{t, Text};
use crate::community::rule_log::{self, RuleAction, RuleEventInput};
use crate::member::{self, ConsentInput, ConsentMethod, JoinInput, MemberInput};
use crate::purchase::{self, PurchaseInput};
use crate::{Lang, Result};

struct SampleMember {
    name: Text,
    nickname: &'static str,
    phone: &'static str,
    tags: &'static [Text],
    /// Which of the shop's communities (0: daily, 1: gifts, 2: club).
    community: usize,
    method: ConsentMethod,
    marketing: bool,
    days_ago: i64,
    /// What they bought (fen, and what), a week apart from the day they joined.
    purchases: &'static [(i64, Text)],
}

const MEMBERS: &[SampleMember] = &[
    SampleMember {
        name: t("Mrs Wang", "王姐"),
        nickname: "王姐爱喝茶",
        phone: "13812345678",
        tags: &[t("Regular", "老顾客"), t("Oolong", "乌龙")],
        community: 0,
        method: ConsentMethod::Paper,
        marketing: true,
        days_ago: 40,
        purchases: &[
            (6800, t("Tieguanyin 250 g", "铁观音 250 克")),
            (3850, t("Osmanthus oolong", "桂花乌龙")),
        ],
    },
    SampleMember {
        name: t("Mr Li", "李先生"),
        nickname: "Li",
        phone: "13900001111",
        tags: &[t("Gifts", "送礼")],
        community: 1,
        method: ConsentMethod::Verbal,
        marketing: true,
        days_ago: 21,
        purchases: &[(19800, t("A gift box", "礼盒一份"))],
    },
    SampleMember {
        name: t("Lin", "小林"),
        nickname: "",
        phone: "",
        tags: &[],
        community: 0,
        method: ConsentMethod::QrForm,
        marketing: false,
        days_ago: 9,
        purchases: &[],
    },
    SampleMember {
        name: t("Auntie Chen", "陈阿姨"),
        nickname: "陈阿姨",
        phone: "13700002222",
        tags: &[t("Regular", "老顾客")],
        community: 2,
        method: ConsentMethod::Paper,
        marketing: true,
        days_ago: 3,
        purchases: &[(2500, t("Two cups of tea", "两杯茶"))],
    },
];

pub(super) fn create(tx: &Transaction, lang: Lang, communities: &[i64], now: DateTime<Utc>) -> Result<()> {
    let mut last = None;
    for m in MEMBERS {
        let community_id = communities[m.community];
        // The community's first channel and the first staff account that runs it.
        let channel_id: Option<i64> = tx
            .query_row(
                "SELECT id FROM channel WHERE community_id = ?1 ORDER BY id LIMIT 1",
                [community_id],
                |r| r.get(0),
            )
            .optional()?;
        let staff_id: Option<i64> = tx
            .query_row(
                "SELECT staff_id FROM staff_community WHERE community_id = ?1 ORDER BY staff_id LIMIT 1",
                [community_id],
                |r| r.get(0),
            )
            .optional()?;
        let consent = ConsentInput {
            method: m.method,
            marketing: m.marketing,
            recorded_by: t("Xiao Zhou", "小周").get(lang),
        };
        let input = MemberInput {
            phone: m.phone.into(),
            wechat_nickname: m.nickname.into(),
            tags: m.tags.iter().map(|tag| tag.get(lang)).collect(),
            join: Some(JoinInput { community_id, channel_id, staff_id }),
            ..MemberInput::new(&m.name.get(lang), consent)
        };
        let id = member::create_in(tx, &input, now - Duration::days(m.days_ago))?;
        // A purchase on the day they joined, and a second for the earliest regulars.
        for (i, (cents, items)) in m.purchases.iter().enumerate() {
            let sale = PurchaseInput {
                amount_cents: *cents,
                member_id: Some(id),
                items: items.get(lang),
                ..PurchaseInput::default()
            };
            purchase::record_in(tx, &sale, now - Duration::days(m.days_ago) + Duration::days(7 * i as i64))?;
        }
        last = Some((id, community_id, staff_id, m.days_ago));
    }
    // One warning, so the community page shows its rules in action.
    if let Some((member_id, community_id, staff_id, days_ago)) = last {
        let rule: Option<String> = tx
            .query_row(
                "SELECT text FROM community_rule WHERE community_id = ?1 ORDER BY position LIMIT 1",
                [community_id],
                |r| r.get(0),
            )
            .optional()?;
        if let Some(rule) = rule {
            let warning = RuleEventInput {
                member_id,
                kind: RuleAction::Warning,
                rule,
                staff_id,
                note: t(
                    "Posted another shop's ad; reminded in the group",
                    "在群里发了别家的广告，已在群里提醒",
                )
                .get(lang),
            };
            rule_log::record_in(
                tx,
                community_id,
                &warning,
                now - Duration::days(days_ago) + Duration::days(1),
            )?;
        }
    }
    Ok(())
}
