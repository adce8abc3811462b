//! Reminders: what is due and when, and the log that makes each one fire
//! exactly once.
//!
//! Reminders come from four sources: a schedule's occurrences (a lead time
//! before, to post the announcement, and at the start), content items (at
//! their posting time), group QRs (two days and one day before they expire)
//! and voucher batches (three days before the last valid day, in the
//! morning). Each has a key naming its source and due instant.
//!
//! `collect_due` is the only writer: in one transaction it takes every
//! reminder due since the last check, writes each to the log (fresh, or
//! missed when it is long past: the laptop was off), and moves the check
//! forward. The shell shows notifications only after that commit, so a crash
//! can lose a notification's display but never repeat one, and a clock that
//! jumps backwards finds everything up to its old check already done.

mod notice;
mod sources;

pub use notice::{notices, Notice};

use chrono::{DateTime, Duration, Utc};
use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{shop, Result};

/// A reminder found this long after it was due counts as missed (the laptop
/// was asleep or off) and is gathered into one summary, not a burst.
pub const GRACE: Duration = Duration::minutes(10);
/// How far ahead the centre lists what is coming.
pub const UPCOMING_DAYS: i64 = 7;
/// How far back a check looks for what was missed. Older reminders are
/// history, not tasks; and a clock that once ran months ahead only marks a
/// week of that future as missed, so the present's reminders still come.
pub const MISSED_DAYS: i64 = 7;
/// Each check also looks this far behind the last one: an edit that moves a
/// due time into the recent past (tonight's spike brought forward, so its
/// announcement is due already) still reminds; the log stops repeats.
pub const LOOK_BEHIND: Duration = Duration::hours(3);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ReminderKind {
    /// The lead time before an occurrence: post the announcement.
    Announce,
    /// An occurrence starts now.
    Start,
    /// A content item's posting time.
    Content,
    /// A group QR expires in a day or two.
    QrExpiry,
    /// A voucher batch's last days.
    BatchExpiry,
}

