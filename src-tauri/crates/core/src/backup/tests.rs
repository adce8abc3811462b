use std::path::{Path, PathBuf};

use chrono::{Duration, TimeZone, Utc};
use rusqlite::Connection;

use super::*;
use crate::db::open;
use crate::gift::{self, GiftInput};
use crate::member::{self, ConsentInput, MemberInput};
use crate::restore::{export_shop, hold, import_shop, read_shop_file, restore, KdfCost};
use crate::testing::now;
use crate::voucher::{self, BatchInput, BenefitInput, RedeemInput};
use crate::{sample, Error, Lang};

/// The sample shop in a file, with a gift voucher batch of three.
fn shop(dir: &Path) -> (PathBuf, Connection, Vec<String>) {
    let db = dir.join("data").join("shopcircle.db");
    let mut conn = open(&db).unwrap();
    sample::create(&mut conn, Lang::ZhCn, "Asia/Shanghai", now()).unwrap();
    let g = gift::create(
        &mut conn,
        &GiftInput {
            name: "茶包".into(),
            kind: "drainage".into(),
            unit_cost_cents: 300,
            value_cents: 1200,
            low_stock_at: None,
            packaging: String::new(),
        },
        10,
        now(),
    )
    .unwrap();
    let b = voucher::issue(
        &mut conn,
        &BatchInput::new(BenefitInput::Gift { gift_id: g.id }, 3, "2026-12-31"),
        now(),
    )
    .unwrap();
    let codes = voucher::codes(&conn, b.id).unwrap();
    (db, conn, codes)
}

fn add_member(conn: &mut Connection, name: &str) -> i64 {
    member::create(conn, &MemberInput::new(name, ConsentInput::verbal(true)), now()).unwrap().id
}

fn members(conn: &Connection) -> i64 {
    conn.query_row("SELECT count(*) FROM member WHERE erased_at IS NULL AND merged_into IS NULL", [], |r| {
        r.get(0)
    })
    .unwrap()
}

fn redeemed(conn: &mut Connection, code: &str) -> bool {
    let input = RedeemInput { code: code.into(), staff: "小美".into(), spend_cents: None };
    matches!(voucher::redeem(conn, &input, Lang::ZhCn, now()).unwrap(), voucher::Redemption::Redeemed { .. })
}

fn problem(e: Error) -> BackupProblem {
    match e {
        Error::Backup(p) => p,
        other => panic!("expected a backup problem, got {other:?}"),
    }
}

#[test]
fn a_backup_is_a_checked_copy_with_its_manifest_and_the_folder_lists_it() {
    let dir = tempfile::tempdir().unwrap();
    let (db, conn, _) = shop(dir.path());
    let (made, second) = back_up_file(&db, Reason::Manual, now()).unwrap();
    assert!(second.is_none());
    assert_eq!(made.manifest.file, "shopcircle-20261121-063000-manual.db");
    assert_eq!(made.manifest.schema_version, crate::db::schema_version());
    assert_eq!(made.manifest.counts.members, members(&conn));
    assert!(made.manifest.counts.vouchers >= 3 && made.manifest.counts.communities > 0);
    let listed = list(&default_folder(&db));
    assert_eq!(listed, vec![made.clone()]);
    let checked = verify(Path::new(&made.path)).unwrap();
    assert_eq!((checked.sha256, checked.counts), (made.manifest.sha256.clone(), made.manifest.counts));
    // One self-contained file: no log beside it, a rollback journal inside.
    let copy = Connection::open(&made.path).unwrap();
    let mode: String = copy.query_row("PRAGMA journal_mode", [], |r| r.get(0)).unwrap();
    assert_eq!(mode, "delete");
    assert!(!Path::new(&format!("{}-wal", made.path)).exists());
}

