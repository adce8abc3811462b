//! Drainage with a gift: the plan's costs and checks, what Finish makes, and
//! claims at the counter once per mobile number.

use chrono::Duration;

use super::drainage::{self, DrainageInput, Reward};
use super::tests::{channel_with_code, shop};
use super::*;
use crate::gift::{self, GiftInput};
use crate::testing::now;
use crate::voucher::{self, RedeemInput};
use crate::Lang;

/// A tea-bag sample (cost ¥3.50, 30 on the shelf) for the shop's group.
fn gift_shop() -> (Connection, i64, i64, i64) {
    let (mut conn, group, _) = shop();
    let channel = channel_with_code(&mut conn, group);
    let input = GiftInput {
        name: "茶包".into(),
        kind: "drainage".into(),
        unit_cost_cents: 350,
        value_cents: 1500,
        low_stock_at: None,
        packaging: String::new(),
    };
    let g = gift::create(&mut conn, &input, 30, now()).unwrap().id;
    (conn, group, channel, g)
}

/// Tomorrow (Sunday 22 Nov) to Saturday 5 Dec, about 50 new members, ¥300 at most.
fn input(group: i64, channel: i64, gift_id: i64) -> DrainageInput {
    DrainageInput {
        name: String::new(),
        community_id: group,
        channel_ids: vec![channel],
        reward: Reward::Gift { gift_id },
        expected_joins: 50,
        budget_cents: Some(30000),
        starts_on: "2026-11-22".into(),
        ends_on: "2026-12-05".into(),
        gift_line: String::new(),
    }
}

fn rules(plan: &drainage::DrainagePlan, outcome: Outcome) -> Vec<&str> {
    plan.checks.iter().filter(|c| c.outcome == outcome).map(|c| c.rule.as_str()).collect()
}

fn campaigns(conn: &Connection) -> i64 {
    conn.query_row("SELECT count(*) FROM campaign", [], |r| r.get(0)).unwrap()
}

#[test]
fn the_plan_costs_the_gift_per_new_member_and_reminds_to_replace_the_group_code() {
    let (conn, group, channel, g) = gift_shop();
    let plan = drainage::preview(&conn, &input(group, channel, g), now()).unwrap();
    assert!(!plan.refused, "{:?}", plan.checks);
    assert_eq!(rules(&plan, Outcome::Warn), ["stock"], "30 on the shelf for about 50: {:?}", plan.checks);
    assert_eq!((plan.unit_cost_cents, plan.cost_cents, plan.stock), (350, 17500, Some(30)));
    assert_eq!(plan.gift_line, "扫码入群 免费领茶包");
    // The code was made now (Sat 21 Nov 14:30) and lasts 7 days: replace it the
    // day before it expires, then every 6 days while the campaign runs.
    assert_eq!(plan.channels[0].replace_on, ["2026-11-27", "2026-12-03"]);
    assert_eq!(plan.schedules.len(), 1);
    assert_eq!(plan.schedules[0].rule, "FREQ=DAILY;INTERVAL=6");
    assert_eq!(plan.schedules[0].start, "2026-11-27 10:00");
    assert_eq!(plan.schedules[0].ends_on.as_deref(), Some("2026-12-05"));
    let post = &plan.posts[0];
    assert_eq!((post.day.as_str(), post.time.as_str()), ("2026-11-22", "10:00"));
    assert!(post.body.contains("到店报手机号，即可领取茶包（每个手机号限领一次）"), "{}", post.body);
    assert!(!post.body.contains("转发") && !post.body.contains("分享"), "never a reward for sharing");
    assert_eq!(plan.sessions.len(), 1);
}

#[test]
fn finish_makes_the_posters_the_reminder_and_the_post_in_one_go_and_cancel_archives_them() {
    let (mut conn, group, channel, g) = gift_shop();
    let made = drainage::apply(&mut conn, &input(group, channel, g), None, now()).unwrap();
    assert_eq!((made.poster_ids.len(), made.schedule_ids.len(), made.content_ids.len()), (1, 1, 1));
    assert_eq!(made.batch_id, None);
    let poster = crate::poster::get(&conn, made.poster_ids[0], now()).unwrap();
    assert_eq!(poster.words.gift, "扫码入群 免费领茶包");
    assert_eq!(poster.campaign_id, Some(made.id));
    assert_eq!(poster.channel_id, channel);
    let c = get(&conn, made.id, now()).unwrap();
    assert_eq!(
        (c.kind, c.status, c.name.as_str()),
        (CampaignKind::Drainage, Status::Scheduled, "入群有礼：老街茶友群")
    );

    let cancelled = cancel(&mut conn, made.id, "换成秒杀", now()).unwrap();
    assert_eq!((cancelled.schedules_ended, cancelled.posts_withdrawn), (1, 1));
    let poster = crate::poster::get(&conn, made.poster_ids[0], now()).unwrap();
    assert!(poster.archived_at.is_some(), "nobody should print a cancelled gift");
}

