//! The counter: a typed or scanned code answered at once, a redemption that
//! happens at most once whatever the number of windows or clerks, the last one
//! undone within minutes, and single vouchers voided.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use rusqlite::{params, Connection, OptionalExtension, Transaction, TransactionBehavior};

use super::batch::{self, benefit_from_row, COLUMNS, FROM};
use super::code::{self, CodeError, VoucherKey};
use super::key;
use super::model::{Benefit, Redemption, Undone, VoucherInfo};
use crate::gift::{self, MoveReason, MONEY_MAX};
use crate::shop::today;
use crate::validate::{in_range, optional, required_lines};
use crate::{Error, Field, Lang, Result};

/// How long the last redemption can be taken back: long enough to notice a
/// wrong scan, short enough that a gift handed over yesterday stays counted.
pub const UNDO_MINUTES: i64 = 10;

/// What the clerk enters besides the code.
#[derive(Debug, Clone, Default, serde::Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct RedeemInput {
    pub code: String,
    /// Who is at the counter; recorded with the redemption.
    #[serde(default)]
    pub staff: String,
    /// What the customer spends, for a batch with a minimum spend.
    #[ts(type = "number | null", optional)]
    pub spend_cents: Option<i64>,
}

struct Found {
    info: VoucherInfo,
    redeemed_at: Option<String>,
    redeemed_by: String,
    voided_at: Option<String>,
    void_reason: String,
    batch_voided_at: Option<String>,
    batch_void_reason: String,
}

/// Answers a code and, when it is good, redeems it: one transaction holding
/// the write lock, a conditional update that cannot succeed twice, and the
/// gift's stock moved in the same commit.
pub fn redeem(
    conn: &mut Connection,
    input: &RedeemInput,
    lang: Lang,
    now: DateTime<Utc>,
) -> Result<Redemption> {
    let staff = optional(Field::Staff, &input.staff, 40)?;
    let spend = input.spend_cents.map(|c| in_range(Field::Spend, c, 0, MONEY_MAX)).transpose()?;
    let Some(key) = key::existing(conn)? else {
        return Ok(answer_unreadable(&input.code, lang));
    };
    let serial = match code::parse(&input.code, &key) {
        Ok(serial) => serial,
        Err(e) => return Ok(answer_code_error(e, lang)),
    };
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let answer = redeem_serial(&tx, serial, &key, &staff, spend, now)?;
    tx.commit()?;
    Ok(answer)
}

/// Answers and (when good) redeems the voucher with `serial` inside the caller's
/// transaction, which must hold the write lock.
pub(crate) fn redeem_serial(
    tx: &Transaction,
    serial: u32,
    key: &VoucherKey,
    staff: &str,
    spend: Option<i64>,
    now: DateTime<Utc>,
) -> Result<Redemption> {
    let Some(found) = find(tx, serial, key)? else {
        return Ok(Redemption::NotOurs);
    };
    let today = today(tx, now)?;
    let voucher = found.info.clone();
    if let Some(at) = found.redeemed_at {
        return Ok(Redemption::AlreadyRedeemed { voucher, redeemed_at: at, redeemed_by: found.redeemed_by });
    }
    if let Some(at) = found.voided_at {
        return Ok(Redemption::Voided { voucher, voided_at: at, reason: found.void_reason });
    }
    if let Some(at) = found.batch_voided_at {
        return Ok(Redemption::Voided { voucher, voided_at: at, reason: found.batch_void_reason });
    }
    if today < day(&voucher.valid_from) {
        return Ok(Redemption::NotYetValid { voucher });
    }
    if today > day(&voucher.valid_until) {
        return Ok(Redemption::Expired { voucher });
    }
    if let Some(min) = voucher.min_spend_cents {
        if spend.is_none_or(|s| s < min) {
            return Ok(Redemption::BelowMinimum { voucher, spend_cents: spend });
        }
    }
    let changed = tx.execute(
        "UPDATE voucher SET redeemed_at = ?1, redeemed_by = ?2
         WHERE serial = ?3 AND redeemed_at IS NULL AND voided_at IS NULL",
        params![now, staff, serial],
    )?;
    if changed != 1 {
        // Unreachable while we hold the write lock; kept so a change to the
        // locking can never turn into a double redemption.
        return Err(Error::Damaged("voucher changed during redemption"));
    }
    tx.execute(
        "INSERT INTO voucher_event (serial, action, staff, at) VALUES (?1, 'redeemed', ?2, ?3)",
        params![serial, staff, now],
    )?;
    let stock_left = match voucher.benefit {
        Benefit::Gift { gift_id, .. } => {
            Some(gift::hand_over(tx, gift_id, Some(serial), MoveReason::Redeemed, now)?)
        }
        // A flash sale's buyer collects the product: it leaves the shelf.
        Benefit::Pickup { product_id, .. } => Some(crate::product::hand_over(tx, product_id, -1, now)?),
        Benefit::Package { campaign_id, .. } => {
            hand_over_package(tx, campaign_id, -1, now)?;
            None
        }
        _ => None,
    };
    let redeemed_at: String =
        tx.query_row("SELECT redeemed_at FROM voucher WHERE serial = ?1", [serial], |r| r.get(0))?;
    Ok(Redemption::Redeemed { voucher, redeemed_at, stock_left })
}

