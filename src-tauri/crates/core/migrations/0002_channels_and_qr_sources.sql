-- Drainage channels of a community and the QR code each one carries. A group's
-- own QR expires 7 days after it was made; replacing it keeps the old row (with
-- replaced_at set) so history and printed posters can be traced.

CREATE TABLE channel (
    id           INTEGER PRIMARY KEY,
    community_id INTEGER NOT NULL REFERENCES community(id),
    kind         TEXT NOT NULL CHECK (kind IN ('counter', 'table_tent', 'shop_window', 'friend_circle',
                                               'partner_store', 'outdoor_event', 'custom')),
    name         TEXT NOT NULL,
    archived_at  TEXT,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
);
CREATE INDEX channel_by_community ON channel(community_id);

CREATE TABLE qr_source (
    id          INTEGER PRIMARY KEY,
    channel_id  INTEGER NOT NULL REFERENCES channel(id),
    kind        TEXT NOT NULL CHECK (kind IN ('group_qr', 'staff_qr', 'link')),
    payload     TEXT NOT NULL,
    staff_id    INTEGER REFERENCES staff(id),
    image       BLOB,                  -- the imported screenshot, as the owner gave it
    made_at     TEXT,                  -- group QR: when WeChat made it
    expires_at  TEXT,                  -- group QR: made_at + 7 days; NULL never expires
    replaced_at TEXT,                  -- NULL for the channel's current code
    created_at  TEXT NOT NULL
);
CREATE UNIQUE INDEX qr_source_current ON qr_source(channel_id) WHERE replaced_at IS NULL;
CREATE INDEX qr_source_expiry ON qr_source(expires_at) WHERE replaced_at IS NULL;