#[test]
fn a_plan_over_budget_or_with_bad_choices_is_refused_and_writes_nothing() {
    let (mut conn, group, channel, g) = gift_shop();
    let other = crate::community::write::create(
        &mut conn,
        &crate::community::CommunityInput::new("邻居群", crate::community::Kind::Niche),
        now(),
    )
    .unwrap()
    .id;
    let elsewhere = channel_with_code(&mut conn, other);
    let no_code = crate::channel::create(
        &conn,
        group,
        &crate::channel::ChannelInput { kind: "table_tent".into(), name: "桌牌".into() },
        now(),
    )
    .unwrap()
    .id;
    let base = input(group, channel, g);
    let cases: Vec<(&str, DrainageInput)> = vec![
        ("budget", DrainageInput { budget_cents: Some(10000), ..base.clone() }),
        ("budget", DrainageInput { budget_cents: Some(0), ..base.clone() }),
        ("channels", DrainageInput { channel_ids: vec![], ..base.clone() }),
        ("channels", DrainageInput { channel_ids: vec![elsewhere], ..base.clone() }),
        ("channels", DrainageInput { channel_ids: vec![no_code], ..base.clone() }),
        ("when", DrainageInput { starts_on: "2026-11-20".into(), ..base.clone() }),
        ("when", DrainageInput { ends_on: "2026-11-21".into(), ..base.clone() }),
        ("when", DrainageInput { ends_on: "2027-03-01".into(), ..base.clone() }),
        ("when", DrainageInput { starts_on: "22/11".into(), ..base.clone() }),
        ("joins", DrainageInput { expected_joins: 0, ..base.clone() }),
        ("gift", DrainageInput { reward: Reward::Gift { gift_id: 999 }, ..base.clone() }),
        ("gift", DrainageInput { reward: Reward::Gift { gift_id: 0 }, ..base.clone() }),
        ("gift_line", DrainageInput { gift_line: "送".repeat(81), ..base.clone() }),
        (
            "voucher",
            DrainageInput {
                reward: Reward::Voucher { cents: 0, min_spend_cents: None, valid_days: 30 },
                ..base.clone()
            },
        ),
        (
            "voucher",
            DrainageInput {
                reward: Reward::Voucher { cents: 1000, min_spend_cents: None, valid_days: 0 },
                ..base.clone()
            },
        ),
    ];
    // A new wizard's gift is not chosen yet: the plan says what to do.
    let unchosen = DrainageInput { reward: Reward::Gift { gift_id: 0 }, ..base.clone() };
    let plan = drainage::preview(&conn, &unchosen, now()).unwrap();
    let gift = plan.checks.iter().find(|c| c.rule == "gift").expect("a gift check");
    assert_eq!(gift.en, "Choose the gift new members get", "{:?}", plan.checks);
    assert_eq!(gift.zh, "请选择送给新朋友的礼品");
    for (rule, bad) in cases {
        let plan = drainage::preview(&conn, &bad, now()).unwrap();
        assert!(rules(&plan, Outcome::Refuse).contains(&rule), "{rule}: {:?}", plan.checks);
        let err = drainage::apply(&mut conn, &bad, None, now()).unwrap_err();
        assert_eq!(err.code(), crate::ErrorCode::PlanRefused);
        assert!(!err.message(Lang::ZhCn).is_empty());
    }
    assert_eq!(campaigns(&conn), 0, "nothing written");
    gift::change_stock(&mut conn, g, gift::StockChange::Counted(0), "", now()).unwrap();
    let plan = drainage::preview(&conn, &base, now()).unwrap();
    assert_eq!(rules(&plan, Outcome::Refuse), ["stock"], "an empty shelf gives nothing away");
}

#[test]
fn each_number_claims_once_the_gift_leaves_the_shelf_and_a_mistake_is_undone() {
    let (mut conn, group, channel, g) = gift_shop();
    let id = drainage::apply(&mut conn, &input(group, channel, g), None, now()).unwrap().id;
    let err = drainage::claim(&mut conn, id, "13812341234", None, now()).unwrap_err();
    assert_eq!(err.message(Lang::ZhCn), "这个活动 2026-11-22 开始，届时才能领取");

    let sunday = now() + Duration::days(1);
    let after = drainage::claim(&mut conn, id, "+86 138 1234 1234", Some(channel), sunday).unwrap();
    assert_eq!(after.stock, Some(29));
    assert_eq!(after.claims[0].phone, "138****1234");
    assert_eq!(after.claims[0].channel_name.as_deref(), Some("收银台"));

    let again = drainage::claim(&mut conn, id, "１３８ １２３４ １２３４", None, sunday + Duration::hours(2))
        .unwrap_err();
    assert_eq!(again.code(), crate::ErrorCode::AlreadyClaimed);
    assert_eq!(
        again.message(Lang::ZhCn),
        "138****1234 已在 11月22日 14:30 领过这份入群礼：每个手机号限领一次"
    );
    let bad = drainage::claim(&mut conn, id, "1381234", None, sunday).unwrap_err();
    assert_eq!(bad.field(), Some(Field::Phone));
    assert_eq!(gift::get(&conn, g).unwrap().stock, 29, "refusals move nothing");

    let undone = drainage::undo_last_claim(&mut conn, id, sunday).unwrap();
    assert_eq!((undone.stock, undone.claims.len()), (Some(30), 0));
    let moves: Vec<gift::MoveReason> = gift::moves(&conn, g).unwrap().into_iter().map(|m| m.reason).collect();
    assert!(moves.contains(&gift::MoveReason::Claimed) && moves.contains(&gift::MoveReason::ClaimUndone));
    drainage::claim(&mut conn, id, "13812341234", None, sunday).expect("the number is free again");
    assert_eq!(drainage::running(&conn, sunday).unwrap().len(), 1);

    cancel(&mut conn, id, "礼品不够", sunday).unwrap();
    let closed = drainage::claim(&mut conn, id, "13900001111", None, sunday).unwrap_err();
    assert_eq!(closed.code(), crate::ErrorCode::CampaignClosed);
    assert!(drainage::running(&conn, sunday).unwrap().is_empty());
}

