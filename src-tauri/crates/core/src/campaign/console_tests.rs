//! The flash-sale console: buyers recorded in order, the limit and the stock
//! held, pickup vouchers handed out and redeemed at the counter.

use chrono::{DateTime, Utc};

use super::spike::{self, BuyerInput, SpikeInput};
use super::tests::{shop, spike_input};
use super::*;
use super::{report, report_csv};
use crate::testing::now;
use crate::voucher::{self, Benefit, RedeemInput, Redemption};
use crate::{ErrorCode, Lang};

/// Monday's sale, 20:10 Shanghai: ten minutes in.
fn monday_evening() -> DateTime<Utc> {
    "2026-11-23T12:10:00Z".parse().unwrap()
}

/// A four-evening sale of 3 tins, 1 per person; its id and Monday's session.
fn sale(conn: &mut Connection, group: i64, tea: i64) -> (i64, i64) {
    let made =
        spike::apply(conn, &SpikeInput { quantity: 3, ..spike_input(tea, group) }, None, now()).unwrap();
    let console = spike::console(conn, made.id, None, monday_evening()).unwrap();
    assert_eq!(console.session.day, "2026-11-23", "the running session is shown");
    (made.id, console.session.id)
}

const JIELONG: &str =
    "#接龙\n周一秒杀 铁观音\n例 小明 1份\n\n1. 小明 8812\n2. 阿芳\n3. 小明8812\n阿芳说还要一份\n";

#[test]
fn finish_issues_a_batch_of_pickup_vouchers_per_session() {
    let (mut conn, group, tea) = shop();
    let input = SpikeInput { quantity: 30, ..spike_input(tea, group) };
    assert_eq!(spike::preview(&conn, &input, now()).unwrap().pickup_vouchers, 120);
    let made = spike::apply(&mut conn, &input, None, now()).unwrap();
    assert_eq!(made.batch_ids.len(), 4);
    let monday = voucher::get(&conn, made.batch_ids[0], now()).unwrap();
    assert_eq!(
        (monday.count, monday.valid_from.as_str(), monday.valid_until.as_str()),
        (30, "2026-11-23", "2026-11-25")
    );
    assert!(matches!(monday.benefit, Benefit::Pickup { price_cents: 1990, .. }), "{:?}", monday.benefit);
    let without = SpikeInput { pickup_vouchers: false, ..spike_input(tea, group) };
    assert_eq!(spike::preview(&conn, &without, now()).unwrap().pickup_vouchers, 0);
}

#[test]
fn a_pasted_jielong_is_read_in_order_with_the_limit_held_and_odd_lines_listed() {
    let (mut conn, group, tea) = shop();
    let (_, session) = sale(&mut conn, group, tea);
    let got = spike::record_pasted(&mut conn, session, JIELONG, monday_evening()).unwrap();
    let buyers: Vec<&str> = got.added.iter().map(|o| o.buyer.as_str()).collect();
    assert_eq!(buyers, ["小明 8812", "阿芳"]);
    // The same person again ("小明8812" is "小明 8812" without the space): over the limit.
    assert_eq!(got.turned_away.len(), 1);
    assert_eq!(
        (got.turned_away[0].line, got.turned_away[0].reason.as_str()),
        (Some(7), "超过每人限购 1（小明8812 已有 1）")
    );
    assert_eq!(got.unreadable.len(), 1);
    assert_eq!(got.unreadable[0].line, 8);
    assert_eq!(got.console.session.left, 1);
    assert!(got.console.left_post.contains("还剩 1罐"), "{}", got.console.left_post);
    assert!(got.console.sold_out_post.is_none());
    // Each buyer holds one pickup code, named to them.
    assert_eq!(got.added[0].codes.len(), 1);

    // The list grew; pasting it again adds only the new line, and the last tin sells out.
    let grown = format!("{JIELONG}4. Amy 5521\n5. Bob 0007\n");
    let again = spike::record_pasted(&mut conn, session, &grown, monday_evening()).unwrap();
    assert_eq!(again.already, 2);
    assert_eq!(again.added.iter().map(|o| o.buyer.as_str()).collect::<Vec<_>>(), ["Amy 5521"]);
    let reasons: Vec<&str> = again.turned_away.iter().map(|t| t.reason.as_str()).collect();
    assert_eq!(reasons, ["超过每人限购 1（小明8812 已有 1）", "已抢光"]);
    assert_eq!(again.console.session.left, 0);
    assert!(again.console.sold_out_post.as_deref().is_some_and(|p| p.starts_with("🎉 已抢光！")));
}

