-- The foundation: the shop, its communities with their rules, the staff account
-- matrix, and member counts over time. Never edit this file once released:
-- schema changes are new numbered files.

CREATE TABLE shop (
    id          INTEGER PRIMARY KEY CHECK (id = 1),   -- one shop per database
    name        TEXT NOT NULL,
    brand       TEXT NOT NULL,
    industry    TEXT NOT NULL,
    time_zone   TEXT NOT NULL,
    language    TEXT NOT NULL CHECK (language IN ('zh-CN', 'en')),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);

CREATE TABLE community (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('high_frequency', 'low_frequency', 'niche')),
    stage       TEXT NOT NULL CHECK (stage IN ('drainage', 'activation', 'value_output', 'realization')),
    platform    TEXT NOT NULL CHECK (platform IN ('wechat_group', 'wecom_group', 'other')),
    purpose     TEXT NOT NULL DEFAULT '',
    goal        TEXT NOT NULL DEFAULT '',
    capacity    INTEGER NOT NULL CHECK (capacity > 0),
    archived_at TEXT,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);

CREATE TABLE community_rule (
    community_id INTEGER NOT NULL REFERENCES community(id),
    position     INTEGER NOT NULL,
    text         TEXT NOT NULL,
    PRIMARY KEY (community_id, position)
);

CREATE TABLE staff (
    id           INTEGER PRIMARY KEY,
    display_name TEXT NOT NULL,
    role         TEXT NOT NULL CHECK (role IN ('manager', 'clerk')),
    account_id   TEXT NOT NULL DEFAULT '',
    note         TEXT NOT NULL DEFAULT '',
    archived_at  TEXT,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
);

CREATE TABLE staff_community (
    staff_id     INTEGER NOT NULL REFERENCES staff(id),
    community_id INTEGER NOT NULL REFERENCES community(id),
    PRIMARY KEY (staff_id, community_id)
);
CREATE INDEX staff_community_by_community ON staff_community(community_id);

CREATE TABLE member_count (
    community_id INTEGER NOT NULL REFERENCES community(id),
    recorded_on  TEXT NOT NULL,            -- a calendar day in the shop's zone, YYYY-MM-DD
    count        INTEGER NOT NULL CHECK (count >= 0),
    recorded_at  TEXT NOT NULL,
    PRIMARY KEY (community_id, recorded_on)
);
