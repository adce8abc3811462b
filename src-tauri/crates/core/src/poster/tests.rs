use chrono::Duration;

use super::*;
use crate::channel::{self, ChannelInput};
use crate::community::{write, CommunityInput, Kind};
use crate::db::open_in_memory;
use crate::qr_source::{QrKind, QrSourceInput};
use crate::testing::now;
use crate::Field;

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
        words: PosterWords {
            headline: "扫码加入茶友群".into(),
            gift: "入群送茶包".into(),
            ..Default::default()
        },
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
    let p = create(&conn, ch, &input(), None, now()).unwrap();
    assert_eq!((p.template, p.brand_color.as_str()), (PosterTemplate::Counter, "#2f7d5b"));
    let edited = update(
        &conn,
        p.id,
        &PosterInput { template: "table-tent".into(), brand_color: "#AA3300".into(), ..input() },
        &LogoChange::Keep,
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
        (
            PosterInput { words: PosterWords { headline: " ".into(), ..input().words }, ..input() },
            Field::Headline,
        ),
        (
            PosterInput { words: PosterWords { headline: "长".repeat(5000), ..input().words }, ..input() },
            Field::Headline,
        ),
        (PosterInput { template: "flyer".into(), ..input() }, Field::Template),
        (PosterInput { brand_color: "green".into(), ..input() }, Field::Color),
    ] {
        assert_eq!(create(&conn, ch, &bad, None, now()).unwrap_err().field(), Some(field));
    }
    assert!(list(&conn, None, now()).unwrap().is_empty());
}

fn save(conn: &rusqlite::Connection, id: i64, format: OutputFormat, reason: OutputReason) -> Poster {
    let qr = printable(conn, id, now()).unwrap().qr_source_id.unwrap();
    record_output(conn, id, qr, format, None, "/tmp/a.pdf", reason, now()).unwrap()
}

#[test]
fn a_poster_is_stale_when_its_code_expires_or_was_replaced_after_printing() {
    let (mut conn, ch) = setup();
    let p = create(&conn, ch, &input(), None, now()).unwrap();
    assert_eq!(p.stale, Some(Staleness::NoQr));

    qr_source::set(&mut conn, ch, group_qr("old", 1), now()).unwrap();
    let printed = save(&conn, p.id, OutputFormat::Pdf, OutputReason::Saved);
    assert_eq!(printed.stale, None, "six days left");
    assert_eq!(printed.qr_expires_at, Some(now() + Duration::days(6)));
    assert_eq!(get(&conn, p.id, now() + Duration::days(5)).unwrap().stale, Some(Staleness::QrExpiring));
    assert_eq!(get(&conn, p.id, now() + Duration::days(7)).unwrap().stale, Some(Staleness::QrExpired));

    qr_source::set(&mut conn, ch, group_qr("new", 0), now()).unwrap();
    assert_eq!(get(&conn, p.id, now()).unwrap().stale, Some(Staleness::QrReplaced));
    let reprinted = save(&conn, p.id, OutputFormat::Png, OutputReason::Printed);
    assert_eq!(reprinted.stale, None);
    let history: Vec<_> = outputs(&conn, p.id).unwrap().into_iter().map(|o| (o.format, o.reason)).collect();
    assert_eq!(
        history,
        vec![(OutputFormat::Png, OutputReason::Printed), (OutputFormat::Pdf, OutputReason::Saved)],
        "newest first"
    );
}

#[test]
fn nothing_prints_without_a_code_and_a_code_from_another_channel_is_refused() {
    let (mut conn, ch) = setup();
    let p = create(&conn, ch, &input(), None, now()).unwrap();
    assert_eq!(printable(&conn, p.id, now()).unwrap_err().code(), "no_qr_code");
    let other = channel::create(
        &conn,
        p.community_id,
        &ChannelInput { kind: "shop_window".into(), name: "橱窗".into() },
        now(),
    )
    .unwrap();
    let foreign = qr_source::set(&mut conn, other.id, group_qr("elsewhere", 0), now()).unwrap();
    let refused =
        record_output(&conn, p.id, foreign.id, OutputFormat::Pdf, None, "x", OutputReason::Saved, now());
    assert_eq!(refused.unwrap_err().code(), "not_found");
    assert!(outputs(&conn, p.id).unwrap().is_empty());
    assert_eq!(OutputFormat::parse("docx").unwrap_err().field(), Some(Field::Format));
}

