//! The crash harness: every kind of write the app makes (issue vouchers,
//! redeem, apply a campaign, import, back up, restore) run by the CLI and
//! killed with SIGKILL at a random moment, many times over. After each kill
//! the database must pass `integrity_check`, hold all or none of the
//! interrupted operation, and open as the app opens it (leftovers of an
//! interrupted backup removed, every listed backup still verifying).
//!
//! `CRASH_RUNS` sets the kills per operation (30 by default, so the suite
//! stays quick); `scripts/crash-harness.sh` runs hundreds and prints the
//! table. The moments come from a seeded generator (`CRASH_SEED`), printed
//! with the figures, so a failure can be replayed.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use shopcircle_core::backup;
use shopcircle_core::db::Connection;

use crate::common::{add_tea_friends, add_tieguanyin, cli, json, next_monday, stdout};

fn runs() -> usize {
    std::env::var("CRASH_RUNS").ok().and_then(|v| v.parse().ok()).unwrap_or(30)
}

/// A small, seeded generator: the same seed, the same moments.
struct Moments(u64);

impl Moments {
    fn new() -> Self {
        Moments(std::env::var("CRASH_SEED").ok().and_then(|v| v.parse().ok()).unwrap_or(0x5eed_2026))
    }
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (self.0 >> 33) % n.max(1)
    }
}

/// A copy of the template shop (its file and its backup folder) in a new folder.
fn copy_shop(template: &Path, to: &Path) -> PathBuf {
    let copy = |from: &Path, into: &Path| {
        std::fs::create_dir_all(into).unwrap();
        for entry in std::fs::read_dir(from).unwrap().filter_map(|e| e.ok()) {
            let p = entry.path();
            if p.is_file() {
                std::fs::copy(&p, into.join(entry.file_name())).unwrap();
            }
        }
    };
    copy(template, to);
    if template.join("backups").is_dir() {
        copy(&template.join("backups"), &to.join("backups"));
    }
    to.join("shop.db")
}

/// Closes the template's log into its file, so a copy of the file is the whole shop.
fn settle(db: &Path) {
    let conn = Connection::open(db).unwrap();
    conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(())).unwrap();
}

