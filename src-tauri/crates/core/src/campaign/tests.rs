use chrono::Duration;

use super::spike::{self, SpikeInput};
use super::*;
use crate::image_change::ImageChange;
use crate::product::{self, tests::tieguanyin};
use crate::schedule::tests::shop_with_group;
use crate::testing::now;

/// A shop with a group and the Tieguanyin (¥39, cost ¥18, 40 on the shelf).
pub(super) fn shop() -> (Connection, i64, i64) {
    let (mut conn, group) = shop_with_group();
    let p =
        product::create(&mut conn, &tieguanyin(), &ImageChange::Keep, now() - Duration::days(10)).unwrap();
    (conn, group, p.id)
}

/// The method's preset: Monday to Thursday at 20:00 for one week (4 sessions).
pub(super) fn spike_input(product_id: i64, group: i64) -> SpikeInput {
    SpikeInput {
        name: String::new(),
        product_id,
        price_cents: 1990,
        quantity: 30,
        per_customer: 1,
        rule: spike::PRESET_RULE.into(),
        start: "2026-11-23 20:00".into(),
        minutes: 30,
        ends_on: "2026-11-26".into(),
        community_ids: vec![group],
        lead_minutes: 60,
        pickup_days: 3,
        pickup_vouchers: true,
        poster_channel_id: None,
    }
}

fn refusals(plan: &spike::SpikePlan) -> Vec<&str> {
    plan.checks.iter().filter(|c| c.outcome == Outcome::Refuse).map(|c| c.rule.as_str()).collect()
}

#[test]
fn the_preset_plans_four_evenings_with_their_posts_and_figures() {
    let (conn, group, tea) = shop();
    let plan = spike::preview(&conn, &spike_input(tea, group), now()).unwrap();
    assert!(!plan.refused, "{:?}", plan.checks);
    assert_eq!(plan.name, "秒杀：铁观音 250g");
    let days: Vec<&str> = plan.sessions.iter().map(|s| s.day.as_str()).collect();
    assert_eq!(days, ["2026-11-23", "2026-11-24", "2026-11-25", "2026-11-26"]);
    // 20:00 Shanghai is 12:00 UTC; the sale lasts 30 minutes.
    assert_eq!(
        (plan.sessions[0].starts_at.as_str(), plan.sessions[0].ends_at.as_str()),
        ("2026-11-23T12:00:00+00:00", "2026-11-23T12:30:00+00:00")
    );
    assert_eq!(
        (plan.margin_cents, plan.margin_percent, plan.reference_cents, plan.available),
        (190, 9, 3900, 40)
    );
    // Three posts an evening: the preview at noon, the start, the result.
    assert_eq!(plan.posts.len(), 12);
    let monday: Vec<(&str, &str)> =
        plan.posts[..3].iter().map(|p| (p.day.as_str(), p.time.as_str())).collect();
    assert_eq!(monday, [("2026-11-23", "12:00"), ("2026-11-23", "20:00"), ("2026-11-23", "20:30")]);
    assert!(plan.posts[0].body.contains("11月23日（周一）20:00–20:30"), "{}", plan.posts[0].body);
    assert!(
        plan.posts[0].body.contains("秒杀价 ¥19.90（近7日最低价 ¥39）｜限量 30罐｜每人限 1罐"),
        "{}",
        plan.posts[0].body
    );
    assert_eq!(plan.schedules.len(), 1);
    assert_eq!(plan.schedules[0].rule, spike::PRESET_RULE);
    assert!(
        plan.schedules[0].message.starts_with("秒杀开始啦！"),
        "the reminder carries the start post: {}",
        plan.schedules[0].message
    );
}

