-- A campaign's poster: the flash sale's template prints the sale's offer. The poster table is rebuilt to widen its
-- template CHECK (foreign keys are checked as a whole before the commit).
CREATE TABLE poster_new (
    id          INTEGER PRIMARY KEY,
    channel_id  INTEGER NOT NULL REFERENCES channel(id),
    template    TEXT NOT NULL CHECK (template IN ('counter', 'table_tent', 'window', 'stickers', 'spike')),
    headline    TEXT NOT NULL,
    subline     TEXT NOT NULL DEFAULT '',
    gift        TEXT NOT NULL DEFAULT '',
    address     TEXT NOT NULL DEFAULT '',
    hours       TEXT NOT NULL DEFAULT '',
    brand_color TEXT NOT NULL,
    logo        BLOB,
    archived_at TEXT,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    -- The campaign whose offer it prints; only a campaign's template has one.
    -- The offer's words are kept with the poster (the campaign's terms are
    -- frozen when published), so a poster prints on its own.
    campaign_id INTEGER REFERENCES campaign(id),
    offer_price TEXT NOT NULL DEFAULT '',
    offer_was   TEXT NOT NULL DEFAULT '',
    offer_when  TEXT NOT NULL DEFAULT '',
    offer_terms TEXT NOT NULL DEFAULT '',
    CHECK ((template = 'spike') = (campaign_id IS NOT NULL))
);
INSERT INTO poster_new (id, channel_id, template, headline, subline, gift, address, hours, brand_color, logo,
    archived_at, created_at, updated_at)
SELECT id, channel_id, template, headline, subline, gift, address, hours, brand_color, logo,
    archived_at, created_at, updated_at
FROM poster;
DROP TABLE poster;
ALTER TABLE poster_new RENAME TO poster;
CREATE INDEX poster_by_channel ON poster(channel_id);