#[test]
fn a_backup_holds_what_was_committed_and_not_a_write_still_under_way() {
    let dir = tempfile::tempdir().unwrap();
    let (db, mut conn, _) = shop(dir.path());
    let before = members(&conn);
    let mut writer = Connection::open(&db).unwrap();
    let tx = writer.transaction().unwrap();
    tx.execute("UPDATE member SET display_name = 'half-done'", []).unwrap();
    let (made, _) = back_up_file(&db, Reason::Automatic, now()).unwrap();
    tx.rollback().unwrap();
    let copy = Connection::open(&made.path).unwrap();
    let half: i64 = copy
        .query_row("SELECT count(*) FROM member WHERE display_name = 'half-done'", [], |r| r.get(0))
        .unwrap();
    assert_eq!((half, made.manifest.counts.members), (0, before));
    add_member(&mut conn, "新朋友");
}

#[test]
fn a_changed_byte_a_cut_file_a_newer_version_and_another_programs_file_are_each_refused_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let (db, conn, _) = shop(dir.path());
    drop(conn);
    let (made, _) = back_up_file(&db, Reason::Manual, now()).unwrap();
    let copy = PathBuf::from(&made.path);
    let bytes = std::fs::read(&copy).unwrap();

    let mut flipped = bytes.clone();
    flipped[bytes.len() / 2] ^= 0x01;
    std::fs::write(&copy, &flipped).unwrap();
    assert!(matches!(problem(verify(&copy).unwrap_err()), BackupProblem::HashMismatch { .. }));

    // Without its manifest, a flipped byte in a page is what SQLite's own check finds.
    let bare = dir.path().join("picked.db");
    let mut in_a_page = bytes.clone();
    let page = 4096 * 3;
    for b in &mut in_a_page[page..page + 64] {
        *b = 0xff;
    }
    std::fs::write(&bare, &in_a_page).unwrap();
    assert!(matches!(problem(verify(&bare).unwrap_err()), BackupProblem::Damaged { .. }), "garbled page");

    std::fs::write(&bare, &bytes[..bytes.len() / 2]).unwrap();
    let cut = problem(verify(&bare).unwrap_err());
    assert!(matches!(&cut, BackupProblem::Damaged { reason, .. } if reason.contains("cut short")), "{cut:?}");
    assert!(cut.message(Lang::ZhCn).contains("已损坏"));

    std::fs::write(&bare, &bytes).unwrap();
    Connection::open(&bare).unwrap().pragma_update(None, "user_version", 999).unwrap();
    let newer = problem(verify(&bare).unwrap_err());
    assert!(matches!(newer, BackupProblem::Newer { found: 999, .. }));
    assert!(newer.message(Lang::En).contains("newer ShopCircle"));

    let foreign = dir.path().join("other.db");
    Connection::open(&foreign)
        .unwrap()
        .execute_batch("CREATE TABLE notes (t TEXT); INSERT INTO notes VALUES ('x')")
        .unwrap();
    assert!(matches!(problem(verify(&foreign).unwrap_err()), BackupProblem::NotOurs { .. }));
    std::fs::write(
        &foreign,
        b"hello, this is a text file and no database at all, not even close to one. ........",
    )
    .unwrap();
    assert!(matches!(problem(verify(&foreign).unwrap_err()), BackupProblem::Damaged { .. }));
    assert!(matches!(
        problem(verify(&dir.path().join("gone.db")).unwrap_err()),
        BackupProblem::Missing { .. }
    ));
}

#[test]
fn restoring_brings_back_the_earlier_state_and_the_restore_itself_can_be_undone() {
    let dir = tempfile::tempdir().unwrap();
    let (db, mut conn, codes) = shop(dir.path());
    let earlier = members(&conn);
    let (made, _) = back_up_file(&db, Reason::Manual, now()).unwrap();
    add_member(&mut conn, "后来的会员");
    assert!(redeemed(&mut conn, &codes[0]));
    drop(conn);

    let later = now() + Duration::minutes(5);
    let restored = restore(&db, Path::new(&made.path), later).unwrap();
    assert_eq!(restored.counts.members, earlier);
    let undo = restored.before_restore.clone().expect("the data before was backed up");
    assert_eq!((undo.manifest.reason, undo.manifest.counts.members), (Reason::BeforeRestore, earlier + 1));
    let mut conn = open(&db).unwrap();
    assert_eq!(members(&conn), earlier);
    assert!(redeemed(&mut conn, &codes[0]), "the redemption made after the backup is gone with it");
    drop(conn);

    let undone = restore(&db, Path::new(&undo.path), later + Duration::minutes(1)).unwrap();
    assert_eq!(undone.counts.members, earlier + 1);
    let mut conn = open(&db).unwrap();
    assert!(!redeemed(&mut conn, &codes[0]), "after the undo the voucher is redeemed again, as it was");
}

