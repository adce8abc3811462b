//! Backups, restores and whole-shop files from the terminal, as the owner's
//! helper would run them: and the faults a shop laptop meets (a full disk, a
//! pulled stick, a changed backup, the wrong passphrase, two commands at once).

use std::path::{Path, PathBuf};

use crate::common;
use common::{cli, json, stdout};

fn gift_batch(db: &Path, count: &str) -> Vec<String> {
    let gift = stdout(
        &cli(db)
            .args([
                "gift", "add", "--name", "Tea", "--kind", "drainage", "--cost", "3", "--value", "12",
                "--stock", "50",
            ])
            .assert()
            .success(),
    );
    let issued = cli(db)
        .args([
            "--json",
            "voucher",
            "issue",
            "--gift",
            &gift,
            "--count",
            count,
            "--valid-until",
            "2099-12-31",
        ])
        .assert()
        .success();
    json(&issued.get_output().stdout)["codes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap().to_owned())
        .collect()
}

fn vouchers(db: &Path) -> i64 {
    let conn = shopcircle_core::db::open(db).unwrap();
    conn.query_row("SELECT count(*) FROM voucher", [], |r| r.get(0)).unwrap()
}

/// What the shop holds, as a dump of its vouchers and gifts (the file's bytes
/// change when SQLite folds its log in, which is no change to the data).
fn contents(db: &Path) -> String {
    let conn = shopcircle_core::db::open(db).unwrap();
    let mut stmt = conn
        .prepare("SELECT serial || ':' || batch_id || ':' || coalesce(redeemed_at, '') FROM voucher UNION ALL SELECT 'gift ' || id || ':' || stock FROM gift")
        .unwrap();
    let rows: Vec<String> = stmt.query_map([], |r| r.get(0)).unwrap().map(Result::unwrap).collect();
    rows.join("\n")
}

fn backup_now(db: &Path) -> PathBuf {
    let out = cli(db).args(["--json", "backup", "now"]).assert().success();
    PathBuf::from(json(&out.get_output().stdout)["backup"]["path"].as_str().unwrap())
}

#[test]
fn back_up_list_verify_and_restore_then_undo_the_restore() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::new_db(&dir);
    gift_batch(&db, "3");
    let first = backup_now(&db);
    assert!(first.starts_with(dir.path().join("backups")), "{}", first.display());
    gift_batch(&db, "4");
    assert_eq!(vouchers(&db), 7);

    let listed = cli(&db).args(["--json", "backup", "list"]).assert().success();
    let listed = json(&listed.get_output().stdout);
    assert_eq!(listed.as_array().unwrap().len(), 1);
    assert_eq!(listed[0]["manifest"]["counts"]["vouchers"], 3);
    assert_eq!(listed[0]["manifest"]["reason"], "manual");

    let verified = stdout(&cli(&db).args(["backup", "verify"]).arg(&first).assert().success());
    assert!(verified.contains("verified") && verified.contains("3 vouchers"), "{verified}");

    let restored = cli(&db).args(["--json", "backup", "restore"]).arg(&first).assert().success();
    let restored = json(&restored.get_output().stdout);
    assert_eq!(restored["counts"]["vouchers"], 3);
    assert_eq!(vouchers(&db), 3);
    let undo = restored["before_restore"]["path"].as_str().unwrap().to_owned();
    cli(&db).args(["backup", "restore", &undo]).assert().success();
    assert_eq!(vouchers(&db), 7, "the restore was undone");
}

#[test]
fn a_backup_to_another_folder_and_a_changed_copy_is_refused_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::new_db(&dir);
    gift_batch(&db, "2");
    let stick = dir.path().join("stick");
    let out = stdout(&cli(&db).args(["backup", "now", "--to"]).arg(&stick).assert().success());
    let copy = PathBuf::from(out.lines().next().unwrap());
    assert!(copy.starts_with(&stick));
    let mut bytes = std::fs::read(&copy).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x10;
    std::fs::write(&copy, &bytes).unwrap();
    let before = contents(&db);
    let refused = cli(&db).args(["backup", "restore"]).arg(&copy).assert().failure();
    let said = String::from_utf8_lossy(&refused.get_output().stderr).into_owned();
    assert!(said.contains("has changed since it was made"), "{said}");
    assert!(contents(&db) == before, "nothing replaced");
    cli(&db).args(["backup", "verify"]).arg(&copy).assert().failure();
}

#[test]
fn a_restore_while_the_app_has_the_shop_open_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::new_db(&dir);
    let copy = backup_now(&db);
    let app = shopcircle_core::restore::hold(&db).expect("the app's hold");
    let refused = cli(&db).args(["backup", "restore"]).arg(&copy).assert().failure();
    assert!(String::from_utf8_lossy(&refused.get_output().stderr).contains("ShopCircle has the shop open"));
    drop(app);
    cli(&db).args(["backup", "restore"]).arg(&copy).assert().success();
}