impl ReminderKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ReminderKind::Announce => "announce",
            ReminderKind::Start => "start",
            ReminderKind::Content => "content",
            ReminderKind::QrExpiry => "qr_expiry",
            ReminderKind::BatchExpiry => "batch_expiry",
        }
    }

    fn parse(s: &str) -> ReminderKind {
        match s {
            "announce" => ReminderKind::Announce,
            "content" => ReminderKind::Content,
            "qr_expiry" => ReminderKind::QrExpiry,
            "batch_expiry" => ReminderKind::BatchExpiry,
            _ => ReminderKind::Start,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Reminder {
    /// Names the source and its due instant: `schedule:3:2026-11-24T12:00:00Z:start`.
    pub key: String,
    pub kind: ReminderKind,
    /// The schedule's title, the topic, the channel or the batch.
    pub title: String,
    /// The ready-to-copy text, when there is one.
    pub body: String,
    #[ts(type = "number | null")]
    pub community_id: Option<i64>,
    /// Where clicking it goes: `calendar:2026-11-24`, `content:3:2026-11-25`,
    /// `community:3`, `batch:7`, `reminders`.
    pub route: String,
    pub due_at: DateTime<Utc>,
    /// The occurrence, post or expiry the reminder is about: for a group QR
    /// the instant it expires; for a voucher batch the first instant it is no
    /// longer valid (midnight after its last day, in the shop's zone).
    pub subject_at: Option<DateTime<Utc>>,
    /// When it was delivered (or found missed); `None` while still to come.
    pub delivered_at: Option<DateTime<Utc>>,
    pub missed: bool,
}

/// What one check delivered: the reminders to show now, and those found long
/// past, shown together as one summary.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Delivery {
    pub fresh: Vec<Reminder>,
    pub missed: Vec<Reminder>,
    /// The owner paused notifications: delivered and listed, not shown.
    pub paused: bool,
}

impl Delivery {
    pub fn is_empty(&self) -> bool {
        self.fresh.is_empty() && self.missed.is_empty()
    }
}

/// How far the checks have got, and until when notifications are paused.
type CheckState = (DateTime<Utc>, Option<DateTime<Utc>>);

fn state(conn: &Connection) -> Result<Option<CheckState>> {
    Ok(conn
        .query_row("SELECT checked_until, paused_until FROM reminder_state WHERE id = 1", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .optional()?)
}

fn delivered(conn: &Connection, key: &str) -> Result<bool> {
    Ok(conn
        .query_row("SELECT EXISTS (SELECT 1 FROM reminder_delivery WHERE key = ?1)", [key], |r| r.get(0))?)
}

/// Takes every reminder due since the last check up to `now`, records each
/// as delivered (or missed), and returns them. The first check ever starts
/// from `now`: a new shop is not greeted by its past.
pub fn collect_due(conn: &mut Connection, now: DateTime<Utc>) -> Result<Delivery> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let Some((checked, paused_until)) = state(&tx)? else {
        tx.execute("INSERT INTO reminder_state (id, checked_until) VALUES (1, ?1)", [now])?;
        tx.commit()?;
        return Ok(Delivery::default());
    };
    // A clock that went backwards (set right after running ahead, a wrong
    // NTP answer): the check starts again from `now`; what was delivered is
    // in the log, so nothing fires twice, and nothing ahead is skipped.
    if now <= checked {
        if now < checked {
            tx.execute("UPDATE reminder_state SET checked_until = ?1 WHERE id = 1", [now])?;
            tx.commit()?;
        }
        return Ok(Delivery::default());
    }
    let mut out = Delivery { paused: paused_until.is_some_and(|p| p > now), ..Delivery::default() };
    let from = checked.min(now - LOOK_BEHIND).max(now - Duration::days(MISSED_DAYS));
    for mut r in sources::due_between(&tx, from, now)? {
        if delivered(&tx, &r.key)? {
            continue;
        }
        r.missed = now - r.due_at > GRACE;
        r.delivered_at = Some(now);
        tx.execute(
            "INSERT INTO reminder_delivery (key, kind, title, body, community_id, route, due_at, subject_at,
                                            delivered_at, missed)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            params![
                r.key,
                r.kind.as_str(),
                r.title,
                r.body,
                r.community_id,
                r.route,
                r.due_at,
                r.subject_at,
                now,
                r.missed
            ],
        )?;
        if r.missed {
            out.missed.push(r);
        } else {
            out.fresh.push(r);
        }
    }
    tx.execute("UPDATE reminder_state SET checked_until = ?1 WHERE id = 1", [now])?;
    tx.commit()?;
    Ok(out)
}

/// When the next reminder falls due after `now`, looking `UPCOMING_DAYS`
/// ahead; the reminder task sleeps until then (or a minute, if sooner).
pub fn next_due(conn: &Connection, now: DateTime<Utc>) -> Result<Option<DateTime<Utc>>> {
    for r in sources::due_between(conn, now, now + Duration::days(UPCOMING_DAYS))? {
        if !delivered(conn, &r.key)? {
            return Ok(Some(r.due_at));
        }
    }
    Ok(None)
}

/// The reminder centre: what was missed, today's list and the next 7 days.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ReminderCentre {
    pub now: DateTime<Utc>,
    /// The shop's day, "YYYY-MM-DD".
    pub today: String,
    /// Missed while the laptop was off or asleep, not yet dismissed; newest first.
    pub missed: Vec<Reminder>,
    /// Everything due today, delivered or still to come, in order.
    pub today_list: Vec<Reminder>,
    /// After today, up to 7 days from now.
    pub upcoming: Vec<Reminder>,
    pub paused_until: Option<DateTime<Utc>>,
}