#[test]
fn a_member_erased_after_the_backup_is_erased_again_when_it_is_restored() {
    let dir = tempfile::tempdir().unwrap();
    let (db, mut conn, _) = shop(dir.path());
    let id = add_member(&mut conn, "要求删除的人");
    let (made, _) = back_up_file(&db, Reason::Manual, now()).unwrap();
    member::erase(&mut conn, id, now()).unwrap();
    // The erasure was backed up before it ran, so it too can be undone by a restore.
    assert!(list(&default_folder(&db)).iter().any(|b| b.manifest.reason == Reason::BeforeErasure));
    drop(conn);
    let restored = restore(&db, Path::new(&made.path), now()).unwrap();
    assert_eq!(restored.erased_again, 1);
    let conn = open(&db).unwrap();
    let name: String =
        conn.query_row("SELECT display_name FROM member WHERE id = ?1", [id], |r| r.get(0)).unwrap();
    assert_eq!(name, member::ERASED_NAME);
}

#[test]
fn a_restore_waits_for_the_shop_to_be_closed_and_changes_nothing_meanwhile() {
    let dir = tempfile::tempdir().unwrap();
    let (db, conn, _) = shop(dir.path());
    let (made, _) = back_up_file(&db, Reason::Manual, now()).unwrap();
    let held = hold(&db).expect("a hold");
    let before = std::fs::read(&db).unwrap();
    assert_eq!(problem(restore(&db, Path::new(&made.path), now()).unwrap_err()), BackupProblem::InUse);
    assert_eq!(std::fs::read(&db).unwrap(), before);
    drop((held, conn));
    restore(&db, Path::new(&made.path), now()).unwrap();
}

#[test]
fn a_damaged_backup_is_refused_before_anything_is_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let (db, mut conn, _) = shop(dir.path());
    let (made, _) = back_up_file(&db, Reason::Manual, now()).unwrap();
    add_member(&mut conn, "不能丢的会员");
    let now_members = members(&conn);
    drop(conn);
    let len = std::fs::metadata(&made.path).unwrap().len();
    std::fs::OpenOptions::new().write(true).open(&made.path).unwrap().set_len(len / 3).unwrap();
    assert!(matches!(
        problem(restore(&db, Path::new(&made.path), now()).unwrap_err()),
        BackupProblem::HashMismatch { .. }
    ));
    assert_eq!(members(&open(&db).unwrap()), now_members);
    assert_eq!(
        list(&default_folder(&db)).iter().filter(|b| b.manifest.reason == Reason::BeforeRestore).count(),
        0
    );
}

#[test]
fn a_damaged_live_file_is_kept_byte_for_byte_when_a_backup_replaces_it() {
    let dir = tempfile::tempdir().unwrap();
    let (db, conn, _) = shop(dir.path());
    let (made, _) = back_up_file(&db, Reason::Manual, now()).unwrap();
    conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(())).unwrap();
    drop(conn);
    let len = std::fs::metadata(&db).unwrap().len();
    std::fs::OpenOptions::new().write(true).open(&db).unwrap().set_len(len / 2).unwrap();
    let damaged = std::fs::read(&db).unwrap();
    let restored = restore(&db, Path::new(&made.path), now()).unwrap();
    let kept = restored.kept_damaged.expect("the damaged file was kept");
    assert_eq!(std::fs::read(kept).unwrap(), damaged);
    assert_eq!(restored.counts, made.manifest.counts);
}

