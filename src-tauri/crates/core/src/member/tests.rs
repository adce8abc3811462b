//! Members: added with their consent in one transaction, found by name,
//! nickname or the last four digits of their phone, masked in the list, and
//! left out of marketing once they withdraw.

use chrono::Duration;
use rusqlite::Connection;

use super::*;
use crate::testing::now;
use crate::Lang;

/// The tea shop with its community 老街茶友群.
fn shop() -> (Connection, i64) {
    crate::schedule::tests::shop_with_group()
}

fn input(name: &str) -> MemberInput {
    MemberInput::new(name, ConsentInput { recorded_by: "Amy".into(), ..ConsentInput::verbal(false) })
}

#[test]
fn a_member_is_added_with_consent_and_where_they_joined_in_one_step() {
    let (mut conn, group) = shop();
    let m = create(
        &mut conn,
        &MemberInput {
            phone: "+86 138 1234 5678".into(),
            wechat_nickname: "小王".into(),
            birthday: "3月7日".into(),
            tags: vec!["爱喝乌龙".into()],
            join: Some(JoinInput { community_id: group, channel_id: None, staff_id: None }),
            consent: ConsentInput {
                method: ConsentMethod::Paper,
                marketing: true,
                recorded_by: "Amy".into(),
            },
            ..input("王姐")
        },
        now(),
    )
    .unwrap();
    assert_eq!(m.phone.as_deref(), Some("13812345678"));
    assert_eq!(m.phone_masked.as_deref(), Some("138****5678"));
    assert_eq!(m.birthday.as_deref(), Some("03-07"));
    assert_eq!(m.tags, ["爱喝乌龙"]);
    assert_eq!(m.memberships.len(), 1);
    assert_eq!(m.memberships[0].community_name, "老街茶友群");
    let purposes: Vec<(ConsentPurpose, ConsentMethod, &str)> =
        m.consents.iter().map(|c| (c.purpose, c.method, c.recorded_by.as_str())).collect();
    assert_eq!(
        purposes,
        [
            (ConsentPurpose::Membership, ConsentMethod::Paper, "Amy"),
            (ConsentPurpose::Marketing, ConsentMethod::Paper, "Amy")
        ]
    );
    assert!(m.marketing);
}

#[test]
fn bad_input_is_refused_by_field_and_nothing_is_written() {
    let (mut conn, group) = shop();
    create(&mut conn, &MemberInput { phone: "13812345678".into(), ..input("王姐") }, now()).unwrap();
    let cases: Vec<(MemberInput, Field)> = vec![
        (input(""), Field::DisplayName),
        (input(&"长".repeat(10_000)), Field::DisplayName),
        (MemberInput { phone: "138123456789".into(), ..input("李") }, Field::Phone),
        (MemberInput { phone: "12812345678".into(), ..input("李") }, Field::Phone),
        (MemberInput { phone: "138 1234 5678".into(), ..input("李") }, Field::Phone),
        (MemberInput { birthday: "2-30".into(), ..input("李") }, Field::Birthday),
        (MemberInput { birthday: "13-01".into(), ..input("李") }, Field::Birthday),
        (MemberInput { tags: vec![String::new()], ..input("李") }, Field::Tags),
        (MemberInput { referred_by: Some(99), ..input("李") }, Field::ReferredBy),
        (
            MemberInput {
                join: Some(JoinInput { community_id: group, channel_id: Some(99), staff_id: None }),
                ..input("李")
            },
            Field::Channel,
        ),
        (
            MemberInput {
                join: Some(JoinInput { community_id: 99, channel_id: None, staff_id: None }),
                ..input("李")
            },
            Field::Community,
        ),
    ];
    for (bad, field) in cases {
        let err = create(&mut conn, &bad, now()).unwrap_err();
        assert_eq!(err.field(), Some(field), "{err:?}");
        assert!(!err.message(Lang::ZhCn).is_empty());
    }
    let duplicate = create(&mut conn, &MemberInput { phone: "138 1234 5678".into(), ..input("李") }, now());
    assert!(duplicate.unwrap_err().message(Lang::En).starts_with("Mobile number is already in use"));
    assert_eq!(list(&conn, &MemberFilter::default(), now()).unwrap().total, 1, "only the first member");
    // 29 February is somebody's birthday.
    let leap = create(&mut conn, &MemberInput { birthday: "02-29".into(), ..input("闰") }, now()).unwrap();
    assert_eq!(leap.birthday.as_deref(), Some("02-29"));
}

