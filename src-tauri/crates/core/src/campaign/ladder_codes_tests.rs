//! A settled gift-package day's pickup codes: one per package, named to its
//! address, collected at the counter for the address's price with every
//! product of the package leaving the shelf, and kept when settling again.

use chrono::Duration;

use super::ladder;
use super::ladder_tests::{bundle_shop, input, saturday, LIST};
use super::*;
use crate::testing::now;
use crate::voucher::{self, Benefit, RedeemInput, Redemption};
use crate::Lang;

fn redeem(conn: &mut Connection, code: &str, at: DateTime<Utc>) -> Redemption {
    let input = RedeemInput { code: code.into(), staff: String::new(), spend_cents: None };
    voucher::redeem(conn, &input, Lang::ZhCn, at).unwrap()
}

fn codes(s: &ladder::Settlement, address: usize) -> Vec<String> {
    s.addresses[address].codes.iter().map(|c| c.code.clone()).collect()
}

fn stock(conn: &Connection, product: i64) -> i64 {
    crate::product::get(conn, product, saturday()).unwrap().stock
}

#[test]
fn each_package_gets_a_code_named_to_its_address_collected_for_the_tiers_price() {
    let (mut conn, group, tea, cake) = bundle_shop();
    let made = ladder::apply(&mut conn, &input(tea, cake, group), None, now()).unwrap();
    let got = ladder::settle(&mut conn, made.id, None, LIST, saturday()).unwrap();
    // 4 + 5 + 1 packages: a code each, none collected yet, collected within a week.
    let counts: Vec<usize> = got.addresses.iter().map(|a| a.codes.len()).collect();
    assert_eq!(counts, [4, 5, 1]);
    assert_eq!((got.collected, got.collect_until.as_str()), (0, "2026-12-04"));

    let (tea_before, cake_before) = (stock(&conn, tea), stock(&conn, cake));
    let code = codes(&got, 0)[0].clone();
    let Redemption::Redeemed { voucher, .. } = redeem(&mut conn, &code, saturday()) else { panic!() };
    assert_eq!(voucher.holder_name, "3栋2单元501");
    assert_eq!(
        voucher.benefit,
        Benefit::Package {
            campaign_id: made.id,
            campaign_name: got_name(&conn, made.id),
            items: "1× 铁观音 250g · 1× 桂花糕".into(),
            price_cents: Some(8500),
        }
    );
    assert_eq!(
        voucher::describe_benefit(&voucher.benefit, Lang::ZhCn),
        "礼包 1 份（1× 铁观音 250g · 1× 桂花糕），取货付 ¥85"
    );
    // Each product of the package leaves the shelf, and comes back on undo.
    assert_eq!((stock(&conn, tea), stock(&conn, cake)), (tea_before - 1, cake_before - 1));
    voucher::undo_redemption(&mut conn, &code, "扫错了", "", Lang::ZhCn, saturday()).unwrap();
    assert_eq!((stock(&conn, tea), stock(&conn, cake)), (tea_before, cake_before));
    assert!(matches!(redeem(&mut conn, &code, saturday()), Redemption::Redeemed { .. }));
    assert!(matches!(redeem(&mut conn, &code, saturday()), Redemption::AlreadyRedeemed { .. }));

    let stored = ladder::settled(&conn, made.id, None, saturday()).unwrap();
    assert_eq!(stored.collected, 1);
    assert!(stored.addresses[0].codes[0].collected);
    // A week after the day the codes have lapsed.
    let late = saturday() + Duration::days(7);
    assert!(matches!(redeem(&mut conn, &codes(&got, 2)[0], late), Redemption::Expired { .. }));
}

fn got_name(conn: &Connection, id: i64) -> String {
    get(conn, id, saturday()).unwrap().name
}

