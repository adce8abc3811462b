//! Freezing a draw's list and running the draw, one transaction each.
//! Freezing writes the entrants, a secret seed from the operating system and
//! the two hashes to publish; running mixes in the public value, shuffles
//! the urn (`crate::draw::fair`) and names a voucher to every entrant for
//! what they won. Neither can be done twice, and the database refuses any
//! later change to what they wrote (migration 0025's triggers).

use chrono::{DateTime, Utc};
use rand::RngCore;
use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};

use super::entrants;
use super::model::{DrawConsole, DrawInput};
use super::PUBLIC_VALUE_MAX;
use crate::draw::fair;
use crate::validate::required;
use crate::voucher::{BatchInput, BenefitInput};
use crate::{shop, Error, Field, Lang, Result};

/// What freezing and running need to know about a draw.
struct State {
    input: DrawInput,
    name: String,
    cancelled: bool,
    freeze_at: DateTime<Utc>,
    draw_at: DateTime<Utc>,
    claim_until: String,
    frozen: bool,
    drawn: bool,
}

fn state(conn: &Connection, id: i64) -> Result<State> {
    type Row = (String, String, bool, DateTime<Utc>, DateTime<Utc>, String, bool, bool);
    let row: Row = conn
        .query_row(
            "SELECT c.input, c.name, c.cancelled_at IS NOT NULL, d.freeze_at, d.draw_at, d.claim_until,
                    d.frozen_at IS NOT NULL, d.drawn_at IS NOT NULL
             FROM campaign c JOIN campaign_draw d ON d.campaign_id = c.id WHERE c.id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?, r.get(7)?)),
        )
        .optional()?
        .ok_or(Error::NotFound { what: "draw", id })?;
    let (input, name, cancelled, freeze_at, draw_at, claim_until, frozen, drawn) = row;
    Ok(State {
        input: serde_json::from_str(&input).map_err(|_| Error::Damaged("a draw's terms"))?,
        name,
        cancelled,
        freeze_at,
        draw_at,
        claim_until,
        frozen,
        drawn,
    })
}

fn local(conn: &Connection, t: DateTime<Utc>) -> Result<String> {
    Ok(t.with_timezone(&shop::zone(conn)?).format("%Y-%m-%d %H:%M").to_string())
}

/// Freezes the list at `now` (at or after the freeze time): the entrants as
/// they stand, the shop's secret seed, and the hashes to publish.
pub fn freeze(conn: &mut Connection, id: i64, now: DateTime<Utc>) -> Result<DrawConsole> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let s = state(&tx, id)?;
    if s.cancelled {
        return Err(Error::CampaignClosed);
    }
    if s.frozen {
        return Err(Error::DrawFrozen);
    }
    if now < s.freeze_at {
        return Err(Error::DrawFreezeNotYet { at: local(&tx, s.freeze_at)? });
    }
    // Frozen once the public value may be known, the list could be chosen for it.
    if now >= s.draw_at {
        return Err(Error::DrawFreezeMissed { at: local(&tx, s.draw_at)? });
    }
    let zone = shop::zone(&tx)?;
    let list = entrants::entrants(&tx, &s.input.community_ids, &s.input.condition, zone, now)?.entrants;
    if list.is_empty() {
        return Err(Error::NoEntrants);
    }
    let labels: Vec<String> = list.iter().map(|e| e.label.clone()).collect();
    let mut seed = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut seed);
    for (i, e) in list.iter().enumerate() {
        tx.prepare_cached(
            "INSERT INTO draw_entry (campaign_id, number, member_id, label) VALUES (?1, ?2, ?3, ?4)",
        )?
        .execute(params![id, i as i64 + 1, e.member_id, e.label])?;
    }
    tx.execute(
        "UPDATE campaign_draw SET shop_seed = ?1, seed_sha256 = ?2, list_sha256 = ?3, frozen_at = ?4 WHERE campaign_id = ?5",
        params![
            seed.as_slice(),
            fair::hex(&fair::sha256(&seed)),
            fair::hex(&fair::list_hash(&labels)),
            now,
            id
        ],
    )?;
    tx.commit()?;
    super::console(conn, id, now)
}

