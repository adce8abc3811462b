//! A lucky draw from the terminal: created (and refused over budget), frozen
//! and run when their times have come, its published file verified — and
//! the same file with one result changed caught at that entrant.

use crate::common;
use common::{add_tea_friends, cli, json, stdout};

use chrono::{Duration, Local};

fn local(offset: Duration) -> String {
    (Local::now() + offset).format("%Y-%m-%d %H:%M").to_string()
}

#[test]
fn a_draw_is_created_frozen_run_and_verified_by_anyone() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::new_db(&dir);
    let group = add_tea_friends(&db);
    for i in 0..12 {
        let phone = format!("1380000{:04}", 2000 + i);
        let name = format!("Member {i}");
        cli(&db)
            .args([
                "member",
                "add",
                "--name",
                &name,
                "--phone",
                &phone,
                "--community",
                &group,
                "--marketing-consent",
            ])
            .assert()
            .success();
    }
    let claim = (Local::now() + Duration::days(10)).format("%Y-%m-%d").to_string();
    let (freeze, draw) = (local(Duration::days(1)), local(Duration::days(2)));
    let create = |budget: &str| {
        let mut c = cli(&db);
        c.args([
            "draw",
            "create",
            "--communities",
            &group,
            "--prize",
            "Tea set:1:299:150",
            "--prize",
            "¥30 off:3:30",
        ])
        .args(["--consolation", "5", "--budget", budget, "--freeze", &freeze, "--draw", &draw])
        .args([
            "--claim-until",
            &claim,
            "--public-value-source",
            "that day's Shanghai Composite close",
        ]);
        c
    };
    // ¥150 + 3 × ¥30 + 8 × ¥5 = ¥280 at most: a budget of ¥200 is refused, nothing written.
    let refused = create("200").assert().failure();
    assert!(String::from_utf8_lossy(&refused.get_output().stderr).contains("280"));
    let id = stdout(&create("300").assert().success());

    let early = cli(&db).args(["draw", "freeze", &id]).assert().failure();
    assert!(String::from_utf8_lossy(&early.get_output().stderr).contains(&freeze));
    // The freeze time has come (the CLI tells the real time: the terms are moved instead).
    let conn = shopcircle_core::db::Connection::open(&db).unwrap();
    let past = chrono::Utc::now() - Duration::hours(2);
    conn.execute("UPDATE campaign_draw SET freeze_at = ?1", [past]).unwrap();
    let frozen = stdout(&cli(&db).args(["draw", "freeze", &id]).assert().success());
    assert!(frozen.starts_with("list_sha256 ") && frozen.contains("\nseed_sha256 "), "{frozen}");
    // Then the draw time.
    conn.execute("UPDATE campaign_draw SET draw_at = ?1", [past + Duration::hours(1)]).unwrap();
    cli(&db).args(["draw", "run", &id, "--public-value", " "]).assert().failure();
    let result = stdout(&cli(&db).args(["draw", "run", &id, "--public-value", "3391.45"]).assert().success());
    assert!(result.contains("3391.45") && result.contains("Tea set"), "{result}");
    cli(&db).args(["draw", "run", &id, "--public-value", "3391.46"]).assert().failure();

    let file = dir.path().join("draw.json");
    cli(&db).args(["draw", "file", &id, "--out"]).arg(&file).assert().success();
    // Anyone can check it, with no shop at all.
    let elsewhere = dir.path().join("nothing-here.db");
    let ok = cli(&elsewhere).args(["--json", "draw", "verify"]).arg(&file).assert().success();
    assert_eq!(json(&ok.get_output().stdout)["matches"], true);
    assert!(!elsewhere.exists());
    // The independent check agrees.
    let script = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../tests/draw/verify.py");
    assert!(std::process::Command::new("python3").arg(&script).arg(&file).status().unwrap().success());

    let mut published: serde_json::Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    let result = published["result"].as_array_mut().unwrap();
    let top = result.iter().position(|r| r == 1).unwrap();
    let other = result.iter().position(|r| r != 1).unwrap();
    result.swap(top, other);
    let changed = dir.path().join("changed.json");
    std::fs::write(&changed, published.to_string()).unwrap();
    let caught = cli(&db).args(["draw", "verify"]).arg(&changed).assert().code(1);
    assert!(stdout(&caught).contains(&format!("Entrant {}:", top.min(other) + 1)), "{}", stdout(&caught));

    let page = dir.path().join("draw-check.html");
    cli(&db).args(["draw", "page", &id, "--out"]).arg(&page).assert().success();
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(html.contains("shopcircle-draw-1") && html.contains("function recompute"));
}
