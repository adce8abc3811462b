//! Where reminders come from, each with its due instant and key. Nothing here
//! writes: `due_between` is asked for a window and answers from the sources
//! as they are now.

use chrono::{DateTime, Duration, NaiveTime, SecondsFormat, Utc};
use rusqlite::{params, Connection};

use super::{Reminder, ReminderKind};
use crate::schedule::{self, rule::local_instant, OccurrenceState, LEAD_MAX};
use crate::{shop, Result};

/// Group QRs remind this long before they expire.
pub const QR_LEADS: [(i64, &str); 2] = [(2, "2d"), (1, "1d")];
/// Voucher batches remind on the morning this many days before their last day.
pub const BATCH_DAYS_BEFORE: i64 = 3;
/// Day-based reminders (a batch's last days) come at this local time.
pub const MORNING: (u32, u32) = (9, 0);

fn stamp(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
}

fn reminder(key: String, kind: ReminderKind, title: String, due_at: DateTime<Utc>) -> Reminder {
    Reminder {
        key,
        kind,
        title,
        body: String::new(),
        community_id: None,
        route: "reminders".into(),
        due_at,
        subject_at: None,
        delivered_at: None,
        missed: false,
    }
}

/// Every reminder due in `(from, to]`, in order. A source made after a
/// reminder's due time does not produce it: a schedule added at 20:05 does
/// not announce the 20:00 it already missed.
pub fn due_between(conn: &Connection, from: DateTime<Utc>, to: DateTime<Utc>) -> Result<Vec<Reminder>> {
    if to <= from {
        return Ok(Vec::new());
    }
    let mut scan = Scan { conn, from, to, found: Vec::new() };
    scan.schedules()?;
    scan.content()?;
    scan.qr_codes()?;
    scan.batches()?;
    let mut out = scan.found;
    out.sort_by(|a, b| a.due_at.cmp(&b.due_at).then_with(|| a.key.cmp(&b.key)));
    Ok(out)
}

/// One look at the sources for a window `(from, to]`.
struct Scan<'a> {
    conn: &'a Connection,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    found: Vec<Reminder>,
}

