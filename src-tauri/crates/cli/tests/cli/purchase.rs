//! Sales from the terminal: recorded with a member and the voucher they used,
//! refunded in part, and bad input refused with nothing written.

use crate::common;
use common::{cli, json, stdout};

#[test]
fn a_sale_with_a_member_and_a_voucher_then_a_refund() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::new_db(&dir);
    let member = stdout(&cli(&db).args(["member", "add", "--name", "王姐"]).assert().success());
    let issued = cli(&db)
        .args([
            "--json",
            "voucher",
            "issue",
            "--amount-off",
            "5",
            "--count",
            "1",
            "--valid-until",
            "2099-12-31",
        ])
        .assert()
        .success();
    let code = json(&issued.get_output().stdout)["codes"][0].as_str().unwrap().to_owned();

    let sale = cli(&db)
        .args(["--json", "purchase", "add", "--amount", "38.50", "--member", &member, "--voucher", &code])
        .assert()
        .success();
    let sale = json(&sale.get_output().stdout);
    assert_eq!(sale["voucher"], code.as_str());
    let id = sale["id"].as_i64().unwrap().to_string();
    // The voucher went with the sale: the counter now says it was used.
    cli(&db).args(["voucher", "redeem", &code]).assert().code(3);

    let left = stdout(
        &cli(&db)
            .args(["purchase", "refund", &id, "--amount", "8.5", "--reason", "少了一盒"])
            .assert()
            .success(),
    );
    assert_eq!(left, "¥30 left of ¥38.50");
    let over =
        cli(&db).args(["purchase", "refund", &id, "--amount", "31", "--reason", "x"]).assert().failure();
    assert!(String::from_utf8_lossy(&over.get_output().stderr).contains("Amount"));
}

#[test]
fn an_amount_of_abc_an_unknown_member_or_a_bad_code_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::new_db(&dir);
    for args in [
        vec!["--amount", "abc"],
        vec!["--amount", "0"],
        vec!["--amount", "10", "--member", "99"],
        vec!["--amount", "10", "--voucher", "NOT-A-CODE"],
    ] {
        let refused = cli(&db).args(["purchase", "add"]).args(&args).assert().failure();
        assert!(!refused.get_output().stderr.is_empty(), "{args:?}");
    }
    let ok = stdout(&cli(&db).args(["purchase", "add", "--amount", "1234.50"]).assert().success());
    assert_eq!(ok, "1", "the first sale written is the first one kept");
}