#[test]
fn the_list_finds_by_name_nickname_or_last_four_digits_and_masks_phones() {
    let (mut conn, group) = shop();
    let join = || Some(JoinInput { community_id: group, channel_id: None, staff_id: None });
    let wang = create(
        &mut conn,
        &MemberInput {
            phone: "13812345678".into(), tags: vec!["VIP".into()], join: join(), ..input("王姐")
        },
        now(),
    )
    .unwrap();
    create(
        &mut conn,
        &MemberInput { wechat_nickname: "Leaf_100%".into(), ..input("李先生") },
        now() + Duration::minutes(1),
    )
    .unwrap();
    let find = |search: &str| -> Vec<String> {
        let f = MemberFilter { search: search.into(), ..MemberFilter::default() };
        list(&conn, &f, now()).unwrap().rows.into_iter().map(|r| r.display_name).collect()
    };
    assert_eq!(find("王"), ["王姐"]);
    assert_eq!(find("5678"), ["王姐"]);
    assert_eq!(find("138 1234 5678"), ["王姐"]);
    assert_eq!(find("100%"), ["李先生"], "a % is a character, not a wildcard");
    assert_eq!(find("_"), ["李先生"]);
    assert!(find("9999").is_empty());

    let all = list(&conn, &MemberFilter::default(), now()).unwrap();
    assert_eq!(all.total, 2);
    assert_eq!(all.rows[0].display_name, "李先生", "newest first");
    let row = &all.rows[1];
    assert_eq!(
        (row.phone_masked.as_deref(), row.communities.clone(), row.tags.clone()),
        (Some("138****5678"), vec!["老街茶友群".to_owned()], vec!["VIP".to_owned()])
    );
    let in_group =
        list(&conn, &MemberFilter { community_id: Some(group), ..MemberFilter::default() }, now()).unwrap();
    assert_eq!(in_group.rows.iter().map(|r| r.id).collect::<Vec<_>>(), [wang.id]);
    let tagged = list(&conn, &MemberFilter { tag: "VIP".into(), ..MemberFilter::default() }, now()).unwrap();
    assert_eq!(tagged.total, 1);
    let page =
        list(&conn, &MemberFilter { limit: Some(1), offset: Some(1), ..MemberFilter::default() }, now())
            .unwrap();
    assert_eq!((page.total, page.rows.len(), page.rows[0].id), (2, 1, wang.id));
    assert!(list(&conn, &MemberFilter { limit: Some(0), ..MemberFilter::default() }, now()).is_err());
}

#[test]
fn withdrawing_marketing_consent_leaves_them_out_and_keeps_the_record() {
    let (mut conn, _) = shop();
    let consent = ConsentInput { method: ConsentMethod::QrForm, marketing: true, recorded_by: String::new() };
    let m = create(&mut conn, &MemberInput { consent, ..input("王姐") }, now()).unwrap();
    let marketable = |conn: &Connection| {
        list(conn, &MemberFilter { marketing: Some(true), ..MemberFilter::default() }, now()).unwrap().total
    };
    assert_eq!(marketable(&conn), 1);
    let later = now() + Duration::days(3);
    let withdrawn = set_marketing(&mut conn, m.id, None, later).unwrap();
    assert!(!withdrawn.marketing);
    assert_eq!(marketable(&conn), 0);
    // Kept, marked: when it was given and when it was taken back.
    let marketing: Vec<&Consent> =
        withdrawn.consents.iter().filter(|c| c.purpose == ConsentPurpose::Marketing).collect();
    assert_eq!(marketing.len(), 1);
    assert!(marketing[0].withdrawn_at.is_some());
    // Withdrawing twice records nothing more; giving it again is a new record.
    set_marketing(&mut conn, m.id, None, later).unwrap();
    let again = set_marketing(&mut conn, m.id, Some((ConsentMethod::Verbal, "Amy")), later).unwrap();
    assert!(again.marketing);
    assert_eq!(again.consents.len(), 3);
    assert!(matches!(set_marketing(&mut conn, 99, None, later), Err(Error::NotFound { .. })));
}

#[test]
fn the_csv_export_masks_phones_by_default_defuses_formulas_and_sums_purchases() {
    let (mut conn, group) = shop();
    let wang = MemberInput {
        phone: "13812345678".into(),
        join: Some(JoinInput { community_id: group, channel_id: None, staff_id: None }),
        ..input("=SUM(A1)")
    };
    let id = create(&mut conn, &wang, now()).unwrap().id;
    create(&mut conn, &input("李哥"), now()).unwrap();
    let sale =
        crate::purchase::PurchaseInput { amount_cents: 3850, member_id: Some(id), ..Default::default() };
    let p = crate::purchase::record(&mut conn, &sale, now()).unwrap().id;
    crate::purchase::refund(&mut conn, p, 850, "少一盒", "", now()).unwrap();

    let (text, rows) = csv(&conn, &MemberFilter::default(), true, crate::Lang::ZhCn, now()).unwrap();
    assert_eq!(rows, 2);
    assert!(text.starts_with("\u{feff}编号,名称,手机号"), "{text}");
    let line = text.lines().find(|l| l.contains("SUM")).unwrap();
    assert!(line.contains(",'=SUM(A1),138****5678,"), "{line}");
    assert!(line.contains(",老街茶友群,"), "{line}");
    assert!(line.contains(",1,30.00,"), "one purchase, ¥38.50 less ¥8.50: {line}");
    assert!(!text.contains("13812345678"));
    // Unticked: the whole number; filtered: only the community's members.
    let only = MemberFilter { community_id: Some(group), ..MemberFilter::default() };
    let (text, rows) = csv(&conn, &only, false, crate::Lang::En, now()).unwrap();
    assert_eq!(rows, 1);
    assert!(text.contains(",13812345678,") && text.starts_with("\u{feff}id,name,phone"), "{text}");

    let (sales, n) = crate::purchase::csv(&conn, &Default::default(), true, crate::Lang::En).unwrap();
    assert_eq!(n, 1);
    assert!(sales.lines().nth(1).unwrap().contains(",38.50,8.50,'=SUM(A1),138****5678,"), "{sales}");

    use crate::export_log::{self, ExportKind, Phones};
    export_log::record(&conn, ExportKind::Members, 1, Phones::Full, "members.csv", now()).unwrap();
    let log = export_log::list(&conn).unwrap();
    assert_eq!((log[0].kind, log[0].rows, log[0].phones.as_str()), (ExportKind::Members, 1, "full"));
}
