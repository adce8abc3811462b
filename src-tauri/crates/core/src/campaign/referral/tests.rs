//! The referral day through the database: the plan's refusals (nothing
//! written), friend cards and their typos, the friend's welcome at the
//! counter and what it refuses, qualification at the first purchase with the
//! rewards, cap and one-level rule, and the month's leaderboard.

use chrono::{DateTime, Duration, TimeZone, Utc};
use rusqlite::Connection;

use super::*;
use crate::campaign::drainage::Reward;
use crate::campaign::Outcome;
use crate::member::{self, ConsentInput, JoinInput, MemberInput};
use crate::purchase::{self, PurchaseInput};
use crate::{Error, Field, Problem};

/// 10:00 on 1 December 2026 in Shanghai.
fn now() -> DateTime<Utc> {
    chrono_tz::Asia::Shanghai.with_ymd_and_hms(2026, 12, 1, 10, 0, 0).unwrap().with_timezone(&Utc)
}

fn join(conn: &mut Connection, name: &str, phone: &str, community: i64, marketing: bool) -> i64 {
    let input = MemberInput {
        phone: phone.into(),
        join: Some(JoinInput { community_id: community, channel_id: None, staff_id: None }),
        ..MemberInput::new(name, ConsentInput::verbal(marketing))
    };
    member::create(conn, &input, now() - Duration::days(10)).unwrap().id
}

/// A tea shop's group: 张三 and 李四 agreed to hear about offers, 孙八 did not.
fn shop() -> (Connection, i64, i64, i64, i64) {
    let (mut conn, g) = crate::schedule::tests::shop_with_group();
    let zhang = join(&mut conn, "张三", "13800001001", g, true);
    let li = join(&mut conn, "李四", "13800001002", g, true);
    let sun = join(&mut conn, "孙八", "13800009999", g, false);
    (conn, g, zhang, li, sun)
}

fn input(community: i64) -> ReferralInput {
    ReferralInput {
        name: "12月推荐有礼".into(),
        community_ids: vec![community],
        first_day: "2026-12-01".into(),
        last_day: "2026-12-31".into(),
        promotion_day: 18,
        promotion_time: "10:00".into(),
        welcome: Reward::Voucher { cents: 1_000, min_spend_cents: None, valid_days: 30 },
        tiers: vec![RewardTier { friends: 1, cents: 500 }, RewardTier { friends: 3, cents: 1_500 }],
        reward_days: 60,
        monthly_cap: 3,
        qualify_days: 30,
    }
}

fn count(conn: &Connection, table: &str) -> i64 {
    conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0)).unwrap()
}

fn refusal_field(e: Error) -> (Field, String) {
    match e {
        Error::Invalid { field, problem: Problem::Refused { reason } } => (field, reason),
        other => panic!("expected a refusal, got {other:?}"),
    }
}

fn friend(code: &str, phone: &str) -> FriendInput {
    FriendInput { code: code.into(), phone: phone.into(), ..FriendInput::default() }
}

fn buy(conn: &mut Connection, member: i64, cents: i64, at: DateTime<Utc>) -> i64 {
    let sale = PurchaseInput { amount_cents: cents, member_id: Some(member), ..PurchaseInput::default() };
    purchase::record(conn, &sale, at).unwrap().id
}

/// The reward vouchers named to `member`: (friends, cents).
fn rewards_of(conn: &Connection, member: i64) -> Vec<(i64, i64)> {
    conn.prepare(
        "SELECT w.friends, b.amount_off_cents FROM referral_reward w JOIN voucher v ON v.serial = w.serial
         JOIN voucher_batch b ON b.id = v.batch_id WHERE w.referrer_id = ?1 ORDER BY w.friends",
    )
    .unwrap()
    .query_map([member], |r| Ok((r.get(0)?, r.get(1)?)))
    .unwrap()
    .collect::<rusqlite::Result<_>>()
    .unwrap()
}

