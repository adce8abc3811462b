//! Settling a gift-package day from its finished 接龙: lines grouped by
//! address (however it was spelt: spacing, full-width digits, 号楼/幢/栋/单元),
//! packages summed, the best tier reached applied to all of them, and the
//! price per address, revenue and margin. Settling again replaces the
//! session's settlement in one transaction, so nothing doubles.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};

use super::codes;
use super::model::{AddressLine, Settlement, Tier};
use crate::campaign::jielong::{self, Unreadable};
use crate::{shop, Error, Field, Lang, Problem, Result};

struct Terms {
    solo: i64,
    shares: i64,
    tiers: Vec<Tier>,
    /// One package's cost of goods, as published.
    cost: i64,
}

/// The published terms; `for_settling` refuses a cancelled campaign (its
/// settlement can still be read).
fn terms(conn: &Connection, campaign_id: i64, for_settling: bool) -> Result<Terms> {
    let (solo, shares, cancelled): (i64, i64, bool) = conn
        .query_row(
            "SELECT l.solo_cents, l.shares, c.cancelled_at IS NOT NULL
             FROM campaign c JOIN campaign_ladder l ON l.campaign_id = c.id WHERE c.id = ?1",
            [campaign_id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?
        .ok_or(Error::NotFound { what: "campaign", id: campaign_id })?;
    if cancelled && for_settling {
        return Err(Error::CampaignClosed);
    }
    let tiers = conn
        .prepare_cached("SELECT min_shares, price_cents FROM campaign_ladder_tier WHERE campaign_id = ?1 ORDER BY min_shares")?
        .query_map([campaign_id], |r| Ok(Tier { min_shares: r.get(0)?, price_cents: r.get(1)? }))?
        .collect::<rusqlite::Result<_>>()?;
    let cost: i64 = conn.query_row(
        "SELECT coalesce(sum(unit_cost_cents * quantity), 0) FROM campaign_ladder_item WHERE campaign_id = ?1",
        [campaign_id],
        |r| r.get(0),
    )?;
    Ok(Terms { solo, shares, tiers, cost })
}

/// The session on `day`, or the last one that has started (else the first).
fn session(
    conn: &Connection,
    campaign_id: i64,
    day: Option<&str>,
    now: DateTime<Utc>,
) -> Result<(i64, String)> {
    let found = match day {
        Some(day) => conn
            .query_row(
                "SELECT id, day FROM campaign_session WHERE campaign_id = ?1 AND day = ?2",
                params![campaign_id, day.trim()],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?
            .ok_or_else(|| Error::invalid(Field::Session, Problem::Unknown { value: day.to_owned() }))?,
        None => conn
            .query_row(
                "SELECT id, day FROM campaign_session WHERE campaign_id = ?1
                 ORDER BY starts_at <= ?2 DESC, CASE WHEN starts_at <= ?2 THEN starts_at END DESC, starts_at LIMIT 1",
                params![campaign_id, now],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?
            .ok_or(Error::NotFound { what: "session", id: 0 })?,
    };
    Ok(found)
}

/// "3栋2单元501-2" → ("3栋2单元501", 2); "3号楼2单元501 2份" → (…, 2); a line
/// with no count is one package. A count has at most two digits, so the
/// "501" of "3-2-501" stays part of the address.
fn address_and_shares(text: &str) -> (String, i64) {
    let t = text.trim();
    let body = t.strip_suffix(['份', '套', '盒', '个']).map(str::trim_end).unwrap_or(t);
    if let Some((address, n)) = body.rsplit_once(['-', '—', '–', '~']) {
        let n = n.trim();
        if (1..=2).contains(&n.len()) && n.chars().all(|c| c.is_ascii_digit()) && !address.trim().is_empty() {
            return (address.trim().to_owned(), n.parse().unwrap_or(1));
        }
    }
    let (address, shares) = jielong::split_quantity(t);
    (address, shares.unwrap_or(1))
}

/// An address as compared: folded, spaces dropped, 号楼/幢/栋/座/单元/# read
/// as a separator, 室 and a final 号 dropped: "3号楼2单元501室" = "3栋 2单元 501" = "3-2-501".
pub(crate) fn address_key(address: &str) -> String {
    let mut s: String =
        jielong::fold(address).chars().filter(|c| !c.is_whitespace()).flat_map(char::to_lowercase).collect();
    for sep in ["号楼", "单元", "幢", "栋", "座", "#"] {
        s = s.replace(sep, "-");
    }
    s = s.replace('室', "");
    let s = s.strip_suffix('号').unwrap_or(&s).to_owned();
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if !(c == '-' && out.ends_with('-')) {
            out.push(c);
        }
    }
    out.trim_matches('-').to_owned()
}

/// What a package costs at `shares` packages: the best tier reached, else the solo price.
fn price_at(t: &Terms, shares: i64) -> (i64, i64) {
    t.tiers
        .iter()
        .rev()
        .find(|tier| shares >= tier.min_shares)
        .map(|tier| (tier.min_shares, tier.price_cents))
        .unwrap_or((1, t.solo))
}

/// Settles the session on `day` (or the last started) from the pasted 接龙,
/// replacing an earlier settlement of it. A paste with no entry is refused,
/// so a wrong paste never wipes a good settlement.
pub fn settle(
    conn: &mut Connection,
    campaign_id: i64,
    day: Option<&str>,
    text: &str,
    now: DateTime<Utc>,
) -> Result<Settlement> {
    let lang = shop::language_or(conn, Lang::En);
    let (entries, mut unreadable) = jielong::entries(text, lang)?;
    if entries.is_empty() {
        return Err(Error::invalid(Field::Jielong, Problem::Empty));
    }
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let t = terms(&tx, campaign_id, true)?;
    let (session_id, day) = session(&tx, campaign_id, day, now)?;
    let mut addresses: Vec<(String, AddressLine)> = Vec::new();
    for e in entries {
        let (address, shares) = address_and_shares(&e.text);
        if shares < 1 {
            unreadable.push(Unreadable::new(
                e.line,
                &e.text,
                lang,
                "A quantity is at least 1",
                "份数至少为 1",
            ));
            continue;
        }
        let key = address_key(&address);
        // An address has a letter or a digit in it: "—" or "室" alone is none.
        if !key.chars().any(char::is_alphanumeric) || address.chars().count() > 100 {
            unreadable.push(Unreadable::new(
                e.line,
                &e.text,
                lang,
                "No address in this line",
                "这一行没有地址",
            ));
            continue;
        }
        match addresses.iter_mut().find(|(k, _)| *k == key) {
            Some((_, a)) => {
                a.lines.push(e.line);
                a.shares += shares;
            }
            None => addresses.push((
                key,
                AddressLine {
                    address,
                    lines: vec![e.line],
                    shares,
                    tier: 1,
                    price_cents: 0,
                    total_cents: 0,
                    codes: Vec::new(),
                },
            )),
        }
    }
    if addresses.is_empty() {
        // No line gave an address: the earlier settlement stays.
        return Err(Error::invalid(Field::Jielong, Problem::Empty));
    }
    let wanted: Vec<codes::Wanted> = addresses
        .iter()
        .map(|(key, a)| codes::Wanted { key, address: &a.address, shares: a.shares })
        .collect();
    codes::reissue(&tx, campaign_id, session_id, &day, &wanted, lang, now)?;
    tx.execute("DELETE FROM ladder_order WHERE session_id = ?1", [session_id])?;
    let mut lines = Vec::with_capacity(addresses.len());
    let mut held = codes::of_session(&tx, session_id)?;
    for (key, mut a) in addresses {
        (a.tier, a.price_cents) = price_at(&t, a.shares);
        a.total_cents = a.price_cents * a.shares;
        a.codes = held.remove(&key).unwrap_or_default();
        tx.prepare_cached(
            "INSERT INTO ladder_order (session_id, address, address_key, buyers, shares, price_cents, total_cents, settled_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )?
        .execute(params![session_id, a.address, key, a.lines.len() as i64, a.shares, a.price_cents, a.total_cents, now])?;
        lines.push(a);
    }
    tx.commit()?;
    let days = days(conn, campaign_id)?;
    Ok(summary(campaign_id, session_id, day, days, lines, unreadable, &t))
}

/// The session's stored settlement (empty when not settled yet).
pub fn settled(
    conn: &Connection,
    campaign_id: i64,
    day: Option<&str>,
    now: DateTime<Utc>,
) -> Result<Settlement> {
    let t = terms(conn, campaign_id, false)?;
    let (session_id, day) = session(conn, campaign_id, day, now)?;
    let mut held = codes::of_session(conn, session_id)?;
    let lines = conn
        .prepare_cached(
            "SELECT address, shares, price_cents, total_cents, address_key FROM ladder_order
             WHERE session_id = ?1 ORDER BY id",
        )?
        .query_map([session_id], |r| {
            let shares: i64 = r.get(1)?;
            Ok((
                AddressLine {
                    address: r.get(0)?,
                    lines: Vec::new(),
                    shares,
                    tier: price_at(&t, shares).0,
                    price_cents: r.get(2)?,
                    total_cents: r.get(3)?,
                    codes: Vec::new(),
                },
                r.get::<_, String>(4)?,
            ))
        })?
        .map(|row| {
            row.map(|(mut a, key)| {
                a.codes = held.remove(&key).unwrap_or_default();
                a
            })
        })
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(summary(campaign_id, session_id, day, days(conn, campaign_id)?, lines, Vec::new(), &t))
}

fn days(conn: &Connection, campaign_id: i64) -> Result<Vec<String>> {
    Ok(conn
        .prepare_cached("SELECT day FROM campaign_session WHERE campaign_id = ?1 ORDER BY starts_at")?
        .query_map([campaign_id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?)
}

fn summary(
    campaign_id: i64,
    session_id: i64,
    day: String,
    days: Vec<String>,
    addresses: Vec<AddressLine>,
    unreadable: Vec<Unreadable>,
    t: &Terms,
) -> Settlement {
    let shares: i64 = addresses.iter().map(|a| a.shares).sum();
    let collected = addresses.iter().flat_map(|a| &a.codes).filter(|c| c.collected).count() as i64;
    let collect_until = day
        .parse::<chrono::NaiveDate>()
        .map(|d| (d + chrono::Duration::days(codes::PICKUP_DAYS)).to_string())
        .unwrap_or_default();
    let revenue: i64 = addresses.iter().map(|a| a.total_cents).sum();
    let cost = t.cost * shares;
    Settlement {
        campaign_id,
        session_id,
        day,
        days,
        addresses,
        unreadable,
        shares,
        revenue_cents: revenue,
        cost_cents: cost,
        margin_cents: revenue - cost,
        over_by: (shares - t.shares).max(0),
        collected,
        collect_until,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_however_spelt_is_one_address() {
        let key = address_key("3栋2单元501");
        for other in ["3号楼2单元501室", "３栋 ２单元 ５０１", "3幢2单元501号", "3-2-501", "3#2-501"]
        {
            assert_eq!(address_key(other), key, "{other}");
        }
        assert_ne!(address_key("3栋2单元502"), key);
    }

    #[test]
    fn the_count_is_read_from_the_end_of_a_line() {
        assert_eq!(address_and_shares("3栋2单元501-2"), ("3栋2单元501".into(), 2));
        assert_eq!(address_and_shares("3栋2单元501-2份"), ("3栋2单元501".into(), 2));
        assert_eq!(address_and_shares("3号楼2单元501 3份"), ("3号楼2单元501".into(), 3));
        assert_eq!(address_and_shares("3-2-501"), ("3-2-501".into(), 1));
        assert_eq!(address_and_shares("3-2-501-1"), ("3-2-501".into(), 1));
        assert_eq!(address_and_shares("Rose Court 12"), ("Rose Court".into(), 12));
    }
}
