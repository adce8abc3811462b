-- The member gift-package day (a bundle sold on a group-buy ladder) and the
-- owner's policy on prices below cost.

-- What a plan does with a price below cost: refuse it (the default), warn, or
-- say nothing. A loss leader is the owner's call, made once in Settings.
ALTER TABLE shop ADD COLUMN cost_policy TEXT NOT NULL DEFAULT 'block' CHECK (cost_policy IN ('block', 'warn', 'off'));

-- A gift-package day's terms, frozen when published. `shares` is how many
-- packages each session can make from the shelf.
CREATE TABLE campaign_ladder (
    campaign_id INTEGER PRIMARY KEY REFERENCES campaign(id),
    solo_cents  INTEGER NOT NULL CHECK (solo_cents > 0),
    shares      INTEGER NOT NULL CHECK (shares > 0),
    cutoff_minutes INTEGER NOT NULL CHECK (cutoff_minutes > 0)
);

-- The bundle: each product and how many of it a package holds, with its cost
-- and regular price when published (the report uses those, not today's).
CREATE TABLE campaign_ladder_item (
    campaign_id INTEGER NOT NULL REFERENCES campaign(id),
    product_id  INTEGER NOT NULL REFERENCES product(id),
    quantity    INTEGER NOT NULL CHECK (quantity > 0),
    unit_cost_cents  INTEGER NOT NULL CHECK (unit_cost_cents >= 0),
    unit_price_cents INTEGER NOT NULL CHECK (unit_price_cents > 0),
    PRIMARY KEY (campaign_id, product_id)
);

-- The ladder: from `min_shares` packages at one address, each costs `price_cents`.
CREATE TABLE campaign_ladder_tier (
    campaign_id INTEGER NOT NULL REFERENCES campaign(id),
    min_shares  INTEGER NOT NULL CHECK (min_shares >= 2),
    price_cents INTEGER NOT NULL CHECK (price_cents > 0),
    PRIMARY KEY (campaign_id, min_shares)
);

-- A session's settlement from the pasted 接龙: one row per address. Settling
-- again replaces the session's rows in one transaction, so nothing doubles.
CREATE TABLE ladder_order (
    id           INTEGER PRIMARY KEY,
    session_id   INTEGER NOT NULL REFERENCES campaign_session(id),
    address      TEXT NOT NULL,
    address_key  TEXT NOT NULL,
    buyers       INTEGER NOT NULL CHECK (buyers > 0),
    shares       INTEGER NOT NULL CHECK (shares > 0),
    price_cents  INTEGER NOT NULL CHECK (price_cents > 0),
    total_cents  INTEGER NOT NULL,
    settled_at   TEXT NOT NULL,
    UNIQUE (session_id, address_key)
);