#[test]
fn the_plan_announces_promotion_days_and_never_rewards_passing_a_post_on() {
    let (conn, g, ..) = shop();
    let plan = preview(&conn, &input(g), now()).unwrap();
    assert!(!plan.refused, "{:?}", plan.checks);
    // Left empty, the name spans the months it runs, and still fits every title it goes into.
    let mut long = input(g);
    long.name = String::new();
    long.last_day = "2027-01-31".into();
    let mut conn = conn;
    // In English, the longer language, where the reminder's title would overflow.
    conn.execute("UPDATE shop SET language = 'en'", []).unwrap();
    let made = apply(&mut conn, &long, None, now()).unwrap();
    let name: String =
        conn.query_row("SELECT name FROM campaign WHERE id = ?1", [made.id], |r| r.get(0)).unwrap();
    assert_eq!(name, "Bring a friend: December 2026 – January 2027");
    assert_eq!(plan.members_with_cards, 2);
    assert_eq!(plan.max_reward_per_member_cents, 2_000);
    // One promotion day in December: its session, post and a reminder.
    assert_eq!(plan.sessions.len(), 1);
    assert_eq!(plan.sessions[0].day, "2026-12-18");
    assert_eq!(plan.posts.len(), 1);
    assert_eq!(plan.schedules.len(), 1);
    for text in [&plan.announcement_zh, &plan.announcement_en] {
        for banned in ["转发", "分享", "朋友圈", "forward", "share", "Share", "repost"] {
            assert!(!text.contains(banned), "{banned} in {text}");
        }
    }
    assert!(plan.announcement_zh.contains("首次到店消费") && plan.announcement_zh.contains("12月31日"));
    assert!(plan.announcement_en.contains("first purchase") && plan.announcement_en.contains("31 Dec"));
    assert!(
        plan.announcement_zh.contains("1 位好友：¥5 代金券")
            && plan.announcement_zh.contains("每月最多计 3 位")
    );
}

#[test]
fn a_plan_that_cannot_be_kept_is_refused_and_writes_nothing() {
    let (mut conn, g, ..) = shop();
    let before = count(&conn, "campaign");
    let mut bad = input(g);
    bad.tiers = vec![RewardTier { friends: 2, cents: 500 }, RewardTier { friends: 2, cents: 900 }];
    let plan = preview(&conn, &bad, now()).unwrap();
    assert!(plan.refused && plan.checks.iter().any(|c| c.rule == "tiers" && c.outcome == Outcome::Refuse));
    bad.tiers = vec![RewardTier { friends: 5, cents: 500 }];
    let plan = preview(&conn, &bad, now()).unwrap();
    assert!(plan.checks.iter().any(|c| c.rule == "tiers" && c.message.contains("5")), "{:?}", plan.checks);
    assert!(apply(&mut conn, &bad, None, now()).is_err());
    assert_eq!(count(&conn, "campaign"), before);

    // One referral day at a time: a card means one offer.
    apply(&mut conn, &input(g), None, now()).unwrap();
    let mut second = input(g);
    second.first_day = "2026-12-20".into();
    second.last_day = "2027-01-20".into();
    let plan = preview(&conn, &second, now()).unwrap();
    assert!(plan.checks.iter().any(|c| c.rule == "overlap" && c.outcome == Outcome::Refuse));
    let mut past = input(g);
    past.first_day = "2026-11-01".into();
    assert!(preview(&conn, &past, now()).unwrap().checks.iter().any(|c| c.rule == "when"));
}

