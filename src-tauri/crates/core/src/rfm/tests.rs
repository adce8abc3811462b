//! The segments read in one pass (history.rs) against the plain reading they
//! replaced — every member's whole history grouped by SQLite, days counted
//! with `date()` — on random shops in two time zones, at many moments and
//! thresholds. The hand-worked figures are in dashboard/tests.rs.

use std::collections::HashMap;

use chrono::{DateTime, Duration, Offset, TimeZone, Utc};
use rand::{rngs::StdRng, Rng, SeedableRng};
use rusqlite::{params, Connection};

use super::*;

struct Buyer {
    last: DateTime<Utc>,
    first: DateTime<Utc>,
    days: i64,
    cents: i64,
}

/// The segments as first written: easy to check by reading, slow at scale.
fn plain(conn: &Connection, end: DateTime<Utc>, community: Option<i64>) -> HashMap<i64, Segment> {
    let t = thresholds(conn).unwrap();
    let year = end - Duration::days(365);
    let zone = crate::shop::zone(conn).unwrap();
    let offset = format!("{:+} minutes", end.with_timezone(&zone).offset().fix().local_minus_utc() / 60);
    let mut buyers: HashMap<i64, Buyer> = HashMap::new();
    let mut stmt = conn
        .prepare(
            "SELECT member_id, max(occurred_at), min(occurred_at),
                count(DISTINCT CASE WHEN occurred_at >= ?2 THEN date(occurred_at, ?3) END),
                coalesce(sum(CASE WHEN occurred_at >= ?2 THEN amount_cents END), 0)
         FROM purchase WHERE member_id IS NOT NULL AND occurred_at < ?1 GROUP BY member_id",
        )
        .unwrap();
    let rows = stmt
        .query_map(params![end, year, offset], |r| {
            Ok((r.get(0)?, Buyer { last: r.get(1)?, first: r.get(2)?, days: r.get(3)?, cents: r.get(4)? }))
        })
        .unwrap();
    for row in rows {
        let (member, b) = row.unwrap();
        buyers.insert(member, b);
    }
    let mut stmt = conn
        .prepare(
            "SELECT p.member_id, sum(f.amount_cents) FROM refund f JOIN purchase p ON p.id = f.purchase_id
         WHERE p.member_id IS NOT NULL AND p.occurred_at >= ?2 AND p.occurred_at < ?1 AND f.refunded_at < ?1
         GROUP BY p.member_id",
        )
        .unwrap();
    let refunds =
        stmt.query_map(params![end, year], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?))).unwrap();
    for row in refunds {
        let (member, cents) = row.unwrap();
        if let Some(b) = buyers.get_mut(&member) {
            b.cents -= cents;
        }
    }
    let mut spent: Vec<i64> = buyers.values().filter(|b| b.days > 0).map(|b| b.cents).collect();
    spent.sort_unstable();
    let top_quarter = (!spent.is_empty()).then(|| spent[(spent.len() * 3) / 4]);
    let mut out = HashMap::new();
    let mut stmt = conn
        .prepare(&format!("SELECT m.id FROM member m WHERE m.created_at < ?1 AND {IN_SCOPE} AND {LIVE}"))
        .unwrap();
    let ids = stmt.query_map(params![end, rusqlite::types::Null, community], |r| r.get::<_, i64>(0)).unwrap();
    for id in ids {
        let id = id.unwrap();
        let segment = match buyers.get(&id) {
            None => Segment::NeverBought,
            Some(b) => {
                let r = (end - b.last).num_days();
                let top = b.days > 0 && top_quarter.is_some_and(|q| b.cents >= q);
                if r <= t.recent_days && b.days >= t.regular_days {
                    Segment::Core
                } else if r <= t.lapsing_days && b.days >= t.regular_days {
                    Segment::Loyal
                } else if (end - b.first).num_days() <= t.recent_days {
                    Segment::New
                } else if r <= t.lapsing_days {
                    Segment::Potential
                } else if top {
                    Segment::CantLose
                } else if r <= t.lost_days {
                    Segment::AtRisk
                } else {
                    Segment::Hibernating
                }
            }
        };
        out.insert(id, segment);
    }
    out
}

