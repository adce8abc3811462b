//! Campaigns from the terminal: a flash sale planned dry (nothing written),
//! refused with every reason, created with what it made, listed and cancelled.

use crate::common;
use common::{add_tea_friends, add_tieguanyin, cli, json, next_monday, stdout};

use chrono::{Duration, Utc};

/// Next week's Monday, so the sessions lie ahead whenever the test runs.
fn count(db: &std::path::Path, table: &str) -> i64 {
    let conn = shopcircle_core::db::Connection::open(db).unwrap();
    conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0)).unwrap()
}

#[test]
fn a_flash_sale_is_planned_dry_refused_created_and_cancelled() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::new_db(&dir);
    let group = add_tea_friends(&db);
    let tea = add_tieguanyin(&db, 40);
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

#[test]
fn the_console_records_a_pasted_jielong_and_a_typed_buyer_and_refuses_a_bad_file() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::new_db(&dir);
    let group = add_tea_friends(&db);
    let tea = add_tieguanyin(&db, 40);
    let monday = next_monday();
    let made = cli(&db)
        .args(["--json", "campaign", "spike", "--product", &tea, "--price", "19.90", "--quantity", "3"])
        .args([
            "--start",
            &format!("{monday} 20:00"),
            "--community",
            &group,
            "--ends-on",
            &monday.to_string(),
        ])
        .assert()
        .success();
    let id = json(&made.get_output().stdout)["id"].as_i64().unwrap().to_string();

    let list = dir.path().join("jielong.txt");
    std::fs::write(&list, "#接龙\nTieguanyin tonight\n\n1. Amy 5521\n2. Bob\n3. amy5521\nBob wants two\n")
        .unwrap();
    let pasted = cli(&db).args(["campaign", "buyers", &id, "--file"]).arg(&list).assert().success();
    let out = stdout(&pasted);
    let err = String::from_utf8_lossy(&pasted.get_output().stderr).to_string();
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines[0].starts_with("Amy 5521\t1\t") && lines[1].starts_with("Bob\t1\t"), "{out}");
    assert_eq!(lines.last(), Some(&"left 1"));
    assert!(err.contains("✗ line 6: amy5521: Over the limit of 1 per person"), "{err}");
    assert!(err.contains("? line 7: Bob wants two: Not a numbered line of the list"), "{err}");

    let typed = cli(&db).args(["--json", "campaign", "buyers", &id, "--buyer", "Carol"]).assert().success();
    let typed = json(&typed.get_output().stdout);
    assert_eq!(typed["console"]["session"]["left"].as_i64(), Some(0));
    assert!(typed["console"]["sold_out_post"].as_str().unwrap().starts_with("🎉 Sold out!"));
    let undone = stdout(&cli(&db).args(["campaign", "undo-buyer", &id]).assert().success());
    assert!(undone.lines().next().unwrap().ends_with("left 1 of 3"), "{undone}");

    // A file that is not a 接龙: too large, or binary. Nothing recorded.
    let huge = dir.path().join("huge.txt");
    std::fs::write(&huge, "1. a\n".repeat(1_100_000)).unwrap();
    cli(&db).args(["campaign", "buyers", &id, "--file"]).arg(&huge).assert().failure();
    let binary = dir.path().join("photo.png");
    std::fs::write(&binary, [0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]).unwrap();
    let refused = cli(&db).args(["campaign", "buyers", &id, "--file"]).arg(&binary).assert().failure();
    let err = String::from_utf8_lossy(&refused.get_output().stderr).to_string();
    assert!(err.contains("Sign-up list"), "{err}");
    assert_eq!(count(&db, "spike_order"), 3, "two pasted and Carol (undone, kept)");
    cli(&db).args(["campaign", "buyers", &id, "--day", "2001-01-01"]).assert().failure();
}

/// The next Friday at least a week ahead.
fn next_friday() -> chrono::NaiveDate {
    next_monday() + Duration::days(4)
}

