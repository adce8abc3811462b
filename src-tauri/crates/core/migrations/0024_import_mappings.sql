-- The columns the owner mapped by hand for a file of the generic kind, kept
-- by its header row, so the same till's next export is read the same way.
CREATE TABLE import_mapping (
    signature TEXT PRIMARY KEY,
    columns   TEXT NOT NULL,
    saved_at  TEXT NOT NULL
) WITHOUT ROWID;
