//! A buyer's pickup codes: the session's next free vouchers, named to them
//! and linked to their order (so undoing the order frees them again).

use rusqlite::{params, Transaction};

use crate::{Error, Result};

/// Gives the order the batch's next open vouchers (`serials`), named to the buyer.
pub(super) fn hand_out(
    tx: &Transaction,
    order_id: i64,
    buyer: &str,
    quantity: i64,
    serials: &[i64],
) -> Result<()> {
    if (serials.len() as i64) < quantity {
        // Every unit on sale has its voucher; fewer means some were voided.
        return Err(Error::BatchVoided);
    }
    for serial in serials {
        tx.prepare_cached("UPDATE voucher SET holder_name = ?1 WHERE serial = ?2")?
            .execute(params![buyer, serial])?;
        tx.prepare_cached("INSERT INTO spike_order_voucher (order_id, serial) VALUES (?1, ?2)")?
            .execute(params![order_id, serial])?;
    }
    Ok(())
}