fn logged(conn: &Connection, sql_where: &str, args: impl rusqlite::Params) -> Result<Vec<Reminder>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT key, kind, title, body, community_id, route, due_at, subject_at, delivered_at, missed
         FROM reminder_delivery WHERE {sql_where}"
    ))?;
    let rows = stmt.query_map(args, |r| {
        let kind: String = r.get("kind")?;
        Ok(Reminder {
            key: r.get("key")?,
            kind: ReminderKind::parse(&kind),
            title: r.get("title")?,
            body: r.get("body")?,
            community_id: r.get("community_id")?,
            route: r.get("route")?,
            due_at: r.get("due_at")?,
            subject_at: r.get("subject_at")?,
            delivered_at: r.get("delivered_at")?,
            missed: r.get("missed")?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn centre(conn: &Connection, now: DateTime<Utc>) -> Result<ReminderCentre> {
    let zone = shop::zone(conn)?;
    let today = now.with_timezone(&zone).date_naive();
    let start = shop::start_of_day(conn, &today.to_string(), crate::Field::Date)?;
    let tomorrow =
        shop::start_of_day(conn, &today.succ_opt().unwrap_or(today).to_string(), crate::Field::Date)?;
    let missed = logged(conn, "missed = 1 AND dismissed_at IS NULL ORDER BY due_at DESC", [])?;
    // Today: what was delivered today, and what is still to come today.
    let mut today_list = logged(
        conn,
        "due_at >= ?1 AND due_at < ?2 AND missed = 0 ORDER BY due_at",
        params![start, tomorrow],
    )?;
    let mut upcoming = Vec::new();
    for r in sources::due_between(conn, now, now + Duration::days(UPCOMING_DAYS))? {
        if delivered(conn, &r.key)? {
            continue;
        }
        if r.due_at < tomorrow {
            today_list.push(r);
        } else {
            upcoming.push(r);
        }
    }
    today_list.sort_by_key(|r| r.due_at);
    let paused_until = state(conn)?.and_then(|(_, p)| p).filter(|p| *p > now);
    Ok(ReminderCentre { now, today: today.to_string(), missed, today_list, upcoming, paused_until })
}

/// Clears missed reminders from the centre: the ones named, or all.
pub fn dismiss(conn: &Connection, keys: Option<&[String]>, now: DateTime<Utc>) -> Result<()> {
    match keys {
        None => {
            conn.execute(
                "UPDATE reminder_delivery SET dismissed_at = ?1 WHERE missed = 1 AND dismissed_at IS NULL",
                [now],
            )?;
        }
        Some(keys) => {
            let mut stmt = conn.prepare_cached(
                "UPDATE reminder_delivery SET dismissed_at = ?1 WHERE key = ?2 AND dismissed_at IS NULL",
            )?;
            for k in keys {
                stmt.execute(params![now, k])?;
            }
        }
    }
    Ok(())
}

/// Silences notifications until `until` (`None` resumes). Reminders still
/// reach the centre meanwhile.
/// The longest the owner may silence notifications: a day.
pub const PAUSE_MINUTES_MAX: i64 = 24 * 60;

/// Silences notifications for `minutes` from now (0 resumes; reminders still
/// reach the centre); the centre as it now stands.
pub fn pause_for(conn: &Connection, minutes: i64, now: DateTime<Utc>) -> Result<ReminderCentre> {
    let minutes = crate::validate::in_range(crate::Field::Minutes, minutes, 0, PAUSE_MINUTES_MAX)?;
    pause_until(conn, (minutes > 0).then(|| now + Duration::minutes(minutes)), now)?;
    centre(conn, now)
}

/// Clears missed reminders (the keys given, or all); the centre as it now stands.
pub fn dismiss_missed(
    conn: &Connection,
    keys: Option<&[String]>,
    now: DateTime<Utc>,
) -> Result<ReminderCentre> {
    dismiss(conn, keys, now)?;
    centre(conn, now)
}

pub fn pause_until(
    conn: &Connection,
    until: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> Result<Option<DateTime<Utc>>> {
    let until = until.filter(|u| *u > now);
    conn.execute(
        "INSERT INTO reminder_state (id, checked_until, paused_until) VALUES (1, ?1, ?2)
         ON CONFLICT (id) DO UPDATE SET paused_until = excluded.paused_until",
        params![now, until],
    )?;
    Ok(until)
}

pub fn paused_until(conn: &Connection, now: DateTime<Utc>) -> Result<Option<DateTime<Utc>>> {
    Ok(state(conn)?.and_then(|(_, p)| p).filter(|p| *p > now))
}

#[cfg(test)]
mod tests;
