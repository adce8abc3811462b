//! The product catalogue: what the shop sells (apart from the gifts it hands
//! out), at what price and cost, how many are on the shelf, and every regular
//! price it has had, so a campaign's "was ¥X" names the 7-day lowest.

mod model;
mod price;

pub use model::{PriceChange, Product, ProductInput, ProductRole, MONEY_MAX, NAME_MAX, STOCK_MAX, UNIT_MAX};
pub use price::REFERENCE_DAYS;

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};

use crate::image_change::ImageChange;
use crate::{Error, Result};

const COLUMNS: &str = "id, name, unit, price_cents, cost_cents, stock, role, photo IS NOT NULL AS has_photo,
     archived_at, created_at, updated_at";

fn from_row(r: &Row) -> rusqlite::Result<Product> {
    let role: String = r.get("role")?;
    let price_cents: i64 = r.get("price_cents")?;
    Ok(Product {
        id: r.get("id")?,
        name: r.get("name")?,
        unit: r.get("unit")?,
        price_cents,
        cost_cents: r.get("cost_cents")?,
        stock: r.get("stock")?,
        role: ProductRole::parse(&role).unwrap_or(ProductRole::Profit),
        // Filled in by `with_reference`, which knows the time.
        reference_price_cents: price_cents,
        has_photo: r.get("has_photo")?,
        archived_at: r.get("archived_at")?,
        created_at: r.get("created_at")?,
        updated_at: r.get("updated_at")?,
    })
}

fn with_reference(conn: &Connection, mut p: Product, now: DateTime<Utc>) -> Result<Product> {
    p.reference_price_cents = price::reference(&price::history(conn, p.id)?, p.price_cents, now);
    Ok(p)
}

/// A product as it stands at `now` (its reference price depends on the time).
pub fn get(conn: &Connection, id: i64, now: DateTime<Utc>) -> Result<Product> {
    let p = conn
        .query_row(&format!("SELECT {COLUMNS} FROM product WHERE id = ?1"), [id], from_row)
        .optional()?
        .ok_or(Error::NotFound { what: "product", id })?;
    with_reference(conn, p, now)
}

/// The product's name, or not found.
pub(crate) fn name(conn: &Connection, id: i64) -> Result<String> {
    conn.query_row("SELECT name FROM product WHERE id = ?1", [id], |r| r.get(0))
        .optional()?
        .ok_or(Error::NotFound { what: "product", id })
}

/// Whether a product `id` is in the catalogue and not archived.
pub(crate) fn exists(conn: &Connection, id: i64) -> Result<bool> {
    Ok(conn
        .query_row("SELECT 1 FROM product WHERE id = ?1 AND archived_at IS NULL", [id], |_| Ok(()))
        .optional()?
        .is_some())
}

/// Products in use, by role then name; the archived ones last when asked for.
pub fn list(conn: &Connection, include_archived: bool, now: DateTime<Utc>) -> Result<Vec<Product>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM product WHERE ?1 OR archived_at IS NULL
         ORDER BY archived_at IS NOT NULL, role DESC, name"
    ))?;
    let rows = stmt.query_map([include_archived], from_row)?.collect::<rusqlite::Result<Vec<_>>>()?;
    rows.into_iter().map(|p| with_reference(conn, p, now)).collect()
}

/// Adds a product, its first price and its photo, in one transaction.
pub fn create(
    conn: &mut Connection,
    input: &ProductInput,
    photo: &ImageChange,
    now: DateTime<Utc>,
) -> Result<Product> {
    let tx = conn.transaction()?;
    let id = insert(&tx, input, photo, now)?;
    tx.commit()?;
    get(conn, id, now)
}

/// Checks and adds a product inside the caller's transaction; its id.
pub(crate) fn insert(
    tx: &Transaction,
    input: &ProductInput,
    photo: &ImageChange,
    now: DateTime<Utc>,
) -> Result<i64> {
    let v = model::validate(input)?;
    let photo = photo.checked_picture()?;
    tx.execute(
        "INSERT INTO product (name, unit, price_cents, cost_cents, stock, role, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
        params![v.name, v.unit, v.price_cents, v.cost_cents, v.stock, v.role.as_str(), now],
    )?;
    let id = tx.last_insert_rowid();
    price::record(tx, id, v.price_cents, now)?;
    store_photo(tx, id, photo)?;
    Ok(id)
}

