//! Editing a published campaign before it starts: the same campaign with a
//! new plan, what it made before retired (marked, not deleted), its terms
//! locked, and no edit once it has begun or gone out to the group.

use chrono::Duration;

use super::drainage::{self, DrainageInput, Reward};
use super::ladder::{self, Tier};
use super::spike::{self, SpikeInput};
use super::tests::{channel_with_code, shop, spike_input};
use super::*;
use crate::testing::now;
use crate::Lang;

fn schedules(conn: &Connection) -> Vec<(i64, String)> {
    crate::schedule::list(conn, now()).unwrap().into_iter().map(|s| (s.id, s.start)).collect()
}

#[test]
fn a_flash_sale_edited_before_it_starts_keeps_its_id_and_remakes_what_it_made() {
    let (mut conn, group, tea) = shop();
    let ch = channel_with_code(&mut conn, group);
    let input = SpikeInput { poster_channel_id: Some(ch), ..spike_input(tea, group) };
    let made = spike::apply(&mut conn, &input, None, now()).unwrap();
    assert_eq!(spike::for_edit(&conn, made.id, now()).unwrap().start, "2026-11-23 20:00");

    // Half an hour earlier, and the stock it promised is not a clash with itself.
    let earlier = SpikeInput { start: "2026-11-23 19:30".into(), ..input.clone() };
    let plan = spike::preview_edit(&conn, made.id, &earlier, now()).unwrap();
    assert!(!plan.refused, "{:?}", plan.checks);
    let edited = spike::edit(&mut conn, made.id, &earlier, now()).unwrap();
    assert_eq!(edited.id, made.id, "the same campaign");
    let starts: Vec<String> = schedules(&conn).into_iter().map(|(_, s)| s).collect();
    assert_eq!(starts, ["2026-11-23 19:30"], "the old schedule is gone, the new one in its place");
    let c = get(&conn, made.id, now()).unwrap();
    assert_eq!((c.status, c.sessions), (Status::Scheduled, 4));
    assert_eq!(c.next_at.as_deref(), Some("2026-11-23T11:30:00+00:00"));
    // The old posts withdrawn (kept), the new ones at 19:30; the old poster archived.
    let week = crate::content::list(&conn, "2026-11-23", "2026-11-26", Some(group)).unwrap();
    assert_eq!(week.len(), 12);
    assert!(week.iter().any(|p| p.time == "19:30"));
    let withdrawn: i64 = conn
        .query_row("SELECT count(*) FROM content_item WHERE withdrawn_at IS NOT NULL", [], |r| r.get(0))
        .unwrap();
    assert_eq!(withdrawn, 12);
    let live_posters: Vec<_> =
        crate::poster::list(&conn, None, now()).unwrap().into_iter().map(|p| p.id).collect();
    assert_eq!(live_posters, [edited.poster_id.unwrap()]);
    // The old pickup codes are voided; the new ones are the sale's.
    let mut open: Vec<i64> = crate::voucher::list(&conn, now())
        .unwrap()
        .into_iter()
        .filter(|b| b.voided_at.is_none())
        .map(|b| b.id)
        .collect();
    open.sort();
    assert_eq!(open, edited.batch_ids);
}

#[test]
fn a_published_term_cannot_be_edited_and_the_refusal_writes_nothing() {
    let (mut conn, group, tea) = shop();
    let made = spike::apply(&mut conn, &spike_input(tea, group), None, now()).unwrap();
    let cheaper = SpikeInput { price_cents: 990, quantity: 20, ..spike_input(tea, group) };
    let plan = spike::preview_edit(&conn, made.id, &cheaper, now()).unwrap();
    let locked: Vec<&str> =
        plan.checks.iter().filter(|c| c.rule == "locked").map(|c| c.message.as_str()).collect();
    assert_eq!(
        locked,
        [
            "秒杀价已经发布，不能再改：如需修改，请复制活动后再办一次",
            "限量已经发布，不能再改：如需修改，请复制活动后再办一次"
        ]
    );
    let before = schedules(&conn);
    let err = spike::edit(&mut conn, made.id, &cheaper, now()).unwrap_err();
    assert_eq!(err.code(), crate::ErrorCode::PlanRefused);
    assert_eq!(schedules(&conn), before, "nothing changed");
}

