//! Issuing a batch of vouchers (all or none), reading batches with their
//! figures, voiding them, and the codes of a batch for sheets and CSV.

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction, TransactionBehavior};

use super::code::{self, VoucherKey};
use super::key;
use super::model::{Batch, BatchInput, BatchStats, Benefit, BenefitInput, VoucherRow};
use crate::gift::MONEY_MAX;
use crate::money::yuan;
use crate::shop::today;
use crate::validate::{in_range, optional, unknown};
use crate::{gift, shop, Error, Field, Lang, Problem, Result};

pub const COUNT_MAX: i64 = 100_000;
pub const NAME_MAX: usize = 60;
pub const REASON_MAX: usize = 200;
pub const HOLDER_NAME_MAX: usize = 40;
pub const HOLDER_PHONE_MAX: usize = 20;
pub const PERCENT_OFF_MAX: i64 = 99;

/// Issues every voucher of the batch in one transaction: a crash at any point
/// leaves the whole batch or none of it.
pub fn issue(conn: &mut Connection, input: &BatchInput, now: DateTime<Utc>) -> Result<Batch> {
    // Immediate: the serial range is read and claimed under the write lock, so
    // two processes issuing at once never hand out the same serials.
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let batch_id = insert(&tx, input, now)?;
    tx.commit()?;
    get(conn, batch_id, now)
}

/// Checks and issues a batch inside the caller's transaction (which must hold
/// the write lock); the batch's id.
pub(crate) fn insert(tx: &Transaction, input: &BatchInput, now: DateTime<Utc>) -> Result<i64> {
    let v = validate(tx, input, now)?;
    let first = next_serials(tx, v.count, now)?;
    let (mut gift_id, mut amount, mut percent, mut product_id, mut pickup_price) =
        (None, None, None, None, None);
    match v.benefit {
        BenefitInput::Gift { gift_id: g } => gift_id = Some(g),
        BenefitInput::AmountOff { cents } => amount = Some(cents),
        BenefitInput::PercentOff { percent: p } => percent = Some(p),
        BenefitInput::Pickup { product_id: p, price_cents } => {
            product_id = Some(p);
            pickup_price = Some(price_cents);
        }
    }
    tx.execute(
        "INSERT INTO voucher_batch (name, benefit, gift_id, amount_off_cents, percent_off, min_spend_cents, count,
             first_serial, valid_from, valid_until, community_id, channel_id, holder_name, holder_phone, created_at,
             product_id, pickup_price_cents)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
        params![
            v.name,
            benefit_kind(&v.benefit),
            gift_id,
            amount,
            percent,
            v.min_spend_cents,
            v.count,
            first,
            v.valid_from.to_string(),
            v.valid_until.to_string(),
            v.community_id,
            v.channel_id,
            v.holder_name,
            v.holder_phone,
            now,
            product_id,
            pickup_price
        ],
    )?;
    let batch_id = tx.last_insert_rowid();
    insert_vouchers(tx, batch_id, first, v.count)?;
    Ok(batch_id)
}

/// The first of `count` free serials, making the shop's key with the first
/// batch (inside its transaction); refused when the serials would run out.
fn next_serials(tx: &Transaction, count: i64, now: DateTime<Utc>) -> Result<i64> {
    key::get_or_create(tx, now)?;
    let first: i64 = tx.query_row("SELECT COALESCE(MAX(serial), 0) + 1 FROM voucher", [], |r| r.get(0))?;
    let serial_max = (1_i64 << code::SERIAL_BITS) - 1;
    if first + count - 1 > serial_max {
        return Err(Error::invalid(
            Field::Quantity,
            Problem::OutOfRange { min: 1, max: (serial_max - first + 1).max(0) },
        ));
    }
    Ok(first)
}

fn insert_vouchers(tx: &Transaction, batch_id: i64, first: i64, count: i64) -> Result<()> {
    let mut insert = tx.prepare_cached("INSERT INTO voucher (serial, batch_id) VALUES (?1, ?2)")?;
    for serial in first..first + count {
        insert.execute([serial, batch_id])?;
    }
    Ok(())
}

/// Names the one voucher of a personal batch to its holder (so cancelling its
/// campaign never voids it: it is theirs); its serial.
pub(crate) fn name_only_voucher(tx: &Transaction, batch_id: i64, holder: &str) -> Result<i64> {
    let serial = tx.query_row("SELECT serial FROM voucher WHERE batch_id = ?1", [batch_id], |r| r.get(0))?;
    tx.execute("UPDATE voucher SET holder_name = ?1 WHERE serial = ?2", params![holder, serial])?;
    Ok(serial)
}

