//! Members from the terminal: added with their consent and where they joined,
//! listed with their phones masked, and bad input refused with nothing written.

use crate::common;
use common::{add_tea_friends, cli, json, stdout};

#[test]
fn a_member_is_added_and_listed_with_the_phone_masked() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::new_db(&dir);
    let group = add_tea_friends(&db);
    let add = ["member", "add", "--name", "王姐", "--phone", "+86 138 1234 5678", "--community", &group];
    let id = stdout(&cli(&db).args(add).args(["--marketing-consent"]).assert().success());
    assert!(id.parse::<i64>().is_ok(), "prints the new id, got {id:?}");

    let listed = stdout(&cli(&db).args(["member", "list"]).assert().success());
    assert_eq!(listed, format!("{id}\t王姐\t138****5678\tTea friends\tmarketing"));
    let page = json(
        &cli(&db)
            .args(["--json", "member", "list", "--search", "5678"])
            .assert()
            .success()
            .get_output()
            .stdout,
    );
    assert_eq!(page["total"], 1);
    assert_eq!(page["rows"][0]["phone_masked"], "138****5678");
    assert!(
        !String::from_utf8_lossy(
            &cli(&db).args(["--json", "member", "list"]).assert().success().get_output().stdout
        )
        .contains("13812345678"),
        "the whole number never leaves in a list"
    );
}

#[test]
fn a_bad_phone_a_long_name_or_a_taken_number_is_refused_and_nothing_is_added() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::new_db(&dir);
    cli(&db).args(["member", "add", "--name", "王姐", "--phone", "13812345678"]).assert().success();
    let long = "长".repeat(10_000);
    for (args, says) in [
        (vec!["--name", "李", "--phone", "138123456789"], "Mobile number"),
        (vec!["--name", &long], "Display name"),
        (vec!["--name", "李", "--phone", "138 1234 5678"], "already in use"),
        (vec!["--name", "李", "--consent", "email"], "How consent was given"),
        (vec!["--name", "李", "--community", "99"], "Community"),
    ] {
        let refused = cli(&db).args(["member", "add"]).args(&args).assert().failure();
        let err = String::from_utf8_lossy(&refused.get_output().stderr).into_owned();
        assert!(err.contains(says), "{args:?}: {err}");
    }
    let page = json(&cli(&db).args(["--json", "member", "list"]).assert().success().get_output().stdout);
    assert_eq!(page["total"], 1);
}

#[test]
fn duplicates_are_listed_merged_undone_and_a_member_erased_and_exported() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::new_db(&dir);
    let a =
        stdout(&cli(&db).args(["member", "add", "--name", "王姐", "--nickname", "小王"]).assert().success());
    let b = stdout(
        &cli(&db)
            .args(["member", "add", "--name", "王姐", "--nickname", "小王", "--phone", "13812345678"])
            .assert()
            .success(),
    );
    let listed = stdout(&cli(&db).args(["member", "duplicates"]).assert().success());
    assert_eq!(listed, format!("{a} 王姐 —\t{b} 王姐 138****5678\tsame_name_and_nickname"));
    cli(&db).args(["purchase", "add", "--amount", "38.50", "--member", &b]).assert().success();

    let merge = stdout(&cli(&db).args(["member", "merge", &a, &b, "--staff", "Amy"]).assert().success());
    let page = json(&cli(&db).args(["--json", "member", "list"]).assert().success().get_output().stdout);
    assert_eq!(
        (page["total"].as_i64(), page["rows"][0]["phone_masked"].as_str()),
        (Some(1), Some("138****5678"))
    );
    cli(&db).args(["member", "undo-merge", &merge]).assert().success();
    let page = json(&cli(&db).args(["--json", "member", "list"]).assert().success().get_output().stdout);
    assert_eq!(page["total"], 2);

    let out = dir.path().join("王姐.json");
    cli(&db).args(["member", "export", &b, "--out", out.to_str().unwrap()]).assert().success();
    let doc: serde_json::Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    assert_eq!(
        (doc["member"]["phone"].as_str(), doc["purchases"][0]["amount_cents"].as_i64()),
        (Some("13812345678"), Some(3850))
    );

    cli(&db).args(["member", "erase", &b]).assert().success();
    let erasures = std::fs::read_to_string(dir.path().join("erasures.txt")).unwrap();
    assert_eq!(erasures.trim().len(), 64, "one keyed hash beside the database: {erasures}");
    assert!(!erasures.contains("13812345678"));
    let page = json(&cli(&db).args(["--json", "member", "list"]).assert().success().get_output().stdout);
    assert_eq!(page["total"], 1);
    let again = cli(&db).args(["member", "erase", &b]).assert().failure();
    assert!(String::from_utf8_lossy(&again.get_output().stderr).contains("erased on request"));
}

#[test]
fn members_and_purchases_export_as_csv_with_phones_masked_unless_asked() {
    let dir = tempfile::tempdir().unwrap();
    let db = common::new_db(&dir);
    let id = stdout(
        &cli(&db).args(["member", "add", "--name", "@王姐", "--phone", "13812345678"]).assert().success(),
    );
    cli(&db).args(["purchase", "add", "--amount", "38.50", "--member", &id]).assert().success();
    let out = dir.path().join("members.csv");
    let printed =
        stdout(&cli(&db).args(["member", "export-csv", "--out", out.to_str().unwrap()]).assert().success());
    assert!(printed.starts_with("1\t"), "{printed}");
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.starts_with("\u{feff}id,name,phone"), "{text}");
    assert!(text.contains(",'@王姐,138****5678,") && !text.contains("13812345678"), "{text}");
    let sales = dir.path().join("sales.csv");
    cli(&db)
        .args(["purchase", "export-csv", "--out", sales.to_str().unwrap(), "--full-phones"])
        .assert()
        .success();
    assert!(std::fs::read_to_string(&sales).unwrap().contains(",38.50,0.00,'@王姐,13812345678,"));
}
