use chrono::Duration;

use super::*;
use crate::channel::{self, ChannelInput};
use crate::community::{write, CommunityInput, Kind};
use crate::db::open_in_memory;
use crate::qr_source::{QrKind, QrSourceInput};
use crate::testing::now;

fn setup() -> (rusqlite::Connection, i64) {
    let mut conn = open_in_memory().unwrap();
    let c = write::create(&mut conn, &CommunityInput::new("茶友群", Kind::HighFrequency), now()).unwrap();
    let ch =
        channel::create(&conn, c.id, &ChannelInput { kind: "counter".into(), name: "收银台".into() }, now())
            .unwrap();
    (conn, ch.id)
}

fn input() -> PosterInput {
    PosterInput {
        template: "counter".into(),
        headline: "扫码加入茶友群".into(),
        gift: "入群送茶包".into(),
        ..PosterInput::default()
    }
}

fn group_qr(payload: &str, made_days_ago: i64) -> QrSourceInput {
    QrSourceInput {
        kind: QrKind::GroupQr,
        payload: payload.into(),
        staff_id: None,
        image: None,
        made_at: Some(now() - Duration::days(made_days_ago)),
    }
}

#[test]
fn a_poster_keeps_its_settings_and_defaults_the_colour() {
    let (conn, ch) = setup();
    let p = create(&conn, ch, &input(), now()).unwrap();
    assert_eq!((p.template, p.brand_color.as_str()), (PosterTemplate::Counter, "#2f7d5b"));
    let edited = update(
        &conn,
        p.id,
        &PosterInput { template: "table-tent".into(), brand_color: "#AA3300".into(), ..input() },
        now(),
    )
    .unwrap();
    assert_eq!((edited.template, edited.brand_color.as_str()), (PosterTemplate::TableTent, "#aa3300"));
    assert_eq!(list(&conn, Some(ch), now()).unwrap(), vec![edited]);
}

#[test]
fn bad_poster_input_is_refused_with_the_field_named() {
    let (conn, ch) = setup();
    for (bad, field) in [
        (PosterInput { headline: " ".into(), ..input() }, Field::Headline),
        (PosterInput { headline: "长".repeat(5000), ..input() }, Field::Headline),
        (PosterInput { template: "flyer".into(), ..input() }, Field::Template),
        (PosterInput { brand_color: "green".into(), ..input() }, Field::Color),
    ] {
        assert_eq!(create(&conn, ch, &bad, now()).unwrap_err().field(), Some(field));
    }
    assert!(list(&conn, None, now()).unwrap().is_empty());
}

#[test]
fn a_poster_is_stale_when_its_code_expires_or_was_replaced_after_printing() {
    let (mut conn, ch) = setup();
    let p = create(&conn, ch, &input(), now()).unwrap();
    assert_eq!(p.stale, Some(Staleness::NoQr));

    qr_source::set(&mut conn, ch, group_qr("old", 1), now()).unwrap();
    let printed = record_output(&conn, p.id, "pdf", None, "/tmp/a.pdf", now()).unwrap();
    assert_eq!(printed.stale, None, "six days left");
    assert_eq!(get(&conn, p.id, now() + Duration::days(5)).unwrap().stale, Some(Staleness::QrExpiring));
    assert_eq!(get(&conn, p.id, now() + Duration::days(7)).unwrap().stale, Some(Staleness::QrExpired));

    qr_source::set(&mut conn, ch, group_qr("new", 0), now()).unwrap();
    assert_eq!(get(&conn, p.id, now()).unwrap().stale, Some(Staleness::QrReplaced));
    let reprinted = record_output(&conn, p.id, "png", Some(300), "/tmp/a.png", now()).unwrap();
    assert_eq!(reprinted.stale, None);
    let history: Vec<String> = outputs(&conn, p.id).unwrap().into_iter().map(|o| o.format).collect();
    assert_eq!(history, vec!["png", "pdf"], "newest first");
}

#[test]
fn output_needs_a_code_and_a_known_format() {
    let (mut conn, ch) = setup();
    let p = create(&conn, ch, &input(), now()).unwrap();
    assert_eq!(
        record_output(&conn, p.id, "pdf", None, "x", now()).unwrap_err().field(),
        Some(Field::Payload)
    );
    qr_source::set(&mut conn, ch, group_qr("g", 0), now()).unwrap();
    assert_eq!(
        record_output(&conn, p.id, "docx", None, "x", now()).unwrap_err().field(),
        Some(Field::Format)
    );
    assert!(outputs(&conn, p.id).unwrap().is_empty());
}
