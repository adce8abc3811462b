//! An alliance from the terminal: a partner store added, an alliance whose
//! vouchers would outlive the agreement refused, one within it created, a
//! partner's voucher redeemed here and counted in the month's settlement
//! sheet (PDF and CSV).

use crate::common;
use common::{add_tea_friends, cli, json, stdout};

use chrono::{Duration, Local};

#[test]
fn a_partners_voucher_redeemed_here_is_counted_in_its_settlement() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::new_db(&dir);
    let group = add_tea_friends(&db);
    let day = |d: i64| (Local::now() + Duration::days(d)).format("%Y-%m-%d").to_string();
    let partner = stdout(
        &cli(&db)
            .args([
                "partner",
                "add",
                "--community",
                &group,
                "--name",
                "Next Door Bakery",
                "--business",
                "bakery",
            ])
            .args(["--from", &day(-1), "--to", &day(20), "--fee", "2"])
            .assert()
            .success(),
    );
    let create = |to: &str| {
        let mut c = cli(&db);
        c.args(["alliance", "create", "--community", &group, "--partners", &partner, "--amount-off", "10"])
            .args(["--per-partner", "20", "--from", &day(0), "--to", to]);
        c
    };
    // Vouchers valid after the agreement ends are refused, nothing written.
    let refused = create(&day(30)).assert().failure();
    assert!(String::from_utf8_lossy(&refused.get_output().stderr).contains("Next Door Bakery"));
    let id = stdout(&create(&day(20)).assert().success());

    let shown = cli(&db).args(["--json", "alliance", "show", &id]).assert().success();
    let shown = json(&shown.get_output().stdout);
    let batch = shown["partners"][0]["batch_id"].as_i64().unwrap().to_string();
    let codes = cli(&db).args(["--json", "voucher", "list"]).assert().success();
    let listed = json(&codes.get_output().stdout);
    let named = listed
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["id"].as_i64().map(|i| i.to_string()) == Some(batch.clone()))
        .unwrap();
    assert_eq!(named["name"], "From Next Door Bakery: ¥10 off");
    let csv = dir.path().join("codes.csv");
    cli(&db).args(["voucher", "csv", "--batch", &batch, "--out"]).arg(&csv).assert().success();
    let code =
        std::fs::read_to_string(&csv).unwrap().lines().nth(1).unwrap().split(',').next().unwrap().to_owned();
    // The counter shows where the customer came from: the batch is named with the partner.
    let redeemed = cli(&db).args(["--json", "voucher", "redeem", &code]).assert().success();
    let redeemed = json(&redeemed.get_output().stdout);
    assert_eq!(redeemed["status"], "redeemed");
    assert_eq!(redeemed["voucher"]["batch_name"], "From Next Door Bakery: ¥10 off");

    let month = Local::now().format("%Y-%m").to_string();
    let (pdf, sheet) = (dir.path().join("settlement.pdf"), dir.path().join("settlement.csv"));
    let out = cli(&db)
        .args(["--json", "partner", "settlement", &partner, "--month", &month, "--out"])
        .arg(&pdf)
        .assert()
        .success();
    let s = json(&out.get_output().stdout);
    assert_eq!(
        (s["handed_over"].as_i64(), s["redeemed"].as_i64(), s["fee_cents"].as_i64()),
        (Some(20), Some(1), Some(200))
    );
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF"));
    cli(&db)
        .args(["partner", "settlement", &partner, "--month", &month, "--out"])
        .arg(&sheet)
        .assert()
        .success();
    assert!(std::fs::read_to_string(&sheet).unwrap().contains(&code));
}
