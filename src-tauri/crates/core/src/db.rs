//! Opening the database: the connection settings that keep data whole, and the
//! append-only migrations that bring any earlier file up to date.

use std::path::Path;

pub use rusqlite::Connection;
use rusqlite::OptionalExtension;
#[cfg(test)]
use rusqlite_migration::{Migrations, M};

use crate::{Error, Result};

#[cfg(test)]
fn migrations() -> Migrations<'static> {
    Migrations::new(MIGRATIONS.iter().map(|sql| M::up(sql)).collect())
}

use crate::migrations::MIGRATIONS;
pub use crate::migrations::{schema_version, APPLICATION_ID};

/// Whether `open` may make a new database when none is at the path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IfMissing {
    Create,
    /// The CLI's lookups: a mistyped path must not become a new, empty shop.
    Refuse,
}

/// Opens (creating if needed) the database file at `path` and migrates it
/// (tests and benchmarks: an upgrade backup is stamped with the system clock).
pub fn open(path: &Path) -> Result<Connection> {
    open_with(path, IfMissing::Create, chrono::Utc::now())
}

/// Opens the database at `path`: refuses what is not a regular file, another
/// program's SQLite file and a file from a newer build, each untouched; makes
/// a new file readable by the owner only (it holds the voucher key); backs an
/// earlier version's file up before migrating it (stamped `now`); migrates.
pub fn open_with(
    path: &Path,
    if_missing: IfMissing,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<Connection> {
    let shown = path.display().to_string();
    match std::fs::metadata(path) {
        Ok(meta) if !meta.is_file() => return Err(Error::NotADatabase { path: shown }),
        Ok(_) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            if if_missing == IfMissing::Refuse {
                return Err(Error::NoDatabase { path: shown });
            }
            create_private(path)?;
        }
        Err(e) => return Err(Error::Open(format!("{shown}: {e}"))),
    }
    let mut conn = Connection::open(path).map_err(|e| Error::Open(format!("{shown}: {e}")))?;
    conn.busy_timeout(std::time::Duration::from_secs(10))?;
    check_ours(&conn, &shown)?;
    // Only a file that is ours is tightened: a refused one is left as it was.
    keep_private(path);
    // SQLite answers "database is locked" at once, without waiting, when
    // another process is switching a new file to WAL or recovering its log at
    // that moment; both pass in milliseconds, so try again for a while.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        match configure(&conn, true)
            .and_then(|()| back_up_before_upgrade(&conn, now))
            .and_then(|()| migrate(&mut conn))
        {
            Err(e) if is_busy(&e) && std::time::Instant::now() < deadline => {
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            // Still not in WAL after the wait: not another process, the file system.
            Err(Error::Busy) => return Err(Error::NoWal { path: shown }),
            Err(e) => return Err(e),
            Ok(()) => return Ok(conn),
        }
    }
}

/// A file from an earlier version is copied before its migration runs: a
/// migration is the riskiest write there is, and the only one the owner did
/// not ask for. No copy, no migration.
fn back_up_before_upgrade(conn: &Connection, now: chrono::DateTime<chrono::Utc>) -> Result<()> {
    let found: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if found > 0 && found < schema_version() {
        crate::backup::before_risky(conn, crate::backup::Reason::BeforeUpgrade, now)?;
    }
    Ok(())
}

fn is_busy(e: &Error) -> bool {
    matches!(e, Error::Database(rusqlite::Error::SqliteFailure(f, _))
        if matches!(f.code, rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked))
        || matches!(e, Error::Busy)
}

/// Removes a database this run made and did not use (its WAL, shared-memory
/// and hold files with it); what cannot be removed is left.
pub fn remove(path: &Path) {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    for suffix in ["", "-wal", "-shm", "-journal", ".lock"] {
        let _ = std::fs::remove_file(dir.join(format!("{name}{suffix}")));
    }
}

/// Makes an empty file, owner-only, with its folder. SQLite gives the WAL and
/// shared-memory files the database's own permissions.
fn create_private(path: &Path) -> Result<()> {
    let fail = |e: std::io::Error, p: &Path| Error::Open(format!("{}: {e}", p.display()));
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| fail(e, dir))?;
    }
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(false);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path).map(drop).map_err(|e| fail(e, path))
}

/// Takes group and other readers off a file made by an earlier build (0644),
/// and off its WAL and shared-memory files and backups beside it.
fn keep_private(path: &Path) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
        for suffix in ["", "-wal", "-shm", "-journal"] {
            let file = dir.join(format!("{name}{suffix}"));
            if let Ok(meta) = std::fs::metadata(&file) {
                if meta.is_file() && meta.permissions().mode() & 0o077 != 0 {
                    let _ = std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600));
                }
            }
        }
    }
    #[cfg(not(unix))]
    let _ = path;
}

