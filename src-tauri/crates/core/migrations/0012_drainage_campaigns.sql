-- Drainage with a gift: a community's channels carry posters with a welcome
-- gift (from the gift catalogue, or a next-visit voucher); each new member
-- claims it at the counter once per mobile number per campaign.

-- The campaign's terms, frozen when published: what the gift is and costs
-- now, how many new members the owner expects, the budget if one was set.
CREATE TABLE campaign_drainage (
    campaign_id     INTEGER PRIMARY KEY REFERENCES campaign(id),
    community_id    INTEGER NOT NULL REFERENCES community(id),
    gift_id         INTEGER REFERENCES gift(id),
    -- A next-visit voucher instead of a gift: its batch, issued with the campaign.
    batch_id        INTEGER REFERENCES voucher_batch(id),
    unit_cost_cents INTEGER NOT NULL CHECK (unit_cost_cents >= 0),
    expected_joins  INTEGER NOT NULL CHECK (expected_joins > 0),
    budget_cents    INTEGER CHECK (budget_cents > 0),
    gift_line       TEXT NOT NULL,
    CHECK ((gift_id IS NULL) <> (batch_id IS NULL))
);

-- One claim per mobile number per campaign (an undone claim frees the number).
CREATE TABLE drainage_claim (
    id          INTEGER PRIMARY KEY,
    campaign_id INTEGER NOT NULL REFERENCES campaign(id),
    phone       TEXT NOT NULL CHECK (length(phone) = 11),
    channel_id  INTEGER REFERENCES channel(id),
    -- The next-visit voucher handed over, for a voucher campaign.
    serial      INTEGER REFERENCES voucher(serial),
    claimed_at  TEXT NOT NULL,
    undone_at   TEXT
);
CREATE UNIQUE INDEX drainage_claim_once ON drainage_claim(campaign_id, phone) WHERE undone_at IS NULL;

-- A claimed gift leaves the shelf like a redeemed one: the stock history
-- learns two reasons (SQLite cannot widen a CHECK, so the table is rebuilt).
CREATE TABLE gift_stock_move_new (
    id          INTEGER PRIMARY KEY,
    gift_id     INTEGER NOT NULL REFERENCES gift(id),
    change      INTEGER NOT NULL,
    stock_after INTEGER NOT NULL,
    reason      TEXT NOT NULL CHECK (reason IN ('added', 'restocked', 'counted', 'redeemed', 'redemption_undone',
                                                'claimed', 'claim_undone')),
    serial      INTEGER REFERENCES voucher(serial),
    note        TEXT NOT NULL DEFAULT '',
    made_at     TEXT NOT NULL
);
INSERT INTO gift_stock_move_new (id, gift_id, change, stock_after, reason, serial, note, made_at)
    SELECT id, gift_id, change, stock_after, reason, serial, note, made_at FROM gift_stock_move;
DROP TABLE gift_stock_move;
ALTER TABLE gift_stock_move_new RENAME TO gift_stock_move;
CREATE INDEX gift_stock_move_by_gift ON gift_stock_move(gift_id, id);

-- A welcome-gift campaign's posters are ordinary drainage posters that
-- belong to a campaign: the poster table's rule "a campaign's poster is a
-- flash sale's" becomes "a poster printing an offer belongs to a campaign";
-- and a gift-package day's poster prints its ladder (a rung a line, its
-- label and price split by a tab).
CREATE TABLE poster_new (
    id          INTEGER PRIMARY KEY,
    channel_id  INTEGER NOT NULL REFERENCES channel(id),
    template    TEXT NOT NULL CHECK (template IN ('counter', 'table_tent', 'window', 'stickers', 'spike', 'ladder')),
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
    campaign_id INTEGER REFERENCES campaign(id),
    offer_price TEXT NOT NULL DEFAULT '',
    offer_was   TEXT NOT NULL DEFAULT '',
    offer_when  TEXT NOT NULL DEFAULT '',
    offer_terms TEXT NOT NULL DEFAULT '',
    offer_tiers TEXT NOT NULL DEFAULT '',
    CHECK (template NOT IN ('spike', 'ladder') OR campaign_id IS NOT NULL)
);
INSERT INTO poster_new (id, channel_id, template, headline, subline, gift, address, hours, brand_color, logo,
    archived_at, created_at, updated_at, campaign_id, offer_price, offer_was, offer_when, offer_terms)
SELECT id, channel_id, template, headline, subline, gift, address, hours, brand_color, logo,
    archived_at, created_at, updated_at, campaign_id, offer_price, offer_was, offer_when, offer_terms
FROM poster;
DROP TABLE poster;
ALTER TABLE poster_new RENAME TO poster;
CREATE INDEX poster_by_channel ON poster(channel_id);
