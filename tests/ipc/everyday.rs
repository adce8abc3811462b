//! The everyday edits through the shell's commands, so that every command the
//! window calls has a test through the mock runtime: communities, staff,
//! gifts, schedules, content, posters, vouchers, member counts, reminders and
//! the shop's settings.

use crate::common;

use common::{invoke, shell, Shell};
use serde_json::{json, Value};

fn set_up(s: &Shell) -> i64 {
    common::set_up_tea_shop(s, "en");
    common::community(s, "Tea friends")
}

fn ok(s: &Shell, cmd: &str, args: Value) -> Value {
    invoke(&s.main, cmd, args).unwrap_or_else(|e| panic!("{cmd}: {e}"))
}

#[test]
fn a_community_is_edited_archived_and_restored() {
    let dir = tempfile::tempdir().unwrap();
    let s = shell(&dir.path().join("shop.db"));
    let id = set_up(&s);
    let edited = ok(
        &s,
        "update_community",
        json!({ "id": id, "input": { "name": "Tea friends 2", "kind": "niche", "capacity": 300 } }),
    );
    assert_eq!((edited["name"].as_str(), edited["capacity"].as_i64()), (Some("Tea friends 2"), Some(300)));
    let archived = ok(&s, "archive_community", json!({ "id": id }));
    assert!(!archived["archived_at"].is_null());
    let e =
        invoke(&s.main, "update_community", json!({ "id": id, "input": { "name": "x", "kind": "niche" } }))
            .unwrap_err();
    assert_eq!(e["code"], "archived");
    let restored = ok(&s, "restore_community", json!({ "id": id }));
    assert!(restored["archived_at"].is_null());
    ok(&s, "record_member_count", json!({ "communityId": id, "day": "2026-01-05", "count": 42 }));
    let counts = ok(&s, "list_member_counts", json!({ "communityId": id }));
    assert_eq!(counts[0]["count"], 42);
}

#[test]
fn a_staff_account_is_added_edited_and_archived() {
    let dir = tempfile::tempdir().unwrap();
    let s = shell(&dir.path().join("shop.db"));
    let community = set_up(&s);
    let made = ok(
        &s,
        "create_staff",
        json!({ "input": { "display_name": "Leaf & Cup · Amy", "role": "clerk", "community_ids": [community] } }),
    );
    let id = made["id"].as_i64().unwrap();
    let edited = ok(
        &s,
        "update_staff",
        json!({ "id": id, "input": { "display_name": "Leaf & Cup · Amy W", "role": "manager", "community_ids": [] } }),
    );
    assert_eq!(edited["role"], "manager");
    let archived = ok(&s, "set_staff_archived", json!({ "id": id, "archived": true }));
    assert!(!archived["archived_at"].is_null());
}

#[test]
fn a_gift_is_listed_edited_restocked_and_archived() {
    let dir = tempfile::tempdir().unwrap();
    let s = shell(&dir.path().join("shop.db"));
    set_up(&s);
    let input =
        json!({ "name": "Tea sample", "kind": "drainage", "unit_cost_cents": 350, "value_cents": 1500 });
    let id = ok(&s, "create_gift", json!({ "input": input, "stock": 5 }))["id"].as_i64().unwrap();
    let listed = ok(&s, "list_gifts", json!({ "includeArchived": false }));
    assert_eq!(listed.as_array().unwrap().len(), 1);
    let edited = ok(
        &s,
        "update_gift",
        json!({ "id": id, "input": { "name": "Tea sample (large)", "kind": "drainage", "unit_cost_cents": 400, "value_cents": 1800 } }),
    );
    assert_eq!(edited["unit_cost_cents"], 400);
    let restocked = ok(
        &s,
        "change_gift_stock",
        json!({ "id": id, "change": { "kind": "restocked", "count": 10 }, "note": "delivery" }),
    );
    assert_eq!(restocked["stock"], 15);
    let e = invoke(
        &s.main,
        "change_gift_stock",
        json!({ "id": id, "change": { "kind": "counted", "count": -3 }, "note": "" }),
    )
    .unwrap_err();
    assert_eq!(e["code"], "invalid_input", "a negative count is refused, not clamped");
    ok(&s, "set_gift_archived", json!({ "id": id, "archived": true }));
    assert_eq!(ok(&s, "list_gifts", json!({ "includeArchived": false })), json!([]));
}

#[test]
fn a_batch_is_listed_and_one_voucher_voided_with_a_reason() {
    let dir = tempfile::tempdir().unwrap();
    let s = shell(&dir.path().join("shop.db"));
    set_up(&s);
    let batch = ok(
        &s,
        "issue_batch",
        json!({ "input": { "benefit": { "kind": "percent_off", "percent": 10 }, "count": 2, "valid_until": "2099-12-31" } }),
    );
    let listed = ok(&s, "list_batches", json!({}));
    assert_eq!(listed[0]["id"], batch["id"]);
    let code = ok(&s, "batch_vouchers", json!({ "id": batch["id"] }))[0]["code"].as_str().unwrap().to_owned();
    let e = invoke(&s.main, "void_voucher", json!({ "code": code, "reason": " " })).unwrap_err();
    assert_eq!(e["field"], "reason");
    // The reason dialog is a text area: a line break is the owner's.
    let voided =
        ok(&s, "void_voucher", json!({ "code": code, "reason": "Lost by the customer\nat the door" }));
    assert_eq!(voided["code"], code.as_str());
    assert_eq!(ok(&s, "get_batch", json!({ "id": batch["id"] }))["stats"]["voided"], 1);
}

