//! The lucky draw through the database: the plan's refusals (nothing
//! written), who takes part, the freeze's commitments, the run's result and
//! the vouchers named for it, and that none of it can be done twice or
//! changed afterwards.

use chrono::{DateTime, Duration, TimeZone, Utc};
use rusqlite::Connection;

use super::*;
use crate::draw::{self as fair_draw, fair, DrawVerdict};
use crate::member::{self, ConsentInput, JoinInput, MemberInput};
use crate::purchase::{self, PurchaseInput};
use crate::{Error, Field};

/// 10:00 on 1 December 2026 in Shanghai: when the draw is set up.
fn now() -> DateTime<Utc> {
    chrono_tz::Asia::Shanghai.with_ymd_and_hms(2026, 12, 1, 10, 0, 0).unwrap().with_timezone(&Utc)
}

fn join(conn: &mut Connection, name: &str, phone: &str, community: i64, marketing: bool) -> i64 {
    let input = MemberInput {
        phone: phone.into(),
        join: Some(JoinInput { community_id: community, channel_id: None, staff_id: None }),
        ..MemberInput::new(name, ConsentInput::verbal(marketing))
    };
    member::create(conn, &input, now() - Duration::days(10)).unwrap().id
}

/// A tea shop's group with six members: five agreed to hear about offers.
fn shop() -> (Connection, i64, Vec<i64>) {
    let (mut conn, g) = crate::schedule::tests::shop_with_group();
    let mut ids = Vec::new();
    for (i, name) in ["张三", "李四", "王五", "赵六", "钱七"].iter().enumerate() {
        ids.push(join(&mut conn, name, &format!("1380000{:04}", 1001 + i), g, true));
    }
    join(&mut conn, "孙八", "13800009999", g, false);
    (conn, g, ids)
}

fn input(community: i64) -> DrawInput {
    DrawInput {
        name: "12月会员抽奖".into(),
        community_ids: vec![community],
        prizes: vec![
            PrizeInput {
                name: "茶具一套".into(),
                gift_id: None,
                quantity: 1,
                value_cents: 29_900,
                cost_cents: 15_000,
            },
            PrizeInput {
                name: "¥30 代金券".into(),
                gift_id: None,
                quantity: 2,
                value_cents: 3_000,
                cost_cents: 3_000,
            },
        ],
        consolation: ConsolationInput { cents: 500, min_spend_cents: Some(3_000), cost_cents: 500 },
        budget_cents: 100_000,
        redemption_percent: 60,
        condition: EntryCondition::Everyone,
        freeze_at: "2026-12-15 22:00".into(),
        draw_at: "2026-12-16 20:00".into(),
        claim_until: "2026-12-31".into(),
        public_value_source: "12月16日上证指数收盘价".into(),
        contact: "021-5555 0000".into(),
    }
}

fn at(text: &str) -> DateTime<Utc> {
    plan::local_time(text, chrono_tz::Asia::Shanghai).unwrap()
}

fn campaigns(conn: &Connection) -> i64 {
    conn.query_row("SELECT count(*) FROM campaign", [], |r| r.get(0)).unwrap()
}

#[test]
fn the_plan_costs_the_urn_and_says_what_the_rules_require() {
    let (conn, g, _) = shop();
    let plan = preview(&conn, &input(g), now()).unwrap();
    assert!(!plan.refused, "{:?}", plan.checks);
    // Five take part (孙八 gave no marketing consent): 1 + 2 prizes, 2 consolation vouchers.
    assert_eq!((plan.entrants, plan.entrants_at_most), (5, 5));
    assert_eq!(plan.max_cost_cents, 15_000 + 2 * 3_000 + 2 * 500);
    assert_eq!(plan.expected_cost_cents, (15_000 + 2 * 3_000 + 2 * 500) * 60 / 100);
    // The disclosure: prizes with value and quantity, conditions, freeze, draw,
    // claim deadline and lapse, organiser and contact, the fairness commitment.
    for part in [
        "茶具一套（价值¥299）×1",
        "¥30 代金券（价值¥30）×2",
        "参与奖 ¥5 代金券（满¥30可用）",
        "12月15日",
        "12月16日（周三）20:00",
        "12月31日前",
        "逾期视为弃奖",
        "茶香茶馆",
        "021-5555 0000",
        "名单哈希",
        "上证指数收盘价",
    ] {
        assert!(plan.announcement_zh.contains(part), "{part} missing from:\n{}", plan.announcement_zh);
    }
    for part in ["worth ¥299", "× 2", "freezes", "claim by 31 Dec", "lapse", "hash"] {
        assert!(plan.announcement_en.contains(part), "{part} missing from:\n{}", plan.announcement_en);
    }
    assert_eq!(plan.schedules.len(), 2, "a reminder to freeze and one to draw");
    assert_eq!(plan.posts.len(), 1);
}