fn spawn(db: &Path, args: &[String]) -> std::process::Child {
    Command::new(assert_cmd::cargo::cargo_bin("shopcircle-cli"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env("LANG", "en_US.UTF-8")
        .env_remove("SHOPCIRCLE_DB")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

/// The shop as the app finds it at start, and what `state` says of it.
fn reopen(db: &Path, state: &dyn Fn(&Connection) -> String) -> Result<String, String> {
    let folder = backup::default_folder(db);
    backup::clean_partials(&folder);
    let leftovers: Vec<String> = std::fs::read_dir(&folder)
        .map(|d| d.filter_map(|e| e.ok()).map(|e| e.file_name().to_string_lossy().into_owned()).collect())
        .unwrap_or_default();
    if let Some(p) = leftovers.iter().find(|n| n.ends_with(".partial")) {
        return Err(format!("a partial file survived the start: {p}"));
    }
    for b in backup::list(&folder) {
        backup::verify(Path::new(&b.path)).map_err(|e| format!("a listed backup fails its check: {e}"))?;
    }
    backup::looks_whole(db).map_err(|e| e.to_string())?;
    let conn = shopcircle_core::db::open(db).map_err(|e| format!("the app cannot open it: {e}"))?;
    let verdict: String =
        conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).map_err(|e| e.to_string())?;
    if verdict != "ok" {
        return Err(format!("integrity_check: {verdict}"));
    }
    Ok(state(&conn))
}

/// Kills `args` at random moments `runs()` times on copies of `template`;
/// each time the shop must be whole and hold `before` or `after` (the state
/// once the operation completes, learnt by running it once).
fn harness(name: &str, template: &Path, args: Vec<String>, state: &dyn Fn(&Connection) -> String) {
    harness_with(name, template, &|_| args.clone(), state);
}

/// As `harness`, with arguments made for each run's own copy of the shop.
fn harness_with(
    name: &str,
    template: &Path,
    args: &dyn Fn(&Path) -> Vec<String>,
    state: &dyn Fn(&Connection) -> String,
) {
    settle(&template.join("shop.db"));
    let work = tempfile::tempdir().unwrap();
    let before = reopen(&copy_shop(template, &work.path().join("before")), state).unwrap();
    let whole_run = copy_shop(template, &work.path().join("whole"));
    let started = Instant::now();
    assert!(
        spawn(&whole_run, &args(&whole_run)).wait().unwrap().success(),
        "{name}: the operation itself fails"
    );
    let full = started.elapsed();
    let after = reopen(&whole_run, state).unwrap();
    assert_ne!(before, after, "{name}: the operation changes nothing to look for");

    let mut moments = Moments::new();
    let (mut mid_way, mut none, mut all) = (0, 0, 0);
    for run in 0..runs() {
        let db = copy_shop(template, &work.path().join(format!("run-{run}")));
        let mut child = spawn(&db, &args(&db));
        // A moment anywhere from the start to a little past the whole run's length.
        let at = Duration::from_micros(moments.below(full.as_micros() as u64 * 6 / 5));
        std::thread::sleep(at);
        if child.try_wait().unwrap().is_none() {
            mid_way += 1;
        }
        let _ = child.kill();
        let _ = child.wait();
        let seen = reopen(&db, state).unwrap_or_else(|e| panic!("{name}, run {run} (killed at {at:?}): {e}"));
        if seen == before {
            none += 1;
        } else if seen == after {
            all += 1;
        } else {
            panic!("{name}, run {run} (killed at {at:?}): half an operation:\n before {before}\n after  {after}\n seen   {seen}");
        }
        let _ = std::fs::remove_dir_all(db.parent().unwrap());
    }
    eprintln!(
        "crash harness: {name}: {} kills, {mid_way} mid-way, every one whole ({none} none, {all} all); a whole run takes {} ms",
        runs(),
        full.as_millis()
    );
}

fn count(conn: &Connection, sql: &str) -> i64 {
    conn.query_row(sql, [], |r| r.get(0)).unwrap()
}

fn template() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("shop.db");
    cli(&db).arg("init").assert().success();
    (dir, db)
}

fn gift(db: &Path, stock: &str) -> String {
    stdout(
        &cli(db)
            .args([
                "gift", "add", "--name", "Tea", "--kind", "drainage", "--cost", "3", "--value", "12",
                "--stock", stock,
            ])
            .assert()
            .success(),
    )
}

#[test]
fn issuing_a_batch_of_vouchers_killed_at_any_moment_is_all_or_nothing() {
    let (dir, db) = template();
    let g = gift(&db, "100");
    let args = ["voucher", "issue", "--gift", &g, "--count", "3000", "--valid-until", "2099-12-31"];
    harness("issue vouchers", dir.path(), args.map(String::from).to_vec(), &|c| {
        format!(
            "{} batches, {} vouchers",
            count(c, "SELECT count(*) FROM voucher_batch"),
            count(c, "SELECT count(*) FROM voucher")
        )
    });
}

#[test]
fn a_redemption_killed_at_any_moment_moves_the_voucher_and_the_stock_together() {
    let (dir, db) = template();
    let g = gift(&db, "5");
    let issued = cli(&db)
        .args(["--json", "voucher", "issue", "--gift", &g, "--count", "1", "--valid-until", "2099-12-31"])
        .assert()
        .success();
    let code = json(&issued.get_output().stdout)["codes"][0].as_str().unwrap().to_owned();
    harness(
        "redeem",
        dir.path(),
        vec!["voucher".into(), "redeem".into(), code, "--staff".into(), "Amy".into()],
        &|c| {
            format!(
                "redeemed {}, stock {}, events {}",
                count(c, "SELECT count(*) FROM voucher WHERE redeemed_at IS NOT NULL"),
                count(c, "SELECT stock FROM gift"),
                count(c, "SELECT count(*) FROM voucher_event")
            )
        },
    );
}

#[test]
fn a_campaign_applied_and_killed_at_any_moment_leaves_all_of_it_or_none() {
    let (dir, db) = template();
    let group = add_tea_friends(&db);
    let tea = add_tieguanyin(&db, 400);
    let monday = next_monday();
    let args: Vec<String> = [
        "campaign",
        "spike",
        "--product",
        &tea,
        "--quantity",
        "30",
        "--price",
        "19.90",
        "--start",
        &format!("{monday} 20:00"),
        "--minutes",
        "30",
        "--community",
        &group,
        "--ends-on",
        &(monday + chrono::Duration::days(20)).to_string(),
    ]
    .map(String::from)
    .to_vec();
    harness("apply a campaign", dir.path(), args, &|c| {
        format!(
            "{} campaigns, {} schedules, {} posts, {} vouchers",
            count(c, "SELECT count(*) FROM campaign"),
            count(c, "SELECT count(*) FROM schedule"),
            count(c, "SELECT count(*) FROM content_item"),
            count(c, "SELECT count(*) FROM voucher")
        )
    });
}

#[test]
fn an_import_killed_at_any_moment_adds_every_row_or_none() {
    let (dir, _db) = template();
    let mut csv = String::from("单号,下单时间,实收金额,手机,商品\n");
    for i in 0..3000 {
        let phone = if i % 3 == 0 { format!("139{:08}", i) } else { String::new() };
        csv.push_str(&format!(
            "T{i:06},2026-11-{:02} 10:{:02},{}.50,{phone},铁观音\n",
            1 + i % 27,
            i % 60,
            10 + i % 90
        ));
    }
    let file = dir.path().join("till.csv");
    std::fs::write(&file, csv).unwrap();
    harness("import", dir.path(), vec!["import".into(), "commit".into(), file.display().to_string()], &|c| {
        format!(
            "{} purchases, {} imports, {} members",
            count(c, "SELECT count(*) FROM purchase"),
            count(c, "SELECT count(*) FROM import_batch"),
            count(c, "SELECT count(*) FROM member")
        )
    });
}

/// What the shop holds, for the operations that must not change it (a backup)
/// or must replace it whole (a restore).
fn shop_state(c: &Connection) -> String {
    format!(
        "{} gifts, {} vouchers, {} communities",
        count(c, "SELECT count(*) FROM gift"),
        count(c, "SELECT count(*) FROM voucher"),
        count(c, "SELECT count(*) FROM community")
    )
}

#[test]
fn a_backup_killed_at_any_moment_leaves_the_shop_untouched_and_no_half_backup() {
    let (dir, db) = template();
    let g = gift(&db, "100");
    cli(&db)
        .args(["voucher", "issue", "--gift", &g, "--count", "3000", "--valid-until", "2099-12-31"])
        .assert()
        .success();
    // The shop stays as it was; the backups listed after the next start grow by one or not at all.
    harness("back up", dir.path(), vec!["backup".into(), "now".into()], &|c| {
        let path = c.path().unwrap_or_default().to_owned();
        let listed = backup::list(&backup::default_folder(Path::new(&path))).len();
        format!("{} | {listed} backups", shop_state(c))
    });
}

#[test]
fn a_restore_killed_at_any_moment_leaves_the_old_shop_or_the_restored_one() {
    let (dir, db) = template();
    let g = gift(&db, "100");
    cli(&db)
        .args(["voucher", "issue", "--gift", &g, "--count", "2000", "--valid-until", "2099-12-31"])
        .assert()
        .success();
    let out = cli(&db).args(["--json", "backup", "now"]).assert().success();
    let copy = json(&out.get_output().stdout)["backup"]["path"].as_str().unwrap().to_owned();
    let name = Path::new(&copy).file_name().unwrap().to_string_lossy().into_owned();
    cli(&db).args(["community", "add", "--name", "Later", "--kind", "niche"]).assert().success();
    cli(&db)
        .args(["voucher", "issue", "--gift", &g, "--count", "500", "--valid-until", "2099-12-31"])
        .assert()
        .success();
    // Each run restores the copy of the backup in its own folder.
    let args = move |db: &Path| -> Vec<String> {
        let copy = db.parent().unwrap().join("backups").join(&name);
        vec!["backup".into(), "restore".into(), copy.display().to_string()]
    };
    harness_with("restore", dir.path(), &args, &shop_state);
}
