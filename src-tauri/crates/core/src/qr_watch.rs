//! The expiry watch: current group codes that expired or expire soon, where
//! they hang, and the posters that carry them (all stale until reprinted).

use chrono::{DateTime, Duration, Utc};
use rusqlite::Connection;
use serde::Serialize;

use crate::poster::{self, PosterTemplate};
use crate::qr_source::{self, QrSource};
use crate::validate::in_range;
use crate::{Field, Result};

/// How far ahead the watch may look: a year covers every real question.
pub const EXPIRING_DAYS_MAX: i64 = 366;

/// A current group code that has expired or expires soon, with where it hangs.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct ExpiringQr {
    pub qr: QrSource,
    pub channel_name: String,
    #[ts(type = "number")]
    pub community_id: i64,
    pub community_name: String,
    pub expired: bool,
    /// The posters that carry it, all stale until reprinted with a new code.
    pub posters: Vec<PosterRef>,
}

/// A poster named where a list points to it.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct PosterRef {
    #[ts(type = "number")]
    pub id: i64,
    pub headline: String,
    pub template: PosterTemplate,
}

/// Current group codes that expired or expire within `within_days` of `now`, soonest first.
pub fn expiring(conn: &Connection, now: DateTime<Utc>, within_days: i64) -> Result<Vec<ExpiringQr>> {
    // A bound keeps `now + within` a real date (issue 11: --days 9223372036854775807 panicked).
    let within = Duration::days(in_range(Field::Days, within_days, 0, EXPIRING_DAYS_MAX)?);
    qr_source::expiring_by(conn, now + within)?
        .into_iter()
        .map(|(qr, at)| {
            let posters = poster::on_channel(conn, qr.channel_id)?
                .into_iter()
                .map(|(id, headline, template)| PosterRef { id, headline, template })
                .collect();
            Ok(ExpiringQr {
                expired: qr.expires_at.is_some_and(|e| e <= now),
                qr,
                channel_name: at.channel_name,
                community_id: at.community_id,
                community_name: at.community_name,
                posters,
            })
        })
        .collect()
}
