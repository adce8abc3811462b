//! The shop's rhythm: recurring schedules (a spike every Monday to Thursday at
//! 20:00, a member day on the last Friday), their occurrences in the shop's
//! zone, what the owner did with each one, and the .ics export.

pub mod ics;
pub(crate) mod model;
pub mod rule;

pub use model::{
    parse_day, parse_local, parse_time, Purpose, Schedule, ScheduleInput, LEAD_MAX, MESSAGE_MAX, TITLE_MAX,
};
pub use rule::{Occurrence, Repeat, Rule};

use chrono::{DateTime, Duration, Utc};
use chrono_tz::Tz;
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::validate::unknown;
use crate::{shop, Error, Field, Result};

/// A schedule as stored, with its rule ready to expand.
#[derive(Debug, Clone)]
pub struct Stored {
    pub id: i64,
    pub title: String,
    pub purpose: Purpose,
    pub community_id: Option<i64>,
    pub rule: Rule,
    pub zone: Tz,
    pub lead_minutes: i64,
    pub message: String,
    pub paused: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl Stored {
    fn view(&self, now: DateTime<Utc>) -> Schedule {
        let start = self.rule.start;
        Schedule {
            id: self.id,
            title: self.title.clone(),
            purpose: self.purpose,
            community_id: self.community_id,
            rule: self.rule.text().to_owned(),
            repeat: self.rule.repeat(),
            start: start.format("%Y-%m-%d %H:%M").to_string(),
            time: start.format("%H:%M").to_string(),
            zone: self.zone.name().to_owned(),
            starts_at: rule::local_instant(self.zone, start),
            ends_on: self.rule.ends.map(|d| d.to_string()),
            skipped: self.rule.skipped.iter().map(|d| d.to_string()).collect(),
            lead_minutes: self.lead_minutes,
            message: self.message.clone(),
            paused: self.paused,
            next_at: if self.paused { None } else { self.rule.next(self.zone, now).map(|o| o.at) },
            created_at: self.created_at,
            updated_at: self.updated_at,
        }
    }
}

const COLUMNS: &str = "s.id, s.title, s.purpose, s.community_id, s.rule, s.starts_local, s.zone, s.ends_on,
     s.lead_minutes, s.message, s.paused_at IS NOT NULL AS paused, s.created_at, s.updated_at,
     (SELECT group_concat(day, ',') FROM schedule_skip k WHERE k.schedule_id = s.id) AS skipped";

/// A stored row back into a schedule. A row this version cannot read (edited
/// by hand) is reported as damage rather than silently dropped.
fn from_row(r: &Row) -> rusqlite::Result<Result<Stored>> {
    let purpose: String = r.get("purpose")?;
    let text: String = r.get("rule")?;
    let start: String = r.get("starts_local")?;
    let zone: String = r.get("zone")?;
    let ends: Option<String> = r.get("ends_on")?;
    let skips: Option<String> = r.get("skipped")?;
    let build = || -> Result<Stored> {
        let zone = shop::parse_zone(&zone).map_err(|_| Error::Damaged("a schedule's time zone"))?;
        let start = parse_local(Field::Start, &start).map_err(|_| Error::Damaged("a schedule's start"))?;
        let ends = ends.as_deref().map(|d| parse_day(Field::EndsOn, d)).transpose()?;
        let skipped = skips
            .as_deref()
            .unwrap_or("")
            .split(',')
            .filter(|d| !d.is_empty())
            .map(|d| parse_day(Field::Skipped, d))
            .collect::<Result<Vec<_>>>()?;
        let rule = Rule::parse(&text, start, ends, skipped, zone)
            .map_err(|_| Error::Damaged("a schedule's repeat rule"))?;
        Ok(Stored {
            id: r.get("id")?,
            title: r.get("title")?,
            purpose: Purpose::parse(&purpose).unwrap_or(Purpose::Custom),
            community_id: r.get("community_id")?,
            rule,
            zone,
            lead_minutes: r.get("lead_minutes")?,
            message: r.get("message")?,
            paused: r.get("paused")?,
            created_at: r.get("created_at")?,
            updated_at: r.get("updated_at")?,
        })
    };
    Ok(build())
}

/// Every schedule not deleted, paused ones included.
pub fn stored(conn: &Connection) -> Result<Vec<Stored>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM schedule s WHERE s.deleted_at IS NULL ORDER BY s.starts_at, s.id"
    ))?;
    let rows = stmt.query_map([], from_row)?.collect::<rusqlite::Result<Vec<_>>>()?;
    rows.into_iter().collect()
}

