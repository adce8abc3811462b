//! Campaigns at the size of a busy shop: Finish on a flash sale that issues
//! 1,000 pickup vouchers with its schedule, posts and saved poster, and the console reading
//! a pasted 2,000-line 接龙 (limit, stock and a voucher for each buyer), and
//! settling a gift-package day's 2,000-line 接龙 by address.
//! `cargo bench -p shopcircle-core --bench campaigns`.

use std::time::Duration as StdDuration;

use chrono::{DateTime, TimeZone, Utc};
use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use shopcircle_core::campaign::ladder::{self, BundleItem, LadderInput, Tier};
use shopcircle_core::campaign::referral;
use shopcircle_core::campaign::spike::{self, SpikeInput};
use shopcircle_core::channel::ChannelInput;
use shopcircle_core::db;
use shopcircle_core::draw;
use shopcircle_core::image_change::ImageChange;
use shopcircle_core::product::{self, ProductInput};
use shopcircle_core::qr_source::{self, QrKind, QrSourceInput};

#[path = "shared/tea_shop.rs"]
mod tea_shop;
use tea_shop::tea_shop;

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 20, 2, 0, 0).unwrap()
}

/// A shop on a real file (WAL, synchronous FULL: the commit's flush is part of
/// what is measured) with a group and a product with `stock` on the shelf.
fn shop(stock: i64) -> (db::Connection, i64, i64, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("temp dir");
    let (mut conn, group) = tea_shop(dir.path(), now());
    let tea = ProductInput {
        name: "铁观音 250g".into(),
        unit: "罐".into(),
        price_cents: 3900,
        cost_cents: 1800,
        stock,
        role: "traffic".into(),
    };
    let tea = product::create(&mut conn, &tea, &ImageChange::Keep, now()).expect("product").id;
    (conn, group, tea, dir)
}

/// The group's counter channel with its group code; its id.
fn counter_with_code(conn: &mut db::Connection, group: i64) -> i64 {
    let input = ChannelInput { kind: "counter".into(), name: "收银台".into() };
    let channel = shopcircle_core::channel::create(conn, group, &input, now()).expect("channel").id;
    let code = QrSourceInput {
        kind: QrKind::GroupQr,
        payload: "https://weixin.qq.com/g/bench".into(),
        staff_id: None,
        image: None,
        made_at: Some(now()),
    };
    qr_source::set(conn, channel, code, now()).expect("code");
    channel
}

/// One evening next Monday: its schedule, three posts, `quantity` pickup vouchers.
fn evening(product_id: i64, group: i64, quantity: i64) -> SpikeInput {
    SpikeInput {
        name: String::new(),
        product_id,
        price_cents: 1990,
        quantity,
        per_customer: 1,
        rule: "FREQ=DAILY;COUNT=1".into(),
        start: "2026-11-23 20:00".into(),
        minutes: 30,
        ends_on: "2026-11-23".into(),
        community_ids: vec![group],
        lead_minutes: 60,
        pickup_days: 3,
        pickup_vouchers: true,
        poster_channel_id: None,
    }
}