/// Saves the owner's edit; a new price joins the history from `now` on.
pub fn update(
    conn: &mut Connection,
    id: i64,
    input: &ProductInput,
    photo: &ImageChange,
    now: DateTime<Utc>,
) -> Result<Product> {
    let v = model::validate(input)?;
    let photo = photo.checked_picture()?;
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    let old_price: i64 = tx
        .query_row("SELECT price_cents FROM product WHERE id = ?1", [id], |r| r.get(0))
        .optional()?
        .ok_or(Error::NotFound { what: "product", id })?;
    tx.execute(
        "UPDATE product SET name = ?1, unit = ?2, price_cents = ?3, cost_cents = ?4, stock = ?5, role = ?6,
                updated_at = ?7
         WHERE id = ?8",
        params![v.name, v.unit, v.price_cents, v.cost_cents, v.stock, v.role.as_str(), now, id],
    )?;
    if v.price_cents != old_price {
        price::record(&tx, id, v.price_cents, now)?;
    }
    store_photo(&tx, id, photo)?;
    tx.commit()?;
    get(conn, id, now)
}

pub fn set_archived(conn: &Connection, id: i64, archived: bool, now: DateTime<Utc>) -> Result<Product> {
    get(conn, id, now)?;
    conn.execute(
        "UPDATE product SET archived_at = ?1, updated_at = ?2 WHERE id = ?3",
        params![archived.then_some(now), now, id],
    )?;
    get(conn, id, now)
}

/// Every regular price the product has had, newest first.
pub fn prices(conn: &Connection, id: i64, now: DateTime<Utc>) -> Result<Vec<PriceChange>> {
    get(conn, id, now)?;
    let mut history = price::history(conn, id)?;
    history.reverse();
    Ok(history
        .into_iter()
        .map(|(price_cents, from)| PriceChange { price_cents, from_at: from.to_rfc3339() })
        .collect())
}

/// A regular price in effect from `at`, inside the caller's transaction (the
/// sample shop dates its history; an owner's edit records its own `now`).
pub(crate) fn record_price(tx: &Transaction, id: i64, price_cents: i64, at: DateTime<Utc>) -> Result<()> {
    price::record(tx, id, price_cents, at)
}

fn store_photo(conn: &Connection, id: i64, photo: crate::image_change::CheckedImage<'_>) -> Result<()> {
    if let Some(photo) = photo {
        let (bytes, kind) = photo.unzip();
        conn.execute(
            "UPDATE product SET photo = ?1, photo_type = ?2 WHERE id = ?3",
            params![bytes, kind, id],
        )?;
    }
    Ok(())
}

/// The photo and its MIME type, if the product has one.
pub fn photo(conn: &Connection, id: i64) -> Result<Option<(String, Vec<u8>)>> {
    let found: Option<(Option<String>, Option<Vec<u8>>)> = conn
        .query_row("SELECT photo_type, photo FROM product WHERE id = ?1", [id], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .optional()?;
    match found {
        None => Err(Error::NotFound { what: "product", id }),
        Some((Some(kind), Some(bytes))) => Ok(Some((kind, bytes))),
        Some(_) => Ok(None),
    }
}

#[cfg(test)]
pub(crate) mod tests;

/// One unit collected at the counter with a pickup voucher (`-1`), or put
/// back when that is undone (`+1`), inside the caller's transaction; the
/// stock after. A count the shelf contradicts (a customer holding a valid
/// code for a product the app thinks is gone) is the owner's to correct, so
/// it stops at zero rather than refuse the customer.
pub(crate) fn hand_over(tx: &Transaction, id: i64, change: i64, now: DateTime<Utc>) -> Result<i64> {
    tx.execute(
        "UPDATE product SET stock = max(stock + ?1, 0), updated_at = ?2 WHERE id = ?3",
        params![change, now, id],
    )?;
    Ok(tx.query_row("SELECT stock FROM product WHERE id = ?1", [id], |r| r.get(0))?)
}
