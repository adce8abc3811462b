//! The alliance through the database: partners as channels, the plan's
//! refusals (nothing written), each partner's batch and poster, a partner's
//! voucher redeemed here and counted in its month's settlement, and a
//! voucher refused once the agreement has ended.

use chrono::{DateTime, Duration, TimeZone, Utc};
use rusqlite::Connection;

use super::*;
use crate::campaign::Outcome;
use crate::voucher::{self, BenefitInput, Redemption};

/// 10:00 on 1 December 2026 in Shanghai.
fn now() -> DateTime<Utc> {
    chrono_tz::Asia::Shanghai.with_ymd_and_hms(2026, 12, 1, 10, 0, 0).unwrap().with_timezone(&Utc)
}

fn bakery(conn: &mut Connection, community: i64, until: &str) -> Partner {
    let input = PartnerInput {
        community_id: community,
        name: "隔壁面包店".into(),
        business: "面包店".into(),
        contact: "王师傅 13900001111".into(),
        address: "梧桐路 12 号".into(),
        agreement_from: "2026-11-01".into(),
        agreement_to: until.into(),
        fee_cents: 200,
    };
    partner::add(conn, &input, now()).unwrap()
}

fn input(community: i64, partners: Vec<i64>) -> AllianceInput {
    AllianceInput {
        name: String::new(),
        community_id: community,
        partner_ids: partners,
        benefit: BenefitInput::AmountOff { cents: 1_000 },
        min_spend_cents: Some(3_000),
        vouchers_per_partner: 50,
        first_day: "2026-12-01".into(),
        last_day: "2026-12-31".into(),
    }
}

fn count(conn: &Connection, table: &str) -> i64 {
    conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0)).unwrap()
}

#[test]
fn a_partner_is_a_channel_and_an_alliance_gives_it_a_batch_and_a_poster() {
    let (mut conn, g) = crate::schedule::tests::shop_with_group();
    let p = bakery(&mut conn, g, "2027-06-30");
    assert!(p.active);
    let channel = crate::channel::get(&conn, p.channel_id).unwrap();
    assert_eq!((channel.name.as_str(), channel.community_id), ("隔壁面包店", g));
    // Refused, nothing written: vouchers outliving the agreement, or none to hand over.
    let short = bakery_named(&mut conn, g, "街角花店", "2026-12-15");
    let before = (count(&conn, "campaign"), count(&conn, "voucher_batch"));
    let plan = preview(&conn, &input(g, vec![p.id, short.id]), now()).unwrap();
    assert!(
        plan.checks.iter().any(|c| c.rule == "partners" && c.message.contains("街角花店")),
        "{:?}",
        plan.checks
    );
    assert!(apply(&mut conn, &input(g, vec![p.id, short.id]), None, now()).is_err());
    let twice = preview(&conn, &input(g, vec![p.id, p.id]), now()).unwrap();
    assert!(twice.checks.iter().any(|c| c.rule == "partners" && c.outcome == Outcome::Refuse));
    let mut none = input(g, vec![p.id]);
    none.vouchers_per_partner = 0;
    assert!(preview(&conn, &none, now())
        .unwrap()
        .checks
        .iter()
        .any(|c| c.rule == "vouchers" && c.outcome == Outcome::Refuse));
    assert_eq!((count(&conn, "campaign"), count(&conn, "voucher_batch")), before);

    let plan = preview(&conn, &input(g, vec![p.id]), now()).unwrap();
    assert!(!plan.refused, "{:?}", plan.checks);
    assert_eq!(plan.partners[0].batch_name, "来自隔壁面包店：立减 ¥10");
    assert!(plan.announcement_zh.contains("隔壁面包店") && plan.announcement_en.contains("隔壁面包店"));
    for text in [&plan.announcement_zh, &plan.announcement_en] {
        assert!(!text.contains("转发") && !text.contains("分享") && !text.to_lowercase().contains("share"));
    }
    let made = apply(&mut conn, &input(g, vec![p.id]), None, now()).unwrap();
    // Copied, it is a draft with the same choices, to run again.
    let copied = crate::campaign::copy(&conn, made.id, now()).unwrap();
    assert_eq!(draft(&conn, copied).unwrap(), input(g, vec![p.id]));
    assert_eq!((made.batch_ids.len(), made.poster_ids.len(), made.content_ids.len()), (1, 1, 1));
    let batch = voucher::get(&conn, made.batch_ids[0], now()).unwrap();
    assert_eq!(
        (batch.stats.issued, batch.channel_id, batch.valid_until.as_str()),
        (50, Some(p.channel_id), "2026-12-31")
    );
    // It runs every day of its vouchers, without a session to clash with the group's evenings.
    let c = crate::campaign::get(&conn, made.id, now()).unwrap();
    assert_eq!((c.status, c.sessions), (crate::campaign::Status::Running, 0));
    let poster_channel: i64 = conn
        .query_row("SELECT channel_id FROM poster WHERE id = ?1", [made.poster_ids[0]], |r| r.get(0))
        .unwrap();
    assert_eq!(poster_channel, p.channel_id);
}