pub fn stored_one(conn: &Connection, id: i64) -> Result<Stored> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM schedule s WHERE s.id = ?1 AND s.deleted_at IS NULL"),
        [id],
        from_row,
    )
    .optional()?
    .ok_or(Error::NotFound { what: "schedule", id })?
}

pub fn get(conn: &Connection, id: i64, now: DateTime<Utc>) -> Result<Schedule> {
    Ok(stored_one(conn, id)?.view(now))
}

pub fn list(conn: &Connection, now: DateTime<Utc>) -> Result<Vec<Schedule>> {
    Ok(stored(conn)?.iter().map(|s| s.view(now)).collect())
}

fn check_community(conn: &Connection, id: Option<i64>) -> Result<()> {
    if let Some(id) = id {
        let found: bool =
            conn.query_row("SELECT EXISTS (SELECT 1 FROM community WHERE id = ?1)", [id], |r| r.get(0))?;
        if !found {
            return Err(unknown(Field::Community, &id.to_string()));
        }
    }
    Ok(())
}

fn write_skips(tx: &Transaction, id: i64, rule: &Rule) -> Result<()> {
    tx.execute("DELETE FROM schedule_skip WHERE schedule_id = ?1", [id])?;
    let mut stmt = tx.prepare_cached("INSERT INTO schedule_skip (schedule_id, day) VALUES (?1, ?2)")?;
    for day in &rule.skipped {
        stmt.execute(params![id, day.to_string()])?;
    }
    Ok(())
}

pub fn create(conn: &mut Connection, input: &ScheduleInput, now: DateTime<Utc>) -> Result<Schedule> {
    let tx = conn.transaction()?;
    let id = insert(&tx, input, now)?;
    tx.commit()?;
    get(conn, id, now)
}

/// Checks and adds a schedule inside the caller's transaction; its id.
pub(crate) fn insert(tx: &Transaction, input: &ScheduleInput, now: DateTime<Utc>) -> Result<i64> {
    let v = model::validate(input, shop::zone(tx)?)?;
    check_community(tx, v.community_id)?;
    tx.execute(
        "INSERT INTO schedule (title, purpose, rule, starts_local, starts_at, zone, created_at, updated_at)
         VALUES ('', 'custom', '', '', ?1, '', ?1, ?1)",
        [now],
    )?;
    let id = tx.last_insert_rowid();
    write(tx, id, &v, now)?;
    Ok(id)
}

pub fn update(conn: &mut Connection, id: i64, input: &ScheduleInput, now: DateTime<Utc>) -> Result<Schedule> {
    stored_one(conn, id)?;
    let v = model::validate(input, shop::zone(conn)?)?;
    check_community(conn, v.community_id)?;
    let tx = conn.transaction()?;
    write(&tx, id, &v, now)?;
    tx.commit()?;
    get(conn, id, now)
}

/// Every field of a checked schedule, and its skipped days, into row `id`
/// (inside the caller's transaction).
fn write(tx: &Transaction, id: i64, v: &model::ValidSchedule, now: DateTime<Utc>) -> Result<()> {
    let start = v.rule.start;
    tx.execute(
        "UPDATE schedule SET title = ?1, purpose = ?2, community_id = ?3, rule = ?4, starts_local = ?5,
                starts_at = ?6, zone = ?7, ends_on = ?8, lead_minutes = ?9, message = ?10, updated_at = ?11
         WHERE id = ?12",
        params![
            v.title,
            v.purpose.as_str(),
            v.community_id,
            v.rule.text(),
            start.format("%Y-%m-%d %H:%M").to_string(),
            rule::local_instant(v.zone, start),
            v.zone.name(),
            v.rule.ends.map(|d| d.to_string()),
            v.lead_minutes,
            v.message,
            now,
            id
        ],
    )?;
    write_skips(tx, id, &v.rule)
}

/// Pausing stops its reminders and takes it off the calendar until resumed.
pub fn set_paused(conn: &Connection, id: i64, paused: bool, now: DateTime<Utc>) -> Result<Schedule> {
    stored_one(conn, id)?;
    conn.execute(
        "UPDATE schedule SET paused_at = ?1, updated_at = ?2 WHERE id = ?3",
        params![paused.then_some(now), now, id],
    )?;
    get(conn, id, now)
}

