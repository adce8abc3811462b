//! Gifts and vouchers from the terminal: the codes a batch prints, the exit
//! status of each counter answer, and a batch killed half-way.

use crate::common;
use common::{cli, json, stdout};

use std::process::Stdio;

#[test]
fn a_gift_batch_prints_its_codes_and_each_counter_answer_has_its_exit_status() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::new_db(&dir);
    let gift = stdout(
        &cli(&db)
            .args([
                "gift",
                "add",
                "--name",
                "精美茶包",
                "--kind",
                "drainage",
                "--cost",
                "3.50",
                "--value",
                "15",
                "--stock",
                "20",
            ])
            .assert()
            .success(),
    );
    let issued = cli(&db)
        .args(["--json", "voucher", "issue", "--gift", &gift, "--count", "3", "--valid-until", "2099-12-31"])
        .assert()
        .success();
    let issued = json(&issued.get_output().stdout);
    let codes: Vec<String> =
        issued["codes"].as_array().unwrap().iter().map(|c| c.as_str().unwrap().to_owned()).collect();
    assert_eq!(codes.len(), 3);
    assert!(issued["batch"].as_i64().is_some());

    let first = cli(&db).args(["--json", "voucher", "redeem", &codes[0], "--staff", "Amy"]).assert().code(0);
    let first = json(&first.get_output().stdout);
    assert_eq!(first["status"], "redeemed");
    let again = cli(&db).args(["--json", "voucher", "redeem", &codes[0]]).assert().code(3);
    let again = json(&again.get_output().stdout);
    assert_eq!(
        (again["status"].as_str(), &again["redeemed_at"]),
        (Some("already_redeemed"), &first["redeemed_at"])
    );
    assert_eq!(again["redeemed_by"], "Amy");

    let mut typo: Vec<char> = codes[1].chars().collect();
    typo[2] = if typo[2] == '7' { '8' } else { '7' };
    let typo: String = typo.into_iter().collect();
    let out = cli(&db).args(["voucher", "redeem", &typo]).assert().code(6);
    assert_eq!(stdout(&out), "Character 3 looks mistyped — check it against the voucher");
    cli(&db).args(["voucher", "redeem", "0000-0000-0000-0000-0000"]).assert().code(7);

    cli(&db).args(["voucher", "void", "--code", &codes[2], "--reason", "torn"]).assert().success();
    cli(&db).args(["voucher", "redeem", &codes[2]]).assert().code(5);

    let gifts = cli(&db).args(["--json", "gift", "list"]).assert().success();
    assert_eq!(json(&gifts.get_output().stdout)[0]["stock"], 19, "one gift handed over");
    let help = cli(&db).args(["voucher", "redeem", "--help"]).assert().success();
    assert!(stdout(&help).contains("3 already redeemed"));
}

#[test]
fn expired_and_not_yet_valid_vouchers_exit_with_four() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::new_db(&dir);
    let out = cli(&db)
        .args([
            "voucher",
            "issue",
            "--percent-off",
            "10",
            "--count",
            "1",
            "--valid-from",
            "2099-01-01",
            "--valid-until",
            "2099-12-31",
        ])
        .assert()
        .success();
    let out = cli(&db).args(["--json", "voucher", "redeem", &stdout(&out)]).assert().code(4);
    assert_eq!(json(&out.get_output().stdout)["status"], "not_yet_valid");
}

#[test]
fn bad_batches_are_refused_with_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::new_db(&dir);
    let out = cli(&db)
        .args(["voucher", "issue", "--amount-off", "5", "--count", "0", "--valid-until", "2099-12-31"])
        .assert()
        .code(1);
    assert!(String::from_utf8_lossy(&out.get_output().stderr)
        .contains("Number of vouchers must be between 1 and 100000"));
    cli(&db)
        .args(["voucher", "issue", "--amount-off", "five", "--count", "1", "--valid-until", "2099-12-31"])
        .assert()
        .code(1);
    let list = cli(&db).args(["--json", "voucher", "list"]).assert().success();
    assert_eq!(json(&list.get_output().stdout), serde_json::json!([]));
}