fn bakery_named(conn: &mut Connection, community: i64, name: &str, until: &str) -> Partner {
    let input = PartnerInput {
        community_id: community,
        name: name.into(),
        agreement_from: "2026-11-01".into(),
        agreement_to: until.into(),
        ..PartnerInput::default()
    };
    partner::add(conn, &input, now()).unwrap()
}

#[test]
fn a_partner_voucher_redeemed_here_counts_in_its_months_settlement_and_not_after_the_agreement() {
    let (mut conn, g) = crate::schedule::tests::shop_with_group();
    let p = bakery(&mut conn, g, "2026-12-31");
    let made = apply(&mut conn, &input(g, vec![p.id]), None, now()).unwrap();
    let codes = voucher::codes(&conn, made.batch_ids[0]).unwrap();
    let at = now() + Duration::days(3);
    let redeem = |conn: &mut Connection, code: &str, at: DateTime<Utc>| {
        voucher::redeem(
            conn,
            &voucher::RedeemInput { code: code.into(), staff: String::new(), spend_cents: Some(5_000) },
            crate::Lang::ZhCn,
            at,
        )
        .unwrap()
    };
    let answer = redeem(&mut conn, &codes[0], at);
    assert!(matches!(answer, Redemption::Redeemed { .. }), "{answer:?}");
    redeem(&mut conn, &codes[1], at);
    // A customer who joined the group through the bakery.
    let m = crate::member::MemberInput {
        join: Some(crate::member::JoinInput {
            community_id: g,
            channel_id: Some(p.channel_id),
            staff_id: None,
        }),
        ..crate::member::MemberInput::new("面包店来的客人", crate::member::ConsentInput::verbal(false))
    };
    crate::member::create(&mut conn, &m, at).unwrap();

    let s = settlement(&conn, p.id, "2026-12", at).unwrap();
    assert_eq!((s.handed_over, s.redeemed, s.new_members, s.fee_cents), (50, 2, 1, 400));
    assert_eq!(s.rows.len(), 2);
    assert_eq!(settlement(&conn, p.id, "2027-01", at).unwrap().redeemed, 0);
    let csv = settlement_csv(&conn, p.id, "2026-12", crate::Lang::ZhCn, at).unwrap();
    assert!(csv.starts_with('\u{feff}') && csv.contains("隔壁面包店,2026-12,50,2,1,4\n"), "{csv}");
    assert!(settlement(&conn, p.id, "December", at).is_err());
    let c = console(&conn, made.id, at).unwrap();
    assert_eq!((c.partners[0].redeemed, c.partners[0].fee_cents), (2, 400));

    // The agreement ended on 31 December: the next day its vouchers are refused here.
    let late = chrono_tz::Asia::Shanghai.with_ymd_and_hms(2027, 1, 1, 10, 0, 0).unwrap().with_timezone(&Utc);
    let answer = redeem(&mut conn, &codes[2], late);
    assert!(matches!(answer, Redemption::Expired { .. }), "{answer:?}");
}
