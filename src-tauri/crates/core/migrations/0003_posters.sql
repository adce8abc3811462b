-- Drainage posters keep their settings so they can be reopened, changed and
-- printed again; every save or print is logged with the QR code it carried, so a
-- poster printed with a code since replaced or expiring can be flagged stale.

CREATE TABLE poster (
    id          INTEGER PRIMARY KEY,
    channel_id  INTEGER NOT NULL REFERENCES channel(id),
    template    TEXT NOT NULL CHECK (template IN ('counter', 'table_tent', 'window', 'stickers')),
    headline    TEXT NOT NULL,
    subline     TEXT NOT NULL DEFAULT '',
    gift        TEXT NOT NULL DEFAULT '',
    address     TEXT NOT NULL DEFAULT '',
    hours       TEXT NOT NULL DEFAULT '',
    brand_color TEXT NOT NULL,
    logo        BLOB,
    archived_at TEXT,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE INDEX poster_by_channel ON poster(channel_id);

CREATE TABLE poster_output (
    id           INTEGER PRIMARY KEY,
    poster_id    INTEGER NOT NULL REFERENCES poster(id),
    qr_source_id INTEGER NOT NULL REFERENCES qr_source(id),
    format       TEXT NOT NULL CHECK (format IN ('pdf', 'png', 'svg')),
    dpi          INTEGER,
    path         TEXT NOT NULL,
    made_at      TEXT NOT NULL
);
CREATE INDEX poster_output_by_poster ON poster_output(poster_id, made_at);
