//! What every campaign kind writes the same way: its draft, its row when
//! published, its communities, sessions, reminder schedules and posts. Each
//! is called inside the kind's own `apply` transaction.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, Transaction};
use serde::Serialize;

use super::model::{CampaignKind, PlannedPost, PlannedSession};
use crate::content::ContentInput;
use crate::image_change::ImageChange;
use crate::schedule::{self, ScheduleInput};
use crate::Result;

/// Saves a wizard's choices as a draft of `kind` (a new one, or over draft
/// `id`), to resume after a restart; nothing else is written. Its id.
pub(crate) fn save_draft(
    conn: &Connection,
    kind: CampaignKind,
    id: Option<i64>,
    name: &str,
    input: &impl Serialize,
    now: DateTime<Utc>,
) -> Result<i64> {
    let stored = serde_json::to_string(input).unwrap_or_default();
    match id {
        Some(id) => {
            super::draft_row(conn, id)?;
            conn.execute(
                "UPDATE campaign SET name = ?1, input = ?2, updated_at = ?3 WHERE id = ?4",
                params![name.trim(), stored, now, id],
            )?;
            Ok(id)
        }
        None => {
            conn.execute(
                "INSERT INTO campaign (kind, name, input, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?4)",
                params![kind.as_str(), name.trim(), stored, now],
            )?;
            Ok(conn.last_insert_rowid())
        }
    }
}

/// Where a plan is published: a new campaign, over a draft, or in place of
/// a published campaign being edited before it starts (its row and id kept).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Target {
    New,
    Draft(i64),
    Replace(i64),
}

impl Target {
    pub(crate) fn from_draft(draft_id: Option<i64>) -> Target {
        draft_id.map_or(Target::New, Target::Draft)
    }
}

/// What is published: the kind, where, and what the plan named.
pub(crate) struct Publish<'a> {
    pub kind: CampaignKind,
    pub target: Target,
    pub name: &'a str,
    pub community_ids: &'a [i64],
    pub sessions: &'a [PlannedSession],
}

/// Publishes the campaign (over a draft, in place of an edited one, or as a new row) with
/// its communities and sessions; its id and the sessions' ids, in order.
pub(crate) fn publish(
    tx: &Transaction,
    p: &Publish,
    input: &impl Serialize,
    now: DateTime<Utc>,
) -> Result<(i64, Vec<i64>)> {
    let Publish { kind, target, name, community_ids, sessions } = *p;
    let first = sessions.first().and_then(|s| instant(&s.starts_at));
    let last = sessions.last().and_then(|s| instant(&s.ends_at));
    let stored = serde_json::to_string(input).unwrap_or_default();
    let id = match target {
        Target::Draft(d) => {
            super::draft_row(tx, d)?;
            tx.execute(
                "UPDATE campaign SET name = ?1, input = ?2, starts_at = ?3, ends_at = ?4, published_at = ?5, updated_at = ?5
                 WHERE id = ?6",
                params![name, stored, first, last, now, d],
            )?;
            d
        }
        // Edited before it started: still published, since it was first.
        Target::Replace(id) => {
            tx.execute(
                "UPDATE campaign SET name = ?1, input = ?2, starts_at = ?3, ends_at = ?4, updated_at = ?5 WHERE id = ?6",
                params![name, stored, first, last, now, id],
            )?;
            id
        }
        Target::New => {
            tx.execute(
                "INSERT INTO campaign (kind, name, input, starts_at, ends_at, published_at, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6, ?6)",
                params![kind.as_str(), name, stored, first, last, now],
            )?;
            tx.last_insert_rowid()
        }
    };
    for c in community_ids {
        tx.execute(
            "INSERT INTO campaign_community (campaign_id, community_id) VALUES (?1, ?2)",
            params![id, c],
        )?;
    }
    let mut session_ids = Vec::with_capacity(sessions.len());
    for s in sessions {
        tx.execute(
            "INSERT INTO campaign_session (campaign_id, day, starts_at, ends_at) VALUES (?1, ?2, ?3, ?4)",
            params![id, s.day, instant(&s.starts_at), instant(&s.ends_at)],
        )?;
        session_ids.push(tx.last_insert_rowid());
    }
    Ok((id, session_ids))
}

/// The reminder schedules and the posts on the content calendar, each linked
/// to the campaign so cancelling finds them; their ids.
pub(crate) fn schedules_and_posts(
    tx: &Transaction,
    id: i64,
    schedules: &[ScheduleInput],
    posts: &[PlannedPost],
    now: DateTime<Utc>,
) -> Result<(Vec<i64>, Vec<i64>)> {
    let mut schedule_ids = Vec::with_capacity(schedules.len());
    for s in schedules {
        let sid = schedule::insert(tx, s, now)?;
        super::link(tx, id, "schedule", sid)?;
        schedule_ids.push(sid);
    }
    let mut content_ids = Vec::with_capacity(posts.len());
    for p in posts {
        let item = ContentInput {
            community_id: p.community_id,
            day: p.day.clone(),
            time: p.time.clone(),
            topic: p.topic.clone(),
            body: p.body.clone(),
        };
        let cid = crate::content::insert(tx, &item, &ImageChange::Keep, now)?;
        super::link(tx, id, "content", cid)?;
        content_ids.push(cid);
    }
    Ok((schedule_ids, content_ids))
}

fn instant(rfc3339: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(rfc3339).ok().map(|t| t.with_timezone(&Utc))
}