#[test]
fn the_preview_draft_is_checked_like_a_save_and_carries_the_current_code_and_shop_name() {
    let (mut conn, ch) = setup();
    crate::settings::set_up(&conn, &crate::testing::tea_shop(), now()).unwrap();
    qr_source::set(&mut conn, ch, group_qr("https://weixin.qq.com/g/x", 0), now()).unwrap();
    let d = draft(&conn, ch, &input(), Some(vec![1, 2, 3])).unwrap();
    assert_eq!((d.payload.as_str(), d.shop_name.as_str()), ("https://weixin.qq.com/g/x", "茶香茶馆"));
    assert_eq!(d.logo, Some(vec![1, 2, 3]));
    let empty = PosterInput { words: PosterWords { headline: "  ".into(), ..input().words }, ..input() };
    assert_eq!(draft(&conn, ch, &empty, None).unwrap_err().field(), Some(Field::Headline));
}

#[test]
fn the_logo_is_kept_replaced_or_removed_with_the_settings() {
    let (conn, ch) = setup();
    let p = create(&conn, ch, &input(), Some(b"png-bytes"), now()).unwrap();
    assert!(p.has_logo);
    update(&conn, p.id, &input(), &LogoChange::Keep, now()).unwrap();
    assert_eq!(logo(&conn, p.id).unwrap().as_deref(), Some(&b"png-bytes"[..]));
    update(&conn, p.id, &input(), &LogoChange::Set(b"new".to_vec()), now()).unwrap();
    assert_eq!(logo(&conn, p.id).unwrap().as_deref(), Some(&b"new"[..]));
    assert!(!update(&conn, p.id, &input(), &LogoChange::Remove, now()).unwrap().has_logo);
    let bad = PosterInput { words: PosterWords { headline: String::new(), ..input().words }, ..input() };
    assert!(update(&conn, p.id, &bad, &LogoChange::Set(b"x".to_vec()), now()).is_err());
    assert_eq!(logo(&conn, p.id).unwrap(), None, "a refused save changes nothing");
}

#[test]
fn only_kept_files_made_with_an_older_code_are_due_for_rerendering_and_archived_posters_leave_the_lists() {
    let (mut conn, ch) = setup();
    qr_source::set(&mut conn, ch, group_qr("old", 0), now()).unwrap();
    let saved = create(&conn, ch, &input(), None, now()).unwrap();
    let printed_only = create(&conn, ch, &input(), None, now()).unwrap();
    let never = create(&conn, ch, &input(), None, now()).unwrap();
    save(&conn, saved.id, OutputFormat::Pdf, OutputReason::Saved);
    save(&conn, printed_only.id, OutputFormat::Pdf, OutputReason::Printed);
    assert!(needing_rerender(&conn, ch, now()).unwrap().is_empty(), "all made with the current code");

    qr_source::set(&mut conn, ch, group_qr("new", 0), now()).unwrap();
    let due: Vec<i64> = needing_rerender(&conn, ch, now()).unwrap().into_iter().map(|(p, _)| p.id).collect();
    assert_eq!(due, vec![saved.id]);

    archive(&conn, never.id, now()).unwrap();
    assert_eq!(list(&conn, Some(ch), now()).unwrap().len(), 2);
    assert_eq!(on_channel(&conn, ch).unwrap().len(), 2);
    assert_eq!(archive(&conn, never.id, now()).unwrap_err().code(), "not_found");
}

// See issue 11: `poster render --payload` printed a 61-character headline and
// ignored a bad colour, because it built the print crate's poster from flags.
#[test]
fn a_one_off_poster_is_checked_as_a_saved_one_is() {
    let (conn, _) = setup();
    let too_long =
        PosterInput { words: PosterWords { headline: "长".repeat(61), ..input().words }, ..input() };
    assert_eq!(one_off(&conn, "https://x.cn", &too_long, None).unwrap_err().field(), Some(Field::Headline));
    let bad_color = PosterInput { brand_color: "#12345".into(), ..input() };
    assert_eq!(one_off(&conn, "https://x.cn", &bad_color, None).unwrap_err().field(), Some(Field::Color));
    assert_eq!(one_off(&conn, " ", &input(), None).unwrap_err().field(), Some(Field::Payload));
    let p = one_off(&conn, "https://x.cn", &input(), None).unwrap().with_shop_name("茶香").unwrap();
    assert_eq!((p.payload.as_str(), p.shop_name.as_str(), p.qr_source_id), ("https://x.cn", "茶香", None));
    assert_eq!(p.brand_color, DEFAULT_COLOR);
}
