//! "Export this member's data" (PIPL's right of access and portability):
//! everything the shop keeps about one member, as one JSON document.

use chrono::{DateTime, Utc};
use rusqlite::Connection;
use serde_json::{json, Value};

use crate::member::{exists, get, NOTICE_VERSION};
use crate::{purchase, Result};

/// The member's record, communities, consents, tags, purchases with their
/// refunds, and whom they referred (by name: their own data).
pub fn export(conn: &Connection, id: i64, now: DateTime<Utc>) -> Result<Value> {
    exists(conn, id)?;
    let member = get(conn, id)?;
    let ids: Vec<i64> = conn
        .prepare_cached("SELECT id FROM purchase WHERE member_id = ?1 ORDER BY occurred_at, id")?
        .query_map([id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let purchases = ids.into_iter().map(|p| purchase::get(conn, p)).collect::<Result<Vec<_>>>()?;
    let referred: Vec<String> = conn
        .prepare_cached(
            "SELECT display_name FROM member WHERE referred_by = ?1 AND erased_at IS NULL ORDER BY id",
        )?
        .query_map([id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let shop = crate::shop::get(conn)?.map(|s| s.name).unwrap_or_default();
    Ok(json!({
        "format": "shopcircle-member-export",
        "version": 1,
        "exported_at": now,
        "shop": shop,
        "notice_version": NOTICE_VERSION,
        "member": member,
        "purchases": purchases,
        "referred": referred,
    }))
}