impl Scan<'_> {
    /// Keeps `r` when it falls in the window and its source existed by then.
    fn keep(&mut self, r: Reminder, made: DateTime<Utc>) {
        if r.due_at > self.from && r.due_at <= self.to && r.due_at >= made {
            self.found.push(r);
        }
    }

    fn schedules(&mut self) -> Result<()> {
        let (conn, from, to) = (self.conn, self.from, self.to);
        // An occurrence up to a day after the window can have its lead inside it.
        let occurrences = schedule::occurrences(conn, from, to + Duration::minutes(LEAD_MAX + 1))?;
        let made: std::collections::HashMap<i64, DateTime<Utc>> =
            schedule::stored(conn)?.into_iter().map(|s| (s.id, s.created_at)).collect();
        for o in occurrences.into_iter().filter(|o| o.state == OccurrenceState::Planned) {
            let Some(created) = made.get(&o.schedule_id).copied() else { continue };
            let mut leads = vec![(ReminderKind::Start, 0)];
            if o.lead_minutes > 0 {
                leads.insert(0, (ReminderKind::Announce, o.lead_minutes));
            }
            for (kind, lead) in leads {
                let due = o.at - Duration::minutes(lead);
                let tag = if kind == ReminderKind::Start { "start" } else { "announce" };
                let mut r = reminder(
                    format!("schedule:{}:{}:{tag}", o.schedule_id, stamp(o.at)),
                    kind,
                    o.title.clone(),
                    due,
                );
                r.body = o.message.clone();
                r.community_id = o.community_id;
                r.route = format!("calendar:{}", o.day);
                r.subject_at = Some(o.at);
                self.keep(r, created);
            }
        }
        Ok(())
    }

    fn content(&mut self) -> Result<()> {
        let (conn, from, to) = (self.conn, self.from, self.to);
        let mut stmt = conn.prepare_cached(
            "SELECT id, community_id, day, due_at, topic, body, created_at FROM content_item
         WHERE posted_at IS NULL AND withdrawn_at IS NULL AND due_at > ?1 AND due_at <= ?2",
        )?;
        let rows = stmt.query_map(params![from, to], |r| {
            let id: i64 = r.get("id")?;
            let community: i64 = r.get("community_id")?;
            let day: String = r.get("day")?;
            let due: DateTime<Utc> = r.get("due_at")?;
            let mut rem =
                reminder(format!("content:{id}:{}", stamp(due)), ReminderKind::Content, r.get("topic")?, due);
            rem.body = r.get("body")?;
            rem.community_id = Some(community);
            rem.route = format!("content:{community}:{day}");
            rem.subject_at = Some(due);
            Ok((rem, r.get::<_, DateTime<Utc>>(6)?))
        })?;
        for row in rows {
            let (r, made) = row?;
            self.keep(r, made);
        }
        Ok(())
    }

    fn qr_codes(&mut self) -> Result<()> {
        let (conn, from, to) = (self.conn, self.from, self.to);
        let mut stmt = conn.prepare_cached(
            "SELECT q.id, q.expires_at, q.created_at, ch.name AS channel_name, c.id AS community_id,
                    c.name AS community_name FROM qr_source q
         JOIN channel ch ON ch.id = q.channel_id JOIN community c ON c.id = ch.community_id
         WHERE q.replaced_at IS NULL AND q.expires_at IS NOT NULL AND q.expires_at > ?1 AND q.expires_at <= ?2
           AND ch.archived_at IS NULL AND c.archived_at IS NULL",
        )?;
        let longest = Duration::days(QR_LEADS[0].0);
        let rows = stmt.query_map(params![from, to + longest], |r| {
            Ok((
                r.get::<_, i64>("id")?,
                r.get::<_, DateTime<Utc>>(1)?,
                r.get::<_, DateTime<Utc>>(2)?,
                r.get::<_, String>("channel_name")?,
                r.get::<_, i64>("community_id")?,
                r.get::<_, String>("community_name")?,
            ))
        })?;
        for row in rows {
            let (id, expires, made, channel, community_id, community) = row?;
            for (days, tag) in QR_LEADS {
                let due = expires - Duration::days(days);
                let mut r = reminder(
                    format!("qr:{id}:{tag}:{}", stamp(due)),
                    ReminderKind::QrExpiry,
                    format!("{community} · {channel}"),
                    due,
                );
                r.community_id = Some(community_id);
                r.route = format!("community:{community_id}");
                r.subject_at = Some(expires);
                self.keep(r, made);
            }
        }
        Ok(())
    }

    fn batches(&mut self) -> Result<()> {
        let (conn, from, to) = (self.conn, self.from, self.to);
        let zone = shop::zone(conn)?;
        let morning = NaiveTime::from_hms_opt(MORNING.0, MORNING.1, 0).unwrap_or(NaiveTime::MIN);
        // Batches whose reminder morning can fall in the window: a day's slack either side.
        let first =
            (from.with_timezone(&zone).date_naive() + Duration::days(BATCH_DAYS_BEFORE - 1)).to_string();
        let last = (to.with_timezone(&zone).date_naive() + Duration::days(BATCH_DAYS_BEFORE + 1)).to_string();
        let mut stmt = conn.prepare_cached(
        "SELECT b.id, b.name, b.valid_until, b.created_at, b.community_id FROM voucher_batch b
         WHERE b.voided_at IS NULL AND b.valid_until >= ?1 AND b.valid_until <= ?2
           AND EXISTS (SELECT 1 FROM voucher v WHERE v.batch_id = b.id AND v.redeemed_at IS NULL AND v.voided_at IS NULL)",
    )?;
        let rows = stmt.query_map(params![first, last], |r| {
            Ok((
                r.get::<_, i64>("id")?,
                r.get::<_, String>("name")?,
                r.get::<_, String>("valid_until")?,
                r.get::<_, DateTime<Utc>>(3)?,
                r.get::<_, Option<i64>>(4)?,
            ))
        })?;
        for row in rows {
            let (id, name, until, made, community_id) = row?;
            let Ok(until) = schedule::parse_day(crate::Field::ValidUntil, &until) else { continue };
            let due = local_instant(zone, (until - Duration::days(BATCH_DAYS_BEFORE)).and_time(morning));
            let mut r =
                reminder(format!("batch:{id}:3d:{}", stamp(due)), ReminderKind::BatchExpiry, name, due);
            r.community_id = community_id;
            r.route = format!("batch:{id}");
            r.subject_at = Some(local_instant(zone, (until + Duration::days(1)).and_time(NaiveTime::MIN)));
            self.keep(r, made);
        }
        Ok(())
    }
}
