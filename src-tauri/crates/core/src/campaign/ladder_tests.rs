//! The gift-package day: the method's ladder, its checks, and a 接龙 settled
//! by address with totals checked by hand.

use chrono::{DateTime, Duration, Utc};

use super::ladder::{self, BundleItem, LadderInput, Tier};
use super::tests::shop;
use super::*;
use crate::cost_policy::{self, CostPolicy};
use crate::image_change::ImageChange;
use crate::product::{self, ProductInput};
use crate::testing::now;

/// The shop's tea (¥39, cost ¥18, traffic, 40 on the shelf) and a cake (¥61,
/// cost ¥30, profit, 25): a package worth ¥100 costing ¥48.
pub(super) fn bundle_shop() -> (Connection, i64, i64, i64) {
    let (mut conn, group, tea) = shop();
    let cake = ProductInput {
        name: "桂花糕".into(),
        unit: "盒".into(),
        price_cents: 6100,
        cost_cents: 3000,
        stock: 25,
        role: "profit".into(),
    };
    let cake = product::create(&mut conn, &cake, &ImageChange::Keep, now() - Duration::days(10)).unwrap().id;
    (conn, group, tea, cake)
}

/// Fridays at 20:00 for two weeks, the list open until 10:00 the next day.
pub(super) fn input(tea: i64, cake: i64, group: i64) -> LadderInput {
    LadderInput {
        name: String::new(),
        items: vec![
            BundleItem { product_id: tea, quantity: 1 },
            BundleItem { product_id: cake, quantity: 1 },
        ],
        solo_cents: 9800,
        tiers: vec![
            Tier { min_shares: 2, price_cents: 9000 },
            Tier { min_shares: 3, price_cents: 8500 },
            Tier { min_shares: 5, price_cents: 7500 },
        ],
        shares: 20,
        rule: ladder::PRESET_RULE.into(),
        start: "2026-11-27 20:00".into(),
        cutoff_minutes: ladder::DEFAULT_CUTOFF_MINUTES,
        ends_on: "2026-12-04".into(),
        community_ids: vec![group],
        lead_minutes: 60,
        poster_channel_id: None,
    }
}

fn refusals(plan: &ladder::LadderPlan) -> Vec<&str> {
    plan.checks.iter().filter(|c| c.outcome == Outcome::Refuse).map(|c| c.rule.as_str()).collect()
}

#[test]
fn the_methods_ladder_is_scaled_to_the_package_and_each_tier_has_its_margin() {
    let (conn, group, tea, cake) = bundle_shop();
    let plan = ladder::preview(&conn, &input(tea, cake, group), now()).unwrap();
    assert!(!plan.refused, "{:?}", plan.checks);
    assert!(
        plan.checks.is_empty(),
        "a traffic and a profit product, every price above cost: {:?}",
        plan.checks
    );
    assert_eq!((plan.value_cents, plan.cost_cents, plan.available), (10000, 4800, 25));
    let suggested: Vec<(i64, i64)> = plan.suggested.iter().map(|t| (t.min_shares, t.price_cents)).collect();
    assert_eq!(suggested, [(2, 9000), (3, 8500), (5, 7500)]);
    let margins: Vec<(i64, i64, i64)> =
        plan.prices.iter().map(|p| (p.min_shares, p.margin_cents, p.margin_percent)).collect();
    assert_eq!(margins, [(1, 5000, 51), (2, 4200, 46), (3, 3700, 43), (5, 2700, 36)]);
    // Two Fridays; the announcement at 20:00 and the last call at 09:00 on Saturday.
    assert_eq!(
        plan.sessions.iter().map(|s| s.day.as_str()).collect::<Vec<_>>(),
        ["2026-11-27", "2026-12-04"]
    );
    let when: Vec<(&str, &str)> = plan.posts[..2].iter().map(|p| (p.day.as_str(), p.time.as_str())).collect();
    assert_eq!(when, [("2026-11-27", "20:00"), ("2026-11-28", "09:00")]);
    let body = &plan.posts[0].body;
    assert!(body.contains("2份起 ¥90/份、3份起 ¥85/份、5份起 ¥75/份"), "{body}");
    assert!(body.contains("接龙格式：地址-份数"), "{body}");
    assert!(body.contains("周六 10:00 截止接龙"), "{body}");
    // A package worth ¥200 gets the same ladder at twice the prices.
    assert_eq!(
        ladder::suggested(20000).iter().map(|t| t.price_cents).collect::<Vec<_>>(),
        [18000, 17000, 15000]
    );
}

