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

/// Meituan's cashier workbook (tests/fixtures/meituan-orders.xlsx, written in
/// its layout): a title and the period above the header on row 3, a settled
/// order with its checkout time as an Excel date, "--" for empty cells, an
/// order cancelled (已退单), a payment of "abc", a totals row, and a second
/// sheet of dishes.
#[test]
fn a_meituan_workbook_is_read_from_its_third_row_and_only_settled_orders_are_sales() {
    let mut conn = shop();
    let file =
        std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../tests/fixtures/meituan-orders.xlsx"))
            .unwrap();
    let p = preview(&conn, &file, "店内订单明细.xlsx", &ImportOptions::default()).unwrap();
    assert_eq!(
        (p.preset.as_str(), p.encoding, p.header_line, p.skipped_top, p.totals.clone()),
        ("meituan_orders", TextEncoding::Workbook, 3, 2, vec![8])
    );
    let rows: Vec<(usize, RowOutcome, Option<i64>)> =
        p.rows.iter().map(|r| (r.line, r.outcome, r.amount_cents)).collect();
    assert_eq!(
        rows,
        [
            (4, RowOutcome::New, Some(8000)),
            (5, RowOutcome::New, Some(3650)),
            (6, RowOutcome::Error, None),
            (7, RowOutcome::Error, None)
        ],
        "{:?}",
        p.rows
    );
    // 12:30 on 21 November in Shanghai, from the Excel date cell.
    assert_eq!(p.rows[0].occurred_at.as_deref(), Some("2026-11-21T04:30:00+00:00"));
    assert_eq!((p.rows[0].items.as_str(), p.rows[1].items.as_str()), ("", "少冰"), "-- is empty");
    assert_eq!(p.rows[2].reason, "状态为“已退单”：只导入“已结账”的订单");
    assert_eq!(p.rows[3].reason, "金额“abc”无法识别");
    commit(&mut conn, &file, "店内订单明细.xlsx", &ImportOptions::default(), now()).unwrap();
    let again = preview(&conn, &file, "店内订单明细.xlsx", &ImportOptions::default()).unwrap();
    assert_eq!((again.new, again.duplicates), (0, 2));
    // A zip that is no workbook is refused, saying so.
    let mut docx = b"PK\x03\x04".to_vec();
    docx.extend_from_slice(&[0; 64]);
    let refused = preview(&conn, &docx, "notes.xlsx", &ImportOptions::default()).unwrap_err();
    assert!(
        refused.message(Lang::ZhCn).contains("无法作为 Excel 工作簿读取"),
        "{}",
        refused.message(Lang::ZhCn)
    );
}

#[test]
fn a_square_export_joins_date_and_time_and_leaves_refund_rows_out() {
    let mut conn = shop();
    let square = "Date,Time,Time Zone,Gross Sales,Discounts,Net Sales,Tax,Tip,Total Collected,Transaction ID,Payment ID,Event Type,Description,Customer ID,Customer Name,Customer Reference ID\n\
2026-11-21,14:30:00,Beijing,$40.00,$0.00,$40.00,$0.00,$0.00,$40.00,T1,P1,Payment,Oolong,C1,Amy Chen,\n\
2026-11-21,15:00:00,Beijing,-$40.00,$0.00,-$40.00,$0.00,$0.00,-$40.00,T1R,P2,Refund,Oolong,C1,Amy Chen,\n";
    let p = preview(&conn, square.as_bytes(), "square.csv", &ImportOptions::default()).unwrap();
    assert_eq!(p.preset, "square_transactions");
    assert_eq!(p.rows[0].occurred_at.as_deref(), Some("2026-11-21T06:30:00+00:00"));
    assert_eq!((p.rows[0].outcome, p.rows[0].amount_cents), (RowOutcome::New, Some(4000)));
    assert_eq!(p.rows[1].outcome, RowOutcome::Error);
    commit(&mut conn, square.as_bytes(), "square.csv", &ImportOptions::default(), now()).unwrap();
}

