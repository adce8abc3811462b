use std::collections::HashSet;
use std::sync::{Arc, Barrier};

use chrono::Duration;

use super::*;
use crate::db::{open, open_in_memory};
use crate::gift::{self, GiftInput};
use crate::testing::{now, tea_shop};
use crate::{settings, Error, Field, Lang};

fn tea_bag() -> GiftInput {
    GiftInput {
        name: "精美茶包".into(),
        kind: "drainage".into(),
        unit_cost_cents: 350,
        value_cents: 1500,
        low_stock_at: Some(2),
        packaging: String::new(),
    }
}

/// A shop in Shanghai with a gift of `stock` and a batch of `count` vouchers for it.
fn shop_with_batch(conn: &mut rusqlite::Connection, count: i64, stock: i64) -> (i64, Batch) {
    settings::set_up(conn, &tea_shop(), now()).unwrap();
    let g = gift::create(conn, &tea_bag(), stock, now()).unwrap();
    let b = issue(conn, &BatchInput::new(BenefitInput::Gift { gift_id: g.id }, count, "2026-12-31"), now())
        .unwrap();
    (g.id, b)
}

fn redeem_now(conn: &mut rusqlite::Connection, code: &str) -> Redemption {
    redeem(
        conn,
        &RedeemInput { code: code.into(), staff: "小美".into(), spend_cents: None },
        Lang::ZhCn,
        now(),
    )
    .unwrap()
}

#[test]
fn a_batch_issues_every_voucher_with_a_distinct_code_that_reads_back() {
    let mut conn = open_in_memory().unwrap();
    let (_, b) = shop_with_batch(&mut conn, 250, 10);
    assert_eq!((b.count, b.name.as_str(), b.valid_from.as_str()), (250, "赠品：精美茶包", "2026-11-21"));
    let codes = codes(&conn, b.id).unwrap();
    assert_eq!(codes.len(), 250);
    assert_eq!(codes.iter().collect::<HashSet<_>>().len(), 250);
    let key = key::existing(&conn).unwrap().unwrap();
    for c in &codes {
        assert!(code::parse(c, &key).is_ok(), "{c}");
    }
}

#[test]
fn redeeming_twice_reports_the_first_redemption() {
    let mut conn = open_in_memory().unwrap();
    let (gift_id, b) = shop_with_batch(&mut conn, 3, 10);
    let c = codes(&conn, b.id).unwrap().remove(0);
    let first = redeem_now(&mut conn, &c.to_lowercase());
    let Redemption::Redeemed { voucher, stock_left, redeemed_at } = &first else { panic!("{first:?}") };
    assert_eq!((voucher.code.as_str(), *stock_left), (c.as_str(), Some(9)));
    let again = redeem_now(&mut conn, &c);
    assert_eq!(
        again,
        Redemption::AlreadyRedeemed {
            voucher: voucher.clone(),
            redeemed_at: redeemed_at.clone(),
            redeemed_by: "小美".into()
        }
    );
    assert_eq!(gift::get(&conn, gift_id).unwrap().stock, 9, "the second scan moves no stock");
    let history = gift::moves(&conn, gift_id).unwrap();
    assert_eq!(
        (history[0].reason, history[0].code.as_deref()),
        (gift::MoveReason::Redeemed, Some(c.as_str()))
    );
}

#[test]
fn a_typo_is_named_with_its_position_and_redeems_nothing() {
    let mut conn = open_in_memory().unwrap();
    let (gift_id, b) = shop_with_batch(&mut conn, 1, 10);
    let c = codes(&conn, b.id).unwrap().remove(0);
    // Change the 7th symbol (the hyphen after the first group is not counted).
    let mut chars: Vec<char> = c.chars().collect();
    chars[7] = if chars[7] == 'X' { 'Y' } else { 'X' };
    let typo: String = chars.iter().collect();
    assert_eq!(redeem_now(&mut conn, &typo), Redemption::Mistyped { position: 7 });
    assert_eq!(gift::get(&conn, gift_id).unwrap().stock, 10);
    assert!(matches!(redeem_now(&mut conn, &c), Redemption::Redeemed { .. }));
}

#[test]
fn codes_of_another_shop_and_nonsense_are_told_apart() {
    let mut conn = open_in_memory().unwrap();
    shop_with_batch(&mut conn, 1, 10);
    let other = code::encode(1, &code::VoucherKey::from_bytes([7; 32])).unwrap();
    assert_eq!(redeem_now(&mut conn, &other), Redemption::NotOurs);
    let Redemption::Malformed { message } = redeem_now(&mut conn, "K7QM-3XPA") else { panic!() };
    assert!(message.contains("20"), "{message}");
}