/// Ours: marked with our application id, or an earlier ShopCircle file (our
/// `shop` table, no mark yet), or empty. Anything else is left untouched.
fn check_ours(conn: &Connection, shown: &str) -> Result<()> {
    // Only "not a database" means that; a lock or a read error is said as itself.
    let not_sqlite = |e: rusqlite::Error| match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::NotADatabase) => Error::NotADatabase { path: shown.to_owned() },
        _ => Error::Database(e),
    };
    let id: i32 = conn.query_row("PRAGMA application_id", [], |r| r.get(0)).map_err(not_sqlite)?;
    if id == APPLICATION_ID {
        return Ok(());
    }
    let tables: i64 = conn
        .query_row("SELECT count(*) FROM sqlite_master WHERE type = 'table'", [], |r| r.get(0))
        .map_err(not_sqlite)?;
    let earlier_shopcircle: bool = conn
        .query_row("SELECT count(*) = 1 FROM sqlite_master WHERE type = 'table' AND name = 'shop'", [], |r| {
            r.get(0)
        })
        .map_err(not_sqlite)?;
    if id == 0 && (tables == 0 || earlier_shopcircle) {
        return Ok(());
    }
    Err(Error::ForeignDatabase { path: shown.to_owned() })
}

/// An empty in-memory database with the full schema, for tests.
pub fn open_in_memory() -> Result<Connection> {
    let mut conn = Connection::open_in_memory()?;
    configure(&conn, false)?;
    migrate(&mut conn)?;
    Ok(conn)
}

fn configure(conn: &Connection, on_disk: bool) -> Result<()> {
    // The app and the CLI may touch the same file; wait for the other instead of failing.
    conn.busy_timeout(std::time::Duration::from_secs(10))?;
    if on_disk {
        // WAL lets the CLI read while the app writes; FULL makes every commit
        // survive a power cut, which matters more here than write speed.
        let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
        if !mode.eq_ignore_ascii_case("wal") {
            // Another connection held the file at that moment; the caller tries again.
            return Err(Error::Busy);
        }
    }
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    Ok(())
}

/// Brings the schema up to date in one IMMEDIATE transaction: the first of
/// several processes opening a new file at once migrates it, the others wait
/// for its lock and then find nothing to do (issue 11: three of four failed
/// with "table shop already exists" when each read version 0 first).
fn migrate(conn: &mut Connection) -> Result<()> {
    // A migration may rebuild a table (SQLite cannot change a CHECK in place),
    // which SQLite only allows with foreign keys off; they are checked as a
    // whole before the commit instead, and switched back on whatever happens.
    // (The pragma is ignored inside a transaction, hence out here.)
    conn.pragma_update(None, "foreign_keys", "OFF")?;
    let outcome = migrate_in_one_transaction(conn);
    conn.pragma_update(None, "foreign_keys", "ON")?;
    outcome
}

