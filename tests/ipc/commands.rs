//! The shell's commands through Tauri's mock runtime, with the real capability
//! file: what the UI sends, what it gets back, and what it is refused.

use crate::common;

use std::path::Path;

use common::{invoke, shell};
use serde_json::{json, Value};
use tauri::WebviewWindowBuilder;

fn tea_shop(language: &str) -> Value {
    json!({ "input": { "name": "茶香茶馆", "brand": "茶香", "industry": "茶饮",
                       "time_zone": "Asia/Shanghai", "language": language } })
}

#[test]
fn the_first_run_sets_up_the_shop_once() {
    let dir = tempfile::tempdir().unwrap();
    let s = shell(&dir.path().join("shop.db"));
    assert_eq!(invoke(&s.main, "ui_painted", json!({})).unwrap(), json!(null));
    let info = invoke(&s.main, "app_info", json!({})).unwrap();
    assert_eq!(info["shop"], Value::Null);
    assert_eq!(info["system_language"], "en");
    let shop = invoke(&s.main, "set_up_shop", tea_shop("zh-CN")).unwrap();
    assert_eq!(shop["name"], "茶香茶馆");
    let again = invoke(&s.main, "set_up_shop", tea_shop("en")).unwrap_err();
    assert_eq!(again["code"], "already_set_up");
    assert_eq!(again["message"], "店铺已经设置过了", "spoken in the shop's language");
}

#[test]
fn a_community_planned_through_ipc_survives_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("shop.db");
    let id = {
        let s = shell(&db);
        invoke(&s.main, "set_up_shop", tea_shop("en")).unwrap();
        let input = json!({ "input": { "name": "Tea lovers", "kind": "high_frequency",
                                        "rules": ["No ads", "Be kind"] } });
        let c = invoke(&s.main, "create_community", input).unwrap();
        assert_eq!(c["capacity"], 200);
        invoke(
            &s.main,
            "record_member_count",
            json!({ "communityId": c["id"], "day": "2026-01-05", "count": 42 }),
        )
        .unwrap();
        c["id"].as_i64().unwrap()
    };
    let s = shell(&db);
    let c = invoke(&s.main, "get_community", json!({ "id": id })).unwrap();
    assert_eq!(c["rules"], json!(["No ads", "Be kind"]));
    assert_eq!(c["members"], 42);
    let health = invoke(&s.main, "community_health", json!({ "id": id })).unwrap();
    assert_eq!(health["items"].as_array().unwrap().len(), 4);
}

#[test]
fn bad_input_comes_back_as_code_message_and_field_in_the_owners_language() {
    let dir = tempfile::tempdir().unwrap();
    let s = shell(&dir.path().join("shop.db"));
    invoke(&s.main, "set_up_shop", tea_shop("zh-CN")).unwrap();
    let err = invoke(&s.main, "create_community", json!({ "input": { "name": "A", "kind": "weekly" } }))
        .unwrap_err();
    assert_eq!(
        err,
        json!({ "code": "invalid_input", "field": "kind", "message": "无法识别的社群类型：“weekly”" })
    );
    let err = invoke(
        &s.main,
        "create_community",
        json!({ "input": { "name": "A", "kind": "niche", "capacity": 0 } }),
    )
    .unwrap_err();
    assert_eq!(err["field"], "capacity");
    let list = invoke(&s.main, "list_communities", json!({ "includeArchived": true })).unwrap();
    assert_eq!(list, json!([]));
}

#[test]
fn the_sample_shop_arrives_with_three_communities_and_staff() {
    let dir = tempfile::tempdir().unwrap();
    let s = shell(&dir.path().join("shop.db"));
    let shop =
        invoke(&s.main, "create_sample_shop", json!({ "language": "en", "timeZone": "Europe/Berlin" }))
            .unwrap();
    assert_eq!(shop["time_zone"], "Europe/Berlin");
    let list = invoke(&s.main, "list_communities", json!({ "includeArchived": false })).unwrap();
    assert_eq!(list.as_array().unwrap().len(), 3);
    let staff = invoke(&s.main, "list_staff", json!({ "includeArchived": false })).unwrap();
    assert!(staff.as_array().unwrap().iter().any(|s| s["missing_brand"] == true));
    let templates = invoke(&s.main, "rule_templates", json!({ "language": "zh-CN" })).unwrap();
    assert!(templates[0]["text"].as_str().unwrap().contains("广告"));
}

#[test]
fn a_database_from_a_newer_version_is_reported_not_opened() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("shop.db");
    {
        let conn = rusqlite_conn(&db);
        conn.execute_batch("PRAGMA user_version = 999;").unwrap();
    }
    let s = shell(&db);
    let err = invoke(&s.main, "app_info", json!({})).unwrap_err();
    assert_eq!(err["code"], "newer_database");
    assert!(err["message"].as_str().unwrap().contains("newer version"));
}

#[test]
fn a_window_the_capability_does_not_name_may_not_call_commands() {
    let dir = tempfile::tempdir().unwrap();
    let s = shell(&dir.path().join("shop.db"));
    let other = WebviewWindowBuilder::new(&s.app, "other", Default::default()).build().unwrap();
    let denied = invoke(&other, "app_info", json!({})).unwrap_err();
    assert!(denied.to_string().contains("not allowed"), "{denied}");
    assert!(invoke(&s.main, "app_info", json!({})).is_ok());
}

fn rusqlite_conn(path: &Path) -> shopcircle_core::db::Connection {
    shopcircle_core::db::Connection::open(path).unwrap()
}