/// Issues a gift-package day's pickup codes inside the caller's transaction
/// (which holds the write lock): `count` vouchers collecting the campaign's
/// package, valid over `days` (first, last). The serials, in order.
pub(crate) fn insert_packages(
    tx: &Transaction,
    campaign_id: i64,
    name: &str,
    count: i64,
    days: (NaiveDate, NaiveDate),
    now: DateTime<Utc>,
) -> Result<Vec<i64>> {
    let first = next_serials(tx, count, now)?;
    tx.execute(
        "INSERT INTO voucher_batch (name, benefit, campaign_id, count, first_serial, valid_from, valid_until, created_at)
         VALUES (?1, 'package', ?2, ?3, ?4, ?5, ?6, ?7)",
        params![name, campaign_id, count, first, days.0.to_string(), days.1.to_string(), now],
    )?;
    insert_vouchers(tx, tx.last_insert_rowid(), first, count)?;
    Ok((first..first + count).collect())
}

struct Valid {
    name: String,
    benefit: BenefitInput,
    count: i64,
    valid_from: NaiveDate,
    valid_until: NaiveDate,
    community_id: Option<i64>,
    channel_id: Option<i64>,
    min_spend_cents: Option<i64>,
    holder_name: String,
    holder_phone: String,
}

fn validate(conn: &Connection, input: &BatchInput, now: DateTime<Utc>) -> Result<Valid> {
    let benefit = match input.benefit {
        BenefitInput::Gift { gift_id } => {
            let g = gift::get(conn, gift_id).map_err(|_| unknown(Field::Gift, &gift_id.to_string()))?;
            if g.archived_at.is_some() {
                return Err(unknown(Field::Gift, &g.name));
            }
            input.benefit
        }
        BenefitInput::AmountOff { cents } => {
            BenefitInput::AmountOff { cents: in_range(Field::AmountOff, cents, 1, MONEY_MAX)? }
        }
        BenefitInput::PercentOff { percent } => {
            BenefitInput::PercentOff { percent: in_range(Field::PercentOff, percent, 1, PERCENT_OFF_MAX)? }
        }
        BenefitInput::Pickup { product_id, price_cents } => {
            let known = crate::product::exists(conn, product_id)?;
            if !known {
                return Err(unknown(Field::Product, &product_id.to_string()));
            }
            BenefitInput::Pickup {
                product_id,
                price_cents: in_range(Field::Price, price_cents, 1, MONEY_MAX)?,
            }
        }
    };
    let count = in_range(Field::Quantity, input.count, 1, COUNT_MAX)?;
    let today = today(conn, now)?;
    let valid_from = match input.valid_from.as_deref().map(str::trim) {
        None | Some("") => today,
        Some(day) => parse_day(Field::ValidFrom, day)?,
    };
    let valid_until = parse_day(Field::ValidUntil, &input.valid_until)?;
    if valid_until < valid_from {
        return Err(Error::invalid(Field::ValidUntil, Problem::BeforeStart));
    }
    if valid_until < today {
        return Err(Error::invalid(Field::ValidUntil, Problem::InPast));
    }
    let community_id = match input.community_id {
        Some(id) => Some(
            crate::community::read::get(conn, id).map_err(|_| unknown(Field::Community, &id.to_string()))?.id,
        ),
        None => None,
    };
    let channel_id = match input.channel_id {
        Some(id) => {
            let ch = crate::channel::get(conn, id).map_err(|_| unknown(Field::Channel, &id.to_string()))?;
            if community_id.is_some_and(|c| c != ch.community_id) {
                return Err(unknown(Field::Channel, &ch.name));
            }
            Some(ch.id)
        }
        None => None,
    };
    let min_spend_cents =
        input.min_spend_cents.map(|c| in_range(Field::MinSpend, c, 1, MONEY_MAX)).transpose()?;
    let holder_name = optional(Field::HolderName, &input.holder_name, HOLDER_NAME_MAX)?;
    let holder_phone = optional(Field::HolderPhone, &input.holder_phone, HOLDER_PHONE_MAX)?;
    if !holder_phone.chars().all(|c| c.is_ascii_digit() || "+- ".contains(c)) {
        return Err(unknown(Field::HolderPhone, &holder_phone));
    }
    if !holder_phone.is_empty() && holder_name.is_empty() {
        return Err(Error::invalid(Field::HolderName, Problem::Empty));
    }
    let name = optional(Field::Name, &input.name, NAME_MAX)?;
    let name = if name.is_empty() { describe(conn, &benefit)? } else { name };
    Ok(Valid {
        name,
        benefit,
        count,
        valid_from,
        valid_until,
        community_id,
        channel_id,
        min_spend_cents,
        holder_name,
        holder_phone,
    })
}

