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

#[test]
fn duplicates_merge_and_undo_then_erasure_is_written_beside_the_database_and_exports_are_logged() {
    let dir = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let db = dir.path().join("shop.db");
    let s = common::shell_saving_to(&db, out.path());
    common::set_up_tea_shop(&s, "en");
    let add = |phone: &str| {
        invoke(
            &s.main,
            "create_member",
            json!({ "input": { "display_name": "陈阿姨", "phone": phone, "wechat_nickname": "小陈",
                "consent": { "method": "verbal", "marketing": false } } }),
        )
        .unwrap()["id"]
            .as_i64()
            .unwrap()
    };
    let (older, newer) = (add("13900001111"), add(""));
    let pairs = invoke(&s.main, "list_member_duplicates", json!({})).unwrap();
    assert_eq!((pairs[0]["a"]["id"].as_i64(), pairs[0]["b"]["id"].as_i64()), (Some(older), Some(newer)));
    invoke(&s.main, "merge_members", json!({ "keptId": older, "mergedId": newer })).unwrap();
    assert_eq!(invoke(&s.main, "list_members", json!({ "filter": {} })).unwrap()["total"], 1);
    let merge = invoke(&s.main, "list_member_merges", json!({})).unwrap()[0]["id"].clone();
    invoke(&s.main, "undo_member_merge", json!({ "mergeId": merge })).unwrap();
    assert_eq!(invoke(&s.main, "list_members", json!({ "filter": {} })).unwrap()["total"], 2);

    let csv = invoke(&s.main, "export_members_csv", json!({ "filter": {}, "maskPhones": true })).unwrap();
    let text = std::fs::read_to_string(csv.as_str().unwrap()).unwrap();
    assert!(
        text.starts_with('\u{feff}') && text.contains("139****1111") && !text.contains("13900001111"),
        "{text}"
    );
    let json_file = invoke(&s.main, "export_member", json!({ "id": older })).unwrap();
    assert!(std::fs::read_to_string(json_file.as_str().unwrap()).unwrap().contains("13900001111"));
    let log = invoke(&s.main, "list_exports", json!({})).unwrap();
    assert_eq!(
        (log[0]["kind"].as_str(), log[1]["kind"].as_str(), log[1]["phones"].as_str()),
        (Some("member_data"), Some("members"), Some("masked"))
    );

    invoke(&s.main, "erase_member", json!({ "id": older })).unwrap();
    let erasures = std::fs::read_to_string(dir.path().join("erasures.txt")).unwrap();
    assert_eq!(erasures.lines().count(), 1);
    let gone = invoke(&s.main, "get_member", json!({ "id": older })).unwrap();
    assert!(gone["erased_at"].is_string() && gone["phone"].is_null());
    let again = invoke(&s.main, "erase_member", json!({ "id": older })).unwrap_err();
    assert_eq!(again["code"], "member_gone");
}

#[test]
fn the_dashboards_thresholds_channels_and_a_communitys_rule_log_through_the_shell() {
    let dir = tempfile::tempdir().unwrap();
    let s = shell(&dir.path().join("shop.db"));
    common::set_up_tea_shop(&s, "zh-CN");
    let group = common::community(&s, "老街茶友群");
    let today = invoke(&s.main, "shop_today", json!({})).unwrap();
    assert_eq!(today.as_str().unwrap().len(), 10);
    let t = invoke(&s.main, "rfm_thresholds", json!({})).unwrap();
    assert_eq!((t["recent_days"].as_i64(), t["lost_days"].as_i64()), (Some(30), Some(180)));
    let mut bad = t.clone();
    bad["lapsing_days"] = json!(10);
    let refused = invoke(&s.main, "set_rfm_thresholds", json!({ "thresholds": bad })).unwrap_err();
    assert_eq!(refused["field"], "lapsing_days");
    assert!(refused["message"].as_str().unwrap().contains("流失"), "{refused}");
    assert_eq!(invoke(&s.main, "rfm_thresholds", json!({})).unwrap(), t, "nothing changed");
    assert_eq!(invoke(&s.main, "channel_figures", json!({ "communityId": group })).unwrap(), json!([]));

    let m = invoke(
        &s.main,
        "create_member",
        json!({ "input": { "display_name": "刷屏哥", "join": { "community_id": group },
            "consent": { "method": "verbal", "marketing": false } } }),
    )
    .unwrap();
    let warn = json!({ "member_id": m["id"], "kind": "warning", "rule": "不发广告" });
    invoke(&s.main, "record_rule_event", json!({ "communityId": group, "input": warn })).unwrap();
    let second =
        invoke(&s.main, "record_rule_event", json!({ "communityId": group, "input": warn })).unwrap();
    assert_eq!(second["flagged"], true);
    let removal = json!({ "member_id": m["id"], "kind": "removal", "rule": "不发广告" });
    invoke(&s.main, "record_rule_event", json!({ "communityId": group, "input": removal })).unwrap();
    assert_eq!(
        invoke(&s.main, "list_rule_events", json!({ "communityId": group }))
            .unwrap()
            .as_array()
            .unwrap()
            .len(),
        3
    );
    let page = invoke(&s.main, "list_members", json!({ "filter": { "community_id": group } })).unwrap();
    assert_eq!(page["total"], 0, "removed from the group");
}
