//! Duplicates listed, merged by the owner's decision, undone exactly; a
//! member erased on request, their sales kept anonymous, erased again after
//! an older copy of the database comes back; a member's data exported.

use chrono::Duration;
use rusqlite::Connection;

use super::*;
use crate::purchase::{self, PurchaseInput};
use crate::testing::now;

fn shop() -> (Connection, i64) {
    crate::schedule::tests::shop_with_group()
}

fn add(
    conn: &mut Connection,
    name: &str,
    phone: &str,
    nickname: &str,
    community: Option<i64>,
    marketing: bool,
) -> i64 {
    let input = MemberInput {
        phone: phone.into(),
        wechat_nickname: nickname.into(),
        join: community.map(|community_id| JoinInput { community_id, channel_id: None, staff_id: None }),
        ..MemberInput::new(name, ConsentInput::verbal(marketing))
    };
    create(conn, &input, now()).unwrap().id
}

fn buy(conn: &mut Connection, member: i64, cents: i64) -> i64 {
    let input = PurchaseInput { amount_cents: cents, member_id: Some(member), ..PurchaseInput::default() };
    purchase::record(conn, &input, now()).unwrap().id
}

fn names(conn: &Connection) -> Vec<String> {
    let mut n: Vec<String> = list(conn, &MemberFilter::default(), now())
        .unwrap()
        .rows
        .into_iter()
        .map(|r| r.display_name)
        .collect();
    n.sort();
    n
}

#[test]
fn probable_duplicates_are_listed_strongest_first_and_never_merged() {
    let (mut conn, _) = shop();
    let a = add(&mut conn, "王姐", "13812345678", "小王", None, false);
    let b = add(&mut conn, " 王姐", "", "小王", None, false); // saved trimmed
    add(&mut conn, "Wang", "", "小王", None, false);
    add(&mut conn, "李哥", "13912345678", "", None, false);
    add(&mut conn, "李哥", "", "", None, false);
    add(&mut conn, "赵姐", "13712345678", "", None, false);
    add(&mut conn, "赵姐", "13612345678", "", None, false);
    let found: Vec<(String, String, DuplicateReason)> = duplicates(&conn)
        .unwrap()
        .into_iter()
        .map(|p| (p.a.display_name, p.b.display_name, p.reason))
        .collect();
    assert_eq!(
        found,
        [
            ("王姐".into(), "王姐".into(), DuplicateReason::SameNameAndNickname),
            ("王姐".into(), "Wang".into(), DuplicateReason::SameNickname),
            ("王姐".into(), "Wang".into(), DuplicateReason::SameNickname),
            ("李哥".into(), "李哥".into(), DuplicateReason::SameNameOneWithoutPhone),
        ],
        "two 赵姐 with two phones are two people"
    );
    // Listing changed nothing.
    assert_eq!(names(&conn).len(), 7);
    let first = &duplicates(&conn).unwrap()[0];
    assert_eq!((first.a.id, first.b.id), (a, b));
    assert_eq!(first.a.phone_masked.as_deref(), Some("138****5678"));
}

#[test]
fn a_merge_moves_everything_in_one_step_and_undo_puts_it_all_back() {
    let (mut conn, g) = shop();
    let h = crate::community::write::create(
        &mut conn,
        &crate::community::CommunityInput::new("H", crate::community::Kind::HighFrequency),
        now(),
    )
    .unwrap()
    .id;
    let kept = add(&mut conn, "王姐", "", "", Some(g), false);
    let other = add(&mut conn, "王姐", "13812345678", "小王", Some(g), true);
    join(&mut conn, other, &JoinInput { community_id: h, channel_id: None, staff_id: None }, now()).unwrap();
    let friend =
        MemberInput { referred_by: Some(other), ..MemberInput::new("小李", ConsentInput::verbal(false)) };
    let friend = create(&mut conn, &friend, now()).unwrap().id;
    let sale = buy(&mut conn, other, 3800);
    buy(&mut conn, kept, 1200);
    let before_kept = get(&conn, kept).unwrap();
    let before_other = get(&conn, other).unwrap();

    let m = merge(&mut conn, kept, other, "Amy", now() + Duration::minutes(1)).unwrap();
    assert_eq!(m.phone.as_deref(), Some("13812345678"), "the empty phone filled from the other record");
    assert_eq!(m.wechat_nickname, "小王");
    assert!(m.marketing, "the other record's marketing consent moved");
    let mut communities: Vec<&str> = m.memberships.iter().map(|s| s.community_name.as_str()).collect();
    communities.sort();
    assert_eq!(communities, ["H", "老街茶友群"], "both in 老街茶友群 at once: one membership stays");
    assert_eq!(purchase::get(&conn, sale).unwrap().member_id, Some(kept));
    assert_eq!(get(&conn, friend).unwrap().referred_by, Some(kept));
    assert_eq!(names(&conn), ["小李", "王姐"]);
    let gone = get(&conn, other).unwrap();
    assert_eq!((gone.merged_into, gone.phone), (Some(kept), None));
    // The merged record can no longer be changed or sold to.
    let sell = PurchaseInput { amount_cents: 100, member_id: Some(other), ..PurchaseInput::default() };
    assert!(matches!(purchase::record(&mut conn, &sell, now()), Err(crate::Error::MemberMerged { .. })));
    // The dashboard counts one person.
    let q = crate::dashboard::DashboardQuery {
        from: "2026-01-01".into(),
        to: "2026-12-31".into(),
        community_id: Some(g),
    };
    assert_eq!(crate::dashboard::dashboard(&conn, &q).unwrap().current.joined, 1);

    let log = merges(&conn).unwrap();
    assert_eq!(
        (log[0].kept_name.as_str(), log[0].merged_name.as_str(), log[0].staff.as_str()),
        ("王姐", "王姐", "Amy")
    );
    undo_merge(&mut conn, log[0].id, now() + Duration::minutes(2)).unwrap();
    let (k, o) = (get(&conn, kept).unwrap(), get(&conn, other).unwrap());
    let same = |a: &Member, b: &Member| {
        (&a.phone, &a.wechat_nickname, &a.tags, a.marketing, a.memberships.len(), &a.consents, a.merged_into)
            == (
                &b.phone,
                &b.wechat_nickname,
                &b.tags,
                b.marketing,
                b.memberships.len(),
                &b.consents,
                b.merged_into,
            )
    };
    assert!(same(&k, &before_kept), "{k:?}\n{before_kept:?}");
    assert!(same(&o, &before_other), "{o:?}\n{before_other:?}");
    assert_eq!(purchase::get(&conn, sale).unwrap().member_id, Some(other));
    assert_eq!(get(&conn, friend).unwrap().referred_by, Some(other));
    assert!(matches!(undo_merge(&mut conn, log[0].id, now()), Err(crate::Error::NothingToUndo)));
    // A member is not merged into themselves.
    assert_eq!(merge(&mut conn, kept, kept, "", now()).unwrap_err().field(), Some(Field::Member));
}

