//! Campaigns from the terminal: a flash sale planned dry (nothing written),
//! refused with every reason, created with what it made, listed and cancelled.

mod common;
use common::{cli, json};

use chrono::{Datelike, Duration, Utc, Weekday};

fn stdout(a: &assert_cmd::assert::Assert) -> String {
    String::from_utf8_lossy(&a.get_output().stdout).trim().to_owned()
}

/// Next week's Monday, so the sessions lie ahead whenever the test runs.
fn next_monday() -> chrono::NaiveDate {
    let today = Utc::now().date_naive();
    let mut d = today + Duration::days(7);
    while d.weekday() != Weekday::Mon {
        d -= Duration::days(1);
    }
    d
}

fn count(db: &std::path::Path, table: &str) -> i64 {
    let conn = shopcircle_core::db::Connection::open(db).unwrap();
    conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0)).unwrap()
}

#[test]
fn a_flash_sale_is_planned_dry_refused_created_and_cancelled() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::new_db(&dir);
    let group = stdout(
        &cli(&db)
            .args(["community", "add", "--name", "Tea friends", "--kind", "high-frequency"])
            .assert()
            .success(),
    );
    let tea = stdout(
        &cli(&db)
            .args([
                "product",
                "add",
                "--name",
                "Tieguanyin",
                "--price",
                "39",
                "--cost",
                "18",
                "--stock",
                "40",
                "--role",
                "traffic",
            ])
            .assert()
            .success(),
    );
    let monday = next_monday();
    let start = format!("{monday} 20:00");
    let thursday = (monday + Duration::days(3)).to_string();
    let spike = |extra: &[&str]| {
        let mut args = vec!["campaign", "spike", "--product", &tea, "--quantity", "30", "--start", &start];
        args.extend(["--minutes", "30", "--community", &group, "--ends-on", &thursday]);
        args.extend(extra);
        args.into_iter().map(String::from).collect::<Vec<_>>()
    };

    // Dry: the plan with its four evenings and twelve posts; nothing written.
    let dry = cli(&db)
        .args(
            spike(&["--price", "19.90", "--dry-run", "--json"])
                .iter()
                .map(String::as_str)
                .collect::<Vec<_>>(),
        )
        .assert()
        .success();
    let plan = json(&dry.get_output().stdout);
    assert_eq!(plan["sessions"].as_array().unwrap().len(), 4);
    assert_eq!(plan["posts"].as_array().unwrap().len(), 12);
    assert_eq!(
        (plan["price_cents"].as_i64(), plan["reference_cents"].as_i64(), plan["refused"].as_bool()),
        (Some(1990), Some(3900), Some(false))
    );
    assert_eq!(count(&db, "campaign"), 0);

    // Refused: a price of 0 and a limit above the quantity, both named; nothing written.
    let refused = cli(&db)
        .args(spike(&["--price", "0", "--limit", "31"]).iter().map(String::as_str).collect::<Vec<_>>())
        .assert()
        .failure();
    let err = String::from_utf8_lossy(&refused.get_output().stderr).to_string();
    assert!(
        err.contains("The flash-sale price must be more than ¥0") && err.contains("limit per customer"),
        "{err}"
    );
    assert_eq!((count(&db, "campaign"), count(&db, "schedule"), count(&db, "content_item")), (0, 0, 0));

    // Created: the id and what it made.
    let made = cli(&db)
        .args(spike(&["--price", "19.90", "--json"]).iter().map(String::as_str).collect::<Vec<_>>())
        .assert()
        .success();
    let made = json(&made.get_output().stdout);
    let id = made["id"].as_i64().unwrap().to_string();
    assert_eq!(
        (
            made["sessions"].as_i64(),
            made["schedule_ids"].as_array().unwrap().len(),
            made["content_ids"].as_array().unwrap().len()
        ),
        (Some(4), 1, 12)
    );
    let listed = stdout(&cli(&db).args(["campaign", "list", "--status", "scheduled"]).assert().success());
    assert!(listed.starts_with(&format!("{id}\tspike\tscheduled\t")), "{listed}");

    // The same product again at the same time: refused.
    cli(&db)
        .args(spike(&["--price", "19.90"]).iter().map(String::as_str).collect::<Vec<_>>())
        .assert()
        .failure();

    let cancelled =
        cli(&db).args(["--json", "campaign", "cancel", &id, "--reason", "Tea delayed"]).assert().success();
    let cancelled = json(&cancelled.get_output().stdout);
    assert_eq!(
        (cancelled["schedules_ended"].as_i64(), cancelled["posts_withdrawn"].as_i64()),
        (Some(1), Some(12))
    );
    let shown = cli(&db).args(["--json", "campaign", "show", &id]).assert().success();
    let shown = json(&shown.get_output().stdout);
    assert_eq!(
        (shown["status"].as_str(), shown["cancel_reason"].as_str()),
        (Some("cancelled"), Some("Tea delayed"))
    );
    assert_eq!(count(&db, "content_item"), 12, "withdrawn, not deleted");
    cli(&db).args(["campaign", "list", "--status", "someday"]).assert().failure();
}