#[test]
fn a_friend_card_is_the_members_and_a_typo_is_named_at_its_position() {
    let (mut conn, g, zhang, li, sun) = shop();
    apply(&mut conn, &input(g), None, now()).unwrap();
    let card = friend_card(&mut conn, zhang, now()).unwrap();
    assert_eq!(card.holder, "张*");
    assert_eq!(card.code.replace('-', "").len(), 12);
    assert!(card.offer.as_deref().unwrap().contains("¥10"));
    assert_ne!(friend_card(&mut conn, li, now()).unwrap().code, card.code);
    // Without marketing consent there is no card.
    let (field, reason) = refusal_field(friend_card(&mut conn, sun, now()).unwrap_err());
    assert_eq!(field, Field::Member);
    assert!(reason.contains("营销"), "{reason}");

    let checked = check_card(&conn, &card.code.to_lowercase(), now()).unwrap();
    assert_eq!((checked.referrer_id, checked.referrer.as_str()), (zhang, "张* (1001)"));
    // One character wrong: the counter is told which.
    let mut typo: Vec<char> = card.code.chars().collect();
    typo[5] = if typo[5] == 'A' { 'B' } else { 'A' };
    let typo: String = typo.into_iter().collect();
    let (field, reason) = refusal_field(check_card(&conn, &typo, now()).unwrap_err());
    assert_eq!(field, Field::Code);
    assert!(reason.contains("第 5 位"), "{reason}");
    // Nothing is taken before the first day or after the last.
    let (_, reason) = refusal_field(check_card(&conn, &card.code, now() + Duration::days(31)).unwrap_err());
    assert!(reason.contains("没有进行中的推荐活动"), "{reason}");
}

#[test]
fn a_friend_is_welcomed_once_and_never_as_themselves_or_an_existing_member() {
    let (mut conn, g, zhang, li, _) = shop();
    apply(&mut conn, &input(g), None, now()).unwrap();
    let code = friend_card(&mut conn, zhang, now()).unwrap().code;
    let members = count(&conn, "member");

    // The card holder's own number is refused, as is anyone already a member; nothing is written.
    let (field, reason) =
        refusal_field(welcome_friend(&mut conn, &friend(&code, "138 0000 1001"), now()).unwrap_err());
    assert_eq!(field, Field::Phone);
    assert!(reason.contains("不能推荐自己"), "{reason}");
    let (field, reason) =
        refusal_field(welcome_friend(&mut conn, &friend(&code, "13800001002"), now()).unwrap_err());
    assert_eq!(field, Field::Phone);
    assert!(reason.contains("138****1002") && reason.contains("已是会员"), "{reason}");
    assert_eq!((count(&conn, "member"), count(&conn, "referral"), count(&conn, "voucher")), (members, 0, 0));

    let w = welcome_friend(&mut conn, &friend(&code, "+86 139 0000 2001"), now()).unwrap();
    assert_eq!(w.referrer, "张* (1001)");
    let voucher = w.voucher_code.clone().expect("a welcome voucher");
    let info = crate::voucher::lookup(&conn, &voucher, crate::Lang::ZhCn).unwrap();
    assert_eq!(info.holder_name, "好友（尾号2001）");
    let made = member::get(&conn, w.friend_id).unwrap();
    assert_eq!((made.referred_by, made.phone.as_deref()), (Some(zhang), Some("13900002001")));

    // The first card wins: the friend is a member now, whoever's card comes next.
    let other = friend_card(&mut conn, li, now()).unwrap().code;
    let (_, reason) =
        refusal_field(welcome_friend(&mut conn, &friend(&other, "13900002001"), now()).unwrap_err());
    assert!(reason.contains("已是会员"), "{reason}");
    assert_eq!(count(&conn, "referral"), 1);
    let id: i64 = conn.query_row("SELECT campaign_id FROM referral", [], |r| r.get(0)).unwrap();
    let c = console(&conn, id, now()).unwrap();
    assert_eq!((c.pending, c.qualified), (1, 0));
    assert_eq!(c.referrals[0].stage, ReferralStage::Pending);
}

