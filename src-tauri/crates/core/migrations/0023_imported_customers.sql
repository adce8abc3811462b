-- Customers imported from another system's export (Youzan's customer list):
-- the member remembers the import that brought them, so it can be undone,
-- and their consent is recorded as given through that system ('imported');
-- marketing consent is never imported. SQLite cannot widen a CHECK, so the
-- consent table is rebuilt.
ALTER TABLE member ADD COLUMN import_batch_id INTEGER REFERENCES import_batch(id);
CREATE INDEX member_by_import ON member(import_batch_id) WHERE import_batch_id IS NOT NULL;

CREATE TABLE consent_new (
    id             INTEGER PRIMARY KEY,
    member_id      INTEGER NOT NULL REFERENCES member(id),
    purpose        TEXT NOT NULL CHECK (purpose IN ('membership', 'marketing')),
    method         TEXT NOT NULL CHECK (method IN ('paper', 'verbal', 'qr_form', 'imported')),
    notice_version INTEGER NOT NULL,
    given_at       TEXT NOT NULL,
    recorded_by    TEXT NOT NULL DEFAULT '',
    withdrawn_at   TEXT,
    CHECK (method <> 'imported' OR purpose = 'membership')
);
INSERT INTO consent_new (id, member_id, purpose, method, notice_version, given_at, recorded_by, withdrawn_at)
    SELECT id, member_id, purpose, method, notice_version, given_at, recorded_by, withdrawn_at FROM consent;
DROP TABLE consent;
ALTER TABLE consent_new RENAME TO consent;
CREATE UNIQUE INDEX consent_current ON consent(member_id, purpose) WHERE withdrawn_at IS NULL;