/// Deleted schedules stay in the file (their reminders' log names them) but
/// are gone from the calendar, the reminders and the export.
pub fn delete(conn: &Connection, id: i64, now: DateTime<Utc>) -> Result<()> {
    stored_one(conn, id)?;
    conn.execute("UPDATE schedule SET deleted_at = ?1, updated_at = ?1 WHERE id = ?2", params![now, id])?;
    Ok(())
}

/// The shop's zone changed from `old` to `new`: schedules that were in the
/// shop's zone follow it, keeping their wall-clock times; one given its own
/// zone (from the CLI) keeps it. Part of the settings' transaction.
pub(crate) fn follow_shop_zone(conn: &Connection, old: &str, new: &str) -> Result<()> {
    let zone = shop::parse_zone(new)?;
    let mut stmt = conn.prepare("SELECT id, starts_local FROM schedule WHERE zone = ?1")?;
    let rows: Vec<(i64, String)> =
        stmt.query_map([old], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<rusqlite::Result<_>>()?;
    let mut update = conn.prepare("UPDATE schedule SET zone = ?1, starts_at = ?2 WHERE id = ?3")?;
    for (id, start) in rows {
        let start = parse_local(Field::Start, &start).map_err(|_| Error::Damaged("a schedule's start"))?;
        update.execute(params![zone.name(), rule::local_instant(zone, start), id])?;
    }
    Ok(())
}

/// What the owner did with one occurrence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum OccurrenceState {
    Planned,
    Done,
    Skipped,
}

impl OccurrenceState {
    pub fn parse(s: &str) -> Result<OccurrenceState> {
        match s.trim() {
            "planned" => Ok(OccurrenceState::Planned),
            "done" => Ok(OccurrenceState::Done),
            "skipped" => Ok(OccurrenceState::Skipped),
            other => Err(unknown(Field::Occurrence, other)),
        }
    }
}

/// One occurrence of a schedule, as the calendar shows it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct CalendarOccurrence {
    #[ts(type = "number")]
    pub schedule_id: i64,
    pub title: String,
    pub purpose: Purpose,
    #[ts(type = "number | null")]
    pub community_id: Option<i64>,
    /// The shop's day, "YYYY-MM-DD", and local time, "HH:MM".
    pub day: String,
    pub time: String,
    pub at: DateTime<Utc>,
    pub state: OccurrenceState,
    #[ts(type = "number")]
    pub lead_minutes: i64,
    pub message: String,
}

