-- Lucky draws (issue 15). The terms are frozen at publish; at the freeze the
-- entrant list, the shop's secret seed and the two hashes published from
-- them; at the draw the public value typed and each entrant's prize with the
-- voucher named to them. A frozen list and a drawn result never change: the
-- triggers below refuse it, whatever code asks.
CREATE TABLE campaign_draw (
    campaign_id          INTEGER PRIMARY KEY REFERENCES campaign(id),
    budget_cents         INTEGER NOT NULL CHECK (budget_cents > 0),
    redemption_percent   INTEGER NOT NULL CHECK (redemption_percent BETWEEN 0 AND 100),
    freeze_at            TEXT NOT NULL,
    draw_at              TEXT NOT NULL,
    claim_until          TEXT NOT NULL,
    public_value_source  TEXT NOT NULL,
    consolation_name     TEXT NOT NULL,
    consolation_cents    INTEGER NOT NULL CHECK (consolation_cents > 0),
    consolation_min_spend_cents INTEGER,
    consolation_cost_cents INTEGER NOT NULL CHECK (consolation_cost_cents >= 0),
    shop_seed            BLOB CHECK (shop_seed IS NULL OR length(shop_seed) = 32),
    seed_sha256          TEXT,
    list_sha256          TEXT,
    frozen_at            TEXT,
    public_value         TEXT,
    drawn_at             TEXT,
    CHECK ((frozen_at IS NULL) = (shop_seed IS NULL)),
    CHECK (drawn_at IS NULL OR frozen_at IS NOT NULL)
);

CREATE TABLE draw_prize (
    campaign_id  INTEGER NOT NULL REFERENCES campaign(id),
    rank         INTEGER NOT NULL CHECK (rank >= 1),
    name         TEXT NOT NULL,
    gift_id      INTEGER REFERENCES gift(id),
    quantity     INTEGER NOT NULL CHECK (quantity > 0),
    -- China's promotion rules cap a draw's top prize at ¥50,000.
    value_cents  INTEGER NOT NULL CHECK (value_cents > 0 AND value_cents <= 5000000),
    cost_cents   INTEGER NOT NULL CHECK (cost_cents >= 0),
    PRIMARY KEY (campaign_id, rank)
);

-- The frozen list, in published order; rank and serial set once, at the draw
-- (rank 0 is the consolation prize).
CREATE TABLE draw_entry (
    campaign_id  INTEGER NOT NULL REFERENCES campaign(id),
    number       INTEGER NOT NULL CHECK (number >= 1),
    member_id    INTEGER NOT NULL REFERENCES member(id),
    label        TEXT NOT NULL,
    rank         INTEGER CHECK (rank IS NULL OR rank >= 0),
    serial       INTEGER REFERENCES voucher(serial),
    PRIMARY KEY (campaign_id, number),
    UNIQUE (campaign_id, member_id)
);

CREATE TRIGGER draw_frozen_list_stays BEFORE UPDATE OF campaign_id, number, member_id, label ON draw_entry
BEGIN
    SELECT RAISE(ABORT, 'a frozen draw list cannot change');
END;

CREATE TRIGGER draw_result_stays BEFORE UPDATE OF rank, serial ON draw_entry
WHEN OLD.rank IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'a drawn result cannot change');
END;

CREATE TRIGGER draw_entry_kept BEFORE DELETE ON draw_entry
BEGIN
    SELECT RAISE(ABORT, 'a frozen draw list cannot change');
END;

CREATE TRIGGER draw_commitments_stay BEFORE UPDATE ON campaign_draw
WHEN OLD.frozen_at IS NOT NULL AND (NEW.shop_seed IS NOT OLD.shop_seed OR NEW.seed_sha256 IS NOT OLD.seed_sha256
    OR NEW.list_sha256 IS NOT OLD.list_sha256 OR NEW.frozen_at IS NOT OLD.frozen_at
    OR (OLD.drawn_at IS NOT NULL AND (NEW.public_value IS NOT OLD.public_value OR NEW.drawn_at IS NOT OLD.drawn_at)))
BEGIN
    SELECT RAISE(ABORT, 'a frozen draw''s commitments and result cannot change');
END;
