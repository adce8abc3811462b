-- Imports from a till or a spreadsheet: each file imported is a batch that
-- can be undone; its purchases say which batch brought them.
CREATE TABLE import_batch (
    id             INTEGER PRIMARY KEY,
    file_name      TEXT NOT NULL,
    sha256         TEXT NOT NULL,
    encoding       TEXT NOT NULL,
    preset         TEXT NOT NULL,
    new_rows       INTEGER NOT NULL CHECK (new_rows >= 0),
    duplicate_rows INTEGER NOT NULL CHECK (duplicate_rows >= 0),
    error_rows     INTEGER NOT NULL CHECK (error_rows >= 0),
    imported_at    TEXT NOT NULL,
    undone_at      TEXT
);

ALTER TABLE purchase ADD COLUMN import_batch_id INTEGER REFERENCES import_batch(id);
CREATE INDEX purchase_by_import ON purchase(import_batch_id) WHERE import_batch_id IS NOT NULL;
