//! The dashboard from the terminal: the figures the window's charts show, for
//! a member who joined and bought today and a walk-in sale.

use crate::common;
use common::{add_tea_friends, cli, json, stdout};

#[test]
fn todays_member_and_sales_are_in_the_figures_and_the_funnel() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::new_db(&dir);
    let group = add_tea_friends(&db);
    let member =
        stdout(&cli(&db).args(["member", "add", "--name", "王姐", "--community", &group]).assert().success());
    cli(&db).args(["purchase", "add", "--amount", "38.50", "--member", &member]).assert().success();
    cli(&db).args(["purchase", "add", "--amount", "12"]).assert().success();
    // A week either side of today, whatever the zone.
    let today = chrono::Utc::now().date_naive();
    let (from, to) =
        ((today - chrono::Duration::days(7)).to_string(), (today + chrono::Duration::days(7)).to_string());
    let d = json(
        &cli(&db)
            .args(["--json", "dashboard", "--from", &from, "--to", &to])
            .assert()
            .success()
            .get_output()
            .stdout,
    );
    assert_eq!(
        (
            d["current"]["joined"].as_i64(),
            d["current"]["sales_cents"].as_i64(),
            d["current"]["buyers"].as_i64()
        ),
        (Some(1), Some(5050), Some(1))
    );
    assert_eq!(d["funnel"][1]["count"], 1, "she bought");
    let theirs = json(
        &cli(&db)
            .args(["--json", "dashboard", "--from", &from, "--to", &to, "--community", &group])
            .assert()
            .success()
            .get_output()
            .stdout,
    );
    assert_eq!(theirs["current"]["sales_cents"], 3850, "the walk-in is no member's");
    let text = stdout(&cli(&db).args(["dashboard", "--from", &from, "--to", &to]).assert().success());
    assert!(text.contains("sales after refunds ¥50.50 · buyers 1"), "{text}");
    // She bought for the first time today: a new customer, and her segment lists her.
    assert!(text.contains("new\t1\t0 with marketing consent"), "{text}");
    let new = stdout(&cli(&db).args(["member", "list", "--segment", "new"]).assert().success());
    assert!(new.starts_with(&format!("{member}\t王姐")), "{new}");
    assert_eq!(stdout(&cli(&db).args(["member", "list", "--segment", "core"]).assert().success()), "");
    let bad = cli(&db).args(["dashboard", "--from", "2026-02-30", "--to", &to]).assert().failure();
    assert!(!bad.get_output().stderr.is_empty());
}
