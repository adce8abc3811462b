-- The shop's rhythm: recurring schedules, the content calendar, and the log
-- that makes each reminder fire exactly once.

-- A recurring (or one-off) task. `rule` is RFC 5545 RRULE text as the owner
-- or the CLI gave it, minus UNTIL (kept as `ends_on`, a local day); the first
-- occurrence is `starts_local`, a wall-clock time in `zone`, and `starts_at`
-- is the same instant in UTC. Occurrences keep their local time across DST.
CREATE TABLE schedule (
    id            INTEGER PRIMARY KEY,
    title         TEXT NOT NULL,
    purpose       TEXT NOT NULL CHECK (purpose IN ('campaign', 'content', 'custom')),
    community_id  INTEGER REFERENCES community(id),
    rule          TEXT NOT NULL,
    starts_local  TEXT NOT NULL,  -- 'YYYY-MM-DD HH:MM'
    starts_at     TEXT NOT NULL,
    zone          TEXT NOT NULL,
    ends_on       TEXT,           -- 'YYYY-MM-DD', the last day it may fall on
    lead_minutes  INTEGER NOT NULL DEFAULT 0 CHECK (lead_minutes BETWEEN 0 AND 1440),
    message       TEXT NOT NULL DEFAULT '',
    paused_at     TEXT,
    deleted_at    TEXT,           -- kept so the delivered log and marks still name it
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);

-- Days a schedule does not fall on (a holiday): EXDATE in the export.
CREATE TABLE schedule_skip (
    schedule_id INTEGER NOT NULL REFERENCES schedule(id),
    day         TEXT NOT NULL,
    PRIMARY KEY (schedule_id, day)
) WITHOUT ROWID;

-- What the owner did with one occurrence: done, or skipped just this once.
CREATE TABLE occurrence_mark (
    schedule_id INTEGER NOT NULL REFERENCES schedule(id),
    occurs_at   TEXT NOT NULL,    -- the occurrence's instant, UTC
    state       TEXT NOT NULL CHECK (state IN ('done', 'skipped')),
    marked_at   TEXT NOT NULL,
    PRIMARY KEY (schedule_id, occurs_at)
) WITHOUT ROWID;

-- A topic to post in a community on a day, planned then posted.
CREATE TABLE content_item (
    id           INTEGER PRIMARY KEY,
    community_id INTEGER NOT NULL REFERENCES community(id),
    day          TEXT NOT NULL,   -- 'YYYY-MM-DD' in the shop's zone
    time         TEXT NOT NULL,   -- 'HH:MM', when to post (and be reminded)
    due_at       TEXT NOT NULL,   -- day + time in the shop's zone, UTC
    topic        TEXT NOT NULL,
    body         TEXT NOT NULL DEFAULT '',
    image        BLOB,
    image_type   TEXT CHECK (image_type IN ('image/png', 'image/jpeg')),
    posted_at    TEXT,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    CHECK ((image IS NULL) = (image_type IS NULL))
);
CREATE INDEX content_item_by_day ON content_item(day, community_id);

-- Every reminder that was delivered (or found missed), written before the
-- notification is shown: the key names the source and its due instant, so a
-- restart, a crash or a clock that jumps back never shows one twice. What it
-- said is kept, so the reminder centre can show it after its source changed.
CREATE TABLE reminder_delivery (
    key          TEXT PRIMARY KEY,
    kind         TEXT NOT NULL CHECK (kind IN ('announce', 'start', 'content', 'qr_expiry', 'batch_expiry')),
    title        TEXT NOT NULL,
    body         TEXT NOT NULL DEFAULT '',
    community_id INTEGER,
    route        TEXT NOT NULL,
    due_at       TEXT NOT NULL,
    subject_at   TEXT,            -- the occurrence, post or expiry it is about
    delivered_at TEXT NOT NULL,
    missed       INTEGER NOT NULL CHECK (missed IN (0, 1)),
    dismissed_at TEXT
) WITHOUT ROWID;
CREATE INDEX reminder_delivery_by_due ON reminder_delivery(due_at);

-- The reminder task's memory: everything due up to `checked_until` has been
-- looked at; `paused_until` silences notifications (the tray's "pause 1 hour").
CREATE TABLE reminder_state (
    id            INTEGER PRIMARY KEY CHECK (id = 1),
    checked_until TEXT NOT NULL,
    paused_until  TEXT
);