#[test]
fn settling_again_keeps_each_addresses_codes_and_never_takes_back_a_collected_package() {
    let (mut conn, group, tea, cake) = bundle_shop();
    let made = ladder::apply(&mut conn, &input(tea, cake, group), None, now()).unwrap();
    let first = ladder::settle(&mut conn, made.id, None, LIST, saturday()).unwrap();
    redeem(&mut conn, &codes(&first, 1)[0], saturday());

    // A late line for 7栋303: its code stays and a second one is added; the
    // others keep theirs, and the second package takes 7栋303 to the 2-tier.
    let late = format!("{LIST}8. 7栋303-1\n");
    let second = ladder::settle(&mut conn, made.id, None, &late, saturday()).unwrap();
    assert_eq!(codes(&second, 0), codes(&first, 0));
    assert_eq!(codes(&second, 1), codes(&first, 1));
    assert_eq!(codes(&second, 2)[0], codes(&first, 2)[0]);
    assert_eq!(second.addresses[2].codes.len(), 2);
    let Redemption::Redeemed { voucher, .. } = redeem(&mut conn, &codes(&first, 2)[0], saturday()) else {
        panic!()
    };
    assert!(matches!(voucher.benefit, Benefit::Package { price_cents: Some(9000), .. }));

    // 3栋2单元501 drops to 1 package (lines 2 and 3 gone): its last three codes are voided.
    let fewer = LIST
        .replace("2. 3号楼2单元501室-1\n", "")
        .replace("6. 3-2-501-1\n", "")
        .replace("1. 3栋2单元501-2\n", "1. 3栋2单元501-1\n");
    let third =
        ladder::settle(&mut conn, made.id, None, &format!("{fewer}8. 7栋303-1\n"), saturday()).unwrap();
    assert_eq!(codes(&third, 0), codes(&first, 0)[..1]);
    let dropped = &codes(&first, 0)[1];
    let Redemption::Voided { reason, .. } = redeem(&mut conn, dropped, saturday()) else { panic!() };
    assert_eq!(reason, "重新结算：该地址的份数减少");

    // 5栋1单元102 collected one package: a list without it is refused, and nothing changes.
    let without = "#接龙\n1. 3栋2单元501-1\n2. 7栋303-2\n";
    let err = ladder::settle(&mut conn, made.id, None, without, saturday()).unwrap_err();
    assert!(
        matches!(&err, Error::PackagesCollected { address, collected: 1, shares: 0 } if address == "5栋1单元102"),
        "{err:?}"
    );
    assert!(
        err.message(Lang::ZhCn).starts_with("5栋1单元102 已取走 1 份礼包"),
        "{}",
        err.message(Lang::ZhCn)
    );
    let kept = ladder::settled(&conn, made.id, None, saturday()).unwrap();
    assert_eq!(kept.addresses.iter().map(|a| a.codes.len()).collect::<Vec<_>>(), [1, 5, 2]);
}

#[test]
fn the_report_counts_codes_collected_and_never_collected() {
    let (mut conn, group, tea, cake) = bundle_shop();
    let made = ladder::apply(&mut conn, &input(tea, cake, group), None, now()).unwrap();
    let got = ladder::settle(&mut conn, made.id, None, LIST, saturday()).unwrap();
    for code in codes(&got, 1) {
        redeem(&mut conn, &code, saturday());
    }
    let r = report(&conn, made.id, saturday()).unwrap();
    assert_eq!((r.sessions[0].issued, r.sessions[0].redeemed, r.sessions[0].no_shows), (10, 5, 0));
    // After the last day to collect, the five uncollected are no-shows.
    let after = saturday() + Duration::days(8);
    let r = report(&conn, made.id, after).unwrap();
    assert_eq!((r.sessions[0].issued, r.sessions[0].redeemed, r.sessions[0].no_shows), (10, 5, 5));
    // Cancelling the campaign leaves the sold packages' codes valid.
    let sunday = saturday() + Duration::days(1);
    cancel(&mut conn, made.id, "停电", sunday).unwrap();
    assert!(matches!(redeem(&mut conn, &codes(&got, 0)[0], sunday), Redemption::Redeemed { .. }));
}
