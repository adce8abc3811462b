//! A referral day from the terminal: a member's friend card code, a friend's
//! card taken at the counter (a typo named, the holder's own number
//! refused), the friend's first purchase with the welcome voucher earning
//! the member's reward, and the month's leaderboard.

use crate::common;
use common::{cli, json, stdout};

use chrono::{Duration, Local};

#[test]
fn a_friend_card_brings_a_friend_whose_first_purchase_rewards_the_member() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::new_db(&dir);
    let group = stdout(
        &cli(&db)
            .args(["community", "add", "--name", "Tea friends", "--kind", "high-frequency"])
            .assert()
            .success(),
    );
    let member = stdout(
        &cli(&db)
            .args(["member", "add", "--name", "Mei", "--phone", "13800002001", "--community", &group])
            .arg("--marketing-consent")
            .assert()
            .success(),
    );
    let today = Local::now().format("%Y-%m-%d").to_string();
    let last = (Local::now() + Duration::days(30)).format("%Y-%m-%d").to_string();
    let create = |cap: &str| {
        let mut c = cli(&db);
        c.args(["referral", "create", "--communities", &group, "--from", &today, "--to", &last]).args([
            "--welcome-voucher",
            "10",
            "--reward",
            "1:5",
            "--reward",
            "3:15",
            "--monthly-cap",
            cap,
        ]);
        c
    };
    // A reward at 3 friends can never be reached with a cap of 2: refused, nothing written.
    let refused = create("2").assert().failure();
    assert!(String::from_utf8_lossy(&refused.get_output().stderr).contains("cap of 2"));
    stdout(&create("5").assert().success());

    let code = stdout(&cli(&db).args(["referral", "code", &member]).assert().success());
    assert_eq!(code.len(), 14, "{code}");
    let (card, sheet) = (dir.path().join("card.png"), dir.path().join("cards.pdf"));
    let printed =
        stdout(&cli(&db).args(["referral", "card", &member, "--out"]).arg(&card).assert().success());
    assert_eq!(printed, code);
    assert!(std::fs::read(&card).unwrap().starts_with(b"\x89PNG"));
    cli(&db).args(["referral", "cards", "--out"]).arg(&sheet).assert().success();
    assert!(std::fs::read(&sheet).unwrap().starts_with(b"%PDF"));
    // One character wrong is named at its position; the holder's own number is refused.
    let mut typo: Vec<char> = code.chars().collect();
    typo[0] = if typo[0] == '7' { '8' } else { '7' };
    let typo: String = typo.into_iter().collect();
    let wrong =
        cli(&db).args(["referral", "redeem", &typo, "--friend-phone", "13900003001"]).assert().failure();
    assert!(String::from_utf8_lossy(&wrong.get_output().stderr).contains("Character 1"));
    let own =
        cli(&db).args(["referral", "redeem", &code, "--friend-phone", "13800002001"]).assert().failure();
    assert!(String::from_utf8_lossy(&own.get_output().stderr).contains("cannot refer themselves"));

    let welcomed = cli(&db)
        .args(["--json", "referral", "redeem", &code, "--friend-phone", "139 0000 3001"])
        .assert()
        .success();
    let welcomed = json(&welcomed.get_output().stdout);
    let voucher = welcomed["voucher_code"].as_str().unwrap().to_owned();
    // The friend pays with the welcome voucher: the referral qualifies and the member's reward issues.
    cli(&db).args(["purchase", "add", "--amount", "48", "--voucher", &voucher]).assert().success();
    let shown = cli(&db).args(["--json", "referral", "show", "1"]).assert().success();
    let shown = json(&shown.get_output().stdout);
    assert_eq!((shown["qualified"].as_i64(), shown["pending"].as_i64()), (Some(1), Some(0)));
    assert_eq!(shown["rewards"][0]["cents"].as_i64(), Some(500));
    assert!(shown["rewards"][0]["referrer"].as_str().unwrap().starts_with("Mei"));

    let month = Local::now().format("%Y-%m").to_string();
    let board = cli(&db).args(["--json", "referral", "board", "--month", &month]).assert().success();
    let board = json(&board.get_output().stdout);
    assert_eq!(board["rows"][0]["name"].as_str(), Some("M*"));
    assert_eq!(board["rows"][0]["friends"].as_i64(), Some(1));
    assert!(!board["post"].as_str().unwrap().contains("Mei"));
    cli(&db).args(["referral", "board", "--month", "2026-13"]).assert().failure();
}
