//! "Try with a sample shop": a realistic tea shop with three communities, one of
//! each kind, its staff, its members and two months of member counts, and (in `activity`)
//! channels, posters, gifts, vouchers, schedules and this week's topics, all in
//! the chosen language.

mod activity;
mod campaigns;
mod members;
mod products;

use chrono::{DateTime, Duration, Utc};
use rusqlite::{params, Connection};

use crate::community::{self, CommunityInput, Kind};
use crate::rule_templates;
use crate::settings::{self, ShopInput};
use crate::shop::{self, Shop};
use crate::staff::{self, StaffInput};
use crate::{Lang, Result};

pub(super) struct Text {
    en: &'static str,
    zh: &'static str,
}

impl Text {
    fn get(&self, lang: Lang) -> String {
        if lang == Lang::En { self.en } else { self.zh }.to_owned()
    }
}

pub(super) const fn t(en: &'static str, zh: &'static str) -> Text {
    Text { en, zh }
}

struct SampleCommunity {
    name: Text,
    kind: Kind,
    stage: &'static str,
    purpose: Text,
    goal: Text,
    rules: &'static [&'static str],
    /// Member counts, one a week, oldest first.
    weekly_members: &'static [i64],
}

const COMMUNITIES: &[SampleCommunity] = &[
    SampleCommunity {
        name: t("Daily Tea Friends", "每日茶友群"),
        kind: Kind::HighFrequency,
        stage: "value_output",
        purpose: t(
            "A tea of the day with how to brew it, member prices every Friday, and first pick of new harvests.",
            "每天推荐一款茶和冲泡方法，每周五会员价，新茶到店群友先选。",
        ),
        goal: t(
            "400 regulars who top up stored value and buy tea every week.",
            "一年内沉淀 400 位每周复购、办理储值的老茶友。",
        ),
        rules: &["no_ads", "no_links", "respect", "warnings", "orders"],
        weekly_members: &[62, 78, 95, 110, 128, 141, 156, 171],
    },
    SampleCommunity {
        name: t("Tea Gifts & Neighbours", "节礼茶与邻里联盟"),
        kind: Kind::LowFrequency,
        stage: "activation",
        purpose: t(
            "Gift boxes for the festivals, and offers from the bakery and flower shop next door.",
            "逢年过节的茶礼盒，加上隔壁面包店、花店的联名优惠。",
        ),
        goal: t("Be the street's first stop for festival gifts.", "成为这条街过节送礼的第一选择。"),
        rules: &["no_ads", "respect", "no_poaching"],
        weekly_members: &[20, 24, 31, 35, 38, 44, 47, 52],
    },
    SampleCommunity {
        name: t("Gongfu Tea Club", "功夫茶研习社"),
        kind: Kind::Niche,
        stage: "drainage",
        purpose: t(
            "Learn gongfu brewing together: a tasting session every Sunday and notes shared in the group.",
            "一起学功夫茶：每周日品鉴会，群里分享品饮笔记。",
        ),
        goal: t("A circle of 80 tea enthusiasts who bring their friends.", "形成 80 人的爱茶圈子，老带新。"),
        rules: &["on_topic", "respect"],
        weekly_members: &[8, 12, 15, 19],
    },
];

