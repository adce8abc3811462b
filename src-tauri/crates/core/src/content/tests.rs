use super::*;
use crate::schedule::tests::shop_with_group;
use crate::testing::now;
use crate::Problem;

fn tea_topic(community_id: i64) -> ContentInput {
    ContentInput {
        community_id,
        day: "2026-11-22".into(),
        time: "10:00".into(),
        topic: "每日一茶：桂花乌龙".into(),
        body: "今天冲泡桂花乌龙，水温 95°C。".into(),
    }
}

#[test]
fn a_topic_is_planned_for_a_day_then_posted() {
    let (conn, group) = shop_with_group();
    let item = create(&conn, &tea_topic(group), &ImageChange::Keep, now()).unwrap();
    assert_eq!((item.day.as_str(), item.time.as_str(), item.posted), ("2026-11-22", "10:00", false));
    // 10:00 Shanghai is 02:00 UTC.
    assert_eq!(item.at.to_rfc3339(), "2026-11-22T02:00:00+00:00");
    let posted = set_posted(&conn, item.id, true, now()).unwrap();
    assert!(posted.posted && posted.posted_at == Some(now()));
    assert_eq!(list(&conn, "2026-11-16", "2026-11-22", Some(group)).unwrap(), vec![posted]);
    assert!(list(&conn, "2026-11-23", "2026-11-29", Some(group)).unwrap().is_empty());
}

#[test]
fn an_image_must_be_a_png_or_jpeg_of_at_most_5_mb() {
    let (conn, group) = shop_with_group();
    let item = create(&conn, &tea_topic(group), &ImageChange::Keep, now()).unwrap();
    let png = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../tests/fixtures/group-qr-screenshot.png"
    ))
    .unwrap();
    let edit = |image: ImageChange| update(&conn, item.id, &tea_topic(group), &image, now());
    assert!(edit(ImageChange::Set(png.clone())).unwrap().has_image);
    assert_eq!(
        image(&conn, item.id).unwrap().map(|(t, b)| (t, b.len())),
        Some(("image/png".into(), png.len()))
    );
    assert!(edit(ImageChange::Keep).unwrap().has_image, "an edit without an image keeps it");
    assert!(matches!(
        edit(ImageChange::Set(b"GIF89a...".to_vec())),
        Err(Error::Invalid { field: Field::Image, .. })
    ));
    let huge = [png.as_slice(), &vec![0u8; IMAGE_MAX_BYTES]].concat();
    assert!(matches!(
        edit(ImageChange::Set(huge)),
        Err(Error::Invalid { field: Field::Image, problem: Problem::TooLarge { max_mb: 5 } })
    ));
    assert!(!edit(ImageChange::Remove).unwrap().has_image);
}

// See issue 11: the window saved the words, then the image in a second call;
// a refused image left the words changed and the owner unsure what was saved.
#[test]
fn a_refused_image_leaves_the_words_unsaved_too() {
    let (conn, group) = shop_with_group();
    let bad = ImageChange::Set(b"GIF89a...".to_vec());
    assert!(create(&conn, &tea_topic(group), &bad, now()).is_err());
    assert!(
        list(&conn, "2026-11-16", "2026-11-22", Some(group)).unwrap().is_empty(),
        "no topic without its image"
    );
    let item = create(&conn, &tea_topic(group), &ImageChange::Keep, now()).unwrap();
    let renamed = ContentInput { topic: "改了的话题".into(), ..tea_topic(group) };
    assert!(update(&conn, item.id, &renamed, &bad, now()).is_err());
    assert_eq!(get(&conn, item.id).unwrap().topic, "每日一茶：桂花乌龙");
}

#[test]
fn bad_days_times_and_topics_are_refused() {
    let (conn, group) = shop_with_group();
    for (input, field) in [
        (ContentInput { day: "2026-02-30".into(), ..tea_topic(group) }, Field::Date),
        (ContentInput { time: "24:61".into(), ..tea_topic(group) }, Field::Time),
        (ContentInput { topic: "".into(), ..tea_topic(group) }, Field::Topic),
        (ContentInput { body: "字".repeat(BODY_MAX + 1), ..tea_topic(group) }, Field::Body),
        (tea_topic(group + 7), Field::Community),
    ] {
        assert!(
            matches!(create(&conn, &input, &ImageChange::Keep, now()), Err(Error::Invalid { field: f, .. }) if f == field)
        );
    }
    assert!(list(&conn, "2026-01-01", "2026-12-31", None).unwrap().is_empty());
}