fn parse_day(field: Field, day: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(day.trim(), "%Y-%m-%d").map_err(|_| unknown(field, day))
}

/// A batch's default name: what it gives, in the shop's language.
fn describe(conn: &Connection, benefit: &BenefitInput) -> Result<String> {
    let lang = shop::language_or(conn, Lang::ZhCn);
    Ok(match (benefit, lang) {
        (BenefitInput::Gift { gift_id }, Lang::En) => format!("Gift: {}", gift::get(conn, *gift_id)?.name),
        (BenefitInput::Gift { gift_id }, Lang::ZhCn) => format!("赠品：{}", gift::get(conn, *gift_id)?.name),
        (BenefitInput::AmountOff { cents }, Lang::En) => format!("¥{} off", yuan(*cents)),
        (BenefitInput::AmountOff { cents }, Lang::ZhCn) => format!("立减 ¥{}", yuan(*cents)),
        (BenefitInput::PercentOff { percent }, Lang::En) => format!("{percent}% off"),
        (BenefitInput::PercentOff { percent }, Lang::ZhCn) => format!("{} 折", zhe(*percent)),
        (BenefitInput::Pickup { product_id, price_cents }, Lang::En) => {
            format!("Pickup: {} at ¥{}", crate::product::name(conn, *product_id)?, yuan(*price_cents))
        }
        (BenefitInput::Pickup { product_id, price_cents }, Lang::ZhCn) => {
            format!("提货：{} ¥{}", crate::product::name(conn, *product_id)?, yuan(*price_cents))
        }
    })
}

/// A percentage off as Chinese shops say it: 10% off is "9", 15% off is "8.5".
pub fn zhe(percent_off: i64) -> String {
    let tenths = 100 - percent_off;
    if tenths % 10 == 0 {
        format!("{}", tenths / 10)
    } else {
        format!("{}.{}", tenths / 10, tenths % 10)
    }
}

fn benefit_kind(b: &BenefitInput) -> &'static str {
    match b {
        BenefitInput::Gift { .. } => "gift",
        BenefitInput::AmountOff { .. } => "amount_off",
        BenefitInput::PercentOff { .. } => "percent_off",
        BenefitInput::Pickup { .. } => "pickup",
    }
}

/// A batch's columns, each under the name its reader asks for (a voucher's
/// own `voided_at` may sit beside the batch's in the same row).
pub(crate) const COLUMNS: &str =
    "b.id AS batch_id, b.name AS batch_name, b.benefit, b.gift_id, g.name AS gift_name,
     b.amount_off_cents, b.percent_off, b.count, b.valid_from, b.valid_until, b.community_id,
     c.name AS community_name, b.channel_id, ch.name AS channel_name, b.min_spend_cents, b.holder_name,
     b.holder_phone, b.voided_at AS batch_voided_at, b.void_reason AS batch_void_reason, b.created_at,
     b.product_id, p.name AS product_name, p.unit AS product_unit, b.pickup_price_cents,
     b.campaign_id, cp.name AS campaign_name,
     (SELECT group_concat(li.quantity || '× ' || lp.name, ' · ' ORDER BY li.rowid) FROM campaign_ladder_item li
      JOIN product lp ON lp.id = li.product_id WHERE li.campaign_id = b.campaign_id) AS package_items";
pub(crate) const FROM: &str = "voucher_batch b LEFT JOIN gift g ON g.id = b.gift_id
     LEFT JOIN product p ON p.id = b.product_id LEFT JOIN campaign cp ON cp.id = b.campaign_id
     LEFT JOIN community c ON c.id = b.community_id LEFT JOIN channel ch ON ch.id = b.channel_id";