#[test]
fn a_ladder_that_does_not_fall_a_free_tier_unknown_products_and_an_empty_shelf_are_refused() {
    let (conn, group, tea, cake) = bundle_shop();
    let base = input(tea, cake, group);
    let case = |i: LadderInput| ladder::preview(&conn, &i, now()).unwrap();
    let not_rising = case(LadderInput {
        tiers: vec![Tier { min_shares: 3, price_cents: 8500 }, Tier { min_shares: 2, price_cents: 9000 }],
        ..base.clone()
    });
    assert!(refusals(&not_rising).contains(&"tiers"), "{:?}", not_rising.checks);
    let free = case(LadderInput { tiers: vec![Tier { min_shares: 2, price_cents: 0 }], ..base.clone() });
    assert!(refusals(&free).contains(&"tiers"));
    let unknown =
        case(LadderInput { items: vec![BundleItem { product_id: 999, quantity: 1 }], ..base.clone() });
    assert!(refusals(&unknown).contains(&"bundle"));
    let too_many = case(LadderInput { shares: 26, ..base.clone() });
    assert!(refusals(&too_many).contains(&"shares"), "25 cakes make 25 packages");
    let only_tea =
        case(LadderInput { items: vec![BundleItem { product_id: tea, quantity: 1 }], ..base.clone() });
    assert!(only_tea.checks.iter().any(|c| c.rule == "mix" && c.outcome == Outcome::Warn));
    let dear = case(LadderInput {
        solo_cents: 12000,
        tiers: vec![Tier { min_shares: 2, price_cents: 11000 }],
        ..base.clone()
    });
    assert!(dear.checks.iter().any(|c| c.rule == "dearer" && c.outcome == Outcome::Warn));
}

#[test]
fn a_tier_below_cost_is_refused_unless_the_policy_allows_it() {
    let (conn, group, tea, cake) = bundle_shop();
    let cheap =
        LadderInput { tiers: vec![Tier { min_shares: 2, price_cents: 4500 }], ..input(tea, cake, group) };
    assert!(refusals(&ladder::preview(&conn, &cheap, now()).unwrap()).contains(&"below_cost"));
    cost_policy::set(&conn, CostPolicy::Warn, now()).unwrap();
    let plan = ladder::preview(&conn, &cheap, now()).unwrap();
    assert!(!plan.refused);
    assert!(plan.checks.iter().any(|c| c.rule == "below_cost" && c.outcome == Outcome::Warn));
}

/// Saturday morning, after the first Friday's list closed.
pub(super) fn saturday() -> DateTime<Utc> {
    "2026-11-28T03:00:00Z".parse().unwrap()
}

pub(super) const LIST: &str = "#接龙 会员礼包日\n例：3栋2单元501-2\n\
1. 3栋2单元501-2\n\
2. 3号楼2单元501室-1\n\
3. ５栋１单元１０２－１\n\
4. 5栋1单元102 2份\n\
5. 7栋303\n\
6. 3-2-501-1\n\
7. 5幢1单元102-2\n\
我也要一份\n";

#[test]
fn a_finished_jielong_is_settled_by_address_at_the_tier_reached_and_settling_twice_doubles_nothing() {
    let (mut conn, group, tea, cake) = bundle_shop();
    let made = ladder::apply(&mut conn, &input(tea, cake, group), None, now()).unwrap();
    assert_eq!((made.sessions, made.content_ids.len(), made.schedule_ids.len()), (2, 4, 1));
    let got = ladder::settle(&mut conn, made.id, None, LIST, saturday()).unwrap();
    assert_eq!(got.day, "2026-11-27");
    // By hand: 3-2-501 has 2 + 1 + 1 = 4 packages → the 3-package tier, ¥85 × 4 = ¥340;
    // 5-1-102 has 1 + 2 + 2 = 5 → ¥75 × 5 = ¥375; 7-303 has 1 → solo ¥98.
    let rows: Vec<(&str, Vec<usize>, i64, i64, i64)> = got
        .addresses
        .iter()
        .map(|a| (a.address.as_str(), a.lines.clone(), a.shares, a.price_cents, a.total_cents))
        .collect();
    assert_eq!(
        rows,
        [
            ("3栋2单元501", vec![3, 4, 8], 4, 8500, 34000),
            ("5栋1单元102", vec![5, 6, 9], 5, 7500, 37500),
            ("7栋303", vec![7], 1, 9800, 9800),
        ]
    );
    assert_eq!((got.shares, got.revenue_cents, got.cost_cents, got.margin_cents), (10, 81300, 48000, 33300));
    assert_eq!(got.unreadable.len(), 1);
    assert_eq!(got.unreadable[0].line, 10);
    assert_eq!(got.over_by, 0);

    // Pasted again (a late line added): replaced, not added to.
    let again =
        ladder::settle(&mut conn, made.id, Some("2026-11-27"), &format!("{LIST}8. 7栋303-1\n"), saturday())
            .unwrap();
    assert_eq!((again.shares, again.addresses[2].shares, again.addresses[2].price_cents), (11, 2, 9000));
    let stored = ladder::settled(&conn, made.id, None, saturday()).unwrap();
    assert_eq!((stored.addresses.len(), stored.revenue_cents), (3, again.revenue_cents));
    let rows: i64 = conn.query_row("SELECT count(*) FROM ladder_order", [], |r| r.get(0)).unwrap();
    assert_eq!(rows, 3);
}