#[test]
fn the_first_purchase_qualifies_and_rewards_issue_at_thresholds_up_to_the_cap() {
    let (mut conn, g, zhang, ..) = shop();
    let mut terms = input(g);
    terms.monthly_cap = 3;
    let id = apply(&mut conn, &terms, None, now()).unwrap().id;
    let code = friend_card(&mut conn, zhang, now()).unwrap().code;
    let mut friends = Vec::new();
    for i in 0..4 {
        let w = welcome_friend(&mut conn, &friend(&code, &format!("1390000300{i}")), now()).unwrap();
        friends.push(w);
    }
    // The first friend pays with the welcome voucher; the counter did not pick them: the voucher names them.
    let sale = PurchaseInput {
        amount_cents: 3_000,
        voucher_code: friends[0].voucher_code.clone().unwrap(),
        ..PurchaseInput::default()
    };
    let p = purchase::record(&mut conn, &sale, now() + Duration::hours(1)).unwrap();
    assert_eq!(p.member_id, Some(friends[0].friend_id));
    assert_eq!(rewards_of(&conn, zhang), vec![(1, 500)]);
    // A second purchase by the same friend counts nothing more.
    buy(&mut conn, friends[0].friend_id, 2_000, now() + Duration::hours(2));
    assert_eq!(rewards_of(&conn, zhang), vec![(1, 500)]);
    buy(&mut conn, friends[1].friend_id, 2_000, now() + Duration::hours(3));
    assert_eq!(rewards_of(&conn, zhang), vec![(1, 500)]);
    buy(&mut conn, friends[2].friend_id, 2_000, now() + Duration::hours(4));
    assert_eq!(rewards_of(&conn, zhang), vec![(1, 500), (3, 1_500)]);
    // Over the cap: qualified, not counted, no reward.
    buy(&mut conn, friends[3].friend_id, 2_000, now() + Duration::hours(5));
    assert_eq!(rewards_of(&conn, zhang).len(), 2);
    let c = console(&conn, id, now() + Duration::hours(6)).unwrap();
    assert_eq!((c.pending, c.qualified), (0, 4));
    assert_eq!(c.referrals.iter().filter(|r| r.stage == ReferralStage::OverCap).count(), 1);
    assert_eq!(c.rewards.len(), 2);
    // The friend's welcome voucher was redeemed: ¥10 so far, ¥2.50 per new buyer.
    assert_eq!((c.cost_cents, c.cost_per_buyer_cents), (1_000, Some(250)));
    let board = board(&conn, "2026-12").unwrap();
    assert_eq!((board.rows.len(), board.rows[0].friends, board.rows[0].name.as_str()), (1, 3, "张*"));
    // A qualified referral is history.
    assert!(conn.execute("UPDATE referral SET counted = 1 WHERE counted = 0", []).is_err());
}

#[test]
fn one_level_only_and_a_late_first_purchase_does_not_qualify() {
    let (mut conn, g, zhang, ..) = shop();
    apply(&mut conn, &input(g), None, now()).unwrap();
    let code = friend_card(&mut conn, zhang, now()).unwrap().code;
    let f = FriendInput { marketing: true, ..friend(&code, "13900004001") };
    let first = welcome_friend(&mut conn, &f, now()).unwrap();
    // The friend, now a member with a card of their own, brings a friend.
    let their_code = friend_card(&mut conn, first.friend_id, now()).unwrap().code;
    let second = welcome_friend(&mut conn, &friend(&their_code, "13900004002"), now()).unwrap();
    buy(&mut conn, second.friend_id, 2_000, now() + Duration::hours(1));
    // The friend's friend earns the friend a reward, and 张三 nothing.
    assert_eq!(rewards_of(&conn, first.friend_id), vec![(1, 500)]);
    assert!(rewards_of(&conn, zhang).is_empty());
    // The friend buys 31 days after the card: too late to qualify.
    buy(&mut conn, first.friend_id, 2_000, now() + Duration::days(31));
    assert!(rewards_of(&conn, zhang).is_empty());
}

