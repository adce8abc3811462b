//! Opening the database: the connection settings that keep data whole, and the
//! append-only migrations that bring any earlier file up to date.

use std::path::Path;

pub use rusqlite::Connection;
use rusqlite_migration::{Migrations, M};

use crate::{Error, Result};

/// Every migration, in order. Append only: a released migration is never edited,
/// because databases in the field have already run it.
const MIGRATIONS: &[&str] = &[
    include_str!("../migrations/0001_foundation.sql"),
    include_str!("../migrations/0002_channels_and_qr_sources.sql"),
    include_str!("../migrations/0003_posters.sql"),
    include_str!("../migrations/0004_poster_output_reason.sql"),
    include_str!("../migrations/0005_gifts_and_vouchers.sql"),
    include_str!("../migrations/0006_schedules_and_reminders.sql"),
];

fn migrations() -> Migrations<'static> {
    Migrations::new(MIGRATIONS.iter().map(|sql| M::up(sql)).collect())
}

/// The schema version this build writes.
pub fn schema_version() -> i64 {
    MIGRATIONS.len() as i64
}

/// Opens (creating if needed) the database file at `path` and migrates it.
pub fn open(path: &Path) -> Result<Connection> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| Error::Open(format!("{}: {e}", dir.display())))?;
    }
    let mut conn = Connection::open(path).map_err(|e| Error::Open(format!("{}: {e}", path.display())))?;
    configure(&conn, true)?;
    migrate(&mut conn)?;
    Ok(conn)
}

/// An empty in-memory database with the full schema, for tests.
pub fn open_in_memory() -> Result<Connection> {
    let mut conn = Connection::open_in_memory()?;
    configure(&conn, false)?;
    migrate(&mut conn)?;
    Ok(conn)
}

fn configure(conn: &Connection, on_disk: bool) -> Result<()> {
    if on_disk {
        // WAL lets the CLI read while the app writes; FULL makes every commit
        // survive a power cut, which matters more here than write speed.
        let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(Error::Open(format!("could not switch to WAL (got {mode})")));
        }
    }
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    // The app and the CLI may touch the same file; wait for the other instead of failing.
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    Ok(())
}

fn migrate(conn: &mut Connection) -> Result<()> {
    // Refuse a file from a newer build before touching it: migrating "down" to an
    // older schema would silently drop what the newer version stored.
    let found: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if found > schema_version() {
        return Err(Error::NewerDatabase { found, known: schema_version() });
    }
    migrations().to_latest(conn)?;
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
}
