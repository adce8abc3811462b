//! A referral day through the shell's commands: a plan out of the cap's reach
//! refused, the day created, a friend card checked (a typo named at its
//! field), the holder's own number refused at the phone, a friend welcomed
//! and their first sale qualifying the referral with the member's reward,
//! the month's leaderboard, and the friend cards saved through the save
//! dialog as a PNG and a PDF.

use crate::common;

use common::{invoke, shell_saving_to};
use serde_json::json;

#[test]
fn a_friend_card_at_the_counter_brings_a_friend_whose_first_sale_rewards_the_member() {
    let dir = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let s = shell_saving_to(&dir.path().join("shop.db"), out.path());
    common::set_up_tea_shop(&s, "en");
    let group = common::community(&s, "茶友群");
    let member = invoke(
        &s.main,
        "create_member",
        json!({ "input": { "display_name": "Mei", "phone": "13800002001",
            "consent": { "method": "verbal", "marketing": true } } }),
    )
    .unwrap()["id"]
        .as_i64()
        .unwrap();
    let today = invoke(&s.main, "shop_today", json!({})).unwrap();
    let today = today.as_str().unwrap();
    let input = |cap: i64| {
        json!({ "input": {
            "community_ids": [group], "first_day": today, "last_day": today,
            "promotion_day": 18, "promotion_time": "10:00",
            "welcome": { "kind": "voucher", "cents": 1000, "min_spend_cents": null, "valid_days": 30 },
            "tiers": [{ "friends": 1, "cents": 500 }, { "friends": 3, "cents": 1500 }],
            "reward_days": 60, "monthly_cap": cap, "qualify_days": 30 } })
    };
    let plan = invoke(&s.main, "preview_referral", input(2)).unwrap();
    assert_eq!(plan["refused"], true);
    let refused = invoke(&s.main, "create_referral", input(2)).unwrap_err();
    assert_eq!(refused["code"], "plan_refused");
    let made = invoke(&s.main, "create_referral", input(5)).unwrap();
    let id = made["id"].as_i64().unwrap();

    let card = invoke(&s.main, "friend_card_preview", json!({ "memberId": member })).unwrap();
    let code = card["code"].as_str().unwrap().to_owned();
    assert!(!card["png"].as_str().unwrap().is_empty());
    let mut typo: Vec<char> = code.chars().collect();
    typo[2] = if typo[2] == 'X' { 'Y' } else { 'X' };
    let typo: String = typo.into_iter().collect();
    let wrong = invoke(&s.main, "check_friend_card", json!({ "code": typo })).unwrap_err();
    assert_eq!((wrong["code"].as_str(), wrong["field"].as_str()), (Some("invalid_input"), Some("code")));
    assert!(wrong["message"].as_str().unwrap().contains("Character 3"), "{wrong}");
    let checked = invoke(&s.main, "check_friend_card", json!({ "code": code })).unwrap();
    assert_eq!(checked["referrer"], "M* (2001)");

    let friend = |phone: &str| json!({ "input": { "code": code, "phone": phone, "marketing": false } });
    let own = invoke(&s.main, "welcome_friend", friend("13800002001")).unwrap_err();
    assert_eq!(own["field"], "phone");
    let welcomed = invoke(&s.main, "welcome_friend", friend("13900003001")).unwrap();
    let voucher = welcomed["voucher_code"].as_str().unwrap();
    invoke(&s.main, "record_purchase", json!({ "input": { "amount_cents": 4800, "voucher_code": voucher } }))
        .unwrap();

    let console = invoke(&s.main, "referral_console", json!({ "id": id })).unwrap();
    assert_eq!((console["pending"].as_i64(), console["qualified"].as_i64()), (Some(0), Some(1)));
    assert_eq!(console["rewards"][0]["cents"], 500);
    let board = invoke(&s.main, "referral_board", json!({ "month": &today[..7] })).unwrap();
    assert_eq!(board["rows"][0]["name"], "M*");
    let bad = invoke(&s.main, "referral_board", json!({ "month": "next month" })).unwrap_err();
    assert_eq!(bad["field"], "date");

    let png = invoke(&s.main, "save_friend_cards", json!({ "memberId": member })).unwrap();
    assert!(std::fs::read(png.as_str().unwrap()).unwrap().starts_with(b"\x89PNG"));
    let pdf = invoke(&s.main, "save_friend_cards", json!({ "memberId": null })).unwrap();
    assert!(std::fs::read(pdf.as_str().unwrap()).unwrap().starts_with(b"%PDF"));
}