#[test]
fn a_buyers_pickup_code_redeems_at_the_counter_in_their_name() {
    let (mut conn, group, tea) = shop();
    let (_, session) = sale(&mut conn, group, tea);
    let got = spike::record(
        &mut conn,
        session,
        &[BuyerInput { buyer: "王姐".into(), quantity: 1 }],
        monday_evening(),
    )
    .unwrap();
    let code = got.added[0].codes[0].clone();
    let shelf = crate::product::get(&conn, tea, monday_evening()).unwrap().stock;
    let answer = voucher::redeem(
        &mut conn,
        &RedeemInput { code: code.clone(), staff: String::new(), spend_cents: None },
        Lang::ZhCn,
        monday_evening(),
    )
    .unwrap();
    let Redemption::Redeemed { voucher, stock_left, .. } = answer else { panic!("{answer:?}") };
    assert_eq!(voucher.holder_name, "王姐");
    // The tin leaves the shelf, and comes back if the redemption is undone.
    assert_eq!(stock_left, Some(shelf - 1));
    assert_eq!(crate::product::get(&conn, tea, monday_evening()).unwrap().stock, shelf - 1);
    let undone =
        voucher::undo_redemption(&mut conn, &code, "扫错了", "", Lang::ZhCn, monday_evening()).unwrap();
    assert_eq!(undone.stock_left, Some(shelf));
    voucher::redeem(
        &mut conn,
        &RedeemInput { code, staff: String::new(), spend_cents: None },
        Lang::ZhCn,
        monday_evening(),
    )
    .unwrap();
    assert!(
        matches!(voucher.benefit, Benefit::Pickup { ref product_name, price_cents: 1990, .. } if product_name == "铁观音 250g")
    );
    let console = spike::console(&conn, got.console.campaign_id, Some(session), monday_evening()).unwrap();
    assert_eq!(console.orders[0].collected, 1);
    // Collected: the entry can no longer be taken back.
    let err = spike::undo_last(&mut conn, session, monday_evening()).unwrap_err();
    assert!(matches!(err, Error::AlreadyCollected));
}

#[test]
fn undo_takes_back_the_last_buyer_and_frees_the_voucher() {
    let (mut conn, group, tea) = shop();
    let (_, session) = sale(&mut conn, group, tea);
    assert!(matches!(spike::undo_last(&mut conn, session, monday_evening()), Err(Error::NoBuyerToUndo)));
    let buyers =
        [BuyerInput { buyer: "A".into(), quantity: 1 }, BuyerInput { buyer: "B".into(), quantity: 1 }];
    let got = spike::record(&mut conn, session, &buyers, monday_evening()).unwrap();
    let b_code = got.added[1].codes[0].clone();
    let after = spike::undo_last(&mut conn, session, monday_evening()).unwrap();
    assert_eq!((after.session.left, after.orders.len()), (2, 1));
    // B's code goes back to the batch and the next buyer gets it.
    let next =
        spike::record(&mut conn, session, &[BuyerInput { buyer: "C".into(), quantity: 1 }], monday_evening())
            .unwrap();
    assert_eq!(next.added[0].codes, [b_code]);
}

#[test]
fn bad_entries_and_pastes_are_refused_and_write_nothing() {
    let (mut conn, group, tea) = shop();
    let (_, session) = sale(&mut conn, group, tea);
    let count = |c: &Connection| -> i64 {
        c.query_row("SELECT count(*) FROM spike_order", [], |r| r.get(0)).unwrap()
    };
    let empty =
        spike::record(&mut conn, session, &[BuyerInput { buyer: " ".into(), quantity: 1 }], monday_evening());
    assert!(matches!(empty, Err(Error::Invalid { field: Field::Buyer, .. })));
    let zero =
        spike::record(&mut conn, session, &[BuyerInput { buyer: "A".into(), quantity: 0 }], monday_evening());
    assert!(matches!(zero, Err(Error::Invalid { field: Field::Shares, .. })));
    let huge = "1. 小明\n".repeat(700_000);
    let err = spike::record_pasted(&mut conn, session, &huge, monday_evening()).unwrap_err();
    assert_eq!(err.code(), ErrorCode::InvalidInput);
    assert!(err.message(Lang::ZhCn).contains("接龙名单"), "{}", err.message(Lang::ZhCn));
    let binary = String::from_utf8_lossy(&[0x89, b'P', b'N', b'G', 0, 0, 0x0d, 0x0a]).into_owned();
    assert!(spike::record_pasted(&mut conn, session, &binary, monday_evening()).is_err());
    assert_eq!(count(&conn), 0);
    assert!(matches!(spike::console(&conn, 999, None, now()), Err(Error::NotFound { .. })));
}

