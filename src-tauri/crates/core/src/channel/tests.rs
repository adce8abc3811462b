use chrono::Duration;

use super::*;
use crate::community::{write, CommunityInput, Kind};
use crate::db::open_in_memory;
use crate::qr_source::{self, QrKind, QrSourceInput};
use crate::qr_watch;
use crate::testing::now;

fn setup() -> (rusqlite::Connection, i64) {
    let mut conn = open_in_memory().unwrap();
    let c = write::create(&mut conn, &CommunityInput::new("茶友群", Kind::HighFrequency), now()).unwrap();
    (conn, c.id)
}

fn counter() -> ChannelInput {
    ChannelInput { kind: "counter".into(), name: "收银台".into() }
}

fn group_qr(payload: &str) -> QrSourceInput {
    QrSourceInput {
        kind: QrKind::GroupQr,
        payload: payload.into(),
        staff_id: None,
        image: Some(vec![1, 2, 3]),
        made_at: None,
    }
}

#[test]
fn a_channel_is_named_uniquely_within_its_community() {
    let (conn, community) = setup();
    let ch = create(&conn, community, &counter(), now()).unwrap();
    assert_eq!((ch.kind, ch.name.as_str(), ch.qr.clone()), (ChannelKind::Counter, "收银台", None));
    let dup = create(&conn, community, &ChannelInput { kind: "shop_window".into(), ..counter() }, now());
    assert_eq!(dup.unwrap_err().field(), Some(Field::Name));
    let bad = create(&conn, community, &ChannelInput { kind: "billboard".into(), ..counter() }, now());
    assert_eq!(bad.unwrap_err().field(), Some(Field::ChannelKind));
    assert_eq!(list(&conn, community).unwrap(), vec![ch]);
}

#[test]
fn an_imported_group_qr_expires_seven_days_after_it_was_made() {
    let (mut conn, community) = setup();
    let ch = create(&conn, community, &counter(), now()).unwrap();
    let qr = qr_source::set(&mut conn, ch.id, group_qr("https://weixin.qq.com/g/A"), now()).unwrap();
    assert_eq!(qr.expires_at, Some(now() + Duration::days(7)));
    assert!(qr.has_image);
    let corrected = qr_source::correct_made_at(&conn, qr.id, now() - Duration::days(3), now()).unwrap();
    assert_eq!(corrected.expires_at, Some(now() + Duration::days(4)));
}

#[test]
fn replacing_a_channels_qr_keeps_one_current_code() {
    let (mut conn, community) = setup();
    let ch = create(&conn, community, &counter(), now()).unwrap();
    let old = qr_source::set(&mut conn, ch.id, group_qr("old"), now()).unwrap();
    let new = qr_source::set(&mut conn, ch.id, group_qr("new"), now() + Duration::days(6)).unwrap();
    assert_eq!(get(&conn, ch.id).unwrap().qr, Some(new));
    assert_eq!(qr_source::get(&conn, old.id).unwrap().payload, "old", "the old code is kept, not deleted");
}

#[test]
fn a_staff_contact_code_never_expires_and_must_name_its_staff() {
    let (mut conn, community) = setup();
    let ch = create(&conn, community, &counter(), now()).unwrap();
    let input = QrSourceInput { kind: QrKind::StaffQr, staff_id: None, ..group_qr("https://u.wechat.com/x") };
    assert_eq!(
        qr_source::set(&mut conn, ch.id, input.clone(), now()).unwrap_err().field(),
        Some(Field::Staff)
    );
    let input = QrSourceInput { staff_id: Some(99), ..input };
    assert_eq!(qr_source::set(&mut conn, ch.id, input, now()).unwrap_err().field(), Some(Field::Staff));
    assert_eq!(get(&conn, ch.id).unwrap().qr, None, "nothing stored after refusals");
    let link = QrSourceInput { kind: QrKind::Link, ..group_qr("https://work.weixin.qq.com/gm/abc") };
    assert_eq!(qr_source::set(&mut conn, ch.id, link, now()).unwrap().expires_at, None);
}

#[test]
fn an_empty_or_oversized_payload_or_a_future_make_date_is_refused() {
    let (mut conn, community) = setup();
    let ch = create(&conn, community, &counter(), now()).unwrap();
    for (input, field) in [
        (group_qr("  "), Field::Payload),
        (group_qr(&"x".repeat(2332)), Field::Payload),
        (QrSourceInput { made_at: Some(now() + Duration::days(1)), ..group_qr("a") }, Field::MadeAt),
    ] {
        assert_eq!(qr_source::set(&mut conn, ch.id, input, now()).unwrap_err().field(), Some(field));
    }
    assert_eq!(get(&conn, ch.id).unwrap().qr, None);
}

#[test]
fn the_expiry_watch_lists_codes_expiring_within_two_days_and_expired_ones() {
    let (mut conn, community) = setup();
    let soon = create(&conn, community, &counter(), now()).unwrap();
    let later =
        create(&conn, community, &ChannelInput { kind: "table_tent".into(), name: "桌牌".into() }, now())
            .unwrap();
    let gone =
        create(&conn, community, &ChannelInput { kind: "shop_window".into(), name: "橱窗".into() }, now())
            .unwrap();
    let made = |days: i64| QrSourceInput { made_at: Some(now() - Duration::days(days)), ..group_qr("g") };
    qr_source::set(&mut conn, soon.id, made(6), now()).unwrap();
    qr_source::set(&mut conn, later.id, made(1), now()).unwrap();
    qr_source::set(&mut conn, gone.id, made(9), now()).unwrap();
    let watch = qr_watch::expiring(&conn, now(), 2).unwrap();
    let seen: Vec<(&str, bool)> = watch.iter().map(|w| (w.channel_name.as_str(), w.expired)).collect();
    assert_eq!(seen, vec![("橱窗", true), ("收银台", false)]);
    assert_eq!(watch[0].community_name, "茶友群");
}

#[test]
fn the_expiry_watch_names_the_posters_that_carry_each_code() {
    use crate::poster::{self, PosterInput, PosterTemplate};
    let (mut conn, community) = setup();
    let ch = create(&conn, community, &counter(), now()).unwrap();
    qr_source::set(
        &mut conn,
        ch.id,
        QrSourceInput { made_at: Some(now() - Duration::days(8)), ..group_qr("g") },
        now(),
    )
    .unwrap();
    let input = PosterInput {
        template: "stickers".into(),
        words: poster::PosterWords { headline: "扫码入群".into(), ..Default::default() },
        ..PosterInput::default()
    };
    let p = poster::create(&conn, ch.id, &input, None, now()).unwrap();
    let watch = qr_watch::expiring(&conn, now(), 2).unwrap();
    let carried: Vec<_> = watch[0].posters.iter().map(|r| (r.id, r.headline.as_str(), r.template)).collect();
    assert_eq!(carried, vec![(p.id, "扫码入群", PosterTemplate::Stickers)]);
}

// See issue 11: `qr import --staff 999` (or a bad kind) left a new channel behind.
#[test]
fn a_refused_code_leaves_no_new_channel() {
    let (mut conn, community) = setup();
    let input = QrSourceInput {
        kind: QrKind::StaffQr,
        payload: "https://u.wechat.com/x".into(),
        staff_id: Some(999),
        image: None,
        made_at: None,
    };
    let err = set_code_on_named(&mut conn, community, "shop-window", input, now()).unwrap_err();
    assert_eq!(err.field(), Some(Field::Staff));
    assert!(find_by_name(&conn, community, "shop-window").unwrap().is_none());
}