pub(crate) fn benefit_from_row(r: &Row) -> rusqlite::Result<Benefit> {
    let kind: String = r.get("benefit")?;
    Ok(match kind.as_str() {
        "gift" => Benefit::Gift { gift_id: r.get("gift_id")?, gift_name: r.get("gift_name")? },
        "amount_off" => Benefit::AmountOff { cents: r.get("amount_off_cents")? },
        "pickup" => Benefit::Pickup {
            product_id: r.get("product_id")?,
            product_name: r.get("product_name")?,
            unit: r.get("product_unit")?,
            price_cents: r.get("pickup_price_cents")?,
        },
        "package" => Benefit::Package {
            campaign_id: r.get("campaign_id")?,
            campaign_name: r.get("campaign_name")?,
            items: r.get::<_, Option<String>>("package_items")?.unwrap_or_default(),
            price_cents: None,
        },
        _ => Benefit::PercentOff { percent: r.get("percent_off")? },
    })
}

fn from_row(r: &Row) -> rusqlite::Result<Batch> {
    Ok(Batch {
        id: r.get("batch_id")?,
        name: r.get("batch_name")?,
        benefit: benefit_from_row(r)?,
        count: r.get("count")?,
        valid_from: r.get("valid_from")?,
        valid_until: r.get("valid_until")?,
        community_id: r.get("community_id")?,
        community_name: r.get("community_name")?,
        channel_id: r.get("channel_id")?,
        channel_name: r.get("channel_name")?,
        min_spend_cents: r.get("min_spend_cents")?,
        holder_name: r.get("holder_name")?,
        holder_phone: r.get("holder_phone")?,
        voided_at: r.get("batch_voided_at")?,
        void_reason: r.get("batch_void_reason")?,
        created_at: r.get("created_at")?,
        stats: BatchStats::default(),
    })
}

pub fn get(conn: &Connection, id: i64, now: DateTime<Utc>) -> Result<Batch> {
    let mut batch = conn
        .query_row(&format!("SELECT {COLUMNS} FROM {FROM} WHERE b.id = ?1"), [id], from_row)
        .optional()?
        .ok_or(Error::NotFound { what: "voucher batch", id })?;
    batch.stats = stats(conn, &batch, now)?;
    Ok(batch)
}

/// Every batch, newest first, with its figures.
pub fn list(conn: &Connection, now: DateTime<Utc>) -> Result<Vec<Batch>> {
    let mut stmt = conn.prepare_cached(&format!("SELECT {COLUMNS} FROM {FROM} ORDER BY b.id DESC"))?;
    let batches: Vec<Batch> = stmt.query_map([], from_row)?.collect::<rusqlite::Result<_>>()?;
    batches
        .into_iter()
        .map(|mut b| {
            b.stats = stats(conn, &b, now)?;
            Ok(b)
        })
        .collect()
}

fn stats(conn: &Connection, batch: &Batch, now: DateTime<Utc>) -> Result<BatchStats> {
    let past_last_day = today(conn, now)?.to_string() > batch.valid_until;
    let (redeemed, voided, open): (i64, i64, i64) = conn.query_row(
        "SELECT COUNT(redeemed_at), COUNT(voided_at), SUM(redeemed_at IS NULL AND voided_at IS NULL)
         FROM voucher WHERE batch_id = ?1",
        [batch.id],
        |r| Ok((r.get(0)?, r.get(1)?, r.get::<_, Option<i64>>(2)?.unwrap_or(0))),
    )?;
    // A voided batch's open vouchers count as voided, not expired.
    let (voided, open) = if batch.voided_at.is_some() { (voided + open, 0) } else { (voided, open) };
    let unit_cost = match batch.benefit {
        Benefit::Gift { gift_id, .. } => gift::get(conn, gift_id)?.unit_cost_cents,
        _ => 0,
    };
    Ok(BatchStats {
        issued: batch.count,
        redeemed,
        voided,
        expired: if past_last_day { open } else { 0 },
        redemption_rate: if batch.count > 0 { redeemed as f64 / batch.count as f64 } else { 0.0 },
        gift_cost_cents: unit_cost * redeemed,
    })
}

/// The codes of a batch in serial order, for its sheet.
pub fn codes(conn: &Connection, id: i64) -> Result<Vec<String>> {
    Ok(vouchers(conn, id)?.into_iter().map(|v| v.code).collect())
}