/// Takes back the redemption of one voucher, named by its code, within
/// `UNDO_MINUTES` of it: the voucher can be redeemed again, a gift goes back
/// into stock, and the undo is logged with its reason. By code, not "the
/// latest": with two clerks or windows at work, the latest redemption in the
/// shop may be someone else's, whose gift was already handed over.
pub fn undo_redemption(
    conn: &mut Connection,
    code_text: &str,
    reason: &str,
    staff: &str,
    lang: Lang,
    now: DateTime<Utc>,
) -> Result<Undone> {
    let reason = required_lines(Field::Reason, reason, batch::REASON_MAX)?;
    let staff = optional(Field::Staff, staff, 40)?;
    let (serial, key) = serial_of(conn, code_text, lang)?;
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let found = find(&tx, serial, &key)?.ok_or_else(|| invalid_code(&Redemption::NotOurs, lang))?;
    let at: Option<DateTime<Utc>> =
        tx.query_row("SELECT redeemed_at FROM voucher WHERE serial = ?1", [serial], |r| r.get(0))?;
    let at = at.ok_or(Error::NothingToUndo)?;
    if now - at > Duration::minutes(UNDO_MINUTES) {
        return Err(Error::UndoTooLate { minutes: UNDO_MINUTES });
    }
    tx.execute("UPDATE voucher SET redeemed_at = NULL, redeemed_by = '' WHERE serial = ?1", [serial])?;
    tx.execute(
        "INSERT INTO voucher_event (serial, action, staff, reason, at) VALUES (?1, 'undone', ?2, ?3, ?4)",
        params![serial, staff, reason, now],
    )?;
    let stock_left = match found.info.benefit {
        Benefit::Gift { gift_id, .. } => {
            Some(gift::hand_over(&tx, gift_id, Some(serial), MoveReason::RedemptionUndone, now)?)
        }
        Benefit::Pickup { product_id, .. } => Some(crate::product::hand_over(&tx, product_id, 1, now)?),
        Benefit::Package { campaign_id, .. } => {
            hand_over_package(&tx, campaign_id, 1, now)?;
            None
        }
        _ => None,
    };
    tx.commit()?;
    Ok(Undone { voucher: found.info, stock_left })
}

/// The voucher a sale is recorded with, inside the sale's transaction (which
/// holds the write lock): redeemed now with the sale's amount as the spend,
/// or already redeemed (the counter offers "record the sale" right after a
/// redemption). Any other answer refuses the code with the counter's words.
pub(crate) fn redeemed_for_sale(
    tx: &Transaction,
    code_text: &str,
    staff: &str,
    spend_cents: i64,
    lang: Lang,
    now: DateTime<Utc>,
) -> Result<u32> {
    let (serial, key) = serial_of(tx, code_text, lang)?;
    match redeem_serial(tx, serial, &key, staff, Some(spend_cents), now)? {
        Redemption::Redeemed { .. } | Redemption::AlreadyRedeemed { .. } => Ok(serial),
        other => Err(invalid_code(&other, lang)),
    }
}

