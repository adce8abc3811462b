//! What every CLI test needs: the binary on a database file of its own, in English.

use assert_cmd::Command;
use serde_json::Value;

pub fn cli(db: &std::path::Path) -> Command {
    let mut cmd = Command::cargo_bin("shopcircle-cli").expect("binary built");
    cmd.arg("--db").arg(db).env_remove("SHOPCIRCLE_DB").env("LANG", "en_US.UTF-8");
    cmd
}

/// What the command printed, trimmed.
pub fn stdout(a: &assert_cmd::assert::Assert) -> String {
    String::from_utf8_lossy(&a.get_output().stdout).trim().to_owned()
}

pub fn json(out: &[u8]) -> Value {
    serde_json::from_slice(out).expect("valid JSON")
}

/// A new, empty shop database in `dir`, made as a user makes one (`init`).
pub fn new_db(dir: &tempfile::TempDir) -> std::path::PathBuf {
    let db = dir.path().join("shop.db");
    cli(&db).arg("init").assert().success();
    db
}

/// A new "Tea friends" community (high frequency); its id.
pub fn add_tea_friends(db: &std::path::Path) -> String {
    stdout(
        &cli(db)
            .args(["community", "add", "--name", "Tea friends", "--kind", "high-frequency"])
            .assert()
            .success(),
    )
}

/// A traffic product, Tieguanyin at ¥39 (cost ¥18), with `stock` on the shelf; its id.
pub fn add_tieguanyin(db: &std::path::Path, stock: u32) -> String {
    let stock = stock.to_string();
    let args = ["product", "add", "--name", "Tieguanyin", "--price", "39", "--cost", "18", "--stock", &stock];
    stdout(&cli(db).args(args).args(["--role", "traffic"]).assert().success())
}

/// The Monday of next week (a campaign's first day that is surely in the future).
pub fn next_monday() -> chrono::NaiveDate {
    use chrono::{Datelike, Duration, Utc, Weekday};
    let mut d = Utc::now().date_naive() + Duration::days(7);
    while d.weekday() != Weekday::Mon {
        d -= Duration::days(1);
    }
    d
}
