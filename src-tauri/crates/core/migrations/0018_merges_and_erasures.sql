-- Merging duplicate members (undoably) and erasing a member on request.

-- A merged member's record stays, emptied of its phone and pointing at the
-- member it was merged into, so the merge can be undone; an erased member's
-- record stays as an anonymous tombstone so totals and history stay right.
ALTER TABLE member ADD COLUMN merged_into INTEGER REFERENCES member(id);
ALTER TABLE member ADD COLUMN erased_at TEXT;

-- Each merge and everything it moved, as JSON, so undo puts it all back.
CREATE TABLE member_merge (
    id         INTEGER PRIMARY KEY,
    kept_id    INTEGER NOT NULL REFERENCES member(id),
    merged_id  INTEGER NOT NULL REFERENCES member(id),
    moved      TEXT NOT NULL,
    staff      TEXT NOT NULL DEFAULT '',
    merged_at  TEXT NOT NULL,
    undone_at  TEXT,
    CHECK (kept_id <> merged_id)
);
CREATE INDEX member_merge_by_kept ON member_merge(kept_id);

-- The key of the erasure records: made once with the database, so a backup
-- taken before an erasure holds the same key and can be erased again after a
-- restore. The records hold HMAC-SHA256(key, uid), no personal data.
CREATE TABLE erasure_key (
    id  INTEGER PRIMARY KEY CHECK (id = 1),
    key BLOB NOT NULL CHECK (length(key) = 32)
);
INSERT INTO erasure_key (id, key) VALUES (1, randomblob(32));

CREATE TABLE member_erasure (
    key_hash  TEXT PRIMARY KEY,
    erased_at TEXT NOT NULL
) WITHOUT ROWID;