fn migrate_in_one_transaction(conn: &mut Connection) -> Result<()> {
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    // Refuse a file from a newer build before touching it: migrating "down" to an
    // older schema would silently drop what the newer version stored.
    let found: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if found > schema_version() {
        return Err(Error::NewerDatabase { found, known: schema_version() });
    }
    for (n, sql) in MIGRATIONS.iter().enumerate().skip(found.max(0) as usize) {
        tx.execute_batch(sql).map_err(|e| Error::Migration(format!("{}: {e}", n + 1)))?;
    }
    // Checked only after a migration ran: it reads every table.
    if found < schema_version() {
        let broken: Option<String> = tx.query_row("PRAGMA foreign_key_check", [], |r| r.get(0)).optional()?;
        if let Some(table) = broken {
            return Err(Error::Migration(format!("a reference in {table} points nowhere")));
        }
    }
    tx.pragma_update(None, "user_version", schema_version())?;
    tx.pragma_update(None, "application_id", APPLICATION_ID)?;
    tx.commit()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_valid() {
        assert!(migrations().validate().is_ok());
    }

    #[test]
    fn a_database_from_every_earlier_version_upgrades_to_the_latest() {
        for version in 0..schema_version() {
            let mut conn = Connection::open_in_memory().unwrap();
            migrations().to_version(&mut conn, version as usize).unwrap();
            migrate(&mut conn).unwrap();
            let now: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
            assert_eq!(now, schema_version(), "upgrading from version {version}");
        }
    }

    #[test]
    fn the_voucher_batch_rebuild_keeps_every_batch_voucher_and_redemption() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("shop.db");
        {
            let mut conn = Connection::open(&path).unwrap();
            conn.pragma_update(None, "foreign_keys", "ON").unwrap();
            migrations().to_version(&mut conn, 8).unwrap();
            conn.execute_batch(
                "INSERT INTO gift (id, name, kind, unit_cost_cents, value_cents, stock, low_stock_at, created_at, updated_at)
                     VALUES (1, 'Tea', 'drainage', 350, 1500, 4, 1, 't', 't');
                 INSERT INTO voucher_batch (id, name, benefit, gift_id, count, first_serial, valid_from, valid_until, created_at)
                     VALUES (7, 'Tea gift', 'gift', 1, 2, 1, '2026-01-01', '2026-12-31', 't');
                 INSERT INTO voucher (serial, batch_id, redeemed_at) VALUES (1, 7, '2026-02-01T00:00:00Z'), (2, 7, NULL);
                 INSERT INTO voucher_event (serial, action, at) VALUES (1, 'redeemed', '2026-02-01T00:00:00Z');",
            )
            .unwrap();
        }
        let conn = open(&path).unwrap();
        let (batches, vouchers, events): (i64, i64, i64) = conn
            .query_row(
                "SELECT (SELECT count(*) FROM voucher_batch WHERE id = 7 AND gift_id = 1),
                        (SELECT count(*) FROM voucher WHERE batch_id = 7), (SELECT count(*) FROM voucher_event)",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .unwrap();
        assert_eq!((batches, vouchers, events), (1, 2, 1));
        // The references still hold after the rename, and are enforced again.
        let fk: i64 = conn.query_row("PRAGMA foreign_keys", [], |r| r.get(0)).unwrap();
        assert_eq!(fk, 1);
        let orphan = conn.execute("INSERT INTO voucher (serial, batch_id) VALUES (3, 99)", []);
        assert!(orphan.is_err(), "a voucher of no batch is refused");
    }

    #[test]
    fn the_stock_history_rebuild_keeps_every_move_and_learns_claims() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("shop.db");
        {
            let mut conn = Connection::open(&path).unwrap();
            conn.pragma_update(None, "foreign_keys", "ON").unwrap();
            migrations().to_version(&mut conn, 11).unwrap();
            conn.execute_batch(
                "INSERT INTO gift (id, name, kind, unit_cost_cents, value_cents, stock, low_stock_at, created_at, updated_at)
                     VALUES (1, 'Tea', 'drainage', 350, 1500, 9, 1, 't', 't');
                 INSERT INTO gift_stock_move (gift_id, change, stock_after, reason, made_at)
                     VALUES (1, 10, 10, 'added', 't'), (1, -1, 9, 'counted', 't');",
            )
            .unwrap();
        }
        let conn = open(&path).unwrap();
        let moves: Vec<(i64, String)> = conn
            .prepare("SELECT stock_after, reason FROM gift_stock_move WHERE gift_id = 1 ORDER BY id")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        assert_eq!(moves, [(10, "added".to_owned()), (9, "counted".to_owned())]);
        conn.execute(
            "INSERT INTO gift_stock_move (gift_id, change, stock_after, reason, made_at) VALUES (1, -1, 8, 'claimed', 't')",
            [],
        )
        .expect("a claim is a reason the history now knows");
        let orphan = conn.execute(
            "INSERT INTO gift_stock_move (gift_id, change, stock_after, reason, made_at) VALUES (99, -1, 8, 'claimed', 't')",
            [],
        );
        assert!(orphan.is_err(), "a move of no gift is refused");
    }

    #[test]
    fn a_database_written_by_a_newer_version_is_refused_and_left_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("shop.db");
        {
            let conn = open(&path).unwrap();
            conn.execute_batch("CREATE TABLE from_the_future (x); PRAGMA user_version = 99;").unwrap();
        }
        let err = open(&path).unwrap_err();
        assert_eq!(err.code(), "newer_database");
        assert!(err.message(crate::Lang::En).contains("newer version"));
        assert!(err.message(crate::Lang::ZhCn).contains("更新版本"));
        let conn = Connection::open(&path).unwrap();
        let v: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
        assert_eq!(v, 99);
        let t: i64 = conn
            .query_row("SELECT count(*) FROM sqlite_master WHERE name = 'from_the_future'", [], |r| r.get(0))
            .unwrap();
        assert_eq!(t, 1);
    }

    #[test]
    fn a_file_database_uses_wal_full_sync_and_foreign_keys() {
        let dir = tempfile::tempdir().unwrap();
        let conn = open(&dir.path().join("nested/dir/shop.db")).unwrap();
        let mode: String = conn.query_row("PRAGMA journal_mode", [], |r| r.get(0)).unwrap();
        let sync: i64 = conn.query_row("PRAGMA synchronous", [], |r| r.get(0)).unwrap();
        let fk: i64 = conn.query_row("PRAGMA foreign_keys", [], |r| r.get(0)).unwrap();
        assert_eq!((mode.as_str(), sync, fk), ("wal", 2, 1));
    }

    // The probes of issue 11, each with the answer it now gets.

    #[test]
    fn another_programs_sqlite_file_is_refused_and_left_as_it_was() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("firefox-places.sqlite");
        {
            let other = Connection::open(&path).unwrap();
            other
                .execute_batch("CREATE TABLE moz_places (url TEXT); INSERT INTO moz_places VALUES ('x');")
                .unwrap();
        }
        #[cfg(unix)]
        std::fs::set_permissions(&path, std::os::unix::fs::PermissionsExt::from_mode(0o644)).unwrap();
        let before = std::fs::read(&path).unwrap();
        let err = open(&path).unwrap_err();
        assert_eq!(err.code(), "foreign_database");
        #[cfg(unix)]
        assert_eq!(
            std::os::unix::fs::PermissionsExt::mode(&std::fs::metadata(&path).unwrap().permissions()) & 0o777,
            0o644,
            "its permissions untouched too"
        );
        assert!(err.message(crate::Lang::En).contains("another program"));
        assert_eq!(std::fs::read(&path).unwrap(), before, "not a byte changed");
        assert!(!dir.path().join("firefox-places.sqlite-wal").exists(), "not switched to WAL");
    }

    #[test]
    fn a_device_or_a_text_file_is_not_a_database() {
        assert_eq!(open(Path::new("/dev/null")).unwrap_err().code(), "not_a_database");
        let dir = tempfile::tempdir().unwrap();
        let text = dir.path().join("notes.txt");
        std::fs::write(&text, "shopping list: tea, cups, a bigger kettle, and more tea for the spring")
            .unwrap();
        let err = open(&text).unwrap_err();
        assert_eq!(err.code(), "not_a_database");
        assert!(
            err.message(crate::Lang::En).contains("is not a database file"),
            "{}",
            err.message(crate::Lang::En)
        );
    }

    #[test]
    fn a_missing_file_is_made_only_when_asked() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("typo/shop.db");
        let err = open_with(&path, IfMissing::Refuse, chrono::Utc::now()).unwrap_err();
        assert_eq!(err.code(), "no_database");
        assert!(!dir.path().join("typo").exists(), "no folder made");
        let conn = open_with(&path, IfMissing::Create, chrono::Utc::now()).unwrap();
        let id: i32 = conn.query_row("PRAGMA application_id", [], |r| r.get(0)).unwrap();
        assert_eq!(id, APPLICATION_ID);
        drop(conn);
        open_with(&path, IfMissing::Refuse, chrono::Utc::now()).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn the_database_and_its_wal_are_readable_by_the_owner_only() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("shop.db");
        let conn = open(&path).unwrap();
        conn.execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);").unwrap();
        for file in ["shop.db", "shop.db-wal"] {
            let mode = std::fs::metadata(dir.path().join(file)).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600, "{file}");
        }
        drop(conn);
        // A file an earlier build made 0644 is tightened when opened.
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
        drop(open(&path).unwrap());
        assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
    }

    #[test]
    fn an_earlier_shopcircle_file_without_the_mark_is_still_ours() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("shop.db");
        {
            let mut conn = Connection::open(&path).unwrap();
            migrations().to_version(&mut conn, 5).unwrap();
        }
        let conn = open(&path).unwrap();
        let v: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
        assert_eq!(v, schema_version());
    }

    #[test]
    fn four_connections_opening_a_new_file_at_once_all_succeed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("shop.db");
        let start = std::sync::Arc::new(std::sync::Barrier::new(4));
        let handles: Vec<_> = (0..4)
            .map(|_| {
                let (path, start) = (path.clone(), std::sync::Arc::clone(&start));
                std::thread::spawn(move || {
                    start.wait();
                    open(&path).map(drop).map_err(|e| e.to_string())
                })
            })
            .collect();
        for h in handles {
            assert_eq!(h.join().unwrap(), Ok(()));
        }
    }
}