#[test]
fn a_refused_plan_names_each_problem_and_writes_nothing() {
    let (mut conn, g, _) = shop();
    let cases: Vec<(DrawInput, &str)> = vec![
        (DrawInput { budget_cents: 20_000, ..input(g) }, "budget"),
        (
            DrawInput {
                prizes: vec![PrizeInput {
                    name: "金条".into(),
                    gift_id: None,
                    quantity: 1,
                    value_cents: 5_000_001,
                    cost_cents: 10,
                }],
                ..input(g)
            },
            "prizes",
        ),
        (DrawInput { prizes: Vec::new(), ..input(g) }, "prizes"),
        (DrawInput { freeze_at: "2026-11-30 22:00".into(), ..input(g) }, "when"),
        (DrawInput { draw_at: "2026-12-15 21:00".into(), ..input(g) }, "when"),
        (DrawInput { claim_until: "2026-12-15".into(), ..input(g) }, "claim"),
        (DrawInput { public_value_source: " ".into(), ..input(g) }, "public_value"),
        (
            DrawInput { public_value_source: "上".repeat(super::PUBLIC_VALUE_MAX + 1), ..input(g) },
            "public_value",
        ),
        (DrawInput { contact: "9".repeat(super::CONTACT_MAX + 1), ..input(g) }, "contact"),
        (DrawInput { name: "抽".repeat(super::NAME_MAX + 1), ..input(g) }, "name"),
        (DrawInput { community_ids: Vec::new(), ..input(g) }, "communities"),
    ];
    for (bad, rule) in cases {
        let plan = preview(&conn, &bad, now()).unwrap();
        assert!(plan.refused && plan.checks.iter().any(|c| c.rule == rule), "{rule}: {:?}", plan.checks);
        assert!(matches!(apply(&mut conn, &bad, None, now()), Err(Error::PlanRefused { .. })));
    }
    assert_eq!(campaigns(&conn), 0);
    // ¥50,000 itself is allowed.
    let top = DrawInput {
        prizes: vec![PrizeInput {
            name: "金条".into(),
            gift_id: None,
            quantity: 1,
            value_cents: 5_000_000,
            cost_cents: 10,
        }],
        ..input(g)
    };
    assert!(!preview(&conn, &top, now()).unwrap().checks.iter().any(|c| c.rule == "prizes"));
}