/// Kills the CLI while it writes a 100,000-voucher batch and checks the file
/// holds the whole batch or none of it. The kill lands once the transaction
/// has spilled pages into the WAL, i.e. in the middle of the write.
#[test]
fn a_batch_killed_half_way_leaves_all_of_it_or_none() {
    let bin = assert_cmd::cargo::cargo_bin("shopcircle-cli");
    let mut killed_mid_way = 0;
    for attempt in 0..5 {
        let dir = tempfile::tempdir().unwrap();
        let db = common::new_db(&dir);
        // Make the file (and its WAL) first, so the only writer left is the issue.
        cli(&db).arg("init").assert().success();
        let wal = dir.path().join("shop.db-wal");
        let start_len = std::fs::metadata(&wal).map(|m| m.len()).unwrap_or(0);
        let mut child = std::process::Command::new(&bin)
            .arg("--db")
            .arg(&db)
            .args([
                "voucher",
                "issue",
                "--amount-off",
                "5",
                "--count",
                "100000",
                "--valid-until",
                "2099-12-31",
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        loop {
            let grown = std::fs::metadata(&wal).map(|m| m.len() > start_len + 256 * 1024).unwrap_or(false);
            if grown || child.try_wait().unwrap().is_some() {
                break;
            }
            std::thread::yield_now();
        }
        if child.try_wait().unwrap().is_none() {
            child.kill().unwrap();
            killed_mid_way += 1;
        }
        child.wait().unwrap();

        let conn = shopcircle_core::db::open(&db).unwrap();
        let batches: i64 = conn.query_row("SELECT COUNT(*) FROM voucher_batch", [], |r| r.get(0)).unwrap();
        let vouchers: i64 = conn.query_row("SELECT COUNT(*) FROM voucher", [], |r| r.get(0)).unwrap();
        assert_eq!(vouchers, batches * 100_000, "attempt {attempt}: {batches} batches, {vouchers} vouchers");
        if killed_mid_way >= 2 {
            break;
        }
    }
    assert!(killed_mid_way > 0, "the issue always finished before the kill; the test proved nothing");
}

#[test]
fn a_batch_sheet_and_a_single_card_carry_the_codes_that_were_issued() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::new_db(&dir);
    let issued = cli(&db)
        .args([
            "voucher",
            "issue",
            "--amount-off",
            "10",
            "--count",
            "12",
            "--valid-until",
            "2099-12-31",
            "--json",
        ])
        .assert()
        .success();
    let issued = json(&issued.get_output().stdout);
    let batch = issued["batch"].to_string();
    let codes: Vec<String> =
        issued["codes"].as_array().unwrap().iter().map(|c| c.as_str().unwrap().to_owned()).collect();
    cli(&db).args(["voucher", "redeem", &codes[0]]).assert().code(0);

    let pdf = dir.path().join("sheet.pdf");
    let out = cli(&db).args(["voucher", "sheet", "--batch", &batch, "--out"]).arg(&pdf).assert().success();
    assert_eq!(stdout(&out), pdf.display().to_string());
    // Two pages through pdftoppm; the redeemed voucher is left off.
    let prefix = dir.path().join("page");
    let status =
        std::process::Command::new("pdftoppm").args(["-r", "200", "-png"]).arg(&pdf).arg(&prefix).status();
    assert!(status.expect("pdftoppm (poppler-utils) is installed").success());
    let mut read = Vec::new();
    for (page, cards) in [("page-1.png", 10), ("page-2.png", 1)] {
        let img = image::open(dir.path().join(page)).unwrap().to_luma8();
        read.extend(shopcircle_print::voucher::read_sheet_page(&img, 200, cards));
    }
    let expected: Vec<Option<String>> = codes[1..].iter().cloned().map(Some).collect();
    assert_eq!(read, expected);
    assert!(!dir.path().join("page-3.png").exists());

    let png = dir.path().join("card.png");
    cli(&db).args(["voucher", "image", &codes[5].to_lowercase(), "--out"]).arg(&png).assert().success();
    let img = image::open(&png).unwrap().to_luma8();
    let mut prepared = rqrr::PreparedImage::prepare(img);
    let grids = prepared.detect_grids();
    assert_eq!(grids.len(), 1);
    assert_eq!(grids[0].decode().unwrap().1, codes[5]);

    let missing = cli(&db).args(["voucher", "sheet", "--batch", "99", "--out"]).arg(&pdf).assert().code(1);
    let err = String::from_utf8_lossy(&missing.get_output().stderr).to_string();
    assert!(err.contains("99"), "{err}");
}