#[test]
fn a_schedule_is_listed_edited_paused_and_deleted() {
    let dir = tempfile::tempdir().unwrap();
    let s = shell(&dir.path().join("shop.db"));
    let community = set_up(&s);
    let input = json!({ "title": "Spike", "purpose": "campaign", "community_id": community, "rule": "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH",
                        "start": "2026-11-23 20:00", "zone": "", "ends_on": null, "skipped": [], "lead_minutes": 30, "message": "" });
    let id = ok(&s, "create_schedule", json!({ "input": input }))["id"].as_i64().unwrap();
    assert_eq!(ok(&s, "list_schedules", json!({}))[0]["id"], id);
    let mut edited = input.clone();
    edited["start"] = json!("2026-11-23 20:30");
    assert_eq!(ok(&s, "update_schedule", json!({ "id": id, "input": edited }))["start"], "2026-11-23 20:30");
    assert_eq!(ok(&s, "set_schedule_paused", json!({ "id": id, "paused": true }))["paused"], true);
    ok(&s, "delete_schedule", json!({ "id": id }));
    assert_eq!(ok(&s, "list_schedules", json!({})), json!([]));
}

#[test]
fn a_content_item_is_edited_given_an_image_posted_and_deleted() {
    let dir = tempfile::tempdir().unwrap();
    let s = shell(&dir.path().join("shop.db"));
    let community = set_up(&s);
    let input = json!({ "community_id": community, "day": "2026-11-24", "time": "10:00", "topic": "Tea of the day", "body": "Osmanthus oolong" });
    let id = ok(&s, "create_content", json!({ "input": input }))["id"].as_i64().unwrap();
    let mut edited = input.clone();
    edited["body"] = json!("Osmanthus oolong\nBrewed at 85 °C");
    assert_eq!(
        ok(&s, "update_content", json!({ "id": id, "input": edited }))["body"],
        "Osmanthus oolong\nBrewed at 85 °C"
    );
    let png = {
        let mut bytes = Vec::new();
        image::RgbImage::new(2, 2)
            .write_to(&mut std::io::Cursor::new(&mut bytes), image::ImageFormat::Png)
            .unwrap();
        base64::Engine::encode(&base64::engine::general_purpose::STANDARD, bytes)
    };
    let e = invoke(&s.main, "update_content", json!({ "id": id, "input": edited, "image": "not base64!" }))
        .unwrap_err();
    assert_eq!(e["code"], "bad_upload");
    // The words and the image are saved together: a refused image keeps the old words.
    let gif = base64::Engine::encode(&base64::engine::general_purpose::STANDARD, b"GIF89a...");
    let mut renamed = edited.clone();
    renamed["topic"] = json!("Renamed");
    let e =
        invoke(&s.main, "update_content", json!({ "id": id, "input": renamed, "image": gif })).unwrap_err();
    assert_eq!(e["field"], "image");
    let listed = ok(&s, "list_content", json!({ "from": "2026-11-23", "to": "2026-11-29" }));
    assert_eq!(listed[0]["topic"], "Tea of the day");
    let saved = ok(&s, "update_content", json!({ "id": id, "input": edited, "image": png }));
    assert_eq!(saved["has_image"], true);
    let shown = ok(&s, "content_image", json!({ "id": id }));
    assert!(shown.as_str().unwrap().starts_with("data:image/png;base64,"));
    assert_eq!(ok(&s, "set_content_posted", json!({ "id": id, "posted": true }))["posted"], true);
    ok(&s, "delete_content", json!({ "id": id }));
    assert_eq!(ok(&s, "list_content", json!({ "from": "2026-11-23", "to": "2026-11-29" })), json!([]));
}

#[test]
fn missed_reminders_are_dismissed_and_the_shop_settings_saved() {
    let dir = tempfile::tempdir().unwrap();
    let s = shell(&dir.path().join("shop.db"));
    set_up(&s);
    let centre = ok(&s, "dismiss_reminders", json!({ "keys": null }));
    assert_eq!(centre["missed"], json!([]));
    let saved = ok(
        &s,
        "update_shop",
        json!({ "input": { "name": "Leaf & Cup", "brand": "L&C", "industry": "tea", "time_zone": "Europe/Berlin", "language": "zh-CN" } }),
    );
    assert_eq!(
        (saved["time_zone"].as_str(), saved["language"].as_str()),
        (Some("Europe/Berlin"), Some("zh-CN"))
    );
    let e = invoke(&s.main, "update_shop", json!({ "input": { "name": "Leaf & Cup", "industry": "tea", "time_zone": "Mars/Base", "language": "en" } }))
        .unwrap_err();
    assert!(e["message"].as_str().unwrap().contains("时区"), "the shop now speaks Chinese: {e}");
}