fn campaigns(c: &mut Criterion) {
    let mut group = c.benchmark_group("campaigns");
    group.sample_size(20).measurement_time(StdDuration::from_secs(10));

    group.bench_function("apply a flash sale with its poster and 1,000 pickup vouchers", |b| {
        b.iter_batched(
            || {
                let (mut conn, g, tea, dir) = shop(1_000);
                let channel = counter_with_code(&mut conn, g);
                (conn, g, tea, channel, dir)
            },
            |(mut conn, g, tea, channel, dir)| {
                let input = SpikeInput { poster_channel_id: Some(channel), ..evening(tea, g, 1_000) };
                let made = spike::apply(&mut conn, &input, None, now()).expect("apply");
                assert_eq!((made.content_ids.len(), made.batch_ids.len()), (3, 1));
                assert!(made.poster_id.is_some());
                (conn, dir)
            },
            BatchSize::PerIteration,
        )
    });

    let text: String = std::iter::once("#接龙\n周一秒杀 铁观音\n".to_owned())
        .chain((1..=2_000).map(|i| format!("{i}. 茶友{i} {:04}\n", i % 10_000)))
        .collect();
    group.bench_function("record a pasted 2,000-line 接龙", |b| {
        b.iter_batched(
            || {
                let (mut conn, g, tea, dir) = shop(2_000);
                let made = spike::apply(&mut conn, &evening(tea, g, 2_000), None, now()).expect("apply");
                let session = spike::console(&conn, made.id, None, now()).expect("console").session.id;
                (conn, session, dir)
            },
            |(mut conn, session, dir)| {
                let got = spike::record_pasted(&mut conn, session, &text, now()).expect("record");
                assert_eq!(got.console.session.left, 0);
                (conn, dir)
            },
            BatchSize::PerIteration,
        )
    });
    // Friday's list: 2,000 lines over 500 addresses, spelt in the ways people do.
    let list: String = std::iter::once("#接龙 会员礼包日\n".to_owned())
        .chain((1..=2_000).map(|i| {
            let (building, room) = (i % 25 + 1, (i / 25) % 20 + 101);
            match i % 4 {
                0 => format!("{i}. {building}栋2单元{room}-1\n"),
                1 => format!("{i}. {building}号楼2单元{room}室 2份\n"),
                2 => format!("{i}. {building}-2-{room}-1\n"),
                _ => format!("{i}. {building}幢 2单元 {room}\n"),
            }
        }))
        .collect();
    group.bench_function("settle a 2,000-line 接龙", |b| {
        b.iter_batched(
            || {
                let (mut conn, g, tea, dir) = shop(5_000);
                let input = LadderInput {
                    name: String::new(),
                    items: vec![BundleItem { product_id: tea, quantity: 1 }],
                    solo_cents: 9800,
                    tiers: vec![
                        Tier { min_shares: 2, price_cents: 9000 },
                        Tier { min_shares: 3, price_cents: 8500 },
                    ],
                    shares: 5_000,
                    rule: "FREQ=DAILY;COUNT=1".into(),
                    start: "2026-11-20 20:00".into(),
                    cutoff_minutes: 60,
                    ends_on: "2026-11-20".into(),
                    community_ids: vec![g],
                    lead_minutes: 60,
                    poster_channel_id: None,
                };
                let made = ladder::apply(&mut conn, &input, None, now()).expect("apply");
                (conn, made.id, dir)
            },
            |(mut conn, id, dir)| {
                let got = ladder::settle(&mut conn, id, None, &list, now()).expect("settle");
                assert_eq!(got.addresses.len(), 500);
                (conn, dir)
            },
            BatchSize::PerIteration,
        )
    });
    // The fair draw itself, hashing included: the list hash over 100,000
    // labels, the seed, and the shuffle's SHA-256 words (docs/draw.md).
    let labels: Vec<String> = (0..100_000).map(|i| format!("会员{i}* ({:04})", i % 10_000)).collect();
    group.bench_function("a fair draw among 100,000 entrants", |b| {
        b.iter(|| {
            let result = draw::fair::draw(&labels, &[7; 32], "3391.45", &[1, 5, 20, 100]);
            assert_eq!(result.len(), 100_000);
            result
        })
    });
    // The month's referral leaderboard at 20,000 members: 5,000 of them
    // brought the other 15,000, every one qualified that month.
    let (conn, _, _, _dir) = shop(0);
    referral_month(&conn);
    group.bench_function("the month's referral leaderboard at 20,000 members", |b| {
        b.iter(|| {
            let board = referral::board(&conn, "2026-11").expect("board");
            assert_eq!(board.rows.len(), 5_000);
            board
        })
    });
    group.finish();
}

/// 20,000 members, 15,000 qualified referrals in November 2026 among 5,000
/// referrers, written directly (the counter's path is measured elsewhere).
fn referral_month(conn: &db::Connection) {
    conn.execute_batch("BEGIN").expect("begin");
    conn.execute(
        "INSERT INTO campaign (id, kind, name, input, published_at, created_at, updated_at)
         VALUES (1000, 'referral', '推荐有礼', '{}', ?1, ?1, ?1)",
        [now()],
    )
    .expect("campaign");
    let mut member = conn
        .prepare(
            "INSERT INTO member (id, uid, display_name, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?4)",
        )
        .expect("member");
    for id in 1..=20_000_i64 {
        member
            .execute(rusqlite::params![id, format!("uid{id}"), format!("会员{id}"), now()])
            .expect("member");
    }
    let mut referral = conn
        .prepare(
            "INSERT INTO referral (campaign_id, referrer_id, friend_id, referred_at, qualified_at, month, counted)
             VALUES (1000, ?1, ?2, ?3, ?4, '2026-11', 1)",
        )
        .expect("referral");
    for friend in 5_001..=20_000_i64 {
        let at = now() + chrono::Duration::seconds(friend);
        referral.execute(rusqlite::params![friend % 5_000 + 1, friend, now(), at]).expect("referral");
    }
    conn.execute_batch("COMMIT").expect("commit");
}

criterion_group!(benches, campaigns);
criterion_main!(benches);
