//! An import end to end on the database: a GBK export from a Youzan till with
//! a title row, a totals row, a broken amount, a masked phone, a refund and a
//! repeated order; committed as the preview showed, twice adding nothing, undone.

use rusqlite::Connection;

use super::*;
use crate::member::{self, ConsentInput, MemberInput};
use crate::purchase::{self, PurchaseFilter};
use crate::testing::now;
use crate::{Error, Lang};

const YOUZAN: &str = "有赞订单导出\n\
订单号,订单创建时间,买家付款时间,订单实付金额,买家昵称,买家手机号,订单已退款金额,商品名称\n\
E001,2026-11-01 10:00,2026-11-01 10:02,68.00,王姐,13812345678,0,铁观音 250g\n\
E002,2026-11-02 11:00,2026-11-02 11:01,\"￥1,234.50\",李先生,186******05,34.50,礼盒\n\
E003,2026-11-03 12:00,2026-11-03 12:00,abc,陈阿姨,,0,茶点\n\
E001,2026-11-01 10:00,2026-11-01 10:02,68.00,王姐,13812345678,0,铁观音 250g\n\
合计,,,1302.50,,,,\n";

fn gbk(text: &str) -> Vec<u8> {
    encoding_rs::GBK.encode(text).0.into_owned()
}

fn shop() -> Connection {
    let (mut conn, _) = crate::schedule::tests::shop_with_group();
    let wang = MemberInput {
        phone: "13812345678".into(),
        ..MemberInput::new("王姐", ConsentInput::verbal(false))
    };
    member::create(&mut conn, &wang, now()).unwrap();
    conn
}

#[test]
fn the_preview_says_what_each_row_will_be_and_the_commit_writes_exactly_that() {
    let mut conn = shop();
    let file = gbk(YOUZAN);
    let p = preview(&conn, &file, "orders.csv", &ImportOptions::default()).unwrap();
    assert_eq!(
        (p.preset.as_str(), p.encoding, p.header_line, p.skipped_top, p.totals.clone()),
        ("youzan_orders", TextEncoding::Gb18030, 2, 1, vec![7])
    );
    let outcomes: Vec<(usize, RowOutcome)> = p.rows.iter().map(|r| (r.line, r.outcome)).collect();
    assert_eq!(
        outcomes,
        [(3, RowOutcome::New), (4, RowOutcome::New), (5, RowOutcome::Error), (6, RowOutcome::Duplicate)],
        "{:?}",
        p.rows
    );
    assert_eq!(p.rows[2].reason, "金额“abc”无法识别");
    assert_eq!(p.rows[3].reason, "与第 3 行是同一订单");
    // 王姐's number finds her; the masked 186******05 is no number.
    assert_eq!((p.rows[0].member_name.as_deref(), p.rows[1].member_id), (Some("王姐"), None));
    assert_eq!((p.rows[1].amount_cents, p.rows[1].refunded_cents), (Some(123_450), 3450));
    assert_eq!((p.new, p.duplicates, p.errors), (2, 1, 1));

    let batch = commit(&mut conn, &file, "orders.csv", &ImportOptions::default(), now()).unwrap();
    assert_eq!((batch.new_rows, batch.duplicate_rows, batch.error_rows), (2, 1, 1));
    let sales = purchase::list(&conn, &PurchaseFilter::default()).unwrap();
    assert_eq!(sales.len(), 2);
    let gift_box = sales.iter().find(|s| s.amount_cents == 123_450).unwrap();
    assert_eq!((gift_box.refunded_cents, gift_box.source.as_str()), (3450, "import"));

    // The same file again: every row is a duplicate, and committing it writes nothing.
    let again = preview(&conn, &file, "orders.csv", &ImportOptions::default()).unwrap();
    assert_eq!((again.new, again.imported_before.is_some()), (0, true));
    let err = commit(&mut conn, &file, "orders.csv", &ImportOptions::default(), now()).unwrap_err();
    assert!(err.message(Lang::ZhCn).contains("没有可导入的新记录"), "{}", err.message(Lang::ZhCn));
    assert_eq!(purchase::list(&conn, &PurchaseFilter::default()).unwrap().len(), 2);

    // Undone: the sales go, and the file can be imported again.
    assert_eq!(list(&conn).unwrap().iter().map(|b| b.id).collect::<Vec<_>>(), [batch.id]);
    let undone = undo(&mut conn, batch.id, now()).unwrap();
    assert!(undone.undone_at.is_some());
    assert!(purchase::list(&conn, &PurchaseFilter::default()).unwrap().is_empty());
    assert!(matches!(undo(&mut conn, batch.id, now()), Err(Error::NothingToUndo)));
    let unticked = ImportOptions { unticked: vec![4], ..ImportOptions::default() };
    let second = commit(&mut conn, &file, "orders.csv", &unticked, now()).unwrap();
    assert_eq!(second.new_rows, 1, "the unticked row stays out");
}

#[test]
fn an_unreadable_file_changes_nothing_and_says_why() {
    let mut conn = shop();
    for (bytes, says) in [
        (b"\x89PNG\r\n\x1a\n".to_vec(), "这是一张图片"),
        (Vec::new(), "文件"),
        ("名字,备注\n王姐,好\n".as_bytes().to_vec(), "没有找到金额列或日期列"),
    ] {
        let err = commit(&mut conn, &bytes, "x.csv", &ImportOptions::default(), now()).unwrap_err();
        assert!(err.message(Lang::ZhCn).contains(says), "{}", err.message(Lang::ZhCn));
    }
    let unknown = ImportOptions { preset: Some("weimob".into()), ..ImportOptions::default() };
    assert_eq!(
        preview(&conn, YOUZAN.as_bytes(), "x.csv", &unknown).unwrap_err().field(),
        Some(crate::Field::Preset)
    );
    assert!(purchase::list(&conn, &PurchaseFilter::default()).unwrap().is_empty());
}

#[test]
fn shopify_line_items_fold_into_their_order() {
    let mut conn = shop();
    let file = "Name,Email,Financial Status,Paid at,Total,Lineitem quantity,Lineitem name\n\
#1001,a@example.com,paid,2026-11-05 09:30:00 +0800,120.00,1,Oolong\n\
#1001,,,,,2,Cups\n\
#1002,b@example.com,paid,2026-11-06 10:00:00 +0800,45.50,1,Green tea\n";
    let p = preview(&conn, file.as_bytes(), "orders_export.csv", &ImportOptions::default()).unwrap();
    assert_eq!(p.preset, "shopify_orders");
    let outcomes: Vec<RowOutcome> = p.rows.iter().map(|r| r.outcome).collect();
    assert_eq!(outcomes, [RowOutcome::New, RowOutcome::Part, RowOutcome::New]);
    assert_eq!(p.rows[0].items, "Oolong; Cups");
    commit(&mut conn, file.as_bytes(), "orders_export.csv", &ImportOptions::default(), now()).unwrap();
    assert_eq!(purchase::list(&conn, &PurchaseFilter::default()).unwrap().len(), 2);
}