#[cfg(target_os = "linux")]
#[test]
fn a_disk_that_fills_during_a_backup_gives_a_clear_error_and_leaves_nothing_half_written() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::new_db(&dir);
    gift_batch(&db, "200");
    let before = contents(&db);
    // An injected write error: files this process writes may not grow past
    // 64 KiB (the shop is larger), the signal that would kill it ignored so
    // the write fails as on a full disk.
    let bin = assert_cmd::cargo::cargo_bin("shopcircle-cli");
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg(r#"trap '' XFSZ; ulimit -f 64; exec "$0" --db "$1" backup now"#)
        .arg(&bin)
        .arg(&db)
        .env("LANG", "en_US.UTF-8")
        .env_remove("SHOPCIRCLE_DB")
        .output()
        .unwrap();
    assert!(!out.status.success());
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("your data is unchanged"), "{said}");
    assert!(contents(&db) == before);
    let left: Vec<_> = std::fs::read_dir(dir.path().join("backups"))
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with('.'))
        .collect();
    assert!(left.is_empty(), "{left:?}");
    // With room again, the next backup is whole.
    let copy = backup_now(&db);
    cli(&db).args(["backup", "verify"]).arg(&copy).assert().success();
}

#[cfg(target_os = "linux")]
#[test]
fn an_import_on_a_full_disk_is_refused_whole_and_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::new_db(&dir);
    gift_batch(&db, "200");
    let mut csv = String::from("单号,下单时间,实收金额,手机,商品\n");
    for i in 0..500 {
        csv.push_str(&format!("T{i:05},2026-11-02 10:00,{}.00,,乌龙茶\n", 10 + i % 50));
    }
    let file = dir.path().join("till.csv");
    std::fs::write(&file, csv).unwrap();
    let bin = assert_cmd::cargo::cargo_bin("shopcircle-cli");
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg(r#"trap '' XFSZ; ulimit -f 64; exec "$0" --db "$1" import commit "$2""#)
        .arg(&bin)
        .arg(&db)
        .arg(&file)
        .env("LANG", "en_US.UTF-8")
        .env_remove("SHOPCIRCLE_DB")
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("your data is unchanged"));
    let conn = shopcircle_core::db::open(&db).unwrap();
    let (purchases, imports): (i64, i64) = conn
        .query_row("SELECT (SELECT count(*) FROM purchase), (SELECT count(*) FROM import_batch)", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap();
    assert_eq!((purchases, imports), (0, 0));
    drop(conn);
    // With room again, the same file imports whole.
    cli(&db).args(["import", "commit"]).arg(&file).assert().success();
}

#[test]
fn two_commands_writing_at_once_both_finish_and_every_backup_is_whole() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::new_db(&dir);
    gift_batch(&db, "50");
    let spawn = |args: &[&str]| {
        let mut c = std::process::Command::new(assert_cmd::cargo::cargo_bin("shopcircle-cli"));
        c.arg("--db").arg(&db).args(args).env("LANG", "en_US.UTF-8").env_remove("SHOPCIRCLE_DB");
        c.stdout(std::process::Stdio::null()).spawn().unwrap()
    };
    let mut running = vec![
        spawn(&["backup", "now"]),
        spawn(&["backup", "now"]),
        spawn(&[
            "gift", "add", "--name", "Cup", "--kind", "drainage", "--cost", "1", "--value", "5", "--stock",
            "5",
        ]),
    ];
    for child in &mut running {
        assert!(child.wait().unwrap().success());
    }
    let listed = cli(&db).args(["--json", "backup", "list"]).assert().success();
    let listed = json(&listed.get_output().stdout);
    assert_eq!(listed.as_array().unwrap().len(), 2);
    for b in listed.as_array().unwrap() {
        cli(&db).args(["backup", "verify", b["path"].as_str().unwrap()]).assert().success();
    }
}

#[test]
fn the_whole_shop_moves_with_its_passphrase_and_a_wrong_one_opens_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::new_db(&dir);
    let codes = gift_batch(&db, "3");
    let pass = dir.path().join("pass.txt");
    std::fs::write(&pass, "tea house 2026\n").unwrap();
    let file = dir.path().join("shop.shopcircle");
    let out = stdout(
        &cli(&db)
            .args(["export", "shop", "--out"])
            .arg(&file)
            .arg("--passphrase-file")
            .arg(&pass)
            .assert()
            .success(),
    );
    assert!(out.contains("keep the passphrase"), "{out}");

    let new_laptop = tempfile::tempdir().unwrap();
    let there = new_laptop.path().join("shop.db");
    let wrong = dir.path().join("wrong.txt");
    std::fs::write(&wrong, "coffee house 2026\n").unwrap();
    let refused = cli(&there)
        .args(["import", "shop"])
        .arg(&file)
        .arg("--passphrase-file")
        .arg(&wrong)
        .assert()
        .failure();
    assert!(String::from_utf8_lossy(&refused.get_output().stderr).contains("passphrase does not open"));
    assert!(!there.exists(), "a wrong passphrase makes no shop");

    cli(&there).args(["import", "shop"]).arg(&file).arg("--passphrase-file").arg(&pass).assert().success();
    let redeemed = cli(&there).args(["--json", "voucher", "redeem", &codes[0]]).assert().code(0);
    assert_eq!(
        json(&redeemed.get_output().stdout)["status"],
        "redeemed",
        "the old laptop's voucher redeems here"
    );
}
