//! Claims at the counter: a new member says their mobile number and takes the
//! gift (or a next-visit voucher named to them) — once per number per
//! campaign, the stock moved in the same transaction. The last claim can be
//! undone (a mistyped number), giving the gift back to the shelf.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension, Transaction};

use super::model::{Claim, ClaimChannel, Claims};
use crate::campaign::{copy, Status};
use crate::gift::MoveReason;
use crate::{phone, shop, Error, Field, Lang, Result};

struct Terms {
    name: String,
    gift_id: Option<i64>,
    batch_id: Option<i64>,
    gift_line: String,
    expected_joins: i64,
}

fn terms(conn: &Connection, id: i64) -> Result<Terms> {
    conn.query_row(
        "SELECT c.name, d.gift_id, d.batch_id, d.gift_line, d.expected_joins
         FROM campaign c JOIN campaign_drainage d ON d.campaign_id = c.id WHERE c.id = ?1",
        [id],
        |r| {
            Ok(Terms {
                name: r.get(0)?,
                gift_id: r.get(1)?,
                batch_id: r.get(2)?,
                gift_line: r.get(3)?,
                expected_joins: r.get(4)?,
            })
        },
    )
    .optional()?
    .ok_or(Error::NotFound { what: "campaign", id })
}

/// The campaign at the counter: its gift, its claims (newest first), what is left.
pub fn claims(conn: &Connection, id: i64, now: DateTime<Utc>) -> Result<Claims> {
    let t = terms(conn, id)?;
    let campaign = crate::campaign::get(conn, id, now)?;
    let lang = shop::language_or(conn, Lang::En);
    let zone = shop::zone(conn)?;
    let (reward_name, stock) = match (t.gift_id, t.batch_id) {
        (Some(g), _) => {
            let gift = crate::gift::get(conn, g)?;
            (gift.name, Some(gift.stock))
        }
        (None, Some(b)) => {
            (crate::voucher::describe_benefit(&crate::voucher::batch::get(conn, b, now)?.benefit, lang), None)
        }
        (None, None) => return Err(Error::Damaged("a drainage campaign without a gift")),
    };
    let key = crate::voucher_code::key::existing(conn)?;
    let mut stmt = conn.prepare_cached(
        "SELECT k.id, k.phone, ch.name, k.serial, k.claimed_at FROM drainage_claim k
         LEFT JOIN channel ch ON ch.id = k.channel_id
         WHERE k.campaign_id = ?1 AND k.undone_at IS NULL ORDER BY k.id DESC",
    )?;
    let claims = stmt
        .query_map([id], |r| {
            let serial: Option<u32> = r.get(3)?;
            let phone: String = r.get(1)?;
            Ok(Claim {
                id: r.get(0)?,
                phone: phone::masked(&phone),
                channel_name: r.get(2)?,
                code: serial.zip(key.as_ref()).and_then(|(s, k)| crate::voucher_code::encode(s, k).ok()),
                claimed_at: r.get::<_, DateTime<Utc>>(4)?.to_rfc3339(),
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let day = |t: &Option<String>, end: bool| {
        t.as_deref()
            .and_then(|s| DateTime::parse_from_rfc3339(s).ok())
            .map(|t| {
                let local = t.with_timezone(&zone);
                // The campaign ends at the midnight after its last day.
                let d = if end { local - chrono::Duration::seconds(1) } else { local };
                d.date_naive().to_string()
            })
            .unwrap_or_default()
    };
    Ok(Claims {
        campaign_id: id,
        name: t.name,
        reward_name,
        gift_line: t.gift_line,
        status: campaign.status,
        starts_on: day(&campaign.starts_at, false),
        ends_on: day(&campaign.ends_at, true),
        expected_joins: t.expected_joins,
        stock,
        claims,
        channels: conn
            .prepare_cached(
                "SELECT DISTINCT ch.id, ch.name FROM poster p JOIN channel ch ON ch.id = p.channel_id
                 WHERE p.campaign_id = ?1 ORDER BY ch.id",
            )?
            .query_map([id], |r| Ok(ClaimChannel { id: r.get(0)?, name: r.get(1)? }))?
            .collect::<rusqlite::Result<_>>()?,
    })
}

/// Every drainage campaign running now, for the counter to choose from.
pub fn running(conn: &Connection, now: DateTime<Utc>) -> Result<Vec<Claims>> {
    let ids: Vec<i64> = conn
        .prepare_cached(
            "SELECT c.id FROM campaign c JOIN campaign_drainage d ON d.campaign_id = c.id
             WHERE c.published_at IS NOT NULL AND c.cancelled_at IS NULL AND c.starts_at <= ?1 AND c.ends_at > ?1
             ORDER BY c.starts_at, c.id",
        )?
        .query_map([now], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    ids.into_iter().map(|id| claims(conn, id, now)).collect()
}

/// Records a claim by the new member's mobile number (and the channel they
/// came through, when the counter asks): the gift leaves the shelf, or the
/// next free voucher is named to them. Refused before the first day, after
/// the last, and for a number that already claimed.
pub fn claim(
    conn: &mut Connection,
    id: i64,
    typed_phone: &str,
    channel_id: Option<i64>,
    now: DateTime<Utc>,
) -> Result<Claims> {
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    claim_in(&tx, id, typed_phone, channel_id, now)?;
    tx.commit()?;
    claims(conn, id, now)
}

/// `claim`'s checks and writing inside the caller's transaction.
pub(crate) fn claim_in(
    tx: &Transaction,
    id: i64,
    typed_phone: &str,
    channel_id: Option<i64>,
    now: DateTime<Utc>,
) -> Result<()> {
    let phone = phone::normalize(Field::Phone, typed_phone)?;
    let t = terms(tx, id)?;
    let campaign = crate::campaign::get(tx, id, now)?;
    match campaign.status {
        Status::Running => {}
        Status::Scheduled => {
            let on = claims(tx, id, now)?.starts_on;
            return Err(Error::NotStarted { on });
        }
        _ => return Err(Error::CampaignClosed),
    }
    if let Some(c) = channel_id {
        let ok: bool = tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM poster WHERE channel_id = ?1 AND campaign_id = ?2)",
            params![c, id],
            |r| r.get(0),
        )?;
        if !ok {
            return Err(Error::NotFound { what: "channel", id: c });
        }
    }
    let earlier: Option<DateTime<Utc>> = tx
        .query_row(
            "SELECT claimed_at FROM drainage_claim WHERE campaign_id = ?1 AND phone = ?2 AND undone_at IS NULL",
            params![id, phone],
            |r| r.get(0),
        )
        .optional()?;
    if let Some(at) = earlier {
        let lang = shop::language_or(tx, Lang::En);
        let local = at.with_timezone(&shop::zone(tx)?);
        let at = format!("{} {}", copy::date(local.date_naive(), lang), local.format("%H:%M"));
        return Err(Error::AlreadyClaimed { phone: phone::masked(&phone), at });
    }
    let serial = match (t.gift_id, t.batch_id) {
        (Some(gift_id), _) => {
            crate::gift::hand_over(tx, gift_id, None, MoveReason::Claimed, now)?;
            None
        }
        (None, Some(batch_id)) => Some(next_voucher(tx, batch_id, &phone)?),
        (None, None) => return Err(Error::Damaged("a drainage campaign without a gift")),
    };
    tx.execute(
        "INSERT INTO drainage_claim (campaign_id, phone, channel_id, serial, claimed_at) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![id, phone, channel_id, serial, now],
    )?;
    Ok(())
}

/// The batch's next voucher nobody holds, named to the member (masked).
fn next_voucher(tx: &Transaction, batch_id: i64, phone: &str) -> Result<u32> {
    let voided: bool =
        tx.query_row("SELECT voided_at IS NOT NULL FROM voucher_batch WHERE id = ?1", [batch_id], |r| {
            r.get(0)
        })?;
    if voided {
        return Err(Error::BatchVoided);
    }
    let serial: Option<u32> = tx
        .query_row(
            "SELECT serial FROM voucher WHERE batch_id = ?1 AND holder_name = '' AND redeemed_at IS NULL
             AND voided_at IS NULL ORDER BY serial LIMIT 1",
            [batch_id],
            |r| r.get(0),
        )
        .optional()?;
    let Some(serial) = serial else {
        let count =
            tx.query_row("SELECT count(*) FROM voucher WHERE batch_id = ?1", [batch_id], |r| r.get(0))?;
        return Err(Error::VouchersUsedUp { count });
    };
    tx.execute(
        "UPDATE voucher SET holder_name = ?1 WHERE serial = ?2",
        params![phone::masked(phone), serial],
    )?;
    Ok(serial)
}

/// Takes back the campaign's last claim (a mistyped number): the gift goes
/// back on the shelf, or the voucher back into the batch. Refused once that
/// voucher was redeemed.
pub fn undo_last_claim(conn: &mut Connection, id: i64, now: DateTime<Utc>) -> Result<Claims> {
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    let t = terms(&tx, id)?;
    let last: Option<(i64, Option<u32>)> = tx
        .query_row(
            "SELECT id, serial FROM drainage_claim WHERE campaign_id = ?1 AND undone_at IS NULL ORDER BY id DESC LIMIT 1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let Some((claim_id, serial)) = last else { return Err(Error::NoClaimToUndo) };
    if let Some(serial) = serial {
        let redeemed: bool =
            tx.query_row("SELECT redeemed_at IS NOT NULL FROM voucher WHERE serial = ?1", [serial], |r| {
                r.get(0)
            })?;
        if redeemed {
            return Err(Error::AlreadyCollected);
        }
        tx.execute("UPDATE voucher SET holder_name = '' WHERE serial = ?1", [serial])?;
    }
    if let Some(gift_id) = t.gift_id {
        crate::gift::hand_over(&tx, gift_id, None, MoveReason::ClaimUndone, now)?;
    }
    tx.execute("UPDATE drainage_claim SET undone_at = ?1 WHERE id = ?2", params![now, claim_id])?;
    tx.commit()?;
    claims(conn, id, now)
}
