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
    join_through(conn, name, community, None, when, referred_by)
}

fn join_through(
    conn: &mut Connection,
    name: &str,
    community: i64,
    channel_id: Option<i64>,
    when: DateTime<Utc>,
    referred_by: Option<i64>,
) -> i64 {
    let input = MemberInput {
        referred_by,
        join: Some(JoinInput { community_id: community, channel_id, staff_id: None }),
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
/// A joined through the counter poster, B through the table tent.
fn shop() -> (Connection, i64) {
    let (mut conn, g) = crate::schedule::tests::shop_with_group();
    let h = crate::community::write::create(
        &mut conn,
        &crate::community::CommunityInput::new("H", crate::community::Kind::HighFrequency),
        now(),
    )
    .unwrap()
    .id;
    let counter = channel(&mut conn, g, "counter", "收银台海报");
    let tent = channel(&mut conn, g, "table_tent", "桌牌");
    let a = join_through(&mut conn, "A", g, Some(counter), at(11, 2), None);
    buy(&mut conn, Some(a), 6800, at(11, 3));
    buy(&mut conn, Some(a), 3850, at(11, 10));
    let b = join_through(&mut conn, "B", g, Some(tent), at(11, 5), Some(a));
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

fn channel(conn: &mut Connection, community: i64, kind: &str, name: &str) -> i64 {
    let input = crate::channel::ChannelInput { kind: kind.into(), name: name.into() };
    crate::channel::create(conn, community, &input, now()).unwrap().id
}

/// The first six figures, the members' and the sales'.
fn core(k: &Kpis) -> (i64, i64, i64, i64, i64, Option<i64>) {
    (k.joined, k.left, k.net, k.sales_cents, k.buyers, k.repeat_percent)
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
    assert_eq!(core(&d.current), (4, 1, 3, 27_150, 3, Some(33)));
    // October (2 Oct – 31 Oct, as many days before): D joined, nothing sold.
    assert_eq!(core(&d.previous), (1, 0, 1, 0, 0, None));
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
    assert_eq!(core(&d.current), (3, 1, 2, 22_150, 3, Some(33)));
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

#[test]
fn members_over_time_counts_each_day_and_runs_the_total() {
    let (conn, _) = shop();
    let d = dashboard(&conn, &november(None)).unwrap();
    assert_eq!(d.series.len(), 30);
    let day = |n: usize| {
        (d.series[n - 1].day.as_str(), d.series[n - 1].joined, d.series[n - 1].left, d.series[n - 1].total)
    };
    // D was in since 15 October; A on the 2nd, B the 5th, E the 8th, C the 20th; D left on the 25th.
    assert_eq!(day(1), ("2026-11-01", 0, 0, 1));
    assert_eq!(day(2), ("2026-11-02", 1, 0, 2));
    assert_eq!(day(8), ("2026-11-08", 1, 0, 4));
    assert_eq!(day(25), ("2026-11-25", 0, 1, 4));
    assert_eq!(day(30), ("2026-11-30", 0, 0, 4));
    assert_eq!(d.series.iter().map(|p| p.joined).sum::<i64>(), d.current.joined);
}

#[test]
fn a_member_joining_a_second_community_is_not_a_second_join_of_the_shop() {
    let (mut conn, g) = shop();
    let f = join(&mut conn, "F", g, at(11, 3), None);
    let h: i64 = conn.query_row("SELECT id FROM community WHERE name = 'H'", [], |r| r.get(0)).unwrap();
    let m = member::join(
        &mut conn,
        f,
        &JoinInput { community_id: h, channel_id: None, staff_id: None },
        at(11, 6),
    )
    .unwrap();
    // Leaving G while still in H is not leaving the shop.
    member::leave(&mut conn, m.memberships[0].id, at(11, 9)).unwrap();
    let all = dashboard(&conn, &november(None)).unwrap();
    assert_eq!((all.current.joined, all.current.left), (5, 1));
    let in_h = dashboard(&conn, &november(Some(h))).unwrap();
    assert_eq!((in_h.current.joined, in_h.current.left), (2, 0));
    let in_g = dashboard(&conn, &november(Some(g))).unwrap();
    assert_eq!((in_g.current.joined, in_g.current.left), (4, 2));
    // Joining a community one is in already is refused.
    let again = member::join(
        &mut conn,
        f,
        &JoinInput { community_id: h, channel_id: None, staff_id: None },
        at(11, 7),
    );
    assert_eq!(again.unwrap_err().field(), Some(Field::Community));
}

#[test]
fn each_channel_shows_its_joins_buyers_and_their_first_month() {
    let (conn, g) = shop();
    let d = dashboard(&conn, &november(Some(g))).unwrap();
    let figures: Vec<_> = d
        .channels
        .iter()
        .map(|c| {
            (
                c.name.as_str(),
                c.joins,
                c.buyers,
                c.first_purchase_percent,
                c.sales_cents,
                c.cost_per_buyer_cents,
            )
        })
        .collect();
    // A (counter poster) bought ¥68 + ¥38.50 within 30 days; B (table tent) ¥25.
    assert_eq!(
        figures,
        [("收银台海报", 1, 1, Some(100), 10_650, Some(0)), ("桌牌", 1, 1, Some(100), 2_500, Some(0))]
    );
    // The channel cards count since the start: the same here, as everything is in November.
    let to_date = channels_to_date(&conn, g, at(12, 1)).unwrap();
    assert_eq!(
        to_date.iter().map(|c| (c.joins, c.sales_cents)).collect::<Vec<_>>(),
        [(1, 10_650), (1, 2_500)]
    );
    assert!(channels_to_date(&conn, 99, at(12, 1)).is_err());
    // The other community has no channels.
    let h: i64 = conn.query_row("SELECT id FROM community WHERE name = 'H'", [], |r| r.get(0)).unwrap();
    assert!(dashboard(&conn, &november(Some(h))).unwrap().channels.is_empty());
}

fn segments_of(d: &Dashboard) -> Vec<(Segment, i64)> {
    d.segments.iter().filter(|s| s.members > 0).map(|s| (s.segment, s.members)).collect()
}

#[test]
fn rfm_segments_follow_the_thresholds_by_hand() {
    let (conn, _) = shop();
    // At the end of November everyone who bought did so for the first time within 30 days.
    let d = dashboard(&conn, &november(None)).unwrap();
    assert_eq!(segments_of(&d), [(Segment::New, 3), (Segment::NeverBought, 2)]);
    // At the end of March 2027: A last bought 141 days before and spent the most (¥106.50,
    // the top quarter of ¥25, ¥90 after D's refund, ¥106.50): can't lose; B (147 days) and
    // D (139 days): at risk.
    let march = DashboardQuery { from: "2027-03-01".into(), to: "2027-03-31".into(), community_id: None };
    let d = dashboard(&conn, &march).unwrap();
    assert_eq!(segments_of(&d), [(Segment::CantLose, 1), (Segment::AtRisk, 2), (Segment::NeverBought, 2)]);
    // With "hibernating after 140 days", B hibernates.
    let t = RfmThresholds { lost_days: 140, ..rfm::thresholds(&conn).unwrap() };
    rfm::set_thresholds(&conn, &t).unwrap();
    let d = dashboard(&conn, &march).unwrap();
    assert_eq!(
        segments_of(&d),
        [(Segment::CantLose, 1), (Segment::AtRisk, 1), (Segment::Hibernating, 1), (Segment::NeverBought, 2)]
    );
    // A click on a segment lists exactly its members, counted on the same day.
    let at_risk = member::MemberFilter {
        segment: Some(Segment::AtRisk),
        segment_on: Some("2027-03-31".into()),
        ..member::MemberFilter::default()
    };
    let names: Vec<String> =
        member::list(&conn, &at_risk, now()).unwrap().rows.into_iter().map(|r| r.display_name).collect();
    assert_eq!(names, ["D"]);
    let hibernating = member::MemberFilter { segment: Some(Segment::Hibernating), ..at_risk };
    assert_eq!(member::list(&conn, &hibernating, now()).unwrap().rows[0].display_name, "B");
    // Every member with marketing consent (all five gave it) counts as reachable.
    assert_eq!(d.segments.iter().map(|s| s.marketing).sum::<i64>(), 5);
}

#[test]
fn thresholds_out_of_order_are_refused_as_typed() {
    let (conn, _) = shop();
    let t = rfm::thresholds(&conn).unwrap();
    for (bad, field) in [
        (RfmThresholds { recent_days: 0, ..t }, Field::RecentDays),
        (RfmThresholds { lapsing_days: 30, ..t }, Field::LapsingDays),
        (RfmThresholds { lost_days: 90, ..t }, Field::LostDays),
        (RfmThresholds { repeat_days: 1, ..t }, Field::RepeatDays),
        (RfmThresholds { regular_days: 2, ..t }, Field::RegularDays),
    ] {
        assert_eq!(rfm::set_thresholds(&conn, &bad).unwrap_err().field(), Some(field));
    }
    assert_eq!(rfm::thresholds(&conn).unwrap(), t);
}

#[test]
fn a_merge_and_an_erasure_keep_the_sums_by_hand() {
    let (mut conn, g) = shop();
    // B's second record, made at the counter on the 6th with a ¥10 sale: merged into B.
    let b: i64 = conn.query_row("SELECT id FROM member WHERE display_name = 'B'", [], |r| r.get(0)).unwrap();
    let b2 = join(&mut conn, "B", g, at(11, 6), None);
    buy(&mut conn, Some(b2), 1000, at(11, 6));
    let before = dashboard(&conn, &november(None)).unwrap();
    assert_eq!(core(&before.current), (5, 1, 4, 28_150, 4, Some(25)), "two records, two people");
    member::merge(&mut conn, b, b2, "", at(11, 28)).unwrap();
    let merged = dashboard(&conn, &november(None)).unwrap();
    // One person now: 4 joined, and B bought on the 5th and the 6th: 2 of 3 buyers came back.
    assert_eq!(core(&merged.current), (4, 1, 3, 28_150, 3, Some(67)));
    // A asks to be erased: the sales stay (anonymous), A is no buyer any more.
    let a: i64 = conn.query_row("SELECT id FROM member WHERE display_name = 'A'", [], |r| r.get(0)).unwrap();
    member::erase(&mut conn, a, at(11, 29)).unwrap();
    let erased = dashboard(&conn, &november(None)).unwrap();
    assert_eq!((erased.current.sales_cents, erased.current.buyers), (28_150, 2));
    // G's own figures lose A's sales, which are no member's now.
    let in_g = dashboard(&conn, &november(Some(g))).unwrap();
    assert_eq!(in_g.current.sales_cents, 22_150 + 1000 - 6800 - 3850);
}