#[test]
fn freeze_then_run_gives_the_fair_result_and_names_a_voucher_to_everyone() {
    let (mut conn, g, ids) = shop();
    let id = apply(&mut conn, &input(g), None, now()).unwrap().id;
    // Not before its time.
    let early = at("2026-12-15 21:59");
    assert!(
        matches!(freeze(&mut conn, id, early), Err(Error::DrawFreezeNotYet { at }) if at == "2026-12-15 22:00")
    );
    assert_eq!(console(&conn, id, early).unwrap().stage, DrawStage::Open);
    // Someone who joins before the freeze takes part.
    let late = join(&mut conn, "周九", "13800001099", g, true);
    let frozen = freeze(&mut conn, id, at("2026-12-15 22:00")).unwrap();
    assert_eq!(frozen.stage, DrawStage::Frozen);
    assert_eq!(frozen.entrants, 6);
    assert_eq!(frozen.labels[0], "张* (1001)");
    assert_eq!(frozen.list_sha256.as_deref(), Some(fair::hex(&fair::list_hash(&frozen.labels)).as_str()));
    assert!(frozen.commitment_post.as_deref().unwrap().contains(frozen.seed_sha256.as_deref().unwrap()));
    assert!(frozen.shop_seed.is_none(), "the seed stays secret until the draw");
    assert!(matches!(freeze(&mut conn, id, at("2026-12-15 23:00")), Err(Error::DrawFrozen)));
    // Joining after the freeze changes nothing.
    join(&mut conn, "吴十", "13800001100", g, true);
    assert_eq!(console(&conn, id, at("2026-12-16 10:00")).unwrap().entrants, 6);

    let draw_time = at("2026-12-16 20:00");
    assert!(matches!(
        run(&mut conn, id, "3391.45", draw_time - Duration::minutes(1)),
        Err(Error::DrawNotYet { .. })
    ));
    let empty = run(&mut conn, id, "  ", draw_time).unwrap_err();
    assert_eq!(empty.field(), Some(Field::PublicValue));
    let drawn = run(&mut conn, id, " 3391.45 ", draw_time).unwrap();
    assert_eq!(drawn.stage, DrawStage::Drawn);
    assert_eq!(drawn.public_value.as_deref(), Some("3391.45"));

    // The result is the fair draw of the published inputs, and checks out.
    let published = published(&conn, id).unwrap();
    let seed: [u8; 32] = fair::unhex(drawn.shop_seed.as_deref().unwrap()).unwrap().try_into().unwrap();
    assert_eq!(published.result, fair::draw(&drawn.labels, &seed, "3391.45", &[1, 2]));
    assert_eq!(fair_draw::verify(&published), DrawVerdict::Matches);
    // Exactly one first prize, two second, three consolation; each voucher named to its winner.
    let ranks: Vec<i64> = drawn.winners.iter().map(|w| w.rank).collect();
    assert_eq!(ranks, [1, 2, 2, 0, 0, 0]);
    let named: Vec<String> = conn
        .prepare(
            "SELECT v.holder_name FROM draw_entry e JOIN voucher v ON v.serial = e.serial
             WHERE e.campaign_id = ?1 ORDER BY e.number",
        )
        .unwrap()
        .query_map([id], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    assert_eq!(named, ["张三", "李四", "王五", "赵六", "钱七", "周九"]);
    assert!(drawn.winners.iter().all(|w| w.code.len() > 8));
    assert!(drawn.result_post.as_deref().unwrap().contains("3391.45"));
    let _ = (ids, late);

    // Never twice, and the database refuses a changed result.
    assert!(matches!(run(&mut conn, id, "3391.46", draw_time), Err(Error::DrawAlreadyRun)));
    assert!(conn
        .execute("UPDATE draw_entry SET rank = 1 WHERE campaign_id = ?1 AND rank = 0", [id])
        .is_err());
    assert!(conn
        .execute("UPDATE campaign_draw SET public_value = 'x' WHERE campaign_id = ?1", [id])
        .is_err());
    assert!(conn.execute("DELETE FROM draw_entry WHERE campaign_id = ?1", [id]).is_err());

    // A prize voucher redeems at the counter, and the budget counts it.
    let first = drawn.winners.iter().find(|w| w.rank == 1).unwrap().code.clone();
    let redeemed = crate::voucher::redeem(
        &mut conn,
        &crate::voucher::RedeemInput { code: first, staff: String::new(), spend_cents: None },
        crate::Lang::ZhCn,
        draw_time + Duration::days(1),
    )
    .unwrap();
    assert!(matches!(redeemed, crate::voucher::Redemption::Redeemed { .. }), "{redeemed:?}");
    let after = console(&conn, id, draw_time + Duration::days(1)).unwrap();
    assert_eq!(after.spent_cents, 15_000);
    let claims: Vec<(i64, i64, i64)> = after.claims.iter().map(|c| (c.rank, c.won, c.claimed)).collect();
    assert_eq!(claims, [(1, 1, 1), (2, 2, 0), (0, 3, 0)]);
}

#[test]
fn the_conditions_choose_who_takes_part() {
    let (mut conn, g, ids) = shop();
    // Spent at least ¥50 in the first half of December (after refunds).
    for (who, cents) in [(ids[0], 6_000), (ids[1], 4_000), (ids[2], 8_000)] {
        purchase::record(
            &mut conn,
            &PurchaseInput { amount_cents: cents, member_id: Some(who), ..PurchaseInput::default() },
            at("2026-12-05 15:00"),
        )
        .unwrap();
    }
    let sale: i64 =
        conn.query_row("SELECT id FROM purchase WHERE member_id = ?1", [ids[2]], |r| r.get(0)).unwrap();
    purchase::refund(&mut conn, sale, 4_000, "退一盒", "", at("2026-12-06 10:00")).unwrap();
    let spent = DrawInput {
        condition: EntryCondition::Spent {
            min_cents: 5_000,
            from: "2026-12-01".into(),
            to: "2026-12-15".into(),
        },
        ..input(g)
    };
    let id = apply(&mut conn, &spent, None, now()).unwrap().id;
    let frozen = freeze(&mut conn, id, at("2026-12-15 22:00")).unwrap();
    assert_eq!(frozen.labels, ["张* (1001)"]);

    // A pasted 接龙: by last four digits, by name; unknown and no-consent lines left out.
    let pasted = DrawInput {
        condition: EntryCondition::Pasted {
            text: "1. 小张 1002\n2、王五\n3. 不认识\n4. 孙八\n5. 王五".into(),
        },
        ..input(g)
    };
    let plan = preview(&conn, &pasted, now()).unwrap();
    assert_eq!(plan.entrants, 2);
    assert_eq!(plan.unmatched, ["3. 不认识", "4. 孙八"]);
    assert!(plan.checks.iter().any(|c| c.rule == "condition" && c.outcome == crate::campaign::Outcome::Warn));
}

#[test]
fn more_prizes_than_entrants_leaves_the_lowest_undrawn_and_an_empty_list_cannot_freeze() {
    let (mut conn, g, _) = shop();
    let many = DrawInput {
        prizes: vec![
            PrizeInput {
                name: "茶具".into(),
                gift_id: None,
                quantity: 2,
                value_cents: 29_900,
                cost_cents: 100,
            },
            PrizeInput {
                name: "茶叶".into(),
                gift_id: None,
                quantity: 10,
                value_cents: 5_000,
                cost_cents: 100,
            },
        ],
        ..input(g)
    };
    let plan = preview(&conn, &many, now()).unwrap();
    assert!(plan.checks.iter().any(|c| c.rule == "entrants" && c.message.contains("最后 7 份奖品不开出")));
    assert_eq!(plan.prizes[1].drawable, 3);
    let id = apply(&mut conn, &many, None, now()).unwrap().id;
    freeze(&mut conn, id, at("2026-12-15 22:00")).unwrap();
    let drawn = run(&mut conn, id, "3391.45", at("2026-12-16 20:00")).unwrap();
    let ranks: Vec<i64> = drawn.winners.iter().map(|w| w.rank).collect();
    assert_eq!(ranks, [1, 1, 2, 2, 2]);

    let nobody = DrawInput {
        condition: EntryCondition::Spent {
            min_cents: 1_000_000,
            from: "2026-12-01".into(),
            to: "2026-12-15".into(),
        },
        ..input(g)
    };
    let id = apply(&mut conn, &nobody, None, now()).unwrap().id;
    assert!(matches!(freeze(&mut conn, id, at("2026-12-15 22:00")), Err(Error::NoEntrants)));
    let entries: i64 =
        conn.query_row("SELECT count(*) FROM draw_entry WHERE campaign_id = ?1", [id], |r| r.get(0)).unwrap();
    assert_eq!(entries, 0);
    assert_eq!(console(&conn, id, at("2026-12-15 22:00")).unwrap().stage, DrawStage::FreezeDue);
}

#[test]
fn members_who_left_or_asked_to_be_erased_take_no_part() {
    let (mut conn, g, ids) = shop();
    let membership: i64 =
        conn.query_row("SELECT id FROM membership WHERE member_id = ?1", [ids[0]], |r| r.get(0)).unwrap();
    member::leave(&mut conn, membership, now()).unwrap();
    member::erase(&mut conn, ids[1], now()).unwrap();
    let plan = preview(&conn, &input(g), now()).unwrap();
    assert_eq!(plan.entrants, 3, "five with consent, less one who left and one erased");
    let id = apply(&mut conn, &input(g), None, now()).unwrap().id;
    let frozen = freeze(&mut conn, id, at("2026-12-15 22:00")).unwrap();
    assert_eq!(frozen.labels, ["王* (1003)", "赵* (1004)", "钱* (1005)"]);
}

#[test]
fn nothing_lets_the_shop_choose_a_result_after_the_freeze() {
    let (mut conn, g, ids) = shop();
    // Not frozen by the draw time: too late to freeze, the public value may be out.
    let late = apply(&mut conn, &input(g), None, now()).unwrap().id;
    assert!(matches!(freeze(&mut conn, late, at("2026-12-16 20:00")), Err(Error::DrawFreezeMissed { .. })));

    let id = apply(&mut conn, &input(g), None, now()).unwrap().id;
    freeze(&mut conn, id, at("2026-12-15 22:00")).unwrap();
    // Frozen and not drawn: no cancelling a result one does not like.
    let refused = crate::campaign::cancel(&mut conn, id, "closing", at("2026-12-16 10:00")).unwrap_err();
    assert!(matches!(refused, Error::DrawFrozenNotCancelled));
    // One spelling per number: "03391.450" is drawn as "3391.45"; words are refused at the field.
    assert_eq!(
        run(&mut conn, id, "3391 points", at("2026-12-16 20:00")).unwrap_err().field(),
        Some(Field::PublicValue)
    );
    let drawn = run(&mut conn, id, "03391.450", at("2026-12-16 20:00")).unwrap();
    assert_eq!(drawn.public_value.as_deref(), Some("3391.45"));
    let seed: [u8; 32] = fair::unhex(drawn.shop_seed.as_deref().unwrap()).unwrap().try_into().unwrap();
    assert_eq!(published(&conn, id).unwrap().result, fair::draw(&drawn.labels, &seed, "3391.45", &[1, 2]));
    // Drawn, it may be cancelled: the result and the named vouchers stand.
    crate::campaign::cancel(&mut conn, id, "closing", at("2026-12-16 20:10")).unwrap();
    assert_eq!(console(&conn, id, at("2026-12-17 10:00")).unwrap().winners.len(), 5);
    // An erased winner's voucher no longer carries their name.
    member::erase(&mut conn, ids[0], at("2026-12-18 10:00")).unwrap();
    let holder: String = conn
        .query_row(
            "SELECT v.holder_name FROM draw_entry e JOIN voucher v ON v.serial = e.serial WHERE e.campaign_id = ?1 AND e.member_id = ?2",
            rusqlite::params![id, ids[0]],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(holder, "");
}

#[test]
fn drawn_after_the_claim_deadline_the_prizes_stay_claimable_until_that_day() {
    let (mut conn, g, _) = shop();
    let id = apply(&mut conn, &input(g), None, now()).unwrap().id;
    freeze(&mut conn, id, at("2026-12-15 22:00")).unwrap();
    run(&mut conn, id, "3391.45", at("2027-01-05 20:00")).unwrap();
    let until: Vec<String> = conn
        .prepare("SELECT DISTINCT b.valid_until FROM draw_entry e JOIN voucher v ON v.serial = e.serial JOIN voucher_batch b ON b.id = v.batch_id WHERE e.campaign_id = ?1")
        .unwrap()
        .query_map([id], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    assert_eq!(until, ["2027-01-05"]);
}

#[test]
fn a_prize_gift_cannot_be_archived_until_the_draw_has_run_or_been_cancelled() {
    let (mut conn, g, _) = shop();
    let tea_set = crate::gift::GiftInput {
        name: "茶具一套".into(),
        kind: "lottery".into(),
        unit_cost_cents: 15_000,
        value_cents: 29_900,
        low_stock_at: None,
        packaging: String::new(),
    };
    let gift = crate::gift::create(&mut conn, &tea_set, 3, now()).unwrap().id;
    let mut with_gift = input(g);
    with_gift.prizes[0].gift_id = Some(gift);
    let id = apply(&mut conn, &with_gift, None, now()).unwrap().id;
    // Archived, the draw could not issue its vouchers at its time.
    match crate::gift::set_archived(&conn, gift, true, now()) {
        Err(Error::Invalid { field: Field::Gift, .. }) => {}
        other => panic!("expected the archive refused, got {other:?}"),
    }
    crate::campaign::cancel(&mut conn, id, "换个日子", now()).unwrap();
    assert!(crate::gift::set_archived(&conn, gift, true, now()).unwrap().archived_at.is_some());
}
