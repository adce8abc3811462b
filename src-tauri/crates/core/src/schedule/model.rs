//! What a schedule is, what the owner (or the CLI) types to make one, and the
//! checks on it.

use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::rule::{Repeat, Rule};
use crate::validate::{in_range, optional_lines, required, unknown};
use crate::{Error, Field, Problem, Result};

pub const TITLE_MAX: usize = 60;
pub const MESSAGE_MAX: usize = 2_000;
/// A day ahead is the longest lead that still reads as "before it".
pub const LEAD_MAX: i64 = 1_440;
pub const SKIPPED_MAX: usize = 366;

/// What a schedule is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Purpose {
    /// A campaign day: a spike, a gift-package day, a lucky draw.
    Campaign,
    /// A post in a community.
    Content,
    Custom,
}

impl Purpose {
    pub fn as_str(self) -> &'static str {
        match self {
            Purpose::Campaign => "campaign",
            Purpose::Content => "content",
            Purpose::Custom => "custom",
        }
    }

    pub fn parse(s: &str) -> Result<Purpose> {
        match s.trim() {
            "campaign" => Ok(Purpose::Campaign),
            "content" => Ok(Purpose::Content),
            "custom" | "" => Ok(Purpose::Custom),
            other => Err(unknown(Field::Purpose, other)),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Schedule {
    #[ts(type = "number")]
    pub id: i64,
    pub title: String,
    pub purpose: Purpose,
    #[ts(type = "number | null")]
    pub community_id: Option<i64>,
    /// RFC 5545 RRULE text, as stored and exported (`FREQ=WEEKLY;BYDAY=MO,TU,WE,TH`).
    pub rule: String,
    /// The rule's shape, for words and the edit form.
    pub repeat: Repeat,
    /// The first occurrence, local: "YYYY-MM-DD HH:MM".
    pub start: String,
    /// Each occurrence's local time, "HH:MM".
    pub time: String,
    /// The IANA zone its times are in.
    pub zone: String,
    pub starts_at: DateTime<Utc>,
    /// The last day it may fall on, "YYYY-MM-DD".
    pub ends_on: Option<String>,
    pub skipped: Vec<String>,
    #[ts(type = "number")]
    pub lead_minutes: i64,
    /// The ready-to-copy text for the announcement.
    pub message: String,
    pub paused: bool,
    /// The next occurrence from now, if there is one.
    pub next_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// A schedule as the form (or the CLI) sends it.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, serde::Serialize, TS)]
#[ts(export)]
pub struct ScheduleInput {
    pub title: String,
    /// "campaign", "content" or "custom".
    #[ts(as = "Purpose")]
    #[serde(default)]
    pub purpose: String,
    #[ts(type = "number | null")]
    #[serde(default)]
    pub community_id: Option<i64>,
    /// RFC 5545 RRULE text: `FREQ=WEEKLY;BYDAY=MO,TU,WE,TH`, `FREQ=MONTHLY;BYDAY=-1FR`,
    /// `FREQ=DAILY;COUNT=1` for once.
    pub rule: String,
    /// The first day and time, local: "YYYY-MM-DD HH:MM".
    pub start: String,
    /// The IANA zone; empty means the shop's.
    #[serde(default)]
    pub zone: String,
    #[serde(default)]
    pub ends_on: Option<String>,
    #[serde(default)]
    pub skipped: Vec<String>,
    #[ts(type = "number")]
    #[serde(default)]
    pub lead_minutes: i64,
    #[serde(default)]
    pub message: String,
}

pub(crate) struct ValidSchedule {
    pub title: String,
    pub purpose: Purpose,
    pub community_id: Option<i64>,
    pub rule: Rule,
    pub zone: Tz,
    pub lead_minutes: i64,
    pub message: String,
}

/// "YYYY-MM-DD" as a date, refused as `field`.
pub fn parse_day(field: Field, text: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map_err(|_| unknown(field, text))
}

/// "HH:MM" (or "H:MM") as a time; 24:61 is refused.
pub fn parse_time(field: Field, text: &str) -> Result<NaiveTime> {
    NaiveTime::parse_from_str(text.trim(), "%H:%M").map_err(|_| unknown(field, text))
}

/// "YYYY-MM-DD HH:MM" (a `T` between is fine too).
pub fn parse_local(field: Field, text: &str) -> Result<NaiveDateTime> {
    let t = text.trim();
    if t.is_empty() {
        return Err(Error::invalid(field, Problem::Empty));
    }
    let (day, time) = t.split_once([' ', 'T']).ok_or_else(|| unknown(field, t))?;
    let day = parse_day(field, day)?;
    let time = parse_time(field, time)?;
    Ok(day.and_time(time))
}

pub(crate) fn validate(input: &ScheduleInput, shop_zone: Tz) -> Result<ValidSchedule> {
    let title = required(Field::Title, &input.title, TITLE_MAX)?;
    let purpose = Purpose::parse(&input.purpose)?;
    let zone = if input.zone.trim().is_empty() { shop_zone } else { crate::shop::parse_zone(&input.zone)? };
    let start = parse_local(Field::Start, &input.start)?;
    let ends = match input.ends_on.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        Some(d) => Some(parse_day(Field::EndsOn, d)?),
        None => None,
    };
    if input.skipped.len() > SKIPPED_MAX {
        return Err(Error::invalid(Field::Skipped, Problem::OutOfRange { min: 0, max: SKIPPED_MAX as i64 }));
    }
    let skipped = input.skipped.iter().map(|d| parse_day(Field::Skipped, d)).collect::<Result<Vec<_>>>()?;
    let rule = Rule::parse(&input.rule, start, ends, skipped, zone)?;
    let lead_minutes = in_range(Field::LeadMinutes, input.lead_minutes, 0, LEAD_MAX)?;
    let message = optional_lines(Field::Message, &input.message, MESSAGE_MAX)?;
    Ok(ValidSchedule { title, purpose, community_id: input.community_id, rule, zone, lead_minutes, message })
}