#[test]
fn what_an_interrupted_backup_left_is_removed_and_finished_backups_stay() {
    let dir = tempfile::tempdir().unwrap();
    let (db, _conn, _) = shop(dir.path());
    let (made, _) = back_up_file(&db, Reason::Manual, now()).unwrap();
    let folder = default_folder(&db);
    std::fs::write(folder.join("shopcircle-20261121-070000-automatic.db.partial"), b"half").unwrap();
    std::fs::write(folder.join("shopcircle-20261121-070000-automatic.json"), b"{}").unwrap();
    assert_eq!(clean_partials(&folder), 2);
    assert_eq!(list(&folder), vec![made.clone()]);
    assert!(Path::new(&made.path).exists());
}

#[test]
fn the_second_folder_gets_the_same_backup_and_a_pulled_stick_is_said_plainly() {
    let dir = tempfile::tempdir().unwrap();
    let (db, conn, _) = shop(dir.path());
    let stick = dir.path().join("usb");
    std::fs::create_dir(&stick).unwrap();
    set_second_folder(&conn, &db, Some(stick.to_str().unwrap())).unwrap();
    let (made, second) = back_up_shop(&conn, &db, None, Reason::Manual, now()).unwrap();
    let copied = second.unwrap().unwrap();
    assert_eq!(copied.manifest, made.manifest);
    assert_eq!(verify(Path::new(&copied.path)).unwrap().sha256, made.manifest.sha256);

    std::fs::remove_dir_all(&stick).unwrap();
    let (_, second) = back_up_shop(&conn, &db, None, Reason::Manual, now() + Duration::minutes(1)).unwrap();
    let pulled = problem(second.unwrap().unwrap_err());
    assert!(matches!(pulled, BackupProblem::FolderMissing { .. }));
    assert!(pulled.message(Lang::ZhCn).contains("U 盘"));
    assert!(!stick.exists(), "a pulled stick's folder is not made again on the laptop");
    assert_eq!(list(&default_folder(&db)).len(), 2, "the main backup stands");

    assert!(matches!(set_second_folder(&conn, &db, Some("relative/folder")), Err(Error::Invalid { .. })));
    let main = default_folder(&db);
    assert!(matches!(
        set_second_folder(&conn, &db, Some(main.to_str().unwrap())),
        Err(Error::Invalid { .. })
    ));
    set_second_folder(&conn, &db, None).unwrap();
    assert_eq!(second_folder(&conn), None);
}

#[cfg(target_os = "linux")]
#[test]
fn a_folder_that_cannot_be_written_gives_a_clear_error_and_leaves_the_shop_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let (db, conn, _) = shop(dir.path());
    let before = crate::backup::files::sha256_file(&db).unwrap();
    // /sys is read-only even for root.
    let e = back_up_shop(&conn, &db, Some(Path::new("/sys/shopcircle-backups")), Reason::Manual, now())
        .unwrap_err();
    let p = problem(e);
    assert!(matches!(p, BackupProblem::FolderNotWritable { .. }), "{p:?}");
    assert!(p.message(Lang::En).contains("your data is unchanged"));
    assert_eq!(crate::backup::files::sha256_file(&db).unwrap(), before);
}

#[test]
fn a_file_from_an_earlier_version_is_backed_up_before_it_is_migrated() {
    let dir = tempfile::tempdir().unwrap();
    let (db, conn, _) = shop(dir.path());
    drop(conn);
    // Pretend the file was written by the version before the last migration.
    let conn = Connection::open(&db).unwrap();
    conn.execute_batch("DROP TABLE backup_setting; PRAGMA user_version = 27;").unwrap();
    drop(conn);
    open(&db).unwrap();
    let upgrade: Vec<Backup> = list(&default_folder(&db))
        .into_iter()
        .filter(|b| b.manifest.reason == Reason::BeforeUpgrade)
        .collect();
    assert_eq!(upgrade.len(), 1);
    assert_eq!(upgrade[0].manifest.schema_version, 27);
    open(&db).unwrap();
    assert_eq!(list(&default_folder(&db)).len(), 1, "an up-to-date file is not copied at every start");
}