#[test]
fn an_earlier_merge_waits_for_the_later_one_to_be_undone() {
    let (mut conn, _) = shop();
    let a = add(&mut conn, "A", "", "", None, false);
    let b = add(&mut conn, "B", "", "", None, false);
    let c = add(&mut conn, "C", "", "", None, false);
    merge(&mut conn, a, b, "", now()).unwrap();
    merge(&mut conn, a, c, "", now()).unwrap();
    let log = merges(&conn).unwrap();
    assert!(matches!(undo_merge(&mut conn, log[1].id, now()), Err(crate::Error::LaterMerge)));
    undo_merge(&mut conn, log[0].id, now()).unwrap();
    undo_merge(&mut conn, log[1].id, now()).unwrap();
    assert_eq!(names(&conn), ["A", "B", "C"]);
}

#[test]
fn an_erasure_keeps_the_sales_anonymous_and_comes_back_after_an_older_copy() {
    let (mut conn, g) = shop();
    let a = add(&mut conn, "王姐", "13812345678", "小王", Some(g), true);
    let sale = buy(&mut conn, a, 3800);
    let total = |c: &Connection| -> i64 {
        c.query_row("SELECT sum(amount_cents) FROM purchase", [], |r| r.get(0)).unwrap()
    };
    // An older copy of the database, as a backup would hold it.
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("older.db");
    conn.execute("VACUUM INTO ?1", [copy.to_str().unwrap()]).unwrap();

    let hash = erase(&mut conn, a, now()).unwrap();
    let m = get(&conn, a).unwrap();
    assert_eq!(
        (m.display_name.as_str(), m.phone.as_deref(), m.wechat_nickname.as_str()),
        (ERASED_NAME, None, "")
    );
    assert!(m.erased_at.is_some() && !m.marketing && m.memberships.iter().all(|s| s.left_at.is_some()));
    assert_eq!(purchase::get(&conn, sale).unwrap().member_id, None, "the sale stays, anonymous");
    assert_eq!(total(&conn), 3800);
    assert!(names(&conn).is_empty());
    assert!(!hash.contains("13812345678") && hash.len() == 64);
    let recorded: String = conn.query_row("SELECT key_hash FROM member_erasure", [], |r| r.get(0)).unwrap();
    assert_eq!(recorded, hash);
    assert!(matches!(erase(&mut conn, a, now()), Err(crate::Error::MemberErased)));

    // The older copy comes back: the file beside the database erases them again.
    let file = erasures_file(&dir.path().join("shopcircle.db"));
    record_outside(&file, &hash).unwrap();
    let mut older = crate::db::open(&copy).unwrap();
    assert_eq!(get(&older, a).unwrap().display_name, "王姐");
    assert_eq!(reapply(&mut older, &read_outside(&file), now()).unwrap(), 1);
    assert_eq!(get(&older, a).unwrap().display_name, ERASED_NAME);
    assert_eq!(total(&older), 3800);
    assert_eq!(reapply(&mut older, &read_outside(&file), now()).unwrap(), 0, "once is enough");
}

#[test]
fn a_members_export_holds_everything_kept_about_them() {
    let (mut conn, g) = shop();
    let a = add(&mut conn, "王姐", "13812345678", "小王", Some(g), true);
    buy(&mut conn, a, 3800);
    let doc = crate::member_export::export(&conn, a, now()).unwrap();
    assert_eq!(doc["member"]["phone"], "13812345678", "their own data, unmasked");
    assert_eq!(doc["member"]["consents"].as_array().unwrap().len(), 2);
    assert_eq!(doc["purchases"][0]["amount_cents"], 3800);
    assert_eq!(doc["member"]["memberships"][0]["community_name"], "老街茶友群");
}