/// Runs the draw with the public value typed (at or after the draw time):
/// each entrant's prize, and a voucher for it named to them.
pub fn run(conn: &mut Connection, id: i64, public_value: &str, now: DateTime<Utc>) -> Result<DrawConsole> {
    let typed = required(Field::PublicValue, public_value, PUBLIC_VALUE_MAX)?;
    // One way to write each number, so the value cannot be respelt ("3391.450",
    // "03391.45") until one spelling gives a result the shop likes.
    let value = crate::draw::canonical_number(&typed).ok_or_else(|| {
        Error::invalid(
            Field::PublicValue,
            crate::Problem::Unknown { value: typed.chars().take(40).collect() },
        )
    })?;
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let s = state(&tx, id)?;
    if s.cancelled {
        return Err(Error::CampaignClosed);
    }
    if !s.frozen {
        return Err(Error::DrawNotFrozen);
    }
    if s.drawn {
        return Err(Error::DrawAlreadyRun);
    }
    if now < s.draw_at {
        return Err(Error::DrawNotYet { at: local(&tx, s.draw_at)? });
    }
    let seed: Vec<u8> =
        tx.query_row("SELECT shop_seed FROM campaign_draw WHERE campaign_id = ?1", [id], |r| r.get(0))?;
    let seed: [u8; 32] = seed.try_into().map_err(|_| Error::Damaged("a draw's seed"))?;
    let entries: Vec<(i64, i64, String, String)> = tx
        .prepare(
            "SELECT e.number, e.member_id, e.label, coalesce(m.display_name, '') FROM draw_entry e
             LEFT JOIN member m ON m.id = e.member_id WHERE e.campaign_id = ?1 ORDER BY e.number",
        )?
        .query_map([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let prizes: Vec<(i64, String, Option<i64>, i64, i64)> = tx
        .prepare("SELECT rank, name, gift_id, quantity, value_cents FROM draw_prize WHERE campaign_id = ?1 ORDER BY rank")?
        .query_map([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let labels: Vec<String> = entries.iter().map(|e| e.2.clone()).collect();
    // The list drawn is the list whose hash was published.
    let published: String =
        tx.query_row("SELECT list_sha256 FROM campaign_draw WHERE campaign_id = ?1", [id], |r| r.get(0))?;
    if fair::hex(&fair::list_hash(&labels)) != published {
        return Err(Error::Damaged("a draw's frozen list"));
    }
    let quantities: Vec<u32> = prizes.iter().map(|p| u32::try_from(p.3).unwrap_or(0)).collect();
    let result = fair::draw(&labels, &seed, &value, &quantities);

    let (consolation_name, consolation_cents, min_spend): (String, i64, Option<i64>) = tx.query_row(
        "SELECT consolation_name, consolation_cents, consolation_min_spend_cents FROM campaign_draw WHERE campaign_id = ?1",
        [id],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?;
    let lang = shop::language_or(&tx, Lang::En);
    let community_id = match s.input.community_ids.as_slice() {
        [one] => Some(*one),
        _ => None,
    };
    // Each prize (and the consolation, rank 0) becomes one batch of vouchers,
    // named in entrant order to those who won it.
    let mut ranks: Vec<(u32, String, BenefitInput, Option<i64>)> = prizes
        .iter()
        .map(|(rank, name, gift, _, value)| {
            let benefit = match gift {
                Some(gift_id) => BenefitInput::Gift { gift_id: *gift_id },
                None => BenefitInput::AmountOff { cents: *value },
            };
            (u32::try_from(*rank).unwrap_or(0), name.clone(), benefit, None)
        })
        .collect();
    ranks.push((
        fair::CONSOLATION,
        consolation_name,
        BenefitInput::AmountOff { cents: consolation_cents },
        min_spend,
    ));
    for (rank, prize, benefit, min_spend_cents) in ranks {
        let winners: Vec<usize> = (0..result.len()).filter(|&i| result[i] == rank).collect();
        if winners.is_empty() {
            continue;
        }
        let name = match lang {
            Lang::ZhCn => format!("{}：{}", s.name, prize),
            Lang::En => format!("{}: {}", s.name, prize),
        };
        // Drawn after the claim deadline, the prizes stay claimable until today:
        // a change in the customers' favour, which the rules allow.
        let until = s.claim_until.clone().max(shop::today(&tx, now)?.to_string());
        let batch = BatchInput {
            name: name.chars().take(crate::voucher::NAME_MAX).collect(),
            community_id,
            min_spend_cents,
            ..BatchInput::new(benefit, winners.len() as i64, &until)
        };
        let batch_id = crate::voucher::batch::insert(&tx, &batch, now)?;
        crate::campaign::link(&tx, id, "batch", batch_id)?;
        let serials: Vec<i64> = tx
            .prepare_cached("SELECT serial FROM voucher WHERE batch_id = ?1 ORDER BY serial")?
            .query_map([batch_id], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        for (&i, serial) in winners.iter().zip(serials) {
            let (number, _, _, display_name) = &entries[i];
            let holder: String = display_name.chars().take(crate::voucher::HOLDER_NAME_MAX).collect();
            tx.prepare_cached("UPDATE voucher SET holder_name = ?1 WHERE serial = ?2")?
                .execute(params![holder, serial])?;
            tx.prepare_cached(
                "UPDATE draw_entry SET rank = ?1, serial = ?2 WHERE campaign_id = ?3 AND number = ?4",
            )?
            .execute(params![rank, serial, id, number])?;
        }
    }
    tx.execute(
        "UPDATE campaign_draw SET public_value = ?1, drawn_at = ?2 WHERE campaign_id = ?3",
        params![value, now, id],
    )?;
    tx.commit()?;
    super::console(conn, id, now)
}