#[test]
fn bad_terms_are_each_refused_with_a_reason_in_the_shops_language() {
    let (conn, group, tea) = shop();
    let cases: [(SpikeInput, &str); 6] = [
        (SpikeInput { price_cents: 0, ..spike_input(tea, group) }, "price"),
        (SpikeInput { price_cents: -100, ..spike_input(tea, group) }, "price"),
        (SpikeInput { quantity: 41, ..spike_input(tea, group) }, "quantity"),
        (SpikeInput { per_customer: 31, ..spike_input(tea, group) }, "limit"),
        (SpikeInput { minutes: 25 * 60, ..spike_input(tea, group) }, "duration"),
        (SpikeInput { price_cents: 1500, ..spike_input(tea, group) }, "below_cost"),
    ];
    for (input, rule) in cases {
        let plan = spike::preview(&conn, &input, now()).unwrap();
        assert!(plan.refused && refusals(&plan).contains(&rule), "{rule}: {:?}", plan.checks);
    }
    let plan = spike::preview(&conn, &SpikeInput { quantity: 41, ..spike_input(tea, group) }, now()).unwrap();
    let message = &plan.checks.iter().find(|c| c.rule == "quantity").unwrap().message;
    assert_eq!(message, "只有 40 份可卖（库存 40，其他活动已占 0）");
    let unknown =
        spike::preview(&conn, &SpikeInput { product_id: 999, ..spike_input(tea, group) }, now()).unwrap();
    assert!(refusals(&unknown).contains(&"product"));
    let past = spike::preview(
        &conn,
        &SpikeInput { start: "2026-11-19 20:00".into(), ..spike_input(tea, group) },
        now(),
    )
    .unwrap();
    assert!(refusals(&past).contains(&"when"), "{:?}", past.checks);
}

#[test]
fn a_refused_plan_writes_nothing_and_names_every_reason() {
    let (mut conn, group, tea) = shop();
    let bad = SpikeInput { price_cents: 0, per_customer: 0, ..spike_input(tea, group) };
    let e = spike::apply(&mut conn, &bad, None, now()).unwrap_err();
    assert_eq!(
        e.message(crate::Lang::ZhCn),
        "无法创建活动：秒杀价必须大于 0 元；每人限购须在 1 到秒杀数量（30）之间"
    );
    assert!(e.message(crate::Lang::En).starts_with("The campaign cannot be created: The flash-sale price"));
    for table in ["campaign", "campaign_session", "schedule", "content_item"] {
        let n: i64 = conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0)).unwrap();
        assert_eq!(n, 0, "{table}");
    }
}

#[test]
fn apply_writes_the_plan_the_review_showed_in_one_go() {
    let (mut conn, group, tea) = shop();
    let input = spike_input(tea, group);
    let plan = spike::preview(&conn, &input, now()).unwrap();
    let made = spike::apply(&mut conn, &input, None, now()).unwrap();
    assert_eq!((made.sessions, made.schedule_ids.len(), made.content_ids.len()), (4, 1, plan.posts.len()));
    let c = get(&conn, made.id, now()).unwrap();
    assert_eq!(
        (c.kind, c.status, c.community_ids.clone(), c.sessions),
        (CampaignKind::Spike, Status::Scheduled, vec![group], 4)
    );
    assert_eq!(c.next_at.as_deref(), Some("2026-11-23T12:00:00+00:00"));
    // The calendar shows the four evenings; the content calendar the posts.
    let week = crate::schedule::occurrences_on_days(&conn, "2026-11-23", "2026-11-29").unwrap();
    assert_eq!(week.iter().filter(|o| o.schedule_id == made.schedule_ids[0]).count(), 4);
    let posts = crate::content::list(&conn, "2026-11-23", "2026-11-26", Some(group)).unwrap();
    assert_eq!(posts.len(), 12);
    assert_eq!(posts[1].topic, "秒杀开始：铁观音 250g");
    // While it runs, and after.
    let during = "2026-11-23T12:10:00Z".parse().unwrap();
    assert_eq!(get(&conn, made.id, during).unwrap().status, Status::Running);
    let after = "2026-11-27T00:00:00Z".parse().unwrap();
    assert_eq!(get(&conn, made.id, after).unwrap().status, Status::Ended);
    assert_eq!(list(&conn, Some(Status::Scheduled), now()).unwrap().len(), 1);
    assert!(list(&conn, Some(Status::Draft), now()).unwrap().is_empty());
}

#[test]
fn the_same_product_cannot_be_on_two_flash_sales_at_once_and_a_shared_community_is_warned() {
    let (mut conn, group, tea) = shop();
    spike::apply(&mut conn, &spike_input(tea, group), None, now()).unwrap();
    let again = spike::preview(&conn, &SpikeInput { quantity: 5, ..spike_input(tea, group) }, now()).unwrap();
    assert!(refusals(&again).contains(&"product_busy"), "{:?}", again.checks);
    // The stock promised to the first sale is not free for another product's sale either way.
    assert_eq!(again.available, 10);
    let cake = product::create(
        &mut conn,
        &product::ProductInput { name: "桂花糕".into(), role: "profit".into(), ..tieguanyin() },
        &ImageChange::Keep,
        now() - Duration::days(10),
    )
    .unwrap();
    let other = spike::preview(&conn, &spike_input(cake.id, group), now()).unwrap();
    assert!(!other.refused, "{:?}", other.checks);
    assert!(other.checks.iter().any(|c| c.rule == "clash" && c.outcome == Outcome::Warn));
}