/// Sets up the sample shop in one transaction: all of it, or (on any error) none.
pub fn create(conn: &mut Connection, lang: Lang, time_zone: &str, now: DateTime<Utc>) -> Result<Shop> {
    let tx = conn.transaction()?;
    settings::set_up(
        &tx,
        &ShopInput {
            name: t("Tea Fragrance Tea House", "茶香茶馆").get(lang),
            brand: t("Tea Fragrance", "茶香").get(lang),
            industry: t("Tea shop", "茶饮茶叶").get(lang),
            time_zone: time_zone.to_owned(),
            language: lang.as_str().to_owned(),
        },
        now,
    )?;
    let today = crate::shop::today(&tx, now)?;

    let mut ids = Vec::new();
    for sample in COMMUNITIES {
        let input = CommunityInput {
            stage: Some(sample.stage.into()),
            purpose: Some(sample.purpose.get(lang)),
            goal: Some(sample.goal.get(lang)),
            rules: Some(
                sample.rules.iter().filter_map(|k| rule_templates::text(k, lang)).map(String::from).collect(),
            ),
            ..CommunityInput::new(sample.name.get(lang), sample.kind)
        };
        let id = community::write::insert(&tx, &community::validate(&input)?, now)?;
        let weeks = sample.weekly_members.len() as i64;
        for (i, count) in sample.weekly_members.iter().enumerate() {
            let day = today - Duration::weeks(weeks - 1 - i as i64);
            tx.execute(
                "INSERT INTO member_count (community_id, recorded_on, count, recorded_at) VALUES (?1, ?2, ?3, ?4)",
                params![id, day, count, now],
            )?;
        }
        ids.push(id);
    }
    let communities = activity::Communities { daily: ids[0], gifts: ids[1], club: ids[2] };
    let welcome_gift = activity::create(&tx, lang, &communities, now)?;
    let products = products::create(&tx, lang, now)?;
    campaigns::create(&tx, &communities, &products, welcome_gift, now)?;

    let staff = [
        (
            t("Tea Fragrance · Manager Lin", "茶香-林店长"),
            "manager",
            "chaxiang_lin",
            vec![ids[0], ids[1], ids[2]],
        ),
        (t("Tea Fragrance · Xiao Zhou", "茶香-小周"), "clerk", "chaxiang_zhou", vec![ids[0], ids[1]]),
        (t("Amy (weekend)", "小美（周末兼职）"), "clerk", "amy_1998", vec![ids[2]]),
    ];
    for (name, role, account, communities) in staff {
        let input = StaffInput {
            display_name: name.get(lang),
            role: role.into(),
            account_id: Some(account.into()),
            note: None,
            community_ids: Some(communities),
        };
        staff::write::insert(&tx, &staff::validate(&input)?, now)?;
    }
    members::create(&tx, lang, &ids, now)?;
    tx.commit()?;
    shop::require(conn)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::open_in_memory;
    use crate::testing::now;

    #[test]
    fn the_sample_shop_has_three_communities_one_of_each_kind_in_chinese() {
        let mut conn = open_in_memory().unwrap();
        let shop = create(&mut conn, Lang::ZhCn, "Asia/Shanghai", now()).unwrap();
        assert_eq!(shop.name, "茶香茶馆");
        let all = community::read::list(&conn, false).unwrap();
        let mut kinds: Vec<Kind> = all.iter().map(|c| c.kind).collect();
        kinds.sort_by_key(|k| k.as_str());
        assert_eq!(kinds, vec![Kind::HighFrequency, Kind::LowFrequency, Kind::Niche]);
        assert!(all.iter().all(|c| !c.rules.is_empty() && c.members.is_some()));
        let staff = staff::read::list(&conn, false).unwrap();
        assert_eq!(staff.iter().filter(|s| s.missing_brand).count(), 1, "one nickname shows the warning");
    }

    #[test]
    fn the_sample_shop_is_refused_once_a_shop_exists_and_adds_nothing() {
        let mut conn = open_in_memory().unwrap();
        create(&mut conn, Lang::En, "Europe/Berlin", now()).unwrap();
        assert_eq!(create(&mut conn, Lang::En, "Europe/Berlin", now()).unwrap_err().code(), "already_set_up");
        assert_eq!(community::read::list(&conn, true).unwrap().len(), 3);
    }

    #[test]
    fn every_page_of_the_sample_shop_has_something_on_it_in_both_languages() {
        for (lang, zone) in [(Lang::En, "Europe/London"), (Lang::ZhCn, "Asia/Shanghai")] {
            let mut conn = open_in_memory().unwrap();
            let now = now();
            create(&mut conn, lang, zone, now).unwrap();
            let communities = community::read::list(&conn, false).unwrap();
            for c in &communities {
                let channels = crate::channel::list(&conn, c.id).unwrap();
                assert!(
                    !channels.is_empty() && channels.iter().all(|ch| ch.qr.is_some()),
                    "{}: a code on every channel",
                    c.name
                );
            }
            let posters = crate::poster::list(&conn, None, now).unwrap();
            let mut templates: Vec<_> = posters.iter().map(|p| p.template.as_str()).collect();
            templates.sort();
            // One of each designer template, and the flash sale's, the gift-package
            // day's and the welcome gift's (a counter poster with the gift line).
            assert_eq!(
                templates,
                ["counter", "counter", "ladder", "spike", "stickers", "table_tent", "window"]
            );
            let campaigns = crate::campaign::list(&conn, None, now).unwrap();
            let kinds: Vec<_> = campaigns.iter().map(|c| (c.kind.as_str(), c.status.as_str())).collect();
            assert_eq!(kinds.len(), 3, "{kinds:?}");
            for kind in [("spike", "scheduled"), ("ladder", "scheduled"), ("drainage", "running")] {
                assert!(kinds.contains(&kind), "{kind:?} in {kinds:?}");
            }
            let welcome =
                campaigns.iter().find(|c| c.kind == crate::campaign::CampaignKind::Drainage).unwrap();
            assert_eq!(crate::campaign::drainage::claims(&conn, welcome.id, now).unwrap().claims.len(), 2);
            assert_eq!(crate::gift::low_stock(&conn).unwrap().len(), 1, "one gift running low");
            let products = crate::product::list(&conn, false, now).unwrap();
            let roles: Vec<_> = products.iter().map(|p| p.role.as_str()).collect();
            assert!(roles.contains(&"traffic") && roles.contains(&"profit"), "the method's mix: {roles:?}");
            let cut: Vec<_> = products.iter().filter(|p| p.reference_price_cents < p.price_cents).collect();
            assert_eq!(cut.len(), 1, "one product was cheaper this week");
            assert_eq!((cut[0].price_cents, cut[0].reference_price_cents), (3900, 2990));
            // Two batches handed out, and the flash sale's pickup codes for each of its evenings.
            let batches = crate::voucher::list(&conn, now).unwrap();
            let (pickup, handed): (Vec<_>, Vec<_>) =
                batches.iter().partition(|b| matches!(b.benefit, crate::voucher::Benefit::Pickup { .. }));
            assert_eq!((handed.len(), pickup.len()), (2, 4));
            assert!(handed.iter().all(|b| b.stats.redeemed > 0 && b.stats.redeemed < b.count));
            let titles: Vec<_> =
                crate::schedule::list(&conn, now).unwrap().into_iter().map(|s| s.rule).collect();
            assert!(titles.contains(&"FREQ=WEEKLY;BYDAY=MO,TU,WE,TH".to_string()), "{titles:?}");
            let today = crate::shop::today(&conn, now).unwrap();
            let monday =
                today - Duration::days(i64::from(chrono::Datelike::weekday(&today).num_days_from_monday()));
            let daily = communities.iter().map(|c| c.id).min();
            let week = crate::content::list(
                &conn,
                &monday.to_string(),
                &(monday + Duration::days(6)).to_string(),
                daily,
            )
            .unwrap();
            assert_eq!(week.len(), 6, "this week's topics with one day left empty");
            let members =
                crate::member::list(&conn, &crate::member::MemberFilter::default(), crate::testing::now())
                    .unwrap();
            assert_eq!(members.total, 4);
            assert!(members.rows.iter().any(|m| !m.marketing), "one member without marketing consent");
            let warnings: i64 = conn.query_row("SELECT count(*) FROM rule_event", [], |r| r.get(0)).unwrap();
            assert_eq!(warnings, 1, "a warning shows the rules in action");
            let sales = crate::purchase::list(&conn, &crate::purchase::PurchaseFilter::default()).unwrap();
            assert_eq!(sales.len(), 4, "the regulars' purchases");
            let centre = crate::reminder::centre(&conn, now).unwrap();
            assert!(!centre.upcoming.is_empty() || !centre.today_list.is_empty(), "reminders in the centre");
        }
    }

    #[test]
    fn every_sample_record_passes_its_own_editor_unchanged() {
        let mut conn = open_in_memory().unwrap();
        let now = now();
        create(&mut conn, Lang::En, "Europe/London", now).unwrap();
        for p in crate::poster::list(&conn, None, now).unwrap() {
            let input = crate::poster::PosterInput {
                template: p.template.as_str().into(),
                words: p.words.clone(),
                brand_color: p.brand_color.clone(),
            };
            crate::poster::update(&conn, p.id, &input, &Default::default(), now).unwrap();
        }
        for s in crate::schedule::list(&conn, now).unwrap() {
            let input = crate::schedule::ScheduleInput {
                title: s.title.clone(),
                purpose: s.purpose.as_str().into(),
                community_id: s.community_id,
                rule: s.rule.clone(),
                start: s.start.clone(),
                zone: s.zone.clone(),
                ends_on: s.ends_on.clone(),
                skipped: s.skipped.clone(),
                lead_minutes: s.lead_minutes,
                message: s.message.clone(),
            };
            crate::schedule::update(&mut conn, s.id, &input, now).unwrap();
        }
        for p in crate::product::list(&conn, false, now).unwrap() {
            let input = crate::product::ProductInput {
                name: p.name.clone(),
                unit: p.unit.clone(),
                price_cents: p.price_cents,
                cost_cents: p.cost_cents,
                stock: p.stock,
                role: p.role.as_str().into(),
            };
            let saved = crate::product::update(&mut conn, p.id, &input, &Default::default(), now).unwrap();
            assert_eq!(
                saved.reference_price_cents, p.reference_price_cents,
                "an unchanged save adds no price"
            );
        }
    }
}
