use super::*;
use crate::community::{self, CommunityInput, Kind};
use crate::db::open_in_memory;
use crate::settings::{self, ShopInput};
use crate::testing::now;
use crate::Field;

fn shop_with_community(conn: &mut rusqlite::Connection) -> i64 {
    let input = ShopInput {
        name: "Leaf & Cup Tea House".into(),
        brand: "Leaf&Cup".into(),
        industry: "Tea".into(),
        time_zone: "Asia/Shanghai".into(),
        language: "en".into(),
    };
    settings::set_up(conn, &input, now()).unwrap();
    community::write::create(conn, &CommunityInput::new("Tea lovers", Kind::HighFrequency), now()).unwrap().id
}

fn clerk(name: &str, communities: Vec<i64>) -> StaffInput {
    StaffInput {
        display_name: name.into(),
        role: "clerk".into(),
        account_id: Some("wxid_123".into()),
        note: None,
        community_ids: Some(communities),
    }
}

#[test]
fn a_display_name_without_the_brand_is_flagged() {
    let mut conn = open_in_memory().unwrap();
    let c = shop_with_community(&mut conn);
    let good = write::create(&mut conn, &clerk("leaf & cup · Amy", vec![c]), now()).unwrap();
    let bad = write::create(&mut conn, &clerk("Amy", vec![c]), now()).unwrap();
    assert!(!good.missing_brand, "brand match ignores case and spaces");
    assert!(bad.missing_brand);
    assert_eq!(good.community_ids, vec![c]);
}

#[test]
fn assigning_an_unknown_community_is_refused_and_nothing_is_stored() {
    let mut conn = open_in_memory().unwrap();
    let c = shop_with_community(&mut conn);
    let err = write::create(&mut conn, &clerk("Leaf&Cup Amy", vec![c, 999]), now()).unwrap_err();
    assert_eq!(err.field(), Some(Field::Communities));
    assert!(read::list(&conn, true).unwrap().is_empty(), "the insert was rolled back");
}

#[test]
fn an_unknown_role_or_empty_name_is_refused() {
    let mut conn = open_in_memory().unwrap();
    shop_with_community(&mut conn);
    let boss = StaffInput { role: "boss".into(), ..clerk("Leaf&Cup Amy", vec![]) };
    assert_eq!(write::create(&mut conn, &boss, now()).unwrap_err().field(), Some(Field::Role));
    assert_eq!(
        write::create(&mut conn, &clerk(" ", vec![]), now()).unwrap_err().field(),
        Some(Field::DisplayName)
    );
}

#[test]
fn reassigning_replaces_the_communities_and_archiving_keeps_the_account() {
    let mut conn = open_in_memory().unwrap();
    let c1 = shop_with_community(&mut conn);
    let c2 = community::write::create(&mut conn, &CommunityInput::new("Gifts", Kind::LowFrequency), now())
        .unwrap()
        .id;
    let s = write::create(&mut conn, &clerk("Leaf&Cup Amy", vec![c1]), now()).unwrap();
    let s = write::update(&mut conn, s.id, &clerk("Leaf&Cup Amy", vec![c2, c2]), now()).unwrap();
    assert_eq!(s.community_ids, vec![c2]);
    write::set_archived(&conn, s.id, true, now()).unwrap();
    assert!(read::list(&conn, false).unwrap().is_empty());
    assert_eq!(read::list(&conn, true).unwrap()[0].community_ids, vec![c2]);
}