#[test]
fn the_whole_shop_moves_to_a_new_laptop_and_its_vouchers_redeem_there() {
    let dir = tempfile::tempdir().unwrap();
    let (db, conn, codes) = shop(dir.path());
    let file = dir.path().join("usb").join("茶香.shopcircle");
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    let shop_file = export_shop(&conn, &file, "correct horse", KdfCost::TEST, now()).unwrap();
    assert_eq!(shop_file.counts.members, members(&conn));
    let raw = std::fs::read(&file).unwrap();
    let key: Vec<u8> = conn.query_row("SELECT secret FROM voucher_key", [], |r| r.get(0)).unwrap_or_default();
    assert!(
        !key.is_empty() && !raw.windows(key.len()).any(|w| w == key.as_slice()),
        "the voucher key is not in clear"
    );
    assert!(!raw.windows(6).any(|w| w == "茶香".as_bytes()), "nothing of the shop is in clear");
    assert!(list(&default_folder(&db)).is_empty(), "the clear working copy is gone");

    let new_laptop = dir.path().join("new").join("shopcircle.db");
    assert_eq!(read_shop_file(&file, "correct horse").unwrap(), shop_file);
    let imported = import_shop(&new_laptop, &file, "correct horse", now()).unwrap();
    assert_eq!(imported.counts, shop_file.counts);
    let mut there = open(&new_laptop).unwrap();
    assert!(redeemed(&mut there, &codes[1]), "a voucher issued on the old laptop redeems on the new one");
}

#[test]
fn a_wrong_passphrase_a_cut_file_and_a_short_passphrase_are_each_said_and_change_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (db, conn, _) = shop(dir.path());
    let file = dir.path().join("shop.shopcircle");
    let short = export_shop(&conn, &file, "short", KdfCost::TEST, now()).unwrap_err();
    assert!(matches!(short, Error::Invalid { field: crate::Field::Passphrase, .. }));
    assert!(short.message(Lang::ZhCn).contains("至少 8 个字"));
    export_shop(&conn, &file, "correct horse", KdfCost::TEST, now()).unwrap();
    drop(conn);
    let before = crate::backup::files::sha256_file(&db).unwrap();

    let wrong = import_shop(&db, &file, "battery staple", now()).unwrap_err();
    assert_eq!(problem(wrong), BackupProblem::WrongPassphrase);
    let bytes = std::fs::read(&file).unwrap();
    let cut = dir.path().join("cut.shopcircle");
    std::fs::write(&cut, &bytes[..bytes.len() - 100]).unwrap();
    assert!(matches!(
        problem(import_shop(&db, &cut, "correct horse", now()).unwrap_err()),
        BackupProblem::ShopFileDamaged { .. }
    ));
    let mut changed = bytes.clone();
    let at = changed.len() - 50;
    changed[at] ^= 1;
    std::fs::write(&cut, &changed).unwrap();
    assert!(matches!(
        problem(import_shop(&db, &cut, "correct horse", now()).unwrap_err()),
        BackupProblem::ShopFileDamaged { .. }
    ));
    std::fs::write(&cut, b"not a shop file at all, just text").unwrap();
    assert!(matches!(
        problem(import_shop(&db, &cut, "correct horse", now()).unwrap_err()),
        BackupProblem::NotAShopFile { .. }
    ));

    assert_eq!(crate::backup::files::sha256_file(&db).unwrap(), before, "the shop is untouched");
    let folder = default_folder(&db);
    let leftovers: Vec<_> = std::fs::read_dir(&folder)
        .map(|d| {
            d.filter_map(|e| e.ok())
                .map(|e| e.file_name())
                .filter(|n| n.to_string_lossy().contains("import"))
                .collect()
        })
        .unwrap_or_default();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

// Retention: a pure function of the times, the reasons and the clock.

fn at(days_ago: i64, minutes: i64) -> chrono::DateTime<Utc> {
    now() - Duration::days(days_ago) - Duration::minutes(minutes)
}

