//! The shop's secret that signs voucher codes: made when the shop is set up
//! (or, for a file from before that, at its first issue), kept in the
//! database file, never shown.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension};

use super::VoucherKey;
use crate::{Error, Result};

/// The key, if a voucher was ever issued.
pub fn existing(conn: &Connection) -> Result<Option<VoucherKey>> {
    let secret: Option<Vec<u8>> =
        conn.query_row("SELECT secret FROM voucher_key WHERE id = 1", [], |r| r.get(0)).optional()?;
    secret
        .map(|s| {
            let bytes: [u8; 32] = s.try_into().map_err(|_| Error::Damaged("voucher key"))?;
            Ok(VoucherKey::from_bytes(bytes))
        })
        .transpose()
}

/// The key, made now (inside the caller's transaction) if there is none yet.
pub(crate) fn get_or_create(conn: &Connection, now: DateTime<Utc>) -> Result<VoucherKey> {
    if let Some(key) = existing(conn)? {
        return Ok(key);
    }
    let key = VoucherKey::generate();
    conn.execute(
        "INSERT INTO voucher_key (id, secret, created_at) VALUES (1, ?1, ?2)",
        params![key.as_bytes().as_slice(), now],
    )?;
    Ok(key)
}
