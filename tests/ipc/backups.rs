//! Settings → Data through the shell: a backup, a restore that brings the
//! earlier shop back under the same open window (and its undo), the whole
//! shop exported and imported, and a damaged or missing file at start.

use crate::common;

use common::{invoke, shell, shell_saving_to, Shell};
use serde_json::{json, Value};

fn ok(s: &Shell, cmd: &str, args: Value) -> Value {
    invoke(&s.main, cmd, args).unwrap_or_else(|e| panic!("{cmd}: {e}"))
}

fn communities(s: &Shell) -> usize {
    ok(s, "list_communities", json!({ "includeArchived": false })).as_array().unwrap().len()
}

#[test]
fn back_up_change_restore_and_undo_in_the_same_window() {
    let dir = tempfile::tempdir().unwrap();
    let s = shell(&dir.path().join("shop.db"));
    common::set_up_tea_shop(&s, "en");
    common::community(&s, "Tea friends");
    let made = ok(&s, "back_up_now", json!({}));
    assert_eq!(made["manifest"]["reason"], "manual");
    common::community(&s, "Added later");
    assert_eq!(communities(&s), 2);

    let status = ok(&s, "backup_status", json!({}));
    assert_eq!(status["backups"].as_array().unwrap().len(), 1);
    assert_eq!(status["stale"], false);
    let checked = ok(&s, "verify_backup", json!({ "path": made["path"] }));
    assert_eq!(checked["counts"]["communities"], 1);

    let restored = ok(&s, "restore_backup", json!({ "path": made["path"] }));
    assert_eq!(restored["counts"]["communities"], 1);
    assert_eq!(communities(&s), 1, "the window's next call reads the restored shop");
    ok(&s, "restore_backup", json!({ "path": restored["before_restore"]["path"] }));
    assert_eq!(communities(&s), 2, "the restore was undone");
    assert!(ok(&s, "data_problem", json!({})).is_null());
}

#[test]
fn a_damaged_backup_is_refused_and_the_open_shop_keeps_working() {
    let dir = tempfile::tempdir().unwrap();
    let s = shell(&dir.path().join("shop.db"));
    common::set_up_tea_shop(&s, "en");
    let made = ok(&s, "back_up_now", json!({}));
    let path = made["path"].as_str().unwrap();
    let mut bytes = std::fs::read(path).unwrap();
    bytes.truncate(bytes.len() / 2);
    std::fs::write(path, bytes).unwrap();
    let e = invoke(&s.main, "restore_backup", json!({ "path": path })).unwrap_err();
    assert_eq!(e["code"], "backup_damaged");
    common::community(&s, "Still here");
    assert_eq!(communities(&s), 1);
}

#[test]
fn the_whole_shop_is_exported_with_a_passphrase_and_imported_in_another_window() {
    let dir = tempfile::tempdir().unwrap();
    let s = shell_saving_to(&dir.path().join("shop.db"), dir.path());
    common::set_up_tea_shop(&s, "en");
    common::community(&s, "Tea friends");
    let short = invoke(&s.main, "export_whole_shop", json!({ "passphrase": "short" })).unwrap_err();
    assert_eq!(
        (short["code"].as_str(), short["field"].as_str()),
        (Some("invalid_input"), Some("passphrase"))
    );
    let file = ok(&s, "export_whole_shop", json!({ "passphrase": "tea house 2026" }));
    let file = file.as_str().unwrap().to_owned();
    let log = ok(&s, "list_exports", json!({}));
    assert_eq!(log[0]["kind"], "shop");

    let other = tempfile::tempdir().unwrap();
    let t = shell(&other.path().join("shop.db"));
    let wrong = invoke(&t.main, "read_whole_shop", json!({ "path": file, "passphrase": "coffee house" }))
        .unwrap_err();
    assert_eq!(wrong["code"], "wrong_passphrase");
    let seen = ok(&t, "read_whole_shop", json!({ "path": file, "passphrase": "tea house 2026" }));
    assert_eq!(seen["counts"]["communities"], 1);
    ok(&t, "import_whole_shop", json!({ "path": file, "passphrase": "tea house 2026" }));
    assert_eq!(communities(&t), 1);
    assert!(!ok(&t, "app_info", json!({}))["shop"].is_null());
}

#[test]
fn a_file_cut_short_is_said_at_start_and_the_newest_backup_restores_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("shop.db");
    // Made by the core directly: a mock app is never dropped, and would keep its hold.
    {
        let mut conn = shopcircle_core::db::open(&db).unwrap();
        shopcircle_core::sample::create(
            &mut conn,
            shopcircle_core::Lang::En,
            "Asia/Shanghai",
            chrono::Utc::now(),
        )
        .unwrap();
        shopcircle_core::backup::back_up_file(
            &db,
            shopcircle_core::backup::Reason::Manual,
            chrono::Utc::now(),
        )
        .unwrap();
        conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(())).unwrap();
    }
    let len = std::fs::metadata(&db).unwrap().len();
    std::fs::OpenOptions::new().write(true).open(&db).unwrap().set_len(len / 2).unwrap();

    let s = shell(&db);
    let problem = ok(&s, "data_problem", json!({}));
    assert_eq!(problem["code"], "backup_damaged");
    assert!(problem["message"].as_str().unwrap().contains("is damaged"), "{problem}");
    assert_eq!(problem["missing"], false);
    let e = invoke(&s.main, "list_communities", json!({ "includeArchived": false })).unwrap_err();
    assert_eq!(e["code"], "backup_damaged");
    let newest = problem["newest_backup"]["path"].clone();
    let restored = ok(&s, "restore_backup", json!({ "path": newest }));
    assert!(restored["kept_damaged"].is_string(), "the damaged file is kept aside");
    assert!(ok(&s, "data_problem", json!({})).is_null());
    assert_eq!(communities(&s), restored["counts"]["communities"].as_u64().unwrap() as usize);
    assert!(communities(&s) > 0);
}

#[test]
fn a_missing_file_with_backups_beside_it_is_not_silently_started_empty() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("shop.db");
    {
        let s = shell(&db);
        common::set_up_tea_shop(&s, "en");
        ok(&s, "back_up_now", json!({}));
    }
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
    }
    let s = shell(&db);
    let problem = ok(&s, "data_problem", json!({}));
    assert_eq!(problem["missing"], true);
    assert!(!db.exists(), "no empty shop was made");
    ok(&s, "start_empty_shop", json!({}));
    assert!(ok(&s, "app_info", json!({}))["shop"].is_null(), "the owner chose an empty shop");
}