#[test]
fn cancelling_ends_future_sessions_and_withdraws_unposted_posts_deleting_nothing() {
    let (mut conn, group, tea) = shop();
    let made = spike::apply(&mut conn, &spike_input(tea, group), None, now()).unwrap();
    // Tuesday afternoon: Monday's sale is over, three evenings are still to come.
    let tuesday = "2026-11-24T06:00:00Z".parse().unwrap();
    assert!(matches!(
        cancel(&mut conn, made.id, "  ", tuesday),
        Err(Error::Invalid { field: Field::Reason, .. })
    ));
    let done = cancel(&mut conn, made.id, "茶叶到货延迟", tuesday).unwrap();
    assert_eq!(done.schedules_ended, 1);
    // Tuesday's noon preview was already due; its start and result posts, and
    // Wednesday's and Thursday's three, go.
    assert_eq!(done.posts_withdrawn, 8);
    let c = get(&conn, made.id, tuesday).unwrap();
    assert_eq!((c.status, c.cancel_reason.as_str(), c.next_at), (Status::Cancelled, "茶叶到货延迟", None));
    let week = crate::schedule::occurrences_on_days(&conn, "2026-11-23", "2026-11-29").unwrap();
    let days: Vec<String> =
        week.iter().filter(|o| o.schedule_id == made.schedule_ids[0]).map(|o| o.day.clone()).collect();
    assert_eq!(days, ["2026-11-23"], "only Monday's, which happened");
    assert_eq!(crate::content::list(&conn, "2026-11-23", "2026-11-29", None).unwrap().len(), 4);
    let kept: i64 = conn.query_row("SELECT count(*) FROM content_item", [], |r| r.get(0)).unwrap();
    assert_eq!(kept, 12, "withdrawn, not deleted");
    assert!(matches!(cancel(&mut conn, made.id, "again", tuesday), Err(Error::CampaignClosed)));
}

#[test]
fn a_draft_resumes_as_left_and_is_published_by_apply_into_the_same_row() {
    let (mut conn, group, tea) = shop();
    let half = SpikeInput { price_cents: 0, quantity: 0, ..spike_input(tea, group) };
    let id = spike::save_draft(&conn, None, &half, now()).unwrap();
    assert_eq!(get(&conn, id, now()).unwrap().status, Status::Draft);
    assert_eq!(spike::draft(&conn, id).unwrap().quantity, 0, "kept as typed, even unfinished");
    spike::save_draft(&conn, Some(id), &spike_input(tea, group), now()).unwrap();
    let resumed = spike::draft(&conn, id).unwrap();
    let made = spike::apply(&mut conn, &resumed, Some(id), now()).unwrap();
    assert_eq!(made.id, id);
    assert_eq!(get(&conn, id, now()).unwrap().status, Status::Scheduled);
    assert_eq!(list(&conn, None, now()).unwrap().len(), 1, "published in place, no second row");
    // Published terms are locked.
    assert!(matches!(spike::save_draft(&conn, Some(id), &half, now()), Err(Error::CampaignPublished)));
    assert!(matches!(discard_draft(&mut conn, id), Err(Error::CampaignPublished)));
    let other = spike::save_draft(&conn, None, &half, now()).unwrap();
    discard_draft(&mut conn, other).unwrap();
    assert!(matches!(get(&conn, other, now()), Err(Error::NotFound { .. })));
}

#[test]
fn one_date_is_one_session_and_can_be_created() {
    let (mut conn, group, tea) = shop();
    let once = SpikeInput {
        rule: "FREQ=DAILY;COUNT=1".into(),
        start: "2026-11-25 20:00".into(),
        ends_on: "2026-11-25".into(),
        ..spike_input(tea, group)
    };
    let plan = spike::preview(&conn, &once, now()).unwrap();
    assert!(!plan.refused, "{:?}", plan.checks);
    assert_eq!(plan.sessions.len(), 1);
    let made = spike::apply(&mut conn, &once, None, now()).unwrap();
    assert_eq!((made.sessions, made.content_ids.len()), (1, 3));
}