#[test]
fn a_gift_package_day_is_planned_refused_created_and_settled_from_a_jielong() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::new_db(&dir);
    let group = stdout(
        &cli(&db)
            .args(["community", "add", "--name", "Estate", "--kind", "high-frequency"])
            .assert()
            .success(),
    );
    let add = |name: &str, price: &str, cost: &str, role: &str| {
        stdout(
            &cli(&db)
                .args([
                    "product", "add", "--name", name, "--price", price, "--cost", cost, "--stock", "30",
                    "--role", role,
                ])
                .assert()
                .success(),
        )
    };
    let tea = add("Tea", "39", "18", "traffic");
    let cake = add("Cake", "61", "30", "profit");
    let friday = next_friday();
    let ladder = |tiers: &str, extra: &[&str]| {
        let bundle = format!("{tea}:1,{cake}:1");
        let start = format!("{friday} 20:00");
        let mut args: Vec<String> =
            ["campaign", "ladder", "--bundle", &bundle, "--tiers", tiers, "--solo", "98"]
                .iter()
                .map(|s| s.to_string())
                .collect();
        args.extend(
            ["--shares", "20", "--start", &start, "--ends-on", &friday.to_string(), "--community", &group]
                .map(String::from),
        );
        args.extend(extra.iter().map(|s| s.to_string()));
        args
    };
    let dry = cli(&db).args(ladder("2:90,3:85,5:75", &["--dry-run"])).assert().success();
    let out = stdout(&dry);
    assert!(out.contains("  3+\t¥85\tmargin ¥37 (43 %)"), "{out}");
    assert_eq!(count(&db, "campaign"), 0);

    // Not rising, and a free tier: refused with both reasons, nothing written.
    let refused = cli(&db).args(ladder("3:85,2:90", &[])).assert().failure();
    let err = String::from_utf8_lossy(&refused.get_output().stderr).to_string();
    assert!(err.contains("Each tier needs more packages and a lower price"), "{err}");
    let free = cli(&db).args(ladder("2:0", &[])).assert().failure();
    assert!(String::from_utf8_lossy(&free.get_output().stderr).contains("must be more than ¥0"));
    cli(&db).args(ladder("2:90", &["--bundle", "999:1"])).assert().failure();
    assert_eq!(count(&db, "campaign"), 0);

    let made = cli(&db)
        .args(ladder("2:90,3:85,5:75", &["--json"]).into_iter().map(|s| s.to_string()).collect::<Vec<_>>())
        .assert()
        .success();
    let made = json(&made.get_output().stdout);
    let id = made["id"].as_i64().unwrap().to_string();

    let list = dir.path().join("jielong.txt");
    std::fs::write(&list, "#接龙\n1. 3栋2单元501-2\n2. 3号楼2单元501室 2份\n3. 7栋303\n").unwrap();
    let settled = cli(&db).args(["campaign", "settle", &id, "--file"]).arg(&list).assert().success();
    let out = stdout(&settled);
    // 3-2-501: 4 packages at the 3-tier ¥85 = ¥340; 7-303: one at ¥98; a pickup code per package.
    let rows: Vec<Vec<&str>> = out.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(rows[0][..4], ["3栋2单元501", "4", "¥85", "¥340"]);
    assert_eq!(rows[1][..4], ["7栋303", "1", "¥98", "¥98"]);
    let codes: Vec<&str> = rows[0][4].split(' ').chain(rows[1][4].split(' ')).collect();
    assert_eq!(codes.len(), 5, "{out}");
    assert_eq!(rows[2], ["total 5 packages · revenue ¥438 · cost ¥240 · margin ¥198"]);
    assert!(rows[3][0].starts_with("pickup codes: 0 of 5 collected · to collect by "), "{out}");
    let again = stdout(&cli(&db).args(["campaign", "settle", &id, "--file"]).arg(&list).assert().success());
    assert_eq!(count(&db, "ladder_order"), 2, "settling twice doubles nothing");
    assert_eq!(again, out, "nor changes the codes");
    // The codes are the shop's, collected from the Friday on (the window's
    // tests collect one; the CLI has no clock to move).
    let early = cli(&db).args(["voucher", "redeem", codes[4]]).assert().code(4);
    assert_eq!(stdout(&early), format!("Not valid yet: from {friday}"));

    // The report: revenue ¥438, goods ¥240, discount ¥500 − ¥438 = ¥62;
    // net ¥438 − ¥240 − ¥62 = ¥136; return 136 ÷ 62 = 219 %.
    let report = stdout(&cli(&db).args(["campaign", "report", &id]).assert().success());
    assert!(report.contains("revenue ¥438 · cost of goods ¥240 · discount ¥62 · gifts ¥0"), "{report}");
    assert!(
        report.ends_with("return 219 % = (revenue − cost of goods − campaign cost ¥62) ÷ campaign cost"),
        "{report}"
    );
    let csv = stdout(&cli(&db).args(["campaign", "report", &id, "--csv"]).assert().success());
    assert_eq!(csv.lines().last(), Some("total,5,5,0,0,438,240,62,0"));
}

