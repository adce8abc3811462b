//! The CLI as a script would use it: on a database file of its own.

use crate::common;
use common::{cli, json};

#[test]
fn adding_prints_the_id_and_listing_shows_the_community() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("shop.db");
    let out = cli(&db)
        .args(["community", "add", "--name", "每日茶友群", "--kind", "high-frequency", "--capacity", "180"])
        .assert()
        .success();
    let id: i64 = String::from_utf8_lossy(&out.get_output().stdout).trim().parse().expect("an id");

    let out = cli(&db).args(["--json", "community", "list"]).assert().success();
    let list = json(&out.get_output().stdout);
    let c = &list.as_array().expect("an array")[0];
    assert_eq!(c["id"], id);
    assert_eq!(c["name"], "每日茶友群");
    assert_eq!(c["kind"], "high_frequency");
    assert_eq!(c["stage"], "drainage");
    assert_eq!(c["capacity"], 180);
}

#[test]
fn json_add_gives_an_object_with_the_id_and_show_gives_the_whole_plan() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("shop.db");
    let out = cli(&db)
        .args([
            "--json",
            "community",
            "add",
            "--name",
            "Tea club",
            "--kind",
            "niche",
            "--stage",
            "activation",
        ])
        .args(["--rule", "No ads", "--rule", "Be kind"])
        .assert()
        .success();
    let id = json(&out.get_output().stdout)["id"].as_i64().expect("id");
    let out = cli(&db).args(["community", "show", &id.to_string()]).assert().success();
    let text = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert!(
        text.contains("Tea club") && text.contains("activation") && text.contains("2. Be kind"),
        "{text}"
    );
}

#[test]
fn invalid_input_exits_non_zero_with_the_message_on_stderr_and_stores_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::new_db(&dir);
    let cases: [(&[&str], &str); 4] = [
        (&["--name", "", "--kind", "niche"], "Name cannot be empty"),
        (&["--name", "A", "--kind", "weekly"], "Kind \"weekly\" is not known"),
        (&["--name", "A", "--kind", "niche", "--capacity", "0"], "Capacity must be between 1 and 100000"),
        (&["--name", "A", "--kind", "niche", "--capacity", "-3"], "Capacity must be between 1 and 100000"),
    ];
    for (args, message) in cases {
        let out = cli(&db).args(["community", "add"]).args(args).assert().failure();
        let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
        assert!(stderr.contains(message), "{args:?}: {stderr}");
        assert!(out.get_output().stdout.is_empty());
    }
    let long = "x".repeat(10_000);
    cli(&db).args(["community", "add", "--name", &long, "--kind", "niche"]).assert().failure();
    let out = cli(&db).args(["--json", "community", "list"]).assert().success();
    assert_eq!(json(&out.get_output().stdout), serde_json::json!([]));
}

#[test]
fn showing_a_missing_community_fails_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("shop.db");
    cli(&db).arg("init").assert().success();
    let out = cli(&db).args(["community", "show", "7"]).assert().failure();
    assert!(String::from_utf8_lossy(&out.get_output().stderr).contains("There is no community numbered 7"));
}

// See issue 11: a mistyped --db made folders and an empty shop, then said a
// real voucher was "not issued by this shop".
#[test]
fn a_mistyped_database_path_is_named_and_nothing_is_made() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("tpyo/shop.db");
    for args in
        [&["community", "list"][..], &["voucher", "redeem", "K7QM-3XPA-9D2F-ABCD-EFGH"], &["qr", "expiring"]]
    {
        let out = cli(&db).args(args).assert().code(1);
        let err = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
        assert!(err.contains("No ShopCircle database at") && err.contains("tpyo"), "{args:?}: {err}");
    }
    assert!(!dir.path().join("tpyo").exists(), "no folder made");
    // Nor by a first community that is refused, nor by vouchers (they would
    // carry a new key the shop's counter does not know).
    cli(&db).args(["community", "add", "--name", "A", "--kind", "weekly"]).assert().code(1);
    cli(&db)
        .args(["voucher", "issue", "--amount-off", "5", "--count", "1", "--valid-until", "2099-12-31"])
        .assert()
        .code(1);
    assert!(!db.exists() && !dir.path().join("tpyo").exists(), "no database or folder left behind");
    let out = cli(&db).arg("init").assert().success();
    assert!(String::from_utf8_lossy(&out.get_output().stdout).contains("shop.db"));
    cli(&db).args(["community", "list"]).assert().success();
}

// See issue 11: ESC, BEL and line breaks in a name reached the terminal raw.
#[test]
fn control_characters_are_refused_in_names_and_never_printed_raw() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::new_db(&dir);
    for name in ["Tea\u{1b}[2J friends", "Tea\u{7}", "Tea\nfriends"] {
        let out = cli(&db).args(["community", "add", "--name", name, "--kind", "niche"]).assert().failure();
        let err = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
        assert!(err.contains("control character"), "{err}");
        assert!(!err.contains('\u{1b}') && !err.contains('\u{7}'), "{err:?}");
    }
    let out = cli(&db).args(["--json", "community", "list"]).assert().success();
    assert_eq!(json(&out.get_output().stdout).as_array().unwrap().len(), 0);
}

#[test]
fn the_environment_variable_points_the_cli_at_a_database() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("via-env.db");
    let mut cmd = assert_cmd::Command::cargo_bin("shopcircle-cli").unwrap();
    cmd.env("SHOPCIRCLE_DB", &db)
        .args(["community", "add", "--name", "A", "--kind", "niche"])
        .assert()
        .success();
    assert!(db.exists());
}
