//! A batch's counter log, read back: the log is written by `redeem`, which
//! records every redemption, undo and single voiding with who and why.

use rusqlite::Connection;

use super::batch::encode;
use super::key;
use super::model::{EventAction, VoucherEvent};
use crate::{Error, Result};

/// How many lines the log shows: a busy batch's latest, not its whole history.
pub const EVENTS_SHOWN: i64 = 500;

/// The batch's latest counter events, newest first.
pub fn events(conn: &Connection, batch_id: i64) -> Result<Vec<VoucherEvent>> {
    let key = key::existing(conn)?.ok_or(Error::NotFound { what: "voucher batch", id: batch_id })?;
    let exists: bool =
        conn.query_row("SELECT EXISTS (SELECT 1 FROM voucher_batch WHERE id = ?1)", [batch_id], |r| {
            r.get(0)
        })?;
    if !exists {
        return Err(Error::NotFound { what: "voucher batch", id: batch_id });
    }
    let mut stmt = conn.prepare_cached(
        "SELECT e.id, e.serial, e.action, e.staff, e.reason, e.at
         FROM voucher_event e JOIN voucher v ON v.serial = e.serial
         WHERE v.batch_id = ?1 ORDER BY e.id DESC LIMIT ?2",
    )?;
    let rows = stmt.query_map([batch_id, EVENTS_SHOWN], |r| {
        Ok((
            r.get::<_, i64>("id")?,
            r.get::<_, u32>("serial")?,
            r.get::<_, String>("action")?,
            r.get("staff")?,
            r.get("reason")?,
            r.get("at")?,
        ))
    })?;
    rows.map(|row| {
        let (id, serial, action, staff, reason, at) = row?;
        let action = match action.as_str() {
            "redeemed" => EventAction::Redeemed,
            "undone" => EventAction::Undone,
            "voided" => EventAction::Voided,
            _ => return Err(Error::Damaged("voucher event action")),
        };
        Ok(VoucherEvent { id, code: encode(serial, &key)?, action, staff, reason, at })
    })
    .collect()
}
