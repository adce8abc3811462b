use proptest::prelude::*;

use super::*;
use crate::db::open_in_memory;
use crate::testing::now;
use crate::{Error, Field, Problem};

fn full_input() -> CommunityInput {
    CommunityInput {
        name: "每日茶友群".into(),
        kind: "high_frequency".into(),
        stage: Some("activation".into()),
        platform: Some("wechat_group".into()),
        purpose: Some("每天一款好茶的冲泡方法和会员价".into()),
        goal: Some("一年内 500 位老顾客每周复购".into()),
        capacity: None,
        rules: Some(vec!["不发广告".into(), "  ".into(), "文明交流".into()]),
    }
}

#[test]
fn a_planned_community_is_stored_with_its_rules_in_order() {
    let mut conn = open_in_memory().unwrap();
    let c = write::create(&mut conn, &full_input(), now()).unwrap();
    assert_eq!(c.kind, Kind::HighFrequency);
    assert_eq!(c.stage, Stage::Activation);
    assert_eq!(c.rules, vec!["不发广告", "文明交流"], "blank rule lines are dropped");
    assert_eq!(read::get(&conn, c.id).unwrap(), c);
}

#[test]
fn a_wechat_group_defaults_to_200_members_and_a_wecom_group_to_500() {
    let mut conn = open_in_memory().unwrap();
    let wechat = write::create(&mut conn, &CommunityInput::new("A", Kind::Niche), now()).unwrap();
    assert_eq!(wechat.capacity, 200);
    let wecom =
        CommunityInput { platform: Some("wecom_group".into()), ..CommunityInput::new("B", Kind::Niche) };
    assert_eq!(write::create(&mut conn, &wecom, now()).unwrap().capacity, 500);
}

#[test]
fn bad_input_is_refused_with_the_field_named_and_nothing_changes() {
    let mut conn = open_in_memory().unwrap();
    let stored = write::create(&mut conn, &full_input(), now()).unwrap();
    let cases: Vec<(CommunityInput, Field)> = vec![
        (CommunityInput { name: "".into(), ..full_input() }, Field::Name),
        (CommunityInput { name: "x".repeat(10_000), ..full_input() }, Field::Name),
        (CommunityInput { capacity: Some(0), ..full_input() }, Field::Capacity),
        (CommunityInput { capacity: Some(-5), ..full_input() }, Field::Capacity),
        (CommunityInput { kind: "weekly".into(), ..full_input() }, Field::Kind),
        (CommunityInput { stage: Some("done".into()), ..full_input() }, Field::Stage),
        (CommunityInput { platform: Some("telegram".into()), ..full_input() }, Field::Platform),
        (CommunityInput { purpose: Some("p".repeat(501)), ..full_input() }, Field::Purpose),
        (CommunityInput { rules: Some(vec!["r".repeat(201)]), ..full_input() }, Field::Rules),
    ];
    for (input, field) in cases {
        let err = write::update(&mut conn, stored.id, &input, now()).unwrap_err();
        assert_eq!(err.field(), Some(field), "{err}");
        assert_eq!(err.code(), "invalid_input");
        assert!(write::create(&mut conn, &input, now()).is_err());
    }
    assert_eq!(read::list(&conn, true).unwrap(), vec![stored]);
}

#[test]
fn a_ten_thousand_character_name_gets_a_message_in_both_languages() {
    let err = validate(&CommunityInput { name: "名".repeat(10_000), ..full_input() }).err().unwrap();
    assert!(matches!(err, Error::Invalid { problem: Problem::TooLong { max: 60 }, .. }));
    assert_eq!(err.message(crate::Lang::En), "Name is too long: at most 60 characters");
    assert_eq!(err.message(crate::Lang::ZhCn), "名称太长了，最多 60 个字");
}

#[test]
fn editing_replaces_fields_and_rules() {
    let mut conn = open_in_memory().unwrap();
    let c = write::create(&mut conn, &full_input(), now()).unwrap();
    let edited = CommunityInput {
        name: "茶友会".into(),
        stage: Some("realization".into()),
        capacity: Some(180),
        rules: Some(vec!["只聊茶".into()]),
        ..full_input()
    };
    let later = now() + chrono::Duration::hours(1);
    let after = write::update(&mut conn, c.id, &edited, later).unwrap();
    assert_eq!((after.name.as_str(), after.stage, after.capacity), ("茶友会", Stage::Realization, 180));
    assert_eq!(after.rules, vec!["只聊茶"]);
    assert_eq!(after.created_at, c.created_at);
    assert_eq!(after.updated_at, later);
}

#[test]
fn archiving_hides_a_community_and_restoring_brings_it_back_whole() {
    let mut conn = open_in_memory().unwrap();
    let c = write::create(&mut conn, &full_input(), now()).unwrap();
    let archived = write::archive(&conn, c.id, now()).unwrap();
    assert!(archived.archived_at.is_some());
    assert!(read::list(&conn, false).unwrap().is_empty());
    assert_eq!(read::list(&conn, true).unwrap().len(), 1);
    assert_eq!(write::update(&mut conn, c.id, &full_input(), now()).unwrap_err().code(), "archived");
    let restored = write::restore(&conn, c.id, now()).unwrap();
    assert_eq!(restored.archived_at, None);
    assert_eq!(restored.rules, c.rules);
}

#[test]
fn a_missing_community_is_not_found() {
    let mut conn = open_in_memory().unwrap();
    assert_eq!(read::get(&conn, 42).unwrap_err().code(), "not_found");
    assert_eq!(write::update(&mut conn, 42, &full_input(), now()).unwrap_err().code(), "not_found");
    assert_eq!(write::archive(&conn, 42, now()).unwrap_err().code(), "not_found");
}

proptest! {
    #[test]
    fn any_name_is_either_stored_exactly_trimmed_or_refused(name in "\\PC{0,80}") {
        let mut conn = open_in_memory().unwrap();
        match write::create(&mut conn, &CommunityInput::new(name.clone(), Kind::Niche), now()) {
            Ok(c) => {
                prop_assert_eq!(&c.name, name.trim());
                prop_assert!(!c.name.is_empty() && c.name.chars().count() <= NAME_MAX);
            }
            Err(e) => {
                prop_assert_eq!(e.field(), Some(Field::Name));
                prop_assert!(read::list(&conn, true).unwrap().is_empty());
            }
        }
    }

    #[test]
    fn any_capacity_outside_the_range_is_refused(capacity in any::<i64>()) {
        let mut conn = open_in_memory().unwrap();
        let input = CommunityInput { capacity: Some(capacity), ..CommunityInput::new("A", Kind::Niche) };
        let result = write::create(&mut conn, &input, now());
        prop_assert_eq!(result.is_ok(), (1..=CAPACITY_MAX).contains(&capacity));
    }
}