/// The code of the batch's first voucher, for a preview: one code made, not
/// the whole batch's.
pub fn first_code(conn: &Connection, id: i64) -> Result<String> {
    let key = key::existing(conn)?.ok_or(Error::NotFound { what: "voucher batch", id })?;
    let serial: Option<u32> =
        conn.query_row("SELECT min(serial) FROM voucher WHERE batch_id = ?1", [id], |r| r.get(0))?;
    encode(serial.ok_or(Error::NotFound { what: "voucher batch", id })?, &key)
}

/// The codes still worth printing: neither redeemed nor voided. A sheet
/// printed again later must not hand out codes that can no longer be used.
pub fn printable_codes(conn: &Connection, id: i64, now: DateTime<Utc>) -> Result<Vec<String>> {
    if get(conn, id, now)?.voided_at.is_some() {
        return Err(Error::BatchVoided);
    }
    Ok(vouchers(conn, id)?
        .into_iter()
        .filter(|v| v.redeemed_at.is_none() && v.voided_at.is_none())
        .map(|v| v.code)
        .collect())
}

/// Every voucher of a batch with what happened to it.
pub fn vouchers(conn: &Connection, id: i64) -> Result<Vec<VoucherRow>> {
    let key = key::existing(conn)?.ok_or(Error::NotFound { what: "voucher batch", id })?;
    let exists: bool =
        conn.query_row("SELECT EXISTS (SELECT 1 FROM voucher_batch WHERE id = ?1)", [id], |r| r.get(0))?;
    if !exists {
        return Err(Error::NotFound { what: "voucher batch", id });
    }
    let mut stmt = conn.prepare_cached(
        "SELECT serial, redeemed_at, redeemed_by, voided_at, void_reason FROM voucher WHERE batch_id = ?1 ORDER BY serial",
    )?;
    let rows =
        stmt.query_map([id], |r| Ok((r.get::<_, u32>(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)))?;
    rows.map(|row| {
        let (serial, redeemed_at, redeemed_by, voided_at, void_reason) = row?;
        Ok(VoucherRow { code: encode(serial, &key)?, redeemed_at, redeemed_by, voided_at, void_reason })
    })
    .collect()
}

pub(crate) fn encode(serial: u32, key: &VoucherKey) -> Result<String> {
    code::encode(serial, key).map_err(|_| Error::Damaged("voucher serial"))
}

/// Voids a whole batch: none of its open vouchers can be redeemed any more.
pub fn void(conn: &Connection, id: i64, reason: &str, now: DateTime<Utc>) -> Result<Batch> {
    let reason = crate::validate::required_lines(Field::Reason, reason, REASON_MAX)?;
    let changed = conn.execute(
        "UPDATE voucher_batch SET voided_at = ?1, void_reason = ?2 WHERE id = ?3 AND voided_at IS NULL",
        params![now, reason, id],
    )?;
    if changed == 0 {
        get(conn, id, now)?; // not found, or voided before: either way say so
        return Err(Error::BatchVoided);
    }
    get(conn, id, now)
}

/// The batch as CSV: one voucher a line, with a header the owner can read.
pub fn csv(conn: &Connection, id: i64, lang: Lang) -> Result<String> {
    let header = match lang {
        Lang::En => "code,status,redeemed_at,redeemed_by,voided_at,void_reason",
        Lang::ZhCn => "券码,状态,核销时间,核销人,作废时间,作废原因",
    };
    // A byte-order mark, so a spreadsheet opens the Chinese as UTF-8.
    let mut out = format!("\u{feff}{header}\n");
    let zone = shop::zone(conn)?;
    let local = |at: &Option<String>| at.as_deref().map(|t| shop::local_minute(t, zone)).unwrap_or_default();
    for v in vouchers(conn, id)? {
        let status = match (&v.redeemed_at, &v.voided_at, lang) {
            (Some(_), _, Lang::En) => "redeemed",
            (Some(_), _, Lang::ZhCn) => "已核销",
            (None, Some(_), Lang::En) => "voided",
            (None, Some(_), Lang::ZhCn) => "已作废",
            (None, None, Lang::En) => "open",
            (None, None, Lang::ZhCn) => "未使用",
        };
        let fields = [
            v.code.as_str(),
            status,
            &local(&v.redeemed_at),
            &v.redeemed_by,
            &local(&v.voided_at),
            &v.void_reason,
        ];
        out.push_str(&fields.map(crate::text::csv_field).join(","));
        out.push('\n');
    }
    Ok(out)
}
