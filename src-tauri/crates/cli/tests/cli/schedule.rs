//! Schedules from the terminal: add prints the id, occurrences list in order
//! with their offsets, the .ics file carries the rules, bad input is refused.

use crate::common;
use common::{cli, json, stdout};

fn add(db: &std::path::Path, args: &[&str]) -> String {
    stdout(&cli(db).args(["schedule", "add"]).args(args).assert().success())
}

#[test]
fn a_spike_and_a_berlin_weekend_list_their_occurrences_in_order_with_offsets() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::new_db(&dir);
    let spike = add(
        &db,
        &[
            "--title",
            "秒杀",
            "--rule",
            "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH",
            "--start",
            "2026-11-23 20:00",
            "--lead-minutes",
            "30",
        ],
    );
    assert_eq!(spike, "1");
    add(
        &db,
        &[
            "--title",
            "Market",
            "--rule",
            "FREQ=WEEKLY;BYDAY=SA",
            "--start",
            "2026-10-03 09:00",
            "--zone",
            "Europe/Berlin",
        ],
    );

    let out = cli(&db)
        .args(["--json", "schedule", "occurrences", "--from", "2026-11-23", "--to", "2026-11-29"])
        .assert()
        .success();
    let rows = json(&out.get_output().stdout);
    let seen: Vec<(i64, String, String)> = rows
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["schedule_id"].as_i64().unwrap(),
                r["title"].as_str().unwrap().into(),
                r["at"].as_str().unwrap().into(),
            )
        })
        .collect();
    let at = |s: &str| s.to_owned();
    assert_eq!(
        seen,
        [
            (1, "秒杀".into(), at("2026-11-23T20:00:00+08:00")),
            (1, "秒杀".into(), at("2026-11-24T20:00:00+08:00")),
            (1, "秒杀".into(), at("2026-11-25T20:00:00+08:00")),
            (1, "秒杀".into(), at("2026-11-26T20:00:00+08:00")),
            (2, "Market".into(), at("2026-11-28T09:00:00+01:00")),
        ]
    );
    // Berlin's summer: the same 09:00, another offset.
    let out = cli(&db)
        .args(["--json", "schedule", "occurrences", "--from", "2026-10-10", "--to", "2026-10-10"])
        .assert()
        .success();
    assert_eq!(json(&out.get_output().stdout)[0]["at"], "2026-10-10T09:00:00+02:00");
}

#[test]
fn the_ics_file_holds_every_schedule_with_its_rule() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::new_db(&dir);
    add(
        &db,
        &[
            "--title",
            "Member day",
            "--rule",
            "FREQ=MONTHLY;BYDAY=-1FR",
            "--start",
            "2026-11-27 20:00",
            "--lead-minutes",
            "60",
        ],
    );
    add(
        &db,
        &[
            "--title",
            "Daily topic",
            "--rule",
            "FREQ=DAILY",
            "--start",
            "2026-11-24 10:00",
            "--until",
            "2026-12-31",
        ],
    );
    let file = dir.path().join("shop.ics");
    cli(&db).args(["schedule", "export-ics", "--out"]).arg(&file).assert().success();
    let ics = std::fs::read_to_string(&file).unwrap();
    for line in [
        "RRULE:FREQ=MONTHLY;BYDAY=-1FR",
        "DTSTART;TZID=Asia/Shanghai:20261127T200000",
        "RRULE:FREQ=DAILY;UNTIL=20261231T020000Z",
        "TRIGGER:-PT60M",
        "SUMMARY:Member day",
    ] {
        assert!(ics.contains(&format!("{line}\r\n")), "missing {line}:\n{ics}");
    }
    assert_eq!(ics.matches("BEGIN:VEVENT").count(), 2);
}

#[test]
fn bad_rules_times_and_zones_are_refused_and_nothing_is_stored() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::new_db(&dir);
    for (args, says) in [
        (vec!["--rule", "FREQ=DAILY", "--start", "2026-11-23 24:61"], "First day and time"),
        (vec!["--rule", "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", "--start", "2026-11-23 20:00"], "never falls"),
        (vec!["--rule", "FREQ=DAILY", "--start", "2026-11-23 20:00", "--zone", "Mars/Base"], "Time zone"),
        (
            vec!["--rule", "FREQ=DAILY", "--start", "2026-11-23 20:00", "--until", "2026-11-01"],
            "before the start",
        ),
        (vec!["--rule", "FREQ=MINUTELY", "--start", "2026-11-23 20:00"], "more than once a day"),
        (vec!["--rule", "every monday", "--start", "2026-11-23 20:00"], "Repeat rule"),
    ] {
        let out = cli(&db).args(["schedule", "add", "--title", "x"]).args(&args).assert().failure();
        let err = String::from_utf8_lossy(&out.get_output().stderr).to_string();
        assert!(err.contains(says), "{args:?}: {err}");
    }
    let out = cli(&db).args(["--json", "schedule", "list"]).assert().success();
    assert_eq!(json(&out.get_output().stdout), serde_json::json!([]));
}
