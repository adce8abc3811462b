//! Partner stores: a neighbouring shop becomes a channel (kind
//! partner_store) of one community, so everyone who joins through it is
//! attributed to it, with its agreement's days and the fee agreed.

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{params, Connection, OptionalExtension, Row, TransactionBehavior};

use super::model::{Partner, PartnerInput};
use crate::channel::ChannelInput;
use crate::gift::MONEY_MAX;
use crate::validate::{in_range, optional, required};
use crate::{shop, Error, Field, Problem, Result};

pub const NAME_MAX: usize = 40;
pub const BUSINESS_MAX: usize = 40;
pub const CONTACT_MAX: usize = 40;
pub const ADDRESS_MAX: usize = 80;

fn day(field: Field, text: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map_err(|_| Error::invalid(field, Problem::Unknown { value: text.chars().take(20).collect() }))
}

/// Adds a partner store and its channel in one transaction.
pub fn add(conn: &mut Connection, input: &PartnerInput, now: DateTime<Utc>) -> Result<Partner> {
    let name = required(Field::Name, &input.name, NAME_MAX)?;
    let business = optional(Field::Industry, &input.business, BUSINESS_MAX)?;
    let contact = optional(Field::Contact, &input.contact, CONTACT_MAX)?;
    let address = optional(Field::Address, &input.address, ADDRESS_MAX)?;
    let (from, to) = (day(Field::Start, &input.agreement_from)?, day(Field::EndsOn, &input.agreement_to)?);
    if to < from {
        return Err(Error::invalid(Field::EndsOn, Problem::BeforeStart));
    }
    let fee = in_range(Field::Amount, input.fee_cents, 0, MONEY_MAX)?;
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let channel = crate::channel::create(
        &tx,
        input.community_id,
        &ChannelInput { kind: "partner_store".into(), name: name.clone() },
        now,
    )?;
    tx.execute(
        "INSERT INTO partner (channel_id, name, business, contact, address, agreement_from, agreement_to, fee_cents,
             created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)",
        params![channel.id, name, business, contact, address, from.to_string(), to.to_string(), fee, now],
    )?;
    let id = tx.last_insert_rowid();
    tx.commit()?;
    get(conn, id, now)
}

const COLUMNS: &str = "p.id, p.channel_id, c.community_id, m.name, p.name, p.business, p.contact, p.address,
     p.agreement_from, p.agreement_to, p.fee_cents";

fn from_row(r: &Row, today: &str) -> rusqlite::Result<Partner> {
    let (from, to): (String, String) = (r.get(8)?, r.get(9)?);
    Ok(Partner {
        id: r.get(0)?,
        channel_id: r.get(1)?,
        community_id: r.get(2)?,
        community: r.get(3)?,
        name: r.get(4)?,
        business: r.get(5)?,
        contact: r.get(6)?,
        address: r.get(7)?,
        active: from.as_str() <= today && today <= to.as_str(),
        agreement_from: from,
        agreement_to: to,
        fee_cents: r.get(10)?,
    })
}

pub fn get(conn: &Connection, id: i64, now: DateTime<Utc>) -> Result<Partner> {
    let today = shop::today(conn, now)?.to_string();
    conn.query_row(
        &format!(
            "SELECT {COLUMNS} FROM partner p JOIN channel c ON c.id = p.channel_id
             JOIN community m ON m.id = c.community_id WHERE p.id = ?1"
        ),
        [id],
        |r| from_row(r, &today),
    )
    .optional()?
    .ok_or(Error::NotFound { what: "partner", id })
}

/// Every partner, those whose agreement covers today first, then by name.
pub fn list(conn: &Connection, now: DateTime<Utc>) -> Result<Vec<Partner>> {
    let today = shop::today(conn, now)?.to_string();
    let mut partners: Vec<Partner> = conn
        .prepare_cached(&format!(
            "SELECT {COLUMNS} FROM partner p JOIN channel c ON c.id = p.channel_id
             JOIN community m ON m.id = c.community_id ORDER BY p.name, p.id"
        ))?
        .query_map([], |r| from_row(r, &today))?
        .collect::<rusqlite::Result<_>>()?;
    partners.sort_by_key(|p| !p.active);
    Ok(partners)
}
