-- Backups: the optional second folder (a USB stick or a synced folder), and
-- the whole-shop export in the export log.

CREATE TABLE backup_setting (
    id            INTEGER PRIMARY KEY CHECK (id = 1),
    second_folder TEXT NOT NULL DEFAULT ''
);
INSERT INTO backup_setting (id) VALUES (1);

-- SQLite cannot widen a CHECK in place: the log is rebuilt with 'shop' allowed.
CREATE TABLE export_log_new (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('members', 'purchases', 'member_data', 'shop')),
    rows        INTEGER NOT NULL CHECK (rows >= 0),
    phones      TEXT NOT NULL CHECK (phones IN ('masked', 'full', 'none')),
    file_name   TEXT NOT NULL,
    exported_at TEXT NOT NULL
);
INSERT INTO export_log_new (id, kind, rows, phones, file_name, exported_at)
    SELECT id, kind, rows, phones, file_name, exported_at FROM export_log;
DROP TABLE export_log;
ALTER TABLE export_log_new RENAME TO export_log;