/// Marks near a window: two days wider either side, since a mark belongs to
/// its occurrence's local day (an edit that moves 20:00 to 20:30 keeps "skipped").
fn marks(
    conn: &Connection,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<Vec<(i64, DateTime<Utc>, String)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT schedule_id, occurs_at, state FROM occurrence_mark WHERE occurs_at >= ?1 AND occurs_at < ?2
         ORDER BY marked_at DESC",
    )?;
    let rows = stmt.query_map(params![from - Duration::days(2), to + Duration::days(2)], |r| {
        Ok((r.get(0)?, r.get(1)?, r.get(2)?))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The mark of `s`'s occurrence on the local day `day` (at most one
/// occurrence a day: rules more frequent are refused).
fn state_on(marks: &[(i64, DateTime<Utc>, String)], s: &Stored, day: chrono::NaiveDate) -> OccurrenceState {
    marks
        .iter()
        .find(|(id, at, _)| *id == s.id && at.with_timezone(&s.zone).date_naive() == day)
        .map(|(_, _, st)| OccurrenceState::parse(st).unwrap_or(OccurrenceState::Planned))
        .unwrap_or(OccurrenceState::Planned)
}

fn calendar_occurrence(s: &Stored, o: Occurrence, state: OccurrenceState) -> CalendarOccurrence {
    CalendarOccurrence {
        schedule_id: s.id,
        title: s.title.clone(),
        purpose: s.purpose,
        community_id: s.community_id,
        day: o.day.to_string(),
        time: o.at.with_timezone(&s.zone).format("%H:%M").to_string(),
        at: o.at,
        state,
        lead_minutes: s.lead_minutes,
        message: s.message.clone(),
    }
}

/// Every occurrence of every schedule in force (not paused) in `[from, to)`,
/// in time order, with what the owner marked.
pub fn occurrences(
    conn: &Connection,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<Vec<CalendarOccurrence>> {
    let marks = marks(conn, from, to)?;
    let mut out = Vec::new();
    for s in stored(conn)?.into_iter().filter(|s| !s.paused) {
        for o in s.rule.between(s.zone, from, to) {
            out.push(calendar_occurrence(&s, o, state_on(&marks, &s, o.day)));
        }
    }
    out.sort_by(|a, b| a.at.cmp(&b.at).then(a.schedule_id.cmp(&b.schedule_id)));
    Ok(out)
}

/// Marks one occurrence done or skipped (or back to planned). The instant must
/// be one the schedule really has.
/// `mark` with the occurrence's instant as the window sends it (RFC 3339).
pub fn mark_at(
    conn: &Connection,
    schedule_id: i64,
    at: &str,
    state: &str,
    now: DateTime<Utc>,
) -> Result<CalendarOccurrence> {
    let at = crate::validate::instant(crate::Field::Occurrence, at)?;
    mark(conn, schedule_id, at, state, now)
}

pub fn mark(
    conn: &Connection,
    schedule_id: i64,
    at: DateTime<Utc>,
    state: &str,
    now: DateTime<Utc>,
) -> Result<CalendarOccurrence> {
    let state = OccurrenceState::parse(state)?;
    let s = stored_one(conn, schedule_id)?;
    let window = s.rule.between(s.zone, at - Duration::minutes(1), at + Duration::minutes(1));
    let Some(o) = window.into_iter().find(|o| o.at == at) else {
        return Err(unknown(Field::Occurrence, &at.to_rfc3339()));
    };
    // One mark per local day: any earlier one for the day (made before the
    // time was edited) is replaced.
    let tx = conn.unchecked_transaction()?;
    let stale: Vec<DateTime<Utc>> = marks(&tx, at, at)?
        .into_iter()
        .filter(|(id, t, _)| *id == schedule_id && t.with_timezone(&s.zone).date_naive() == o.day)
        .map(|(_, t, _)| t)
        .collect();
    for t in stale {
        tx.execute(
            "DELETE FROM occurrence_mark WHERE schedule_id = ?1 AND occurs_at = ?2",
            params![schedule_id, t],
        )?;
    }
    if state != OccurrenceState::Planned {
        let text = if state == OccurrenceState::Done { "done" } else { "skipped" };
        tx.execute(
            "INSERT INTO occurrence_mark (schedule_id, occurs_at, state, marked_at) VALUES (?1, ?2, ?3, ?4)",
            params![schedule_id, at, text, now],
        )?;
    }
    tx.commit()?;
    Ok(calendar_occurrence(&s, o, state))
}

/// A calendar range: "YYYY-MM-DD" to "YYYY-MM-DD", both included, in the shop's zone.
/// Every occurrence from day `from` to day `to` (both included, the shop's days).
pub fn occurrences_on_days(conn: &Connection, from: &str, to: &str) -> Result<Vec<CalendarOccurrence>> {
    let (start, end) = day_range(conn, from, to)?;
    occurrences(conn, start, end)
}

pub fn day_range(conn: &Connection, from: &str, to: &str) -> Result<(DateTime<Utc>, DateTime<Utc>)> {
    day_range_in(shop::zone(conn)?, from, to)
}

/// The same, in `zone`.
pub fn day_range_in(zone: Tz, from: &str, to: &str) -> Result<(DateTime<Utc>, DateTime<Utc>)> {
    let first = parse_day(Field::Date, from)?;
    let last = parse_day(Field::Date, to)?;
    if last < first {
        return Err(Error::invalid(Field::Date, crate::Problem::BeforeStart));
    }
    if (last - first).num_days() > 400 {
        return Err(Error::invalid(Field::Days, crate::Problem::OutOfRange { min: 1, max: 400 }));
    }
    let after = last.succ_opt().ok_or_else(|| unknown(Field::Date, to))?;
    let midnight = |d: chrono::NaiveDate| rule::local_instant(zone, d.and_time(chrono::NaiveTime::MIN));
    Ok((midnight(first), midnight(after)))
}

#[cfg(test)]
pub(crate) mod tests;