#[test]
fn the_leaderboard_ranks_by_friends_then_who_got_there_first() {
    let (mut conn, g, zhang, li, _) = shop();
    apply(&mut conn, &input(g), None, now()).unwrap();
    let (a, b) =
        (friend_card(&mut conn, zhang, now()).unwrap().code, friend_card(&mut conn, li, now()).unwrap().code);
    let fa = welcome_friend(&mut conn, &friend(&a, "13900005001"), now()).unwrap();
    let fb = welcome_friend(&mut conn, &friend(&b, "13900005002"), now()).unwrap();
    // 李四's friend buys first: at one friend each, 李四 leads.
    buy(&mut conn, fb.friend_id, 1_000, now() + Duration::hours(1));
    buy(&mut conn, fa.friend_id, 1_000, now() + Duration::hours(2));
    let board = board(&conn, "2026-12").unwrap();
    let names: Vec<&str> = board.rows.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(names, ["李*", "张*"]);
    assert!(board.post.contains("1. 李*  1 位好友") && board.post.contains("2. 张*"), "{}", board.post);
    assert!(!board.post.contains("李四") && !board.post.contains("1002"));
    assert!(super::board(&conn, "2026-13").is_err());
    assert!(super::board(&conn, "2027-01").unwrap().rows.is_empty());
}

#[test]
fn cancelling_keeps_every_voucher_named_to_a_friend_or_member() {
    let (mut conn, g, zhang, ..) = shop();
    let id = apply(&mut conn, &input(g), None, now()).unwrap().id;
    let copied = crate::campaign::copy(&conn, id, now()).unwrap();
    assert_eq!(draft(&conn, copied).unwrap(), input(g));
    let code = friend_card(&mut conn, zhang, now()).unwrap().code;
    let w = welcome_friend(&mut conn, &friend(&code, "13900006001"), now()).unwrap();
    buy(&mut conn, w.friend_id, 2_000, now() + Duration::hours(1));
    crate::campaign::cancel(&mut conn, id, "店里装修", now() + Duration::hours(2)).unwrap();
    let voided: i64 =
        conn.query_row("SELECT count(*) FROM voucher WHERE voided_at IS NOT NULL", [], |r| r.get(0)).unwrap();
    assert_eq!(voided, 0);
    // And takes no more cards.
    assert!(check_card(&conn, &code, now() + Duration::hours(3)).is_err());
}

#[test]
fn a_merge_moves_the_referrals_and_undo_puts_them_back() {
    let (mut conn, g, zhang, li, _) = shop();
    apply(&mut conn, &input(g), None, now()).unwrap();
    let code = friend_card(&mut conn, li, now()).unwrap().code;
    welcome_friend(&mut conn, &friend(&code, "13900007001"), now()).unwrap();
    let merged = member::merge(&mut conn, zhang, li, "", now()).unwrap();
    assert_eq!(merged.id, zhang);
    let referrer: i64 = conn.query_row("SELECT referrer_id FROM referral", [], |r| r.get(0)).unwrap();
    assert_eq!(referrer, zhang);
    // 李四's card now brings friends to the kept record.
    assert_eq!(check_card(&conn, &code, now()).unwrap().referrer_id, zhang);
    let merge_id: i64 = conn.query_row("SELECT id FROM member_merge", [], |r| r.get(0)).unwrap();
    member::undo_merge(&mut conn, merge_id, now()).unwrap();
    let referrer: i64 = conn.query_row("SELECT referrer_id FROM referral", [], |r| r.get(0)).unwrap();
    assert_eq!(referrer, li);
}

