//! `shopcircle-cli schedule …`: recurring schedules, their occurrences, and
//! the .ics export.

use chrono::{DateTime, Utc};
use clap::Subcommand;
use serde_json::json;
use shopcircle_core::db::Connection;
use shopcircle_core::schedule::{self, ScheduleInput};
use shopcircle_core::shop;
use shopcircle_core::text::one_line;

use crate::error::CliResult;
use crate::Output;

/// The zone a schedule is in when neither --zone nor a set-up shop says.
const DEFAULT_ZONE: &str = "Asia/Shanghai";

#[derive(Subcommand)]
pub enum ScheduleCommand {
    /// Add a schedule; prints its id
    Add {
        #[arg(long)]
        title: String,
        /// An RFC 5545 rule, e.g. FREQ=WEEKLY;BYDAY=MO,TU,WE,TH (FREQ=DAILY;COUNT=1 for once)
        #[arg(long)]
        rule: String,
        /// The first occurrence, local time: "YYYY-MM-DD HH:MM"
        #[arg(long)]
        start: String,
        /// IANA time zone [default: the shop's, else Asia/Shanghai]
        #[arg(long)]
        zone: Option<String>,
        /// Remind this many minutes before, to post the announcement
        #[arg(long, default_value_t = 0)]
        lead_minutes: i64,
        /// The community it is for
        #[arg(long)]
        community: Option<i64>,
        /// campaign, content or custom
        #[arg(long, default_value = "custom")]
        purpose: String,
        /// The last day it may fall on, YYYY-MM-DD
        #[arg(long)]
        until: Option<String>,
        /// The text to post, ready to copy
        #[arg(long, default_value = "")]
        message: String,
    },
    /// List the schedules
    List,
    /// Every occurrence between two days (both included), in time order
    Occurrences {
        #[arg(long)]
        from: String,
        #[arg(long)]
        to: String,
    },
    /// Write every schedule in force as an .ics file a phone calendar imports
    ExportIcs {
        #[arg(long)]
        out: std::path::PathBuf,
    },
    /// Pause a schedule: no reminders, off the calendar
    Pause { id: i64 },
    /// Resume a paused schedule
    Resume { id: i64 },
}

fn default_zone(conn: &Connection) -> CliResult<String> {
    Ok(match shop::get(conn)? {
        Some(s) => s.time_zone,
        None => DEFAULT_ZONE.to_owned(),
    })
}

pub fn run(conn: &mut Connection, cmd: ScheduleCommand, now: DateTime<Utc>) -> CliResult<Output> {
    match cmd {
        ScheduleCommand::Add {
            title,
            rule,
            start,
            zone,
            lead_minutes,
            community,
            purpose,
            until,
            message,
        } => {
            // A zone given is checked as given: `--zone ""` is not UTC (issue 11).
            let zone = match zone {
                Some(z) => shop::parse_zone(&z)?.name().to_owned(),
                None => default_zone(conn)?,
            };
            let input = ScheduleInput {
                title,
                purpose,
                community_id: community,
                rule,
                start,
                zone,
                ends_on: until,
                skipped: Vec::new(),
                lead_minutes,
                message,
            };
            let s = schedule::create(conn, &input, now)?;
            Ok(Output {
                text: s.id.to_string(),
                json: json!({ "id": s.id, "rule": s.rule, "next_at": s.next_at }),
            })
        }
        ScheduleCommand::List => {
            let list = schedule::list(conn, now)?;
            let text = list
                .iter()
                .map(|s| {
                    let paused = if s.paused { "  (paused)" } else { "" };
                    format!("{}\t{}\t{}\t{} {}{paused}", s.id, one_line(&s.title), s.rule, s.start, s.zone)
                })
                .collect::<Vec<_>>()
                .join("\n");
            Ok(Output { text, json: serde_json::to_value(&list).unwrap_or_default() })
        }
        ScheduleCommand::Occurrences { from, to } => {
            let zone = shop::parse_zone(&default_zone(conn)?)?;
            let (start, end) = schedule::day_range_in(zone, &from, &to)?;
            let zones: std::collections::HashMap<i64, chrono_tz::Tz> =
                schedule::stored(conn)?.into_iter().map(|s| (s.id, s.zone)).collect();
            let found = schedule::occurrences(conn, start, end)?;
            let rows: Vec<(i64, String, String)> = found
                .iter()
                .map(|o| {
                    let z = zones.get(&o.schedule_id).copied().unwrap_or(zone);
                    (o.schedule_id, o.title.clone(), o.at.with_timezone(&z).to_rfc3339())
                })
                .collect();
            let text = rows
                .iter()
                .map(|(id, title, at)| format!("{at}\t{id}\t{}", one_line(title)))
                .collect::<Vec<_>>()
                .join("\n");
            let json = rows
                .iter()
                .zip(&found)
                .map(|((id, title, at), o)| json!({ "schedule_id": id, "title": title, "at": at, "state": o.state }))
                .collect();
            Ok(Output { text, json: serde_json::Value::Array(json) })
        }
        ScheduleCommand::ExportIcs { out } => {
            let events = shopcircle_app::calendar::save_ics(conn, &out, now)?;
            Ok(Output { text: out.display().to_string(), json: json!({ "path": out, "events": events }) })
        }
        ScheduleCommand::Pause { id } => {
            let s = schedule::set_paused(conn, id, true, now)?;
            Ok(Output { text: s.id.to_string(), json: json!({ "id": s.id, "paused": s.paused }) })
        }
        ScheduleCommand::Resume { id } => {
            let s = schedule::set_paused(conn, id, false, now)?;
            Ok(Output { text: s.id.to_string(), json: json!({ "id": s.id, "paused": s.paused }) })
        }
    }
}