/// 150 members over two years, a few of them big spenders who come often,
/// 3,000 purchases (one in five anonymous, one in thirty partly refunded),
/// many of them late in the evening, where the shop's day and UTC's differ.
fn random_shop(seed: u64, zone: &str) -> (Connection, i64) {
    let (mut conn, group) = crate::schedule::tests::shop_with_group();
    conn.execute("UPDATE shop SET time_zone = ?1", [zone]).unwrap();
    let mut rng = StdRng::seed_from_u64(seed);
    let start = Utc.with_ymd_and_hms(2025, 1, 1, 0, 0, 0).unwrap();
    let minutes = |rng: &mut StdRng| start + Duration::minutes(rng.gen_range(0..730 * 24 * 60));
    let tx = conn.transaction().unwrap();
    for i in 1..=150i64 {
        let joined = minutes(&mut rng);
        tx.execute(
            "INSERT INTO member (uid, display_name, created_at, updated_at) VALUES (?1, ?2, ?3, ?3)",
            params![format!("{i:032x}"), format!("会员{i}"), joined],
        )
        .unwrap();
        if i % 3 != 0 {
            tx.execute(
                "INSERT INTO membership (member_id, community_id, joined_at) VALUES (?1, ?2, ?3)",
                params![i, group, joined],
            )
            .unwrap();
        }
    }
    for i in 1..=3000i64 {
        let member = match rng.gen_range(0..10) {
            0 | 1 => None,
            2..=4 => Some(rng.gen_range(1..=10)),
            _ => Some(rng.gen_range(1..=150)),
        };
        let at = minutes(&mut rng);
        let cents = rng.gen_range(100..30_000);
        tx.execute(
            "INSERT INTO purchase (member_id, occurred_at, amount_cents, source, created_at) VALUES (?1, ?2, ?3, 'counter', ?2)",
            params![member, at, cents],
        )
        .unwrap();
        if i % 30 == 0 {
            let when = at + Duration::days(rng.gen_range(0..40));
            tx.execute(
                "INSERT INTO refund (purchase_id, amount_cents, reason, refunded_at) VALUES (?1, ?2, '退', ?3)",
                params![tx.last_insert_rowid(), cents / 3, when],
            )
            .unwrap();
        }
    }
    tx.commit().unwrap();
    (conn, group)
}

#[test]
fn one_pass_agrees_with_the_plain_reading() {
    let loose =
        RfmThresholds { recent_days: 10, lapsing_days: 40, lost_days: 100, repeat_days: 2, regular_days: 3 };
    let long = RfmThresholds {
        recent_days: 400,
        lapsing_days: 500,
        lost_days: 600,
        repeat_days: 5,
        regular_days: 30,
    };
    for (seed, zone) in [(1, "Asia/Shanghai"), (2, "America/New_York"), (3, "Asia/Kolkata")] {
        let (conn, group) = random_shop(seed, zone);
        let mut rng = StdRng::seed_from_u64(seed);
        let mut segments_seen = std::collections::HashSet::new();
        for t in [thresholds(&conn).unwrap(), loose, long] {
            set_thresholds(&conn, &t).unwrap();
            for _ in 0..12 {
                // Moments from before the first purchase to after the last.
                let end = Utc.with_ymd_and_hms(2024, 12, 1, 0, 0, 0).unwrap()
                    + Duration::minutes(rng.gen_range(0..800 * 24 * 60));
                for community in [None, Some(group)] {
                    let fast = assign(&conn, end, community).unwrap();
                    assert_eq!(fast, plain(&conn, end, community), "{zone} at {end}, {t:?}, {community:?}");
                    segments_seen.extend(fast.into_values());
                }
            }
        }
        // The comparison means something only if every segment turned up.
        assert_eq!(segments_seen.len(), Segment::ALL.len(), "{zone}: {segments_seen:?}");
    }
}

/// On a file the year is read in two halves at once (a second connection on
/// the other core) and joined per member: the same segments as the plain
/// reading, including members whose purchases straddle the middle's day.
#[test]
fn the_two_halves_read_at_once_on_a_file_agree_with_the_plain_reading() {
    for (seed, zone) in [(4, "Asia/Shanghai"), (5, "America/New_York")] {
        let (memory, group) = random_shop(seed, zone);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("shop.db");
        memory.backup(rusqlite::MAIN_DB, &path, None).unwrap();
        let conn = crate::db::open(&path).unwrap();
        let mut rng = StdRng::seed_from_u64(seed);
        for _ in 0..15 {
            let end = Utc.with_ymd_and_hms(2025, 3, 1, 0, 0, 0).unwrap()
                + Duration::minutes(rng.gen_range(0..640 * 24 * 60));
            for community in [None, Some(group)] {
                assert_eq!(
                    assign(&conn, end, community).unwrap(),
                    plain(&conn, end, community),
                    "{zone} at {end}"
                );
            }
        }
    }
}