#[test]
fn a_member_merged_with_their_own_friend_earns_nothing_and_an_erased_friend_takes_no_sale() {
    let (mut conn, g, zhang, li, _) = shop();
    apply(&mut conn, &input(g), None, now()).unwrap();
    // 张三 "brings" a friend who is 张三 under another number: found out, merged into the new record.
    let code = friend_card(&mut conn, zhang, now()).unwrap().code;
    let himself = welcome_friend(&mut conn, &friend(&code, "13900008001"), now()).unwrap();
    member::merge(&mut conn, himself.friend_id, zhang, "", now()).unwrap();
    buy(&mut conn, himself.friend_id, 2_000, now() + Duration::hours(1));
    assert!(rewards_of(&conn, zhang).is_empty() && rewards_of(&conn, himself.friend_id).is_empty());
    let counted: i64 =
        conn.query_row("SELECT count(*) FROM referral WHERE counted = 1", [], |r| r.get(0)).unwrap();
    assert_eq!(counted, 0);

    // 李四's friend asks to be erased; their welcome voucher, used later, ties the sale to nobody.
    let code = friend_card(&mut conn, li, now()).unwrap().code;
    let gone = welcome_friend(&mut conn, &friend(&code, "13900008002"), now()).unwrap();
    member::erase(&mut conn, gone.friend_id, now()).unwrap();
    let sale = PurchaseInput {
        amount_cents: 3_000,
        voucher_code: gone.voucher_code.clone().unwrap(),
        ..PurchaseInput::default()
    };
    let p = purchase::record(&mut conn, &sale, now() + Duration::hours(2)).unwrap();
    assert_eq!(p.member_id, None);
    assert!(rewards_of(&conn, li).is_empty());
}

#[test]
fn the_monthly_cap_is_the_members_across_referral_days_in_the_month() {
    let (mut conn, g, zhang, ..) = shop();
    let mut early = input(g);
    early.last_day = "2026-12-10".into();
    early.monthly_cap = 1;
    early.tiers = vec![RewardTier { friends: 1, cents: 500 }];
    apply(&mut conn, &early, None, now()).unwrap();
    let mut late = early.clone();
    late.name = "12月下旬推荐".into();
    late.first_day = "2026-12-11".into();
    late.last_day = "2026-12-31".into();
    apply(&mut conn, &late, None, now()).unwrap();
    let code = friend_card(&mut conn, zhang, now()).unwrap().code;
    let first = welcome_friend(&mut conn, &friend(&code, "13900009001"), now()).unwrap();
    buy(&mut conn, first.friend_id, 2_000, now() + Duration::hours(1));
    let later = now() + Duration::days(12);
    let second = welcome_friend(&mut conn, &friend(&code, "13900009002"), later).unwrap();
    buy(&mut conn, second.friend_id, 2_000, later + Duration::hours(1));
    // One friend counted in December, one reward: the second day's tier at 1 is not paid again.
    assert_eq!(rewards_of(&conn, zhang), vec![(1, 500)]);
    assert_eq!(board(&conn, "2026-12").unwrap().rows[0].friends, 1);
}

#[test]
fn a_merge_and_its_undo_never_pay_a_threshold_twice_nor_stop_a_sale() {
    let (mut conn, g, zhang, li, _) = shop();
    apply(&mut conn, &input(g), None, now()).unwrap();
    let (a, b) =
        (friend_card(&mut conn, zhang, now()).unwrap().code, friend_card(&mut conn, li, now()).unwrap().code);
    let mut at = now();
    let mut bring = |conn: &mut Connection, code: &str, phone: &str| {
        at += Duration::hours(1);
        let w = welcome_friend(conn, &friend(code, phone), at).unwrap();
        buy(conn, w.friend_id, 2_000, at + Duration::minutes(5));
    };
    bring(&mut conn, &a, "13900010001");
    bring(&mut conn, &b, "13900010002");
    // 张三 and 李四 were one person: two friends now, a third reaches the 3-friend reward.
    member::merge(&mut conn, zhang, li, "", now() + Duration::hours(3)).unwrap();
    bring(&mut conn, &a, "13900010003");
    assert_eq!(rewards_of(&conn, zhang), vec![(1, 500), (3, 1_500)]);
    // Undone, 张三 is back at two; his next friend reaches three again: no second reward, and the sale stands.
    let merge_id: i64 = conn.query_row("SELECT id FROM member_merge", [], |r| r.get(0)).unwrap();
    member::undo_merge(&mut conn, merge_id, now() + Duration::hours(5)).unwrap();
    bring(&mut conn, &a, "13900010004");
    assert_eq!(rewards_of(&conn, zhang), vec![(1, 500), (3, 1_500)]);
}