#[test]
fn cancelling_voids_the_pickup_vouchers_no_buyer_holds_and_keeps_the_buyers() {
    let (mut conn, group, tea) = shop();
    let (id, session) = sale(&mut conn, group, tea);
    let got = spike::record(
        &mut conn,
        session,
        &[BuyerInput { buyer: "王姐".into(), quantity: 1 }],
        monday_evening(),
    )
    .unwrap();
    let done = cancel(&mut conn, id, "茶叶到货延迟", monday_evening()).unwrap();
    // Four evenings of 3, less the one a buyer holds.
    assert_eq!(done.vouchers_voided, 11);
    let held = voucher::redeem(
        &mut conn,
        &RedeemInput { code: got.added[0].codes[0].clone(), staff: String::new(), spend_cents: None },
        Lang::En,
        monday_evening(),
    )
    .unwrap();
    assert!(matches!(held, Redemption::Redeemed { .. }), "the sale was made: {held:?}");
    let more =
        spike::record(&mut conn, session, &[BuyerInput { buyer: "B".into(), quantity: 1 }], monday_evening());
    assert!(matches!(more, Err(Error::CampaignClosed)));
}

#[test]
fn the_report_counts_what_was_collected_and_the_return_on_the_discount() {
    let (mut conn, group, tea) = shop();
    let (id, session) = sale(&mut conn, group, tea);
    let buyers: Vec<BuyerInput> =
        ["A", "B", "C"].iter().map(|b| BuyerInput { buyer: (*b).into(), quantity: 1 }).collect();
    let got = spike::record(&mut conn, session, &buyers, monday_evening()).unwrap();
    for order in &got.added[..2] {
        let code = order.codes[0].clone();
        voucher::redeem(
            &mut conn,
            &RedeemInput { code, staff: String::new(), spend_cents: None },
            Lang::En,
            monday_evening(),
        )
        .unwrap();
    }
    // After Monday's pickup days (to Wednesday): C never came.
    let thursday: DateTime<Utc> = "2026-11-26T02:00:00Z".parse().unwrap();
    let r = report(&conn, id, thursday).unwrap();
    let monday = &r.sessions[0];
    assert_eq!((monday.sold, monday.issued, monday.redeemed, monday.no_shows), (3, 3, 2, 1));
    // By hand: 2 collected at ¥19.90 = ¥39.80; goods 2 × ¥18 = ¥36; discount
    // 2 × (¥39 − ¥19.90) = ¥38.20; net ¥39.80 − ¥36 − ¥38.20 = −¥34.40; −90 %.
    assert_eq!(
        (r.totals.revenue_cents, r.totals.cost_of_goods_cents, r.totals.discount_cents),
        (3980, 3600, 3820)
    );
    assert_eq!((r.campaign_cost_cents, r.net_cents, r.return_percent), (3820, -3440, Some(-90)));
    let csv = report_csv(&conn, id, Lang::ZhCn, thursday).unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines[0], "\u{feff}场次,售出,发出提货券,已核销,未到店,收入,商品成本,让利,赠品成本");
    assert_eq!(lines[1], "2026-11-23,3,3,2,1,39.80,36,38.20,0");
    assert_eq!(lines.last(), Some(&"合计,3,3,2,1,39.80,36,38.20,0"));
    // The list's row: 3 sold of 4 evenings × 3, ¥39.80 taken at the counter.
    let row = get(&conn, id, thursday).unwrap();
    assert_eq!(row.figures, Some(KeyFigures { done: 3, planned: 12, money_cents: 3980 }));
}