/// A gift package leaves the shelf (`packages` −1) or comes back (+1): each
/// of its products by its quantity in the package.
fn hand_over_package(tx: &Transaction, campaign_id: i64, packages: i64, now: DateTime<Utc>) -> Result<()> {
    let items: Vec<(i64, i64)> = tx
        .prepare_cached("SELECT product_id, quantity FROM campaign_ladder_item WHERE campaign_id = ?1")?
        .query_map([campaign_id], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (product_id, quantity) in items {
        crate::product::hand_over(tx, product_id, packages * quantity, now)?;
    }
    Ok(())
}

/// One voucher by its code, without touching it (to save its image, say).
/// A code that is not one of ours is an error on the code field, worded as
/// the counter would say it.
pub fn lookup(conn: &Connection, code_text: &str, lang: Lang) -> Result<VoucherInfo> {
    let (serial, key) = serial_of(conn, code_text, lang)?;
    Ok(find(conn, serial, &key)?.ok_or_else(|| invalid_code(&Redemption::NotOurs, lang))?.info)
}

fn serial_of(conn: &Connection, code_text: &str, lang: Lang) -> Result<(u32, code::VoucherKey)> {
    let key = key::existing(conn)?.ok_or_else(|| invalid_code(&answer_unreadable(code_text, lang), lang))?;
    let serial = code::parse(code_text, &key).map_err(|e| invalid_code(&answer_code_error(e, lang), lang))?;
    Ok((serial, key))
}

/// Voids one voucher that has not been redeemed.
pub fn void_voucher(
    conn: &mut Connection,
    code_text: &str,
    reason: &str,
    lang: Lang,
    now: DateTime<Utc>,
) -> Result<VoucherInfo> {
    let reason = required_lines(Field::Reason, reason, batch::REASON_MAX)?;
    let (serial, key) = serial_of(conn, code_text, lang)?;
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let found = find(&tx, serial, &key)?.ok_or_else(|| invalid_code(&Redemption::NotOurs, lang))?;
    if found.redeemed_at.is_some() || found.voided_at.is_some() {
        return Err(Error::VoucherClosed);
    }
    tx.execute(
        "UPDATE voucher SET voided_at = ?1, void_reason = ?2 WHERE serial = ?3",
        params![now, reason, serial],
    )?;
    tx.execute(
        "INSERT INTO voucher_event (serial, action, reason, at) VALUES (?1, 'voided', ?2, ?3)",
        params![serial, reason, now],
    )?;
    tx.commit()?;
    Ok(found.info)
}

/// A code the counter would not accept (not ours, mistyped), refused with the
/// counter's own words: "Voucher code: this code was not issued by this shop".
fn invalid_code(answer: &Redemption, lang: Lang) -> Error {
    Error::invalid(
        Field::Code,
        crate::Problem::Refused { reason: super::message::say(answer, lang, chrono_tz::UTC) },
    )
}

fn find(conn: &Connection, serial: u32, key: &code::VoucherKey) -> Result<Option<Found>> {
    let code = batch::encode(serial, key)?;
    conn.query_row(
        &format!(
            "SELECT {COLUMNS}, v.redeemed_at, v.redeemed_by, v.voided_at, v.void_reason,
                 coalesce(nullif(v.holder_name, ''), b.holder_name) AS voucher_holder,
                 (SELECT o.price_cents FROM ladder_code k JOIN ladder_order o
                  ON o.session_id = k.session_id AND o.address_key = k.address_key
                  WHERE k.serial = v.serial) AS package_price_cents
             FROM {FROM} JOIN voucher v ON v.batch_id = b.id WHERE v.serial = ?1"
        ),
        [serial],
        |r| {
            let mut benefit = benefit_from_row(r)?;
            // A package's price is its address's tier, settled after the batch.
            if let Benefit::Package { price_cents, .. } = &mut benefit {
                *price_cents = r.get("package_price_cents")?;
            }
            Ok(Found {
                info: VoucherInfo {
                    code: code.clone(),
                    batch_id: r.get("batch_id")?,
                    batch_name: r.get("batch_name")?,
                    benefit,
                    holder_name: r.get("voucher_holder")?,
                    valid_from: r.get("valid_from")?,
                    valid_until: r.get("valid_until")?,
                    min_spend_cents: r.get("min_spend_cents")?,
                },
                batch_voided_at: r.get("batch_voided_at")?,
                batch_void_reason: r.get("batch_void_reason")?,
                redeemed_at: r.get("redeemed_at")?,
                redeemed_by: r.get("redeemed_by")?,
                voided_at: r.get("voided_at")?,
                void_reason: r.get("void_reason")?,
            })
        },
    )
    .optional()
    .map_err(Error::from)
}

fn answer_code_error(e: CodeError, lang: Lang) -> Redemption {
    match e {
        CodeError::Mistyped { position } => Redemption::Mistyped { position },
        CodeError::Swapped { position } => Redemption::Swapped { position },
        CodeError::NotOurs | CodeError::SerialTooLarge => Redemption::NotOurs,
        other => Redemption::Malformed { message: other.message(lang) },
    }
}

/// Before any voucher exists there is no key: a code is still checked for
/// shape, so the clerk hears "typo" or "too short" rather than "not ours".
fn answer_unreadable(text: &str, lang: Lang) -> Redemption {
    let probe = code::VoucherKey::from_bytes([0; 32]);
    match code::parse(text, &probe) {
        Err(CodeError::NotOurs) | Ok(_) => Redemption::NotOurs,
        Err(e) => answer_code_error(e, lang),
    }
}

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or(NaiveDate::MIN)
}