#[test]
fn a_paste_with_no_entry_a_huge_or_binary_one_changes_nothing() {
    let (mut conn, group, tea, cake) = bundle_shop();
    let made = ladder::apply(&mut conn, &input(tea, cake, group), None, now()).unwrap();
    ladder::settle(&mut conn, made.id, None, LIST, saturday()).unwrap();
    let empty = ladder::settle(&mut conn, made.id, None, "#接龙\n还没有人接", saturday());
    assert!(matches!(empty, Err(Error::Invalid { field: Field::Jielong, .. })));
    let huge = "1. 3栋2单元501-1\n".repeat(300_000);
    assert!(ladder::settle(&mut conn, made.id, None, &huge, saturday()).is_err());
    let binary = String::from_utf8_lossy(&[0x50, 0x4b, 0x03, 0x04, 0x00, 0xff]).into_owned();
    assert!(ladder::settle(&mut conn, made.id, None, &binary, saturday()).is_err());
    assert!(ladder::settle(&mut conn, made.id, Some("2026-01-02"), LIST, saturday()).is_err());
    // Lines with no address, or none worth a package: refused, the settlement kept.
    assert!(ladder::settle(&mut conn, made.id, None, "#接龙\n1. —\n2. 室\n3. 7栋303-0", saturday()).is_err());
    assert_eq!(
        ladder::settled(&conn, made.id, None, saturday()).unwrap().revenue_cents,
        81300,
        "the good settlement stays"
    );
}

#[test]
fn a_settled_days_report_counts_its_revenue_and_the_discount_given() {
    let (mut conn, group, tea, cake) = bundle_shop();
    let made = ladder::apply(&mut conn, &input(tea, cake, group), None, now()).unwrap();
    ladder::settle(&mut conn, made.id, None, LIST, saturday()).unwrap();
    let r = super::report(&conn, made.id, saturday()).unwrap();
    // By hand: 10 packages, revenue ¥813, goods ¥480, discount ¥1,000 − ¥813 = ¥187;
    // net ¥813 − ¥480 − ¥187 = ¥146; return 146 ÷ 187 = 78 %.
    assert_eq!((r.sessions.len(), r.totals.sold, r.totals.revenue_cents), (2, 10, 81300));
    assert_eq!((r.totals.cost_of_goods_cents, r.totals.discount_cents, r.net_cents), (48000, 18700, 14600));
    assert_eq!(r.return_percent, Some(78));
    // The list's row: 10 of 2 Fridays × 20 packages, ¥813.
    let row = get(&conn, made.id, saturday()).unwrap();
    assert_eq!(row.figures, Some(KeyFigures { done: 10, planned: 40, money_cents: 81300 }));
}

#[test]
fn a_cancelled_days_settlement_can_still_be_read_but_not_redone() {
    let (mut conn, group, tea, cake) = bundle_shop();
    let made = ladder::apply(&mut conn, &input(tea, cake, group), None, now()).unwrap();
    ladder::settle(&mut conn, made.id, None, LIST, saturday()).unwrap();
    cancel(&mut conn, made.id, "停电", saturday()).unwrap();
    assert_eq!(ladder::settled(&conn, made.id, None, saturday()).unwrap().revenue_cents, 81300);
    assert!(matches!(ladder::settle(&mut conn, made.id, None, LIST, saturday()), Err(Error::CampaignClosed)));
}

#[test]
fn finish_saves_the_days_poster_which_prints_the_ladder_and_keeps_its_template() {
    let (mut conn, group, tea, cake) = bundle_shop();
    let ch = super::tests::channel_with_code(&mut conn, group);
    let with_poster = LadderInput { poster_channel_id: Some(ch), ..input(tea, cake, group) };
    let preview = ladder::poster::preview(&conn, &with_poster, now()).unwrap();
    let offer = preview.offer.clone().expect("the ladder on the poster");
    assert_eq!(preview.words.headline, "会员礼包：铁观音 250g + 桂花糕");
    assert_eq!(offer.price, "单份 ¥98");
    assert_eq!(
        offer.tiers,
        [("2份起", "¥90/份"), ("3份起", "¥85/份"), ("5份起", "¥75/份")]
            .map(|(a, b)| (a.to_owned(), b.to_owned()))
    );
    assert!(offer.when.starts_with("11月27日（周五）起 20:00 开团"), "{}", offer.when);

    let made = ladder::apply(&mut conn, &with_poster, None, now()).unwrap();
    let id = made.poster_id.expect("the poster saved");
    let printed = crate::poster::printable(&conn, id, now()).unwrap();
    assert_eq!(printed.template, crate::poster::PosterTemplate::Ladder);
    assert_eq!(printed.offer, Some(offer), "the saved poster prints what the wizard showed");
    // Its template is its campaign's: the designer cannot turn it into another.
    let other = crate::poster::PosterInput {
        template: "counter".into(),
        words: printed.words.clone(),
        brand_color: String::new(),
    };
    assert!(crate::poster::update(&conn, id, &other, &crate::poster::LogoChange::Keep, now()).is_err());

    let elsewhere = LadderInput { poster_channel_id: Some(999), ..input(tea, cake, group) };
    let plan = ladder::preview(&conn, &elsewhere, now()).unwrap();
    assert!(refusals(&plan).contains(&"poster"), "{:?}", plan.checks);
}