#[test]
fn a_published_campaign_is_copied_into_a_new_draft_with_its_choices() {
    let (mut conn, group, tea) = shop();
    let (id, _) = sale(&mut conn, group, tea);
    let draft = super::copy(&conn, id, now()).unwrap();
    assert_ne!(draft, id);
    let input = spike::draft(&conn, draft).unwrap();
    assert_eq!((input.quantity, input.price_cents, input.community_ids.clone()), (3, 1990, vec![group]));
    assert_eq!(get(&conn, draft, now()).unwrap().status, Status::Draft);
    assert!(matches!(spike::draft(&conn, id), Err(Error::CampaignPublished)), "the original stays locked");
    assert!(matches!(super::copy(&conn, 999, now()), Err(Error::NotFound { .. })));
}

#[test]
fn a_quantity_of_zero_is_listed_and_a_voided_pickup_batch_hands_out_nothing() {
    let (mut conn, group, tea) = shop();
    let (id, session) = sale(&mut conn, group, tea);
    let got =
        spike::record_pasted(&mut conn, session, "#接龙\n1. 阿芳 0份\n2. Max 1\n", monday_evening()).unwrap();
    assert_eq!(got.added.iter().map(|o| o.buyer.as_str()).collect::<Vec<_>>(), ["Max"]);
    assert_eq!((got.unreadable.len(), got.unreadable[0].line), (1, 2));
    let batch: i64 = conn
        .query_row("SELECT batch_id FROM campaign_session WHERE id = ?1", [session], |r| r.get(0))
        .unwrap();
    voucher::void(&conn, batch, "printed wrong", monday_evening()).unwrap();
    let more =
        spike::record(&mut conn, session, &[BuyerInput { buyer: "B".into(), quantity: 1 }], monday_evening());
    assert!(matches!(more, Err(Error::BatchVoided)));
    assert!(get(&conn, id, monday_evening()).is_ok());
}

#[test]
fn a_sale_without_pickup_vouchers_reports_what_was_recorded() {
    let (mut conn, group, tea) = shop();
    let input = SpikeInput { quantity: 3, pickup_vouchers: false, ..spike_input(tea, group) };
    let made = spike::apply(&mut conn, &input, None, now()).unwrap();
    let session = spike::console(&conn, made.id, None, monday_evening()).unwrap().session.id;
    let buyers =
        [BuyerInput { buyer: "A".into(), quantity: 1 }, BuyerInput { buyer: "B".into(), quantity: 1 }];
    spike::record(&mut conn, session, &buyers, monday_evening()).unwrap();
    let r = report(&conn, made.id, monday_evening()).unwrap();
    assert_eq!((r.totals.sold, r.totals.issued, r.totals.revenue_cents), (2, 0, 3980));
}

#[test]
fn a_list_renumbered_after_someone_left_it_adds_only_the_new_buyer() {
    let (mut conn, group, tea) = shop();
    let (_, session) = sale(&mut conn, group, tea);
    let first =
        spike::record_pasted(&mut conn, session, "#接龙\n1. 小明 8812\n2. 阿芳\n", monday_evening()).unwrap();
    assert_eq!(first.added.len(), 2);
    // 小明 deleted his line: WeChat renumbered 阿芳 to 1, and 小李 joined as 2.
    let again =
        spike::record_pasted(&mut conn, session, "#接龙\n1. 阿芳\n2. 小李\n", monday_evening()).unwrap();
    let added: Vec<&str> = again.added.iter().map(|o| o.buyer.as_str()).collect();
    assert_eq!(added, ["小李"], "阿芳 is not counted twice, 小李 is not mistaken for her");
    assert_eq!(again.already, 1);
    assert!(again.turned_away.is_empty(), "{:?}", again.turned_away);
    // A buyer typed by hand who is also on the list is a second entry, held
    // to the limit per person; the list's new buyer is added.
    let (mut conn, group, tea) = shop();
    let (_, other) = sale(&mut conn, group, tea);
    spike::record(&mut conn, other, &[BuyerInput { buyer: "王姐".into(), quantity: 1 }], monday_evening())
        .unwrap();
    let pasted =
        spike::record_pasted(&mut conn, other, "#接龙\n1. 王姐\n2. 小周\n", monday_evening()).unwrap();
    assert_eq!(pasted.added.iter().map(|o| o.buyer.as_str()).collect::<Vec<_>>(), ["小周"]);
    assert_eq!(pasted.turned_away.len(), 1, "王姐 over the limit of 1");
}