/// Youzan's customer list (客户列表导出, the columns of MEMBERS.md's fixture):
/// customers become members with their consent recorded as imported and no
/// marketing consent; 王姐's phone is a member's already, a masked phone is
/// none, a 12-digit phone and 2月30日 are errors, a customer listed twice is one.
#[test]
fn a_youzan_customer_list_adds_members_and_undo_takes_them_back() {
    let mut conn = shop();
    let list = "客户姓名,客户昵称,客户手机号,客户生日,标签,是否会员,消费次数,消费金额,上次消费时间,来源渠道,来源方式,成为客户时间\n\
李先生,阿李,13900001111,1988-03-07,老客、爱喝乌龙,是,3,268.00,2026-11-01 10:00,门店,扫码,2026-10-01 09:00\n\
张阿姨,,186******05,,,否,0,0,,门店,扫码,2026-10-02 09:00\n\
王姐,小王,13812345678,,,是,5,500,,门店,扫码,2026-10-03 09:00\n\
赵哥,,138123456789,,,否,0,0,,门店,扫码,2026-10-04 09:00\n\
钱姐,,,02-30,,否,0,0,,门店,扫码,2026-10-05 09:00\n\
李先生,阿李,13900001111,1988-03-07,,是,3,268.00,,门店,扫码,2026-10-01 09:00\n";
    let p = preview(&conn, list.as_bytes(), "customers.csv", &ImportOptions::default()).unwrap();
    assert_eq!((p.preset.as_str(), p.target), ("youzan_customers", preset::Target::Members));
    let rows: Vec<(usize, RowOutcome)> = p.rows.iter().map(|r| (r.line, r.outcome)).collect();
    assert_eq!(
        rows,
        [
            (2, RowOutcome::New),
            (3, RowOutcome::New),
            (4, RowOutcome::Duplicate),
            (5, RowOutcome::Error),
            (6, RowOutcome::Error),
            (7, RowOutcome::Duplicate)
        ],
        "{:?}",
        p.rows
    );
    assert_eq!(p.rows[0].items, "03-07 · 老客、爱喝乌龙");
    assert_eq!(p.rows[1].phone_masked, None, "a masked phone is none");
    assert_eq!(p.rows[2].reason, "已是会员：王姐（手机号相同）");
    assert_eq!(p.rows[3].reason, "手机号“138123456789”不是有效的大陆手机号");
    assert_eq!(p.rows[5].reason, "与第 2 行是同一位客户");

    let batch =
        commit(&mut conn, list.as_bytes(), "customers.csv", &ImportOptions::default(), now()).unwrap();
    assert_eq!(batch.new_rows, 2);
    let li =
        member::list(&conn, &member::MemberFilter { search: "1111".into(), ..Default::default() }, now())
            .unwrap();
    let li = member::get(&conn, li.rows[0].id).unwrap();
    assert_eq!((li.birthday.as_deref(), li.tags.len(), li.marketing), (Some("03-07"), 2, false));
    assert_eq!(li.consents[0].method, member::ConsentMethod::Imported);
    assert!(li.created_at.starts_with("2026-10-01"), "{}", li.created_at);
    // The same list again adds nobody: both are members now.
    let again = preview(&conn, list.as_bytes(), "customers.csv", &ImportOptions::default()).unwrap();
    assert_eq!(again.new, 0);

    // Undo takes them back, unless one of them has bought since.
    let sale = purchase::PurchaseInput { amount_cents: 100, member_id: Some(li.id), ..Default::default() };
    let sale = purchase::record(&mut conn, &sale, now()).unwrap();
    assert!(undo(&mut conn, batch.id, now()).is_err());
    conn.execute("DELETE FROM purchase WHERE id = ?1", [sale.id]).unwrap();
    undo(&mut conn, batch.id, now()).unwrap();
    assert_eq!(
        member::list(&conn, &member::MemberFilter::default(), now()).unwrap().total,
        1,
        "王姐 alone again"
    );
    // The owner cannot claim a consent was imported.
    let claimed = MemberInput::new(
        "孙",
        ConsentInput {
            method: member::ConsentMethod::Imported,
            marketing: false,
            recorded_by: String::new(),
        },
    );
    assert_eq!(
        member::create(&mut conn, &claimed, now()).unwrap_err().field(),
        Some(crate::Field::ConsentMethod)
    );
}

/// A till whose headers no preset knows: the owner maps the columns by hand,
/// the commit saves the mapping for that header row, and the till's next
/// export is read with it.
#[test]
fn a_mapping_made_by_hand_is_saved_for_the_next_file_with_that_header() {
    let mut conn = shop();
    let first = "票号,时间戳,收款,会员电话\nA1,2026-11-20 10:00,12.00,13812345678\n";
    let unmapped = preview(&conn, first.as_bytes(), "till.csv", &ImportOptions::default()).unwrap();
    assert!(unmapped.unmapped && unmapped.rows.is_empty());
    assert_eq!(unmapped.headers, ["票号", "时间戳", "收款", "会员电话"]);
    assert!(commit(&mut conn, first.as_bytes(), "till.csv", &ImportOptions::default(), now()).is_err());
    let columns = preset::Columns {
        order_id: Some(0),
        occurred_at: Some(1),
        amount: Some(2),
        phone: Some(3),
        ..Default::default()
    };
    let mapped = ImportOptions { columns: Some(columns.clone()), ..Default::default() };
    let p = preview(&conn, first.as_bytes(), "till.csv", &mapped).unwrap();
    assert_eq!((p.new, p.mapped, p.rows[0].member_name.as_deref()), (1, true, Some("王姐")));
    commit(&mut conn, first.as_bytes(), "till.csv", &mapped, now()).unwrap();
    let next = " 票号 ,时间戳,收款,会员电话\nA2,2026-11-21 10:00,8.50,\n";
    let p = preview(&conn, next.as_bytes(), "till-2.csv", &ImportOptions::default()).unwrap();
    assert_eq!((p.new, p.mapped, p.columns.clone()), (1, true, columns));
    // A mapping pointing past the header row is refused, not read as empty.
    let wide = ImportOptions {
        columns: Some(preset::Columns { amount: Some(9), ..Default::default() }),
        ..Default::default()
    };
    assert!(preview(&conn, first.as_bytes(), "till.csv", &wide).is_err());
}
