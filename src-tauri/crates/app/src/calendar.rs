//! The schedules as an .ics file a phone calendar imports.

use std::path::Path;

use chrono::{DateTime, Utc};
use shopcircle_core::db::Connection;
use shopcircle_core::schedule::ics;

use crate::files::write_output;
use crate::Result;

/// Writes every schedule in force to `path` as iCalendar; how many events it holds.
pub fn save_ics(conn: &Connection, path: &Path, now: DateTime<Utc>) -> Result<usize> {
    let text = ics::export(conn, now)?;
    write_output(path, text.as_bytes())?;
    Ok(text.matches("BEGIN:VEVENT").count())
}
