//! Schedules, the content calendar and the reminder centre through the
//! shell's commands with the real capability: the UI's argument names reach
//! the core, errors come back by field in the shop's language, and the test
//! clock is refused outside the end-to-end tests.

use crate::common;

use common::{invoke, shell};
use serde_json::json;

fn set_up(s: &common::Shell) -> i64 {
    common::set_up_tea_shop(s, "zh-CN");
    common::community(s, "老街茶友群")
}

#[test]
fn a_spike_schedule_its_week_and_a_mark_through_the_commands() {
    let dir = tempfile::tempdir().unwrap();
    let s = shell(&dir.path().join("shop.db"));
    let group = set_up(&s);
    let made = invoke(
        &s.main,
        "create_schedule",
        json!({ "input": {
            "title": "秒杀", "purpose": "campaign", "community_id": group, "rule": "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH",
            "start": "2026-11-23 20:00", "zone": "", "ends_on": null, "skipped": ["2026-11-25"], "lead_minutes": 30, "message": "今晚 8 点",
        } }),
    )
    .unwrap();
    assert_eq!(made["rule"], "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH");
    assert_eq!(made["repeat"], json!({ "kind": "weekly", "days": ["mo", "tu", "we", "th"] }));
    let week =
        invoke(&s.main, "list_occurrences", json!({ "from": "2026-11-23", "to": "2026-11-29" })).unwrap();
    let days: Vec<&str> = week.as_array().unwrap().iter().map(|o| o["day"].as_str().unwrap()).collect();
    assert_eq!(days, ["2026-11-23", "2026-11-24", "2026-11-26"]);
    let marked = invoke(
        &s.main,
        "mark_occurrence",
        json!({ "scheduleId": made["id"], "at": week[0]["at"], "state": "done" }),
    )
    .unwrap();
    assert_eq!(marked["state"], "done");

    let item = invoke(
        &s.main,
        "create_content",
        json!({ "input": { "community_id": group, "day": "2026-11-24", "time": "10:00", "topic": "每日一茶", "body": "桂花乌龙" } }),
    )
    .unwrap();
    let listed = invoke(
        &s.main,
        "list_content",
        json!({ "from": "2026-11-23", "to": "2026-11-29", "communityId": group }),
    )
    .unwrap();
    assert_eq!(listed[0]["id"], item["id"]);
    let ideas = invoke(&s.main, "topic_ideas", json!({ "communityId": group })).unwrap();
    assert_eq!(ideas[0]["topic"], "每日一茶", "a tea shop's high-frequency group, in Chinese");
    let centre = invoke(&s.main, "reminder_centre", json!({})).unwrap();
    assert!(centre["today"].as_str().unwrap().len() == 10);
}

#[test]
fn bad_input_comes_back_by_field_in_the_shops_language() {
    let dir = tempfile::tempdir().unwrap();
    let s = shell(&dir.path().join("shop.db"));
    set_up(&s);
    let e = invoke(
        &s.main,
        "create_schedule",
        json!({ "input": { "title": "秒杀", "purpose": "campaign", "community_id": null, "rule": "FREQ=DAILY",
                           "start": "2026-11-23 24:61", "zone": "", "ends_on": null, "skipped": [], "lead_minutes": 0, "message": "" } }),
    )
    .unwrap_err();
    assert_eq!((e["code"].as_str(), e["field"].as_str()), (Some("invalid_input"), Some("start")));
    assert!(e["message"].as_str().unwrap().contains("开始日期和时间"), "{e}");
    let e =
        invoke(&s.main, "list_occurrences", json!({ "from": "2026-11-30", "to": "2026-11-01" })).unwrap_err();
    assert_eq!(e["field"], "date");
    let e = invoke(&s.main, "pause_reminders", json!({ "minutes": -5 })).unwrap_err();
    assert_eq!(e["field"], "minutes");
}

#[test]
fn the_test_clock_is_refused_unless_the_app_was_started_for_tests() {
    // The test binary runs without SHOPCIRCLE_TEST_CLOCK.
    assert!(std::env::var("SHOPCIRCLE_TEST_CLOCK").is_err());
    let dir = tempfile::tempdir().unwrap();
    let s = shell(&dir.path().join("shop.db"));
    let e = invoke(&s.main, "set_test_clock", json!({ "at": "2030-01-01T00:00:00Z" })).unwrap_err();
    assert_eq!(e["code"], "forbidden");
}