#[test]
fn validity_voiding_and_minimum_spend_each_get_their_answer() {
    let mut conn = open_in_memory().unwrap();
    settings::set_up(&conn, &tea_shop(), now()).unwrap();
    let later = BatchInput {
        valid_from: Some("2026-12-01".into()),
        ..BatchInput::new(BenefitInput::AmountOff { cents: 1000 }, 1, "2026-12-31")
    };
    let later_id = issue(&mut conn, &later, now()).unwrap().id;
    let later = codes(&conn, later_id).unwrap().remove(0);
    assert!(matches!(redeem_now(&mut conn, &later), Redemption::NotYetValid { .. }));

    let short =
        issue(&mut conn, &BatchInput::new(BenefitInput::PercentOff { percent: 10 }, 2, "2026-11-21"), now())
            .unwrap();
    let short_code = codes(&conn, short.id).unwrap().remove(0);
    let next_day = now() + Duration::days(1);
    let expired = redeem(
        &mut conn,
        &RedeemInput { code: short_code.clone(), ..Default::default() },
        Lang::En,
        next_day,
    )
    .unwrap();
    assert!(matches!(expired, Redemption::Expired { .. }), "{expired:?}");
    assert_eq!(get(&conn, short.id, next_day).unwrap().stats.expired, 2);

    let voided = void(&conn, short.id, "printed with a typo", now()).unwrap();
    assert!(voided.voided_at.is_some());
    let Redemption::Voided { reason, .. } = redeem_now(&mut conn, &short_code) else { panic!() };
    assert_eq!(reason, "printed with a typo");
    assert!(matches!(void(&conn, short.id, "again", now()), Err(Error::BatchVoided)));

    let min = BatchInput {
        min_spend_cents: Some(5000),
        ..BatchInput::new(BenefitInput::AmountOff { cents: 1000 }, 1, "2026-12-31")
    };
    let min_id = issue(&mut conn, &min, now()).unwrap().id;
    let min = codes(&conn, min_id).unwrap().remove(0);
    let low = redeem(
        &mut conn,
        &RedeemInput { code: min.clone(), spend_cents: Some(4999), ..Default::default() },
        Lang::En,
        now(),
    );
    assert!(matches!(low.unwrap(), Redemption::BelowMinimum { spend_cents: Some(4999), .. }));
    let ok = redeem(
        &mut conn,
        &RedeemInput { code: min, spend_cents: Some(5000), ..Default::default() },
        Lang::En,
        now(),
    );
    assert!(matches!(ok.unwrap(), Redemption::Redeemed { stock_left: None, .. }));
}

#[test]
fn a_single_voucher_can_be_voided_with_a_reason() {
    let mut conn = open_in_memory().unwrap();
    let (_, b) = shop_with_batch(&mut conn, 2, 10);
    let c = codes(&conn, b.id).unwrap().remove(1);
    void_voucher(&mut conn, &c, "lost by the customer", Lang::En, now()).unwrap();
    assert!(matches!(redeem_now(&mut conn, &c), Redemption::Voided { .. }));
    assert!(matches!(void_voucher(&mut conn, &c, "again", Lang::En, now()), Err(Error::VoucherClosed)));
    let err = void_voucher(&mut conn, &c, " ", Lang::En, now()).unwrap_err();
    assert_eq!(err.field(), Some(Field::Reason));
}