#[test]
fn a_year_of_half_hourly_backups_thins_to_a_few_dozen_spread_over_the_year() {
    let zone = chrono_tz::Asia::Shanghai;
    let mut stamps = Vec::new();
    for d in 0..400 {
        for half_hour in 0..20 {
            stamps.push(Stamp { taken_at: at(d, half_hour * 30), reason: Reason::Automatic });
        }
    }
    let gone = to_delete(&stamps, now(), zone);
    let kept: Vec<&Stamp> = (0..stamps.len()).filter(|i| !gone.contains(i)).map(|i| &stamps[i]).collect();
    let recent = kept.iter().filter(|s| now() - s.taken_at < Duration::days(3)).count();
    assert!(kept.len() - recent <= 12 + 10 + 9, "{} kept beyond the last two days", kept.len() - recent);
    let oldest = kept.iter().map(|s| s.taken_at).min().unwrap();
    assert!(
        now() - oldest >= Duration::days(330),
        "the oldest kept is {} days old",
        (now() - oldest).num_days()
    );
    assert!(now() - oldest <= Duration::days(380));
    // Every day of the last two weeks still has one.
    for d in 0..14 {
        let day = (now() - Duration::days(d)).with_timezone(&zone).date_naive();
        assert!(kept.iter().any(|s| s.taken_at.with_timezone(&zone).date_naive() == day), "day -{d}");
    }
}

#[test]
fn manual_backups_the_newest_and_recent_pre_operation_backups_are_never_thinned() {
    let zone = chrono_tz::Asia::Shanghai;
    let stamps = vec![
        Stamp { taken_at: at(300, 0), reason: Reason::Manual },
        Stamp { taken_at: at(20, 0), reason: Reason::BeforeImport },
        Stamp { taken_at: at(40, 0), reason: Reason::BeforeMerge },
        Stamp { taken_at: at(40, 5), reason: Reason::Automatic },
        Stamp { taken_at: at(1, 0), reason: Reason::Exit },
        Stamp { taken_at: at(1, 10), reason: Reason::Automatic },
    ];
    assert_eq!(to_delete(&stamps, now(), zone), vec![3], "the older of day -40's two goes");
    let only_old = vec![Stamp { taken_at: at(500, 0), reason: Reason::Automatic }];
    assert!(to_delete(&only_old, now(), zone).is_empty(), "the newest backup is never deleted");
    let future = vec![
        Stamp { taken_at: now() + Duration::days(30), reason: Reason::Automatic },
        Stamp { taken_at: at(0, 0), reason: Reason::Automatic },
    ];
    assert!(to_delete(&future, now(), zone).is_empty());
}

#[test]
fn thinning_a_folder_deletes_only_what_retention_lets_go() {
    let dir = tempfile::tempdir().unwrap();
    let (db, conn, _) = shop(dir.path());
    let times = [at(200, 0), at(100, 0), at(100, 30), at(0, 0)];
    for (i, t) in times.iter().enumerate() {
        let reason = if i == 0 { Reason::Manual } else { Reason::Automatic };
        back_up(&conn, &default_folder(&db), reason, *t).unwrap();
    }
    assert_eq!(thin(&default_folder(&db), now(), chrono_tz::Asia::Shanghai), 1);
    let left: Vec<_> = list(&default_folder(&db)).into_iter().map(|b| b.manifest.taken_at).collect();
    assert_eq!(left, vec![times[3], times[1], times[0]]);
    let _ = Utc.timestamp_opt(0, 0);
}

#[test]
fn restoring_an_old_backup_that_retention_would_let_go_still_restores_it() {
    let dir = tempfile::tempdir().unwrap();
    let (db, mut conn, _) = shop(dir.path());
    let folder = default_folder(&db);
    // Two automatic backups on a day long gone: retention keeps only the later.
    let older = back_up(&conn, &folder, Reason::Automatic, at(20, 30)).unwrap();
    back_up(&conn, &folder, Reason::Automatic, at(20, 0)).unwrap();
    add_member(&mut conn, "后来的会员");
    drop(conn);
    let restored = restore(&db, Path::new(&older.path), now()).unwrap();
    assert_eq!(restored.counts, older.manifest.counts);
}
