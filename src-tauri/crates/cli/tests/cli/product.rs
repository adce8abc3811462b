//! Products from the terminal: added with their price, repriced, and the
//! 7-day reference price that a campaign's "was ¥X" may name.

use crate::common;
use common::{cli, json, stdout};

#[test]
fn a_product_keeps_its_lowest_price_of_the_week_after_a_rise() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::new_db(&dir);
    let add = [
        "product",
        "add",
        "--name",
        "铁观音 250g",
        "--price",
        "39",
        "--cost",
        "18",
        "--stock",
        "40",
        "--role",
        "traffic",
    ];
    let id = stdout(&cli(&db).args(add).assert().success());
    assert!(id.parse::<i64>().is_ok(), "prints the new id, got {id:?}");

    cli(&db).args(["product", "price", &id, "29.90"]).assert().success();
    let raised = cli(&db).args(["--json", "product", "price", &id, "49"]).assert().success();
    let raised = json(&raised.get_output().stdout);
    assert_eq!(
        (raised["price_cents"].as_i64(), raised["reference_price_cents"].as_i64()),
        (Some(4900), Some(2990))
    );

    let shown = cli(&db).args(["--json", "product", "show", &id]).assert().success();
    let shown = json(&shown.get_output().stdout);
    let history: Vec<i64> =
        shown["prices"].as_array().unwrap().iter().map(|p| p["price_cents"].as_i64().unwrap()).collect();
    assert_eq!(history, vec![4900, 2990, 3900], "newest first, nothing rewritten");
    let listed = stdout(&cli(&db).args(["product", "list"]).assert().success());
    assert!(listed.contains("¥49\t7-day low ¥29.90\tstock 40"), "{listed}");
}

#[test]
fn a_refused_product_says_why_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::new_db(&dir);
    let refused = cli(&db)
        .args([
            "product",
            "add",
            "--name",
            "桂花糕",
            "--price",
            "0",
            "--cost",
            "3",
            "--stock",
            "5",
            "--role",
            "profit",
        ])
        .assert()
        .failure();
    let err = String::from_utf8_lossy(&refused.get_output().stderr).to_string();
    assert!(err.contains("Price"), "names the field: {err}");
    let bad_role = cli(&db)
        .args([
            "product",
            "add",
            "--name",
            "桂花糕",
            "--price",
            "8",
            "--cost",
            "3",
            "--stock",
            "5",
            "--role",
            "bait",
        ])
        .assert()
        .failure();
    assert!(String::from_utf8_lossy(&bad_role.get_output().stderr).contains("bait"));
    let listed = cli(&db).args(["--json", "product", "list", "--all"]).assert().success();
    assert_eq!(json(&listed.get_output().stdout), serde_json::json!([]));
}
