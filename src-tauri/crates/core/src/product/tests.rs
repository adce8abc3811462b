use chrono::Duration;

use super::*;
use crate::db::open_in_memory;
use crate::testing::now;
use crate::{Field, Problem};

pub(crate) fn tieguanyin() -> ProductInput {
    ProductInput {
        name: "铁观音 250g".into(),
        unit: "罐".into(),
        price_cents: 3900,
        cost_cents: 1800,
        stock: 40,
        role: "traffic".into(),
    }
}

fn invalid_field(e: Error) -> Field {
    match e {
        Error::Invalid { field, .. } => field,
        other => panic!("expected a refused field, got {other:?}"),
    }
}

#[test]
fn a_new_product_starts_its_price_history() {
    let mut conn = open_in_memory().unwrap();
    let p = create(&mut conn, &tieguanyin(), &ImageChange::Keep, now()).unwrap();
    assert_eq!(
        (p.name.as_str(), p.unit.as_str(), p.price_cents, p.cost_cents, p.stock),
        ("铁观音 250g", "罐", 3900, 1800, 40)
    );
    assert_eq!((p.role, p.reference_price_cents, p.has_photo), (ProductRole::Traffic, 3900, false));
    let history = prices(&conn, p.id, now()).unwrap();
    assert_eq!(history, vec![PriceChange { price_cents: 3900, from_at: now().to_rfc3339() }]);
}

#[test]
fn the_reference_price_is_the_lowest_of_the_previous_seven_days() {
    let mut conn = open_in_memory().unwrap();
    let t0 = now();
    let p = create(&mut conn, &tieguanyin(), &ImageChange::Keep, t0).unwrap();
    let reprice = |conn: &mut Connection, cents: i64, at| {
        update(conn, p.id, &ProductInput { price_cents: cents, ..tieguanyin() }, &ImageChange::Keep, at)
            .unwrap()
    };
    // Down to ¥29 for two days, then up to ¥49: a "was" line must say ¥29 for a week.
    reprice(&mut conn, 2900, t0 + Duration::days(1));
    let raised = reprice(&mut conn, 4900, t0 + Duration::days(3));
    assert_eq!((raised.price_cents, raised.reference_price_cents), (4900, 2900));
    // Seven days after ¥29 ended (day 3 + 7) it no longer counts; ¥49 is all that held.
    assert_eq!(
        get(&conn, p.id, t0 + Duration::days(10) - Duration::seconds(1)).unwrap().reference_price_cents,
        2900
    );
    assert_eq!(get(&conn, p.id, t0 + Duration::days(10)).unwrap().reference_price_cents, 4900);
    // An unchanged price adds no history.
    reprice(&mut conn, 4900, t0 + Duration::days(11));
    assert_eq!(prices(&conn, p.id, t0 + Duration::days(11)).unwrap().len(), 3);
}

#[test]
fn the_reference_price_ignores_what_was_set_after_the_moment_asked_about() {
    let mut conn = open_in_memory().unwrap();
    let t0 = now();
    let p = create(&mut conn, &tieguanyin(), &ImageChange::Keep, t0).unwrap();
    update(
        &mut conn,
        p.id,
        &ProductInput { price_cents: 1000, ..tieguanyin() },
        &ImageChange::Keep,
        t0 + Duration::days(2),
    )
    .unwrap();
    assert_eq!(get(&conn, p.id, t0 + Duration::days(1)).unwrap().reference_price_cents, 3900);
}

#[test]
fn out_of_range_values_are_refused_and_nothing_is_written() {
    let mut conn = open_in_memory().unwrap();
    let cases: [(ProductInput, Field); 7] = [
        (ProductInput { price_cents: 0, ..tieguanyin() }, Field::Price),
        (ProductInput { price_cents: -500, ..tieguanyin() }, Field::Price),
        (ProductInput { cost_cents: -1, ..tieguanyin() }, Field::UnitCost),
        (ProductInput { stock: -3, ..tieguanyin() }, Field::Stock),
        (ProductInput { name: "  ".into(), ..tieguanyin() }, Field::Name),
        (ProductInput { unit: "x".repeat(UNIT_MAX + 1), ..tieguanyin() }, Field::Unit),
        (ProductInput { role: "bait".into(), ..tieguanyin() }, Field::ProductRole),
    ];
    for (input, field) in cases {
        assert_eq!(invalid_field(create(&mut conn, &input, &ImageChange::Keep, now()).unwrap_err()), field);
    }
    assert!(list(&conn, true, now()).unwrap().is_empty());
    let count: i64 = conn.query_row("SELECT count(*) FROM product_price", [], |r| r.get(0)).unwrap();
    assert_eq!(count, 0);
}

#[test]
fn a_refused_photo_leaves_the_product_as_it_was() {
    let mut conn = open_in_memory().unwrap();
    let p = create(&mut conn, &tieguanyin(), &ImageChange::Keep, now()).unwrap();
    let edit = ProductInput { price_cents: 100, ..tieguanyin() };
    let e = update(&mut conn, p.id, &edit, &ImageChange::Set(b"GIF89a".to_vec()), now()).unwrap_err();
    assert_eq!(invalid_field(e), Field::Image);
    let after = get(&conn, p.id, now()).unwrap();
    assert_eq!(after.price_cents, 3900);
    assert_eq!(prices(&conn, p.id, now()).unwrap().len(), 1);
}

#[test]
fn a_photo_is_kept_replaced_and_removed_with_the_edit() {
    let mut conn = open_in_memory().unwrap();
    let png = b"\x89PNG\r\n\x1a\nrest".to_vec();
    let p = create(&mut conn, &tieguanyin(), &ImageChange::Set(png.clone()), now()).unwrap();
    assert!(p.has_photo);
    assert_eq!(photo(&conn, p.id).unwrap(), Some(("image/png".into(), png)));
    assert!(update(&mut conn, p.id, &tieguanyin(), &ImageChange::Keep, now()).unwrap().has_photo);
    assert!(!update(&mut conn, p.id, &tieguanyin(), &ImageChange::Remove, now()).unwrap().has_photo);
    assert_eq!(photo(&conn, p.id).unwrap(), None);
    let too_big = ImageChange::Set(
        [b"\x89PNG\r\n\x1a\n".as_slice(), &vec![0; crate::image_change::IMAGE_MAX_BYTES]].concat(),
    );
    assert!(matches!(
        update(&mut conn, p.id, &tieguanyin(), &too_big, now()).unwrap_err(),
        Error::Invalid { field: Field::Image, problem: Problem::TooLarge { .. } }
    ));
}

#[test]
fn archived_products_leave_the_list_until_asked_for() {
    let mut conn = open_in_memory().unwrap();
    let tea = create(&mut conn, &tieguanyin(), &ImageChange::Keep, now()).unwrap();
    let cake = create(
        &mut conn,
        &ProductInput { name: "桂花糕".into(), role: "profit".into(), ..tieguanyin() },
        &ImageChange::Keep,
        now(),
    )
    .unwrap();
    set_archived(&conn, tea.id, true, now()).unwrap();
    let names = |all| list(&conn, all, now()).unwrap().into_iter().map(|p| p.name).collect::<Vec<_>>();
    assert_eq!(names(false), vec!["桂花糕"]);
    assert_eq!(names(true), vec!["桂花糕", "铁观音 250g"]);
    assert!(matches!(get(&conn, 999, now()), Err(Error::NotFound { what: "product", .. })));
    let _ = cake;
}
