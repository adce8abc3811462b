//! The dashboard's figures against numbers worked out by hand from a small
//! shop: members joining and leaving, repeat and one-day buyers, a refund, a
//! walk-in sale, a referral, and a second community.

use chrono::{DateTime, TimeZone, Utc};
use rusqlite::Connection;

use super::*;
use crate::member::{self, ConsentInput, JoinInput, MemberInput};
use crate::purchase::{self, PurchaseInput};
use crate::testing::now;

/// 10:00 in Shanghai on that day of 2026.
fn at(month: u32, day: u32) -> DateTime<Utc> {
    chrono_tz::Asia::Shanghai.with_ymd_and_hms(2026, month, day, 10, 0, 0).unwrap().with_timezone(&Utc)
}

fn join(
    conn: &mut Connection,
    name: &str,
    community: i64,
    when: DateTime<Utc>,
    referred_by: Option<i64>,
) -> i64 {
    let input = MemberInput {
        referred_by,
        join: Some(JoinInput { community_id: community, channel_id: None, staff_id: None }),
        ..MemberInput::new(name, ConsentInput::verbal(true))
    };
    member::create(conn, &input, when).unwrap().id
}

fn buy(conn: &mut Connection, member: Option<i64>, cents: i64, when: DateTime<Utc>) -> i64 {
    purchase::record(
        conn,
        &PurchaseInput { amount_cents: cents, member_id: member, ..PurchaseInput::default() },
        when,
    )
    .unwrap()
    .id
}

/// The shop of the module's comment; G is 老街茶友群, H a second community.
fn shop() -> (Connection, i64) {
    let (mut conn, g) = crate::schedule::tests::shop_with_group();
    let h = crate::community::write::create(
        &mut conn,
        &crate::community::CommunityInput::new("H", crate::community::Kind::HighFrequency),
        now(),
    )
    .unwrap()
    .id;
    let a = join(&mut conn, "A", g, at(11, 2), None);
    buy(&mut conn, Some(a), 6800, at(11, 3));
    buy(&mut conn, Some(a), 3850, at(11, 10));
    let b = join(&mut conn, "B", g, at(11, 5), Some(a));
    buy(&mut conn, Some(b), 2500, at(11, 5));
    join(&mut conn, "C", g, at(11, 20), None);
    let d = join(&mut conn, "D", g, at(10, 15), None);
    let big = buy(&mut conn, Some(d), 10000, at(11, 12));
    buy(&mut conn, Some(d), 1000, at(11, 12) + Duration::hours(3));
    purchase::refund(&mut conn, big, 2000, "少了一盒", "", at(11, 13)).unwrap();
    conn.execute("UPDATE membership SET left_at = ?1 WHERE member_id = ?2", rusqlite::params![at(11, 25), d])
        .unwrap();
    join(&mut conn, "E", h, at(11, 8), None);
    buy(&mut conn, None, 5000, at(11, 15));
    (conn, g)
}

fn november(community_id: Option<i64>) -> DashboardQuery {
    DashboardQuery { from: "2026-11-01".into(), to: "2026-11-30".into(), community_id }
}

fn funnel_of(d: &Dashboard) -> Vec<(&str, i64, Option<i64>, Option<i64>)> {
    d.funnel.iter().map(|s| (s.step.as_str(), s.count, s.of_previous, s.of_first)).collect()
}

#[test]
fn the_whole_shops_figures_match_the_sums_by_hand() {
    let (conn, _) = shop();
    let d = dashboard(&conn, &november(None)).unwrap();
    // Joined A, B, C, E; D left; sales 68 + 38.50 + 25 + 100 + 10 + 50 − 20 refunded = ¥271.50;
    // buyers A, B, D; only A bought on two days: 1 of 3 = 33 %.
    assert_eq!(
        d.current,
        Kpis { joined: 4, left: 1, net: 3, sales_cents: 27_150, buyers: 3, repeat_percent: Some(33) }
    );
    // October (2 Oct – 31 Oct, as many days before): D joined, nothing sold.
    assert_eq!(
        d.previous,
        Kpis { joined: 1, left: 0, net: 1, sales_cents: 0, buyers: 0, repeat_percent: None }
    );
    // Of the 4 who joined, A and B bought within 90 days (50 %), A again (50 %, 25 % of all), A referred B.
    assert_eq!(
        funnel_of(&d),
        [
            ("joined", 4, None, Some(100)),
            ("bought", 2, Some(50), Some(50)),
            ("bought_again", 1, Some(50), Some(25)),
            ("referred", 1, Some(100), Some(25))
        ]
    );
}

#[test]
fn one_communitys_figures_leave_out_walk_ins_and_other_communities() {
    let (conn, g) = shop();
    let d = dashboard(&conn, &november(Some(g))).unwrap();
    // E is in H and the ¥50 walk-in is no member's: ¥221.50 of its members.
    assert_eq!(
        d.current,
        Kpis { joined: 3, left: 1, net: 2, sales_cents: 22_150, buyers: 3, repeat_percent: Some(33) }
    );
    assert_eq!(
        funnel_of(&d),
        [
            ("joined", 3, None, Some(100)),
            ("bought", 2, Some(67), Some(67)),
            ("bought_again", 1, Some(50), Some(33)),
            ("referred", 1, Some(100), Some(33))
        ]
    );
}

#[test]
fn bad_periods_are_refused_by_field() {
    let (conn, _) = shop();
    for (from, to, field) in [
        ("2026-02-30", "2026-03-01", Field::Date),
        ("2026-11-30", "2026-11-01", Field::EndsOn),
        ("2000-01-01", "2026-11-30", Field::EndsOn),
    ] {
        let q = DashboardQuery { from: from.into(), to: to.into(), community_id: None };
        assert_eq!(dashboard(&conn, &q).unwrap_err().field(), Some(field), "{from}..{to}");
    }
    assert_eq!(dashboard(&conn, &november(Some(99))).unwrap_err().field(), Some(Field::Community));
    // An empty shop's month: zeros, no percentages.
    let (empty, _) = crate::schedule::tests::shop_with_group();
    let d = dashboard(&empty, &november(None)).unwrap();
    assert_eq!(d.current.repeat_percent, None);
    assert_eq!(funnel_of(&d)[1], ("bought", 0, None, None));
}