#[test]
fn a_redemption_can_be_undone_by_its_code_within_ten_minutes_and_the_undo_is_logged() {
    let mut conn = open_in_memory().unwrap();
    let (gift_id, b) = shop_with_batch(&mut conn, 2, 10);
    let all = codes(&conn, b.id).unwrap();
    let (c, other) = (&all[0], &all[1]);
    let undo = |conn: &mut rusqlite::Connection, code: &str, reason: &str, minutes: i64| {
        undo_redemption(conn, code, reason, "小美", Lang::En, now() + Duration::minutes(minutes))
    };
    assert!(matches!(undo(&mut conn, c, "wrong scan", 0), Err(Error::NothingToUndo)), "not redeemed yet");
    redeem_now(&mut conn, c);
    // Another clerk redeems a voucher after: undoing the first still undoes the first.
    redeem_now(&mut conn, other);
    assert_eq!(undo(&mut conn, c, " ", 0).unwrap_err().field(), Some(Field::Reason));
    let undone = undo(&mut conn, &c.to_lowercase(), "wrong customer", 9).unwrap();
    assert_eq!((undone.voucher.code.as_str(), undone.stock_left), (c.as_str(), Some(9)));
    assert!(
        matches!(redeem_now(&mut conn, other), Redemption::AlreadyRedeemed { .. }),
        "the other stays redeemed"
    );
    assert!(
        matches!(redeem_now(&mut conn, c), Redemption::Redeemed { .. }),
        "redeemable again after the undo"
    );
    let reasons: Vec<String> = conn
        .prepare("SELECT action || ':' || reason FROM voucher_event ORDER BY id")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    assert_eq!(reasons, vec!["redeemed:", "redeemed:", "undone:wrong customer", "redeemed:"]);
    // The batch's counter log reads it back, newest first, with who and why.
    let log = events(&conn, b.id).unwrap();
    let read: Vec<(EventAction, &str, &str, &str)> =
        log.iter().map(|e| (e.action, e.code.as_str(), e.staff.as_str(), e.reason.as_str())).collect();
    assert_eq!(
        read,
        vec![
            (EventAction::Redeemed, c.as_str(), "小美", ""),
            (EventAction::Undone, c.as_str(), "小美", "wrong customer"),
            (EventAction::Redeemed, other.as_str(), "小美", ""),
            (EventAction::Redeemed, c.as_str(), "小美", ""),
        ]
    );
    assert!(matches!(events(&conn, 999), Err(Error::NotFound { .. })));
    let late = undo(&mut conn, other, "too late", 11);
    assert!(matches!(late, Err(Error::UndoTooLate { minutes: 10 })));
    assert_eq!(gift::get(&conn, gift_id).unwrap().stock, 8);
}

#[test]
fn a_bad_batch_is_refused_whole_and_nothing_is_stored() {
    let mut conn = open_in_memory().unwrap();
    settings::set_up(&conn, &tea_shop(), now()).unwrap();
    let cases = [
        (BatchInput::new(BenefitInput::AmountOff { cents: 100 }, 0, "2026-12-31"), Field::Quantity),
        (BatchInput::new(BenefitInput::AmountOff { cents: 100 }, 100_001, "2026-12-31"), Field::Quantity),
        (BatchInput::new(BenefitInput::AmountOff { cents: 0 }, 1, "2026-12-31"), Field::AmountOff),
        (BatchInput::new(BenefitInput::PercentOff { percent: 100 }, 1, "2026-12-31"), Field::PercentOff),
        (BatchInput::new(BenefitInput::Gift { gift_id: 99 }, 1, "2026-12-31"), Field::Gift),
        (BatchInput::new(BenefitInput::AmountOff { cents: 100 }, 1, "2026-13-01"), Field::ValidUntil),
        (BatchInput::new(BenefitInput::AmountOff { cents: 100 }, 1, "2026-11-20"), Field::ValidUntil),
        (
            BatchInput {
                valid_from: Some("2026-12-02".into()),
                ..BatchInput::new(BenefitInput::AmountOff { cents: 100 }, 1, "2026-12-01")
            },
            Field::ValidUntil,
        ),
        (
            BatchInput {
                holder_phone: "138 0000 0000".into(),
                ..BatchInput::new(BenefitInput::AmountOff { cents: 100 }, 1, "2026-12-31")
            },
            Field::HolderName,
        ),
        (
            BatchInput {
                community_id: Some(5),
                ..BatchInput::new(BenefitInput::AmountOff { cents: 100 }, 1, "2026-12-31")
            },
            Field::Community,
        ),
    ];
    for (input, field) in cases {
        let err = issue(&mut conn, &input, now()).unwrap_err();
        assert_eq!(err.field(), Some(field), "{err}");
    }
    assert!(list(&conn, now()).unwrap().is_empty());
    let vouchers: i64 = conn.query_row("SELECT COUNT(*) FROM voucher", [], |r| r.get(0)).unwrap();
    assert_eq!(vouchers, 0);
}

#[test]
fn the_report_counts_redeemed_and_voided_and_the_gifts_cost() {
    let mut conn = open_in_memory().unwrap();
    let (_, b) = shop_with_batch(&mut conn, 4, 10);
    let codes = codes(&conn, b.id).unwrap();
    redeem_now(&mut conn, &codes[0]);
    redeem_now(&mut conn, &codes[1]);
    void_voucher(&mut conn, &codes[2], "torn", Lang::En, now()).unwrap();
    let s = get(&conn, b.id, now()).unwrap().stats;
    assert_eq!((s.issued, s.redeemed, s.voided, s.expired, s.gift_cost_cents), (4, 2, 1, 0, 700));
    assert!((s.redemption_rate - 0.5).abs() < 1e-9);
    let csv = csv(&conn, b.id, Lang::En).unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines[0], "\u{feff}code,status,redeemed_at,redeemed_by,voided_at,void_reason");
    assert_eq!(lines.len(), 5);
    // 06:30 UTC is 14:30 in Shanghai, the shop's zone, to the minute.
    assert_eq!(lines[1], format!("{},redeemed,2026-11-21 14:30,小美,,", codes[0]));
    assert!(lines[3].starts_with(&format!("{},voided,", codes[2])) && lines[3].ends_with(",torn"));
    assert_eq!(lines[4], format!("{},open,,,,", codes[3]));
}

