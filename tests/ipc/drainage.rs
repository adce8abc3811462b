//! Drainage channels and their QR codes through the shell's commands.

use crate::common;

use base64::Engine;
use common::{invoke, shell};
use serde_json::json;

fn fixture_base64(name: &str) -> String {
    let bytes =
        std::fs::read(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name))
            .expect("fixture");
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

fn channel(s: &common::Shell) -> serde_json::Value {
    let c = invoke(
        &s.main,
        "create_community",
        json!({ "input": { "name": "茶友群", "kind": "high_frequency" } }),
    )
    .unwrap();
    invoke(
        &s.main,
        "create_channel",
        json!({ "communityId": c["id"], "input": { "kind": "counter", "name": "收银台" } }),
    )
    .unwrap()
}

#[test]
fn a_dropped_group_screenshot_becomes_the_channels_code_and_shows_in_the_watch_when_old() {
    let dir = tempfile::tempdir().unwrap();
    let s = shell(&dir.path().join("shop.db"));
    let ch = channel(&s);
    let replaced = invoke(
        &s.main,
        "import_qr",
        json!({ "channelId": ch["id"], "kind": "group_qr", "image": fixture_base64("group-qr-screenshot.png"),
                "madeOn": "2020-01-01" }),
    )
    .unwrap();
    assert_eq!(replaced["rerendered"], json!([]), "no poster saved yet");
    let qr = &replaced["qr"];
    assert_eq!(qr["payload"], "https://weixin.qq.com/g/AwYAAGx2aWxsYWdlLXRlYS1mcmllbmRzLWdyb3Vw");
    assert_eq!(qr["expires_at"], "2020-01-08T00:00:00Z");
    let watch = invoke(&s.main, "expiring_qrs", json!({})).unwrap();
    assert_eq!(watch[0]["channel_name"], "收银台");
    assert_eq!(watch[0]["expired"], true);
    let listed = invoke(&s.main, "list_channels", json!({ "communityId": ch["community_id"] })).unwrap();
    assert_eq!(listed[0]["qr"]["id"], qr["id"]);
}

#[test]
fn an_image_with_two_codes_is_refused_with_a_code_the_ui_can_branch_on() {
    let dir = tempfile::tempdir().unwrap();
    let s = shell(&dir.path().join("shop.db"));
    let ch = channel(&s);
    let err = invoke(
        &s.main,
        "import_qr",
        json!({ "channelId": ch["id"], "kind": "group_qr", "image": fixture_base64("two-qrs.png") }),
    )
    .unwrap_err();
    assert_eq!(err["code"], "several_qr_found");
    let err =
        invoke(&s.main, "import_qr", json!({ "channelId": ch["id"], "kind": "group_qr", "image": "%%%" }))
            .unwrap_err();
    assert_eq!(err["code"], "bad_upload");
    let listed = invoke(&s.main, "list_channels", json!({ "communityId": ch["community_id"] })).unwrap();
    assert_eq!(listed[0]["qr"], serde_json::Value::Null);
}

#[test]
fn a_typed_link_never_expires() {
    let dir = tempfile::tempdir().unwrap();
    let s = shell(&dir.path().join("shop.db"));
    let ch = channel(&s);
    let qr = invoke(
        &s.main,
        "set_qr_link",
        json!({ "channelId": ch["id"], "link": "https://work.weixin.qq.com/gm/x" }),
    )
    .unwrap();
    let qr = &qr["qr"];
    assert_eq!((qr["kind"].as_str(), qr["expires_at"].is_null()), (Some("link"), true));
}

// See issue 11: commands read the system's clock, so the test clock moved the
// reminders but not a group code's expiry or a voucher's validity.
#[test]
fn the_one_clock_moves_group_code_expiry_and_voucher_validity_alike() {
    let dir = tempfile::tempdir().unwrap();
    let s = common::shell_with_test_clock(&dir.path().join("shop.db"));
    invoke(
        &s.main,
        "set_up_shop",
        json!({ "input": { "name": "Leaf & Cup", "industry": "tea", "time_zone": "UTC", "language": "en" } }),
    )
    .unwrap();
    let ch = channel(&s);
    invoke(
        &s.main,
        "import_qr",
        json!({ "channelId": ch["id"], "kind": "group_qr", "image": fixture_base64("group-qr-screenshot.png") }),
    )
    .unwrap();
    assert_eq!(invoke(&s.main, "expiring_qrs", json!({})).unwrap(), json!([]), "a new code is fine");
    let batch = invoke(
        &s.main,
        "issue_batch",
        json!({ "input": { "benefit": { "kind": "amount_off", "cents": 500 }, "count": 1,
                           "valid_until": chrono::Utc::now().date_naive().succ_opt().unwrap().to_string() } }),
    )
    .unwrap();
    let vouchers = invoke(&s.main, "batch_vouchers", json!({ "id": batch["id"] })).unwrap();
    let code = vouchers[0]["code"].as_str().unwrap().to_owned();

    let week_later = chrono::Utc::now() + chrono::Duration::days(7) + chrono::Duration::hours(1);
    invoke(&s.main, "set_test_clock", json!({ "at": week_later.to_rfc3339() })).unwrap();
    let watch = invoke(&s.main, "expiring_qrs", json!({})).unwrap();
    assert_eq!(watch[0]["expired"], true, "seven days on, the group code has expired: {watch}");
    let answer =
        invoke(&s.main, "redeem_voucher", json!({ "input": { "code": code, "staff": "" } })).unwrap();
    assert_eq!(answer["status"], "expired", "{answer}");
}