fn fixture(name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../tests/fixtures").join(name)
}

#[test]
fn drainage_with_a_gift_is_planned_refused_created_and_claimed_once_per_number() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::new_db(&dir);
    cli(&db)
        .args(["community", "add", "--name", "Tea friends", "--kind", "high-frequency"])
        .assert()
        .success();
    cli(&db)
        .args(["qr", "import"])
        .arg(fixture("group-qr-screenshot.png"))
        .args(["--community", "1", "--channel", "counter"])
        .assert()
        .success();
    let gift = stdout(
        &cli(&db)
            .args([
                "gift", "add", "--name", "Tea bag", "--kind", "drainage", "--cost", "3.50", "--value", "15",
                "--stock", "30",
            ])
            .assert()
            .success(),
    );
    // The shop was made by `init` alone, so its day is UTC's.
    let today = Utc::now().date_naive();
    let until = (today + Duration::days(13)).to_string();
    let drainage = |extra: &[&str]| {
        let mut c = cli(&db);
        c.args([
            "campaign",
            "drainage",
            "--community",
            "1",
            "--channels",
            "1",
            "--gift",
            &gift,
            "--joins",
            "50",
        ])
        .args(["--from", &today.to_string(), "--until", &until])
        .args(extra);
        c
    };

    let dry = drainage(&["--budget", "300", "--dry-run"]).assert().success();
    let text = stdout(&dry);
    assert!(text.contains("Tea bag · ¥3.50 each × 50 = ¥175 (budget ¥300)"), "{text}");
    assert!(text.contains("gift line: Join the group: Tea bag, free"), "{text}");
    assert!(text.contains("! Only 30 of Tea bag in stock for about 50 new members"), "{text}");
    assert_eq!(count(&db, "campaign"), 0, "a dry run writes nothing");

    let refused = drainage(&["--budget", "100"]).assert().failure();
    let err = String::from_utf8_lossy(&refused.get_output().stderr).to_string();
    assert!(err.contains("50 × ¥3.50 = ¥175, over the ¥100 budget"), "{err}");
    assert_eq!(count(&db, "campaign"), 0);

    let made = drainage(&["--budget", "300"]).arg("--json").assert().success();
    let v = json(&made.get_output().stdout);
    let id = v["id"].as_i64().unwrap().to_string();
    assert_eq!(v["poster_ids"].as_array().unwrap().len(), 1);

    let claimed = cli(&db)
        .args(["--json", "campaign", "claim", &id, "--phone", "+86 138 1234 1234"])
        .assert()
        .success();
    let v = json(&claimed.get_output().stdout);
    assert_eq!((v["stock"].as_i64(), v["claims"][0]["phone"].as_str()), (Some(29), Some("138****1234")));
    let twice = cli(&db).args(["campaign", "claim", &id, "--phone", "13812341234"]).assert().failure();
    let err = String::from_utf8_lossy(&twice.get_output().stderr).to_string();
    assert!(err.contains("138****1234 already claimed this gift on"), "{err}");
    let bad = cli(&db).args(["campaign", "claim", &id, "--phone", "12345"]).assert().failure();
    assert!(String::from_utf8_lossy(&bad.get_output().stderr).contains("Mobile number"));

    let undone = cli(&db).args(["campaign", "undo-claim", &id]).assert().success();
    assert!(stdout(&undone).contains("0 claimed · 30 left"), "{}", stdout(&undone));
}