#[test]
fn a_price_below_cost_follows_the_shops_policy() {
    let (conn, group, tea) = shop();
    let cheap = SpikeInput { price_cents: 1500, ..spike_input(tea, group) };
    let outcome = |conn: &Connection| {
        spike::preview(conn, &cheap, now())
            .unwrap()
            .checks
            .iter()
            .find(|c| c.rule == "below_cost")
            .map(|c| c.outcome)
    };
    assert_eq!(outcome(&conn), Some(Outcome::Refuse), "blocked by default");
    crate::cost_policy::set(&conn, crate::cost_policy::CostPolicy::Warn, now()).unwrap();
    assert_eq!(outcome(&conn), Some(Outcome::Warn));
    crate::cost_policy::set(&conn, crate::cost_policy::CostPolicy::Off, now()).unwrap();
    assert_eq!(outcome(&conn), None);
    assert!(crate::cost_policy::CostPolicy::parse("sometimes").is_err());
}

/// A counter channel of `group` with a group code; its id.
pub(super) fn channel_with_code(conn: &mut Connection, group: i64) -> i64 {
    use crate::channel::{self, ChannelInput};
    use crate::qr_source::{self, QrKind, QrSourceInput};
    let ch =
        channel::create(conn, group, &ChannelInput { kind: "counter".into(), name: "收银台".into() }, now())
            .unwrap()
            .id;
    let code = QrSourceInput {
        kind: QrKind::GroupQr,
        payload: "https://weixin.qq.com/g/sale".into(),
        staff_id: None,
        image: None,
        made_at: Some(now()),
    };
    qr_source::set(conn, ch, code, now()).unwrap();
    ch
}

#[test]
fn finish_saves_the_sales_poster_which_prints_its_offer_and_leaves_the_lists_when_cancelled() {
    let (mut conn, group, tea) = shop();
    let ch = channel_with_code(&mut conn, group);
    let input = SpikeInput { poster_channel_id: Some(ch), ..spike_input(tea, group) };
    let preview = spike::poster::preview(&conn, &input, now()).unwrap();
    let offer = preview.offer.clone().unwrap();
    assert_eq!((offer.price.as_str(), offer.was.as_str()), ("¥19.90", "近7日最低价 ¥39"));
    assert_eq!(offer.when, "11月23日（周一）起 20:00 · 共 4 场");
    assert_eq!(offer.terms, "每场限量 30罐 · 每人限 1罐 · 3 天内到店取货");
    assert_eq!(preview.payload, "https://weixin.qq.com/g/sale");

    let made = spike::apply(&mut conn, &input, None, now()).unwrap();
    let poster_id = made.poster_id.unwrap();
    let saved = crate::poster::get(&conn, poster_id, now()).unwrap();
    assert_eq!(
        (saved.template, saved.campaign_id, saved.words.headline.as_str()),
        (crate::poster::PosterTemplate::Spike, Some(made.id), "铁观音 250g")
    );
    // What it prints is what the wizard previewed.
    assert_eq!(crate::poster::printable(&conn, poster_id, now()).unwrap(), preview);
    // The designer cannot make a flash-sale poster of its own, nor turn this one into a drainage one.
    let designer = crate::poster::PosterInput {
        template: "spike".into(),
        words: saved.words.clone(),
        ..Default::default()
    };
    assert!(crate::poster::create(&conn, ch, &designer, None, now()).is_err());

    let tuesday = "2026-11-24T06:00:00Z".parse().unwrap();
    cancel(&mut conn, made.id, "茶叶到货延迟", tuesday).unwrap();
    assert!(crate::poster::list(&conn, None, tuesday).unwrap().iter().all(|p| p.id != poster_id));
}

#[test]
fn a_poster_on_a_channel_of_another_community_or_without_a_code_is_refused() {
    let (mut conn, group, tea) = shop();
    let other = crate::community::write::create(
        &mut conn,
        &crate::community::CommunityInput::new("邻居群", crate::community::Kind::Niche),
        now(),
    )
    .unwrap()
    .id;
    let elsewhere = channel_with_code(&mut conn, other);
    let plan = spike::preview(
        &conn,
        &SpikeInput { poster_channel_id: Some(elsewhere), ..spike_input(tea, group) },
        now(),
    )
    .unwrap();
    assert!(refusals(&plan).contains(&"poster"), "{:?}", plan.checks);
    let bare = crate::channel::create(
        &conn,
        group,
        &crate::channel::ChannelInput { kind: "counter".into(), name: "门口".into() },
        now(),
    )
    .unwrap()
    .id;
    let plan = spike::preview(
        &conn,
        &SpikeInput { poster_channel_id: Some(bare), ..spike_input(tea, group) },
        now(),
    )
    .unwrap();
    assert!(refusals(&plan).contains(&"poster"));
}
