//! Members through the shell's commands: added with consent, listed with the
//! phone masked, opened with it whole, marketing consent withdrawn, and bad
//! input answered by field in the shop's language.

use crate::common;

use common::{invoke, shell};
use serde_json::json;

#[test]
fn a_member_is_added_listed_opened_and_withdraws_marketing_consent() {
    let dir = tempfile::tempdir().unwrap();
    let s = shell(&dir.path().join("shop.db"));
    common::set_up_tea_shop(&s, "zh-CN");
    let group = common::community(&s, "老街茶友群");
    let made = invoke(
        &s.main,
        "create_member",
        json!({ "input": {
            "display_name": "王姐", "phone": "１３８ １２３４ ５６７８", "birthday": "3-7", "tags": ["VIP"],
            "join": { "community_id": group },
            "consent": { "method": "paper", "marketing": true, "recorded_by": "Amy" },
        } }),
    )
    .unwrap();
    assert_eq!((made["phone"].as_str(), made["marketing"].as_bool()), (Some("13812345678"), Some(true)));

    let page = invoke(&s.main, "list_members", json!({ "filter": { "search": "5678" } })).unwrap();
    assert_eq!(page["total"], 1);
    assert_eq!(page["rows"][0]["phone_masked"], "138****5678");
    assert!(page["rows"][0].get("phone").is_none(), "the list never carries the whole number");

    let id = made["id"].clone();
    let opened = invoke(&s.main, "get_member", json!({ "id": id })).unwrap();
    assert_eq!(opened["memberships"][0]["community_name"], "老街茶友群");
    let withdrawn = invoke(&s.main, "set_member_marketing", json!({ "id": id, "method": null })).unwrap();
    assert_eq!(withdrawn["marketing"], false);
    let given =
        invoke(&s.main, "set_member_marketing", json!({ "id": id, "method": "verbal", "recordedBy": "Bo" }))
            .unwrap();
    assert_eq!(given["marketing"], true);
    assert_eq!(given["consents"][2]["recorded_by"], "Bo");
    let marketable = invoke(&s.main, "list_members", json!({ "filter": { "marketing": true } })).unwrap();
    assert_eq!(marketable["total"], 1);

    let bad = invoke(
        &s.main,
        "create_member",
        json!({ "input": { "display_name": "李", "phone": "138123456789", "consent": { "method": "verbal", "marketing": false } } }),
    )
    .unwrap_err();
    assert_eq!(bad["field"], "phone");
    assert!(bad["message"].as_str().unwrap().contains("手机号"), "{bad}");
    assert_eq!(invoke(&s.main, "list_members", json!({ "filter": {} })).unwrap()["total"], 1);
}

#[test]
fn a_sale_is_recorded_for_a_member_refunded_in_part_and_listed_on_their_page() {
    let dir = tempfile::tempdir().unwrap();
    let s = shell(&dir.path().join("shop.db"));
    common::set_up_tea_shop(&s, "en");
    let made = invoke(
        &s.main,
        "create_member",
        json!({ "input": { "display_name": "Mrs Wang", "consent": { "method": "verbal", "marketing": false } } }),
    )
    .unwrap();
    let sale = invoke(
        &s.main,
        "record_purchase",
        json!({ "input": { "amount_cents": 3850, "member_id": made["id"], "items": "Oolong 250 g", "staff": "Amy" } }),
    )
    .unwrap();
    assert_eq!((sale["amount_cents"].as_i64(), sale["member_name"].as_str()), (Some(3850), Some("Mrs Wang")));
    let refunded = invoke(
        &s.main,
        "refund_purchase",
        json!({ "id": sale["id"], "amountCents": 850, "reason": "one box short" }),
    )
    .unwrap();
    assert_eq!(refunded["refunded_cents"], 850);
    let theirs = invoke(&s.main, "list_purchases", json!({ "filter": { "member_id": made["id"] } })).unwrap();
    assert_eq!(theirs.as_array().unwrap().len(), 1);
    let bad = invoke(&s.main, "record_purchase", json!({ "input": { "amount_cents": 0 } })).unwrap_err();
    assert_eq!(bad["field"], "amount");
}

#[test]
fn the_dashboard_answers_for_a_period_and_refuses_a_backwards_one() {
    let dir = tempfile::tempdir().unwrap();
    let s = shell(&dir.path().join("shop.db"));
    common::set_up_tea_shop(&s, "en");
    let d = invoke(&s.main, "dashboard", json!({ "query": { "from": "2026-11-01", "to": "2026-11-30" } }))
        .unwrap();
    assert_eq!(d["funnel"][0]["step"], "joined");
    assert_eq!(d["current"]["sales_cents"], 0);
    let bad = invoke(&s.main, "dashboard", json!({ "query": { "from": "2026-11-30", "to": "2026-11-01" } }))
        .unwrap_err();
    assert_eq!(bad["field"], "ends_on");
}