#[test]
fn a_next_visit_voucher_is_named_to_the_claimant_and_redeems_at_the_counter() {
    let (mut conn, group, channel, g) = gift_shop();
    let input = DrainageInput {
        reward: Reward::Voucher { cents: 1000, min_spend_cents: None, valid_days: 30 },
        expected_joins: 3,
        ..input(group, channel, g)
    };
    let plan = drainage::preview(&conn, &input, now()).unwrap();
    assert_eq!((plan.vouchers, plan.vouchers_valid_until.as_deref()), (3, Some("2027-01-04")));
    assert_eq!((plan.reward_name.as_str(), plan.cost_cents), ("¥10下次到店券", 3000));
    let made = drainage::apply(&mut conn, &input, None, now()).unwrap();
    let batch = made.batch_id.expect("a batch of next-visit vouchers");

    let sunday = now() + Duration::days(1);
    let after = drainage::claim(&mut conn, made.id, "13812341234", None, sunday).unwrap();
    let code = after.claims[0].code.clone().expect("the voucher handed over");
    let named: i64 = conn
        .query_row(
            "SELECT count(*) FROM voucher WHERE batch_id = ?1 AND holder_name = '138****1234'",
            [batch],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(named, 1, "the voucher is named to the claimant, masked");

    let at_counter = RedeemInput { code: code.clone(), ..RedeemInput::default() };
    voucher::redeem(&mut conn, &at_counter, Lang::ZhCn, sunday + Duration::days(3)).unwrap();
    let refused = drainage::undo_last_claim(&mut conn, made.id, sunday + Duration::days(3)).unwrap_err();
    assert_eq!(refused.code(), crate::ErrorCode::VoucherClosed, "a used voucher cannot be taken back");

    drainage::claim(&mut conn, made.id, "13900001111", None, sunday).unwrap();
    drainage::claim(&mut conn, made.id, "13900002222", None, sunday).unwrap();
    let used_up = drainage::claim(&mut conn, made.id, "13900003333", None, sunday).unwrap_err();
    assert_eq!(
        used_up.message(Lang::En),
        "All 3 next-visit vouchers have been handed out; issue more from the Vouchers page"
    );

    let r = report(&conn, made.id, sunday + Duration::days(3)).unwrap();
    assert_eq!((r.totals.issued, r.totals.redeemed, r.totals.discount_cents), (3, 1, 1000));
    assert_eq!(r.return_percent, None, "the new members' purchases are not the campaign's to count");
}

#[test]
fn the_report_counts_claims_per_day_and_per_channel_with_the_gift_cost() {
    let (mut conn, group, channel, g) = gift_shop();
    let id = drainage::apply(&mut conn, &input(group, channel, g), None, now()).unwrap().id;
    let sunday = now() + Duration::days(1);
    drainage::claim(&mut conn, id, "13812341234", Some(channel), sunday).unwrap();
    drainage::claim(&mut conn, id, "13900001111", None, sunday + Duration::days(1)).unwrap();
    let r = report(&conn, id, sunday + Duration::days(1)).unwrap();
    assert_eq!(r.sessions.len(), 14, "a row per day, 22 Nov to 5 Dec");
    let days: Vec<(&str, i64, bool)> =
        r.sessions.iter().take(3).map(|s| (s.day.as_str(), s.issued, s.started)).collect();
    assert_eq!(days, [("2026-11-22", 1, true), ("2026-11-23", 1, true), ("2026-11-24", 0, false)]);
    assert_eq!((r.totals.issued, r.totals.gift_cost_cents, r.campaign_cost_cents), (2, 700, 700));
    let by: Vec<(Option<&str>, i64)> =
        r.by_channel.iter().map(|c| (c.channel.as_deref(), c.claims)).collect();
    assert_eq!(by, [(None, 1), (Some("收银台"), 1)]);
}
