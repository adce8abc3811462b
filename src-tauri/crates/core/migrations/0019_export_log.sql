-- Every export of members' data (CSV lists, one member's JSON), so the owner
-- can say what left the laptop, when, and whether phones were masked.
CREATE TABLE export_log (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('members', 'purchases', 'member_data')),
    rows        INTEGER NOT NULL CHECK (rows >= 0),
    phones      TEXT NOT NULL CHECK (phones IN ('masked', 'full', 'none')),
    file_name   TEXT NOT NULL,
    exported_at TEXT NOT NULL
);
