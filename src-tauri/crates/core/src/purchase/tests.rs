//! Sales at the counter: the amount alone is enough; a member, the voucher
//! used and the campaign can come with it; refunds never exceed the sale.

use chrono::Duration;
use rusqlite::Connection;

use super::*;
use crate::member::{self, ConsentInput, MemberInput};
use crate::testing::now;
use crate::voucher::{BatchInput, BenefitInput, RedeemInput, Redemption};

fn shop() -> Connection {
    crate::schedule::tests::shop_with_group().0
}

fn wang(conn: &mut Connection) -> i64 {
    member::create(conn, &MemberInput::new("王姐", ConsentInput::verbal(false)), now()).unwrap().id
}

fn ten_off(conn: &mut Connection) -> Vec<String> {
    let input = BatchInput {
        min_spend_cents: Some(5000),
        ..BatchInput::new(BenefitInput::AmountOff { cents: 1000 }, 2, "2026-12-31")
    };
    let b = crate::voucher::issue(conn, &input, now()).unwrap();
    crate::voucher::codes(conn, b.id).unwrap()
}

#[test]
fn a_sale_is_recorded_with_its_member_and_the_voucher_it_redeems() {
    let mut conn = shop();
    let member_id = wang(&mut conn);
    let codes = ten_off(&mut conn);
    let sale = PurchaseInput {
        amount_cents: 6800,
        member_id: Some(member_id),
        items: "铁观音 250g".into(),
        voucher_code: codes[0].to_lowercase(),
        staff: "小周".into(),
        ..PurchaseInput::default()
    };
    let p = record(&mut conn, &sale, now()).unwrap();
    assert_eq!(
        (p.amount_cents, p.member_name.as_deref(), p.source.as_str()),
        (6800, Some("王姐"), "counter")
    );
    assert_eq!(p.voucher_code.as_deref(), Some(codes[0].as_str()));
    // The voucher was redeemed with the sale, in the same step.
    let again = crate::voucher::redeem(
        &mut conn,
        &RedeemInput { code: codes[0].clone(), staff: String::new(), spend_cents: Some(6800) },
        Lang::En,
        now(),
    )
    .unwrap();
    assert!(matches!(again, Redemption::AlreadyRedeemed { .. }));
    // A voucher redeemed at the counter first is linked to the sale recorded after it, once.
    crate::voucher::redeem(
        &mut conn,
        &RedeemInput { code: codes[1].clone(), staff: String::new(), spend_cents: Some(5000) },
        Lang::En,
        now(),
    )
    .unwrap();
    let after = record(
        &mut conn,
        &PurchaseInput { amount_cents: 5000, voucher_code: codes[1].clone(), ..PurchaseInput::default() },
        now(),
    )
    .unwrap();
    assert_eq!(after.member_id, None, "an anonymous sale");
    let twice = record(
        &mut conn,
        &PurchaseInput { amount_cents: 5000, voucher_code: codes[1].clone(), ..PurchaseInput::default() },
        now(),
    );
    assert_eq!(twice.unwrap_err().field(), Some(Field::Code));

    let mine =
        list(&conn, &PurchaseFilter { member_id: Some(member_id), ..PurchaseFilter::default() }).unwrap();
    assert_eq!(mine.iter().map(|p| p.id).collect::<Vec<_>>(), [p.id]);
    assert_eq!(list(&conn, &PurchaseFilter::default()).unwrap().len(), 2);
}

#[test]
fn bad_input_and_a_voucher_below_its_minimum_write_nothing() {
    let mut conn = shop();
    let codes = ten_off(&mut conn);
    for (bad, field) in [
        (PurchaseInput { amount_cents: 0, ..PurchaseInput::default() }, Field::Amount),
        (PurchaseInput { amount_cents: -500, ..PurchaseInput::default() }, Field::Amount),
        (PurchaseInput { amount_cents: 100, member_id: Some(99), ..PurchaseInput::default() }, Field::Member),
        (
            PurchaseInput { amount_cents: 100, campaign_id: Some(99), ..PurchaseInput::default() },
            Field::Campaign,
        ),
        (
            PurchaseInput { amount_cents: 100, items: "茶".repeat(201), ..PurchaseInput::default() },
            Field::Items,
        ),
        (
            PurchaseInput { amount_cents: 100, voucher_code: "ZZZZ".into(), ..PurchaseInput::default() },
            Field::Code,
        ),
        // ¥30 is below the voucher's ¥50 minimum: the counter's words, nothing redeemed.
        (
            PurchaseInput { amount_cents: 3000, voucher_code: codes[0].clone(), ..PurchaseInput::default() },
            Field::Code,
        ),
    ] {
        let err = record(&mut conn, &bad, now()).unwrap_err();
        assert_eq!(err.field(), Some(field), "{err:?}");
    }
    let below = record(
        &mut conn,
        &PurchaseInput { amount_cents: 3000, voucher_code: codes[0].clone(), ..PurchaseInput::default() },
        now(),
    )
    .unwrap_err();
    assert!(below.message(Lang::En).contains("¥50"), "{}", below.message(Lang::En));
    assert!(list(&conn, &PurchaseFilter::default()).unwrap().is_empty());
    let fine = record(
        &mut conn,
        &PurchaseInput { amount_cents: 5000, voucher_code: codes[0].clone(), ..PurchaseInput::default() },
        now(),
    );
    assert!(fine.is_ok(), "the voucher was left unredeemed by the refusals");
}

#[test]
fn refunds_add_up_to_at_most_the_sale_and_days_are_the_shops() {
    let mut conn = shop();
    let p =
        record(&mut conn, &PurchaseInput { amount_cents: 6800, ..PurchaseInput::default() }, now()).unwrap();
    let part = refund(&mut conn, p.id, 1800, "少了一盒", "", now()).unwrap();
    assert_eq!(part.refunded_cents, 1800);
    assert_eq!(refund(&mut conn, p.id, 5001, "多退", "", now()).unwrap_err().field(), Some(Field::Amount));
    assert_eq!(refund(&mut conn, p.id, 1000, "", "", now()).unwrap_err().field(), Some(Field::Reason));
    let all = refund(&mut conn, p.id, 5000, "退货", "", now()).unwrap();
    assert_eq!((all.refunded_cents, all.refunds.len()), (6800, 2));
    let more = refund(&mut conn, p.id, 1, "再退", "", now()).unwrap_err();
    assert!(more.message(Lang::ZhCn).contains("已全额退款"), "{}", more.message(Lang::ZhCn));
    assert!(matches!(refund(&mut conn, 99, 1, "x", "", now()), Err(Error::NotFound { .. })));

    // now() is 14:30 in Shanghai on 21 November; a sale at 23:30 that evening is still the 21st.
    let late = now() + Duration::hours(9);
    record(&mut conn, &PurchaseInput { amount_cents: 100, ..PurchaseInput::default() }, late).unwrap();
    let day = |d: &str| {
        list(&conn, &PurchaseFilter { from: d.into(), to: d.into(), ..PurchaseFilter::default() })
            .unwrap()
            .len()
    };
    assert_eq!((day("2026-11-21"), day("2026-11-22")), (2, 0));
    let bad = list(&conn, &PurchaseFilter { from: "2026-02-30".into(), ..PurchaseFilter::default() });
    assert_eq!(bad.unwrap_err().field(), Some(Field::Date));
}