#[test]
fn one_code_redeemed_from_many_connections_at_once_succeeds_exactly_once() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shop.db");
    let mut conn = open(&path).unwrap();
    let (gift_id, b) = shop_with_batch(&mut conn, 1, 50);
    let code = codes(&conn, b.id).unwrap().remove(0);
    drop(conn);

    let clerks = 8;
    let start = Arc::new(Barrier::new(clerks));
    let answers: Vec<Redemption> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..clerks)
            .map(|i| {
                let (path, code, start) = (&path, &code, start.clone());
                s.spawn(move || {
                    let mut conn = open(path).unwrap();
                    start.wait();
                    let input =
                        RedeemInput { code: code.clone(), staff: format!("clerk {i}"), spend_cents: None };
                    redeem(&mut conn, &input, Lang::En, now()).unwrap()
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let redeemed = answers.iter().filter(|a| matches!(a, Redemption::Redeemed { .. })).count();
    let told = answers.iter().filter(|a| matches!(a, Redemption::AlreadyRedeemed { .. })).count();
    assert_eq!((redeemed, told), (1, clerks - 1), "{answers:?}");
    let conn = open(&path).unwrap();
    assert_eq!(gift::get(&conn, gift_id).unwrap().stock, 49, "the gift left the shelf once");
}

#[test]
fn a_sheet_printed_again_leaves_out_redeemed_and_voided_vouchers() {
    let mut conn = open_in_memory().unwrap();
    let (_, b) = shop_with_batch(&mut conn, 4, 10);
    let all = codes(&conn, b.id).unwrap();
    assert_eq!(first_code(&conn, b.id).unwrap(), all[0]);
    assert!(matches!(first_code(&conn, 99), Err(Error::NotFound { .. })));
    assert_eq!(printable_codes(&conn, b.id, now()).unwrap(), all);
    redeem_now(&mut conn, &all[0]);
    void_voucher(&mut conn, &all[2], "torn", Lang::En, now()).unwrap();
    assert_eq!(printable_codes(&conn, b.id, now()).unwrap(), vec![all[1].clone(), all[3].clone()]);
    void(&conn, b.id, "campaign cancelled", now()).unwrap();
    assert!(matches!(printable_codes(&conn, b.id, now()), Err(Error::BatchVoided)));
}

#[test]
fn looking_up_a_code_reads_its_voucher_and_names_a_typo_without_redeeming() {
    let mut conn = open_in_memory().unwrap();
    let (_, b) = shop_with_batch(&mut conn, 2, 10);
    let c = codes(&conn, b.id).unwrap().remove(1);
    let info = lookup(&conn, &c.to_lowercase(), Lang::En).unwrap();
    assert_eq!((info.code.as_str(), info.batch_id), (c.as_str(), b.id));
    let mut typo = c.clone().into_bytes();
    typo[0] = if typo[0] == b'7' { b'8' } else { b'7' };
    let err = lookup(&conn, std::str::from_utf8(&typo).unwrap(), Lang::En).unwrap_err();
    assert_eq!(err.field(), Some(Field::Code));
    assert!(err.message(Lang::En).contains('1'), "{}", err.message(Lang::En));
    assert!(matches!(redeem_now(&mut conn, &c), Redemption::Redeemed { .. }), "lookup redeemed nothing");
}

#[test]
fn the_voucher_key_is_made_with_the_shop_on_this_machine_and_differs_from_others() {
    let a = open_in_memory().unwrap();
    assert_eq!(key::existing(&a).unwrap(), None);
    settings::set_up(&a, &tea_shop(), now()).unwrap();
    let b = open_in_memory().unwrap();
    settings::set_up(&b, &tea_shop(), now()).unwrap();
    let (ka, kb) = (key::existing(&a).unwrap().unwrap(), key::existing(&b).unwrap().unwrap());
    assert_ne!(ka.as_bytes(), kb.as_bytes());
    assert_ne!(ka.as_bytes(), &[0u8; 32]);
}