#[test]
fn no_edit_once_it_has_begun_or_a_post_has_gone_out() {
    let (mut conn, group, tea) = shop();
    let made = spike::apply(&mut conn, &spike_input(tea, group), None, now()).unwrap();
    let during: chrono::DateTime<chrono::Utc> = "2026-11-23T12:10:00Z".parse().unwrap();
    let err = spike::edit(&mut conn, made.id, &spike_input(tea, group), during).unwrap_err();
    assert_eq!(err.message(Lang::ZhCn), "这个活动已经开始，不能再修改（可复制后修改再办一次）");

    crate::content::set_posted(&conn, made.content_ids[0], true, now()).unwrap();
    let err = spike::for_edit(&conn, made.id, now()).unwrap_err();
    assert!(matches!(err, Error::CampaignAnnounced), "{err:?}");
}

#[test]
fn a_gift_package_day_and_a_welcome_gift_edit_their_days_not_their_terms() {
    let (mut conn, group, tea) = shop();
    let day = ladder::LadderInput {
        name: String::new(),
        items: vec![ladder::BundleItem { product_id: tea, quantity: 1 }],
        solo_cents: 3800,
        tiers: vec![Tier { min_shares: 2, price_cents: 3500 }],
        shares: 10,
        rule: ladder::PRESET_RULE.into(),
        start: "2026-11-27 20:00".into(),
        cutoff_minutes: ladder::DEFAULT_CUTOFF_MINUTES,
        ends_on: "2026-12-04".into(),
        community_ids: vec![group],
        lead_minutes: 60,
        poster_channel_id: None,
    };
    let made = ladder::apply(&mut conn, &day, None, now()).unwrap();
    let later = ladder::LadderInput { cutoff_minutes: 16 * 60, ..day.clone() };
    assert_eq!(ladder::edit(&mut conn, made.id, &later, now()).unwrap().id, made.id);
    let dearer =
        ladder::LadderInput { tiers: vec![Tier { min_shares: 2, price_cents: 3600 }], ..later.clone() };
    assert!(ladder::preview_edit(&conn, made.id, &dearer, now())
        .unwrap()
        .checks
        .iter()
        .any(|c| c.rule == "locked"));

    let ch = channel_with_code(&mut conn, group);
    let input = crate::gift::GiftInput {
        name: "茶包".into(),
        kind: "drainage".into(),
        unit_cost_cents: 350,
        value_cents: 1500,
        low_stock_at: None,
        packaging: String::new(),
    };
    let g = crate::gift::create(&mut conn, &input, 30, now()).unwrap().id;
    let welcome = DrainageInput {
        name: String::new(),
        community_id: group,
        channel_ids: vec![ch],
        reward: Reward::Gift { gift_id: g },
        expected_joins: 20,
        budget_cents: None,
        starts_on: "2026-11-22".into(),
        ends_on: "2026-12-05".into(),
        gift_line: String::new(),
    };
    let made = drainage::apply(&mut conn, &welcome, None, now()).unwrap();
    let shorter =
        DrainageInput {
            ends_on: "2026-11-29".into(), gift_line: "扫码入群送茶包".into(), ..welcome.clone()
        };
    drainage::edit(&mut conn, made.id, &shorter, now()).unwrap();
    let c = get(&conn, made.id, now()).unwrap();
    assert_eq!(c.ends_at.as_deref(), Some("2026-11-29T16:00:00+00:00"));
    let posters = crate::poster::list(&conn, None, now()).unwrap();
    assert!(posters.iter().any(|p| p.words.gift == "扫码入群送茶包"));
    let other_gift = DrainageInput {
        reward: Reward::Voucher { cents: 500, min_spend_cents: None, valid_days: 7 },
        ..shorter
    };
    let err = drainage::edit(&mut conn, made.id, &other_gift, now() + Duration::minutes(1)).unwrap_err();
    assert_eq!(err.code(), crate::ErrorCode::PlanRefused);
}
