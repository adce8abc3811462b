use super::*;
use crate::db::open_in_memory;
use crate::testing::now;
use crate::Problem;

pub(crate) fn tea_bag() -> GiftInput {
    GiftInput {
        name: "精美茶包".into(),
        kind: "drainage".into(),
        unit_cost_cents: 350,
        value_cents: 1500,
        low_stock_at: Some(5),
        packaging: "牛皮纸袋 + 品牌贴纸".into(),
    }
}

#[test]
fn adding_a_gift_records_its_stock_as_the_first_move() {
    let mut conn = open_in_memory().unwrap();
    let g = create(&mut conn, &tea_bag(), 40, now()).unwrap();
    assert_eq!((g.name.as_str(), g.kind, g.stock, g.low_stock), ("精美茶包", GiftKind::Drainage, 40, false));
    let history = moves(&conn, g.id).unwrap();
    assert_eq!(history.len(), 1);
    assert_eq!((history[0].change, history[0].stock_after, history[0].reason), (40, 40, MoveReason::Added));
}

#[test]
fn restocks_and_counts_move_the_stock_and_explain_why() {
    let mut conn = open_in_memory().unwrap();
    let g = create(&mut conn, &tea_bag(), 6, now()).unwrap();
    let g = change_stock(&mut conn, g.id, StockChange::Counted(4), "two were damaged", now()).unwrap();
    assert!(g.low_stock, "4 is at or below the warning level of 5");
    assert_eq!(low_stock(&conn).unwrap().iter().map(|g| g.id).collect::<Vec<_>>(), vec![g.id]);
    let g = change_stock(&mut conn, g.id, StockChange::Restocked(20), "", now()).unwrap();
    assert_eq!((g.stock, g.low_stock), (24, false));
    assert!(low_stock(&conn).unwrap().is_empty());
    let history: Vec<_> =
        moves(&conn, g.id).unwrap().into_iter().map(|m| (m.change, m.reason, m.note)).collect();
    assert_eq!(
        history,
        vec![
            (20, MoveReason::Restocked, String::new()),
            (-2, MoveReason::Counted, "two were damaged".into()),
            (6, MoveReason::Added, String::new())
        ]
    );
}

#[test]
fn bad_gifts_are_refused_and_nothing_is_stored() {
    let mut conn = open_in_memory().unwrap();
    let cases: Vec<(GiftInput, i64, Field)> = vec![
        (GiftInput { name: "  ".into(), ..tea_bag() }, 1, Field::Name),
        (GiftInput { kind: "bribe".into(), ..tea_bag() }, 1, Field::Kind),
        (GiftInput { unit_cost_cents: -1, ..tea_bag() }, 1, Field::UnitCost),
        (GiftInput { value_cents: MONEY_MAX + 1, ..tea_bag() }, 1, Field::PerceivedValue),
        (tea_bag(), -3, Field::Stock),
    ];
    for (input, stock, field) in cases {
        let err = create(&mut conn, &input, stock, now()).unwrap_err();
        assert_eq!(err.field(), Some(field), "{err}");
    }
    assert!(list(&conn, true).unwrap().is_empty());
    let g = create(&mut conn, &tea_bag(), 3, now()).unwrap();
    let err = change_stock(&mut conn, g.id, StockChange::Restocked(0), "", now()).unwrap_err();
    assert!(matches!(err, Error::Invalid { field: Field::Stock, problem: Problem::OutOfRange { .. } }));
    assert_eq!(moves(&conn, g.id).unwrap().len(), 1);
}

#[test]
fn archived_gifts_leave_the_catalogue_and_the_warnings() {
    let mut conn = open_in_memory().unwrap();
    let g = create(&mut conn, &tea_bag(), 1, now()).unwrap();
    set_archived(&conn, g.id, true, now()).unwrap();
    assert!(list(&conn, false).unwrap().is_empty());
    assert_eq!(list(&conn, true).unwrap().len(), 1);
    assert!(low_stock(&conn).unwrap().is_empty());
}
