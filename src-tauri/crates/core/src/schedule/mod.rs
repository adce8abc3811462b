//! The shop's rhythm (issue 5, first part): when a recurring task falls.
//! `rule` turns what the owner picks (Mon–Thu at 20:00, the last Friday of
//! the month, one day) into occurrences in the shop's time zone and into
//! RFC 5545 RRULE text for calendar export. Storage, reminders and the
//! calendar build on it.

pub mod rule;

pub use rule::{Occurrence, Repeat, Rule};
