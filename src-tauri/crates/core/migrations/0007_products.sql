-- What the shop sells, apart from the gifts it hands out: the campaign wizards
-- put these on sale. Money in fen (integers), never floats.
CREATE TABLE product (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    unit        TEXT NOT NULL DEFAULT '',
    price_cents INTEGER NOT NULL CHECK (price_cents > 0),
    cost_cents  INTEGER NOT NULL CHECK (cost_cents >= 0),
    -- The shelf count the owner keeps; campaigns promise part of it.
    stock       INTEGER NOT NULL CHECK (stock >= 0),
    -- The method's product mix: traffic products draw people in, profit products earn.
    role        TEXT NOT NULL CHECK (role IN ('traffic', 'profit')),
    photo       BLOB,
    photo_type  TEXT CHECK (photo_type IN ('image/png', 'image/jpeg')),
    archived_at TEXT,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    CHECK ((photo IS NULL) = (photo_type IS NULL))
);

-- Every regular price a product has had, from the moment it took effect until
-- the next row's. A "was ¥X" claim must name the lowest price of the previous
-- 7 days (SAMR's promotion rules, 2020), so the history is kept, never rewritten.
CREATE TABLE product_price (
    id          INTEGER PRIMARY KEY,
    product_id  INTEGER NOT NULL REFERENCES product(id),
    price_cents INTEGER NOT NULL CHECK (price_cents > 0),
    from_at     TEXT NOT NULL
);
CREATE INDEX product_price_by_product ON product_price(product_id, from_at);
