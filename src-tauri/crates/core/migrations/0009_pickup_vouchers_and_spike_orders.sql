-- Pickup vouchers and the flash sale's buyers.
--
-- A pickup voucher lets its holder collect a product at the price they bought
-- it for in a flash sale. SQLite cannot widen a CHECK in place, so the batch
-- table is rebuilt the way SQLite documents (new table, copy, drop, rename);
-- the migration runs with foreign keys off and checks them before it commits.
CREATE TABLE voucher_batch_new (
    id                 INTEGER PRIMARY KEY,
    name               TEXT NOT NULL,
    benefit            TEXT NOT NULL CHECK (benefit IN ('gift', 'amount_off', 'percent_off', 'pickup')),
    gift_id            INTEGER REFERENCES gift(id),
    amount_off_cents   INTEGER CHECK (amount_off_cents > 0),
    percent_off        INTEGER CHECK (percent_off BETWEEN 1 AND 99),
    min_spend_cents    INTEGER CHECK (min_spend_cents > 0),
    count              INTEGER NOT NULL CHECK (count BETWEEN 1 AND 100000),
    first_serial       INTEGER NOT NULL,
    valid_from         TEXT NOT NULL,
    valid_until        TEXT NOT NULL,
    community_id       INTEGER REFERENCES community(id),
    channel_id         INTEGER REFERENCES channel(id),
    holder_name        TEXT NOT NULL DEFAULT '',
    holder_phone       TEXT NOT NULL DEFAULT '',
    voided_at          TEXT,
    void_reason        TEXT NOT NULL DEFAULT '',
    created_at         TEXT NOT NULL,
    -- A pickup voucher: which product, at what price each.
    product_id         INTEGER REFERENCES product(id),
    pickup_price_cents INTEGER CHECK (pickup_price_cents > 0),
    CHECK ((benefit = 'gift') = (gift_id IS NOT NULL)),
    CHECK ((benefit = 'amount_off') = (amount_off_cents IS NOT NULL)),
    CHECK ((benefit = 'percent_off') = (percent_off IS NOT NULL)),
    CHECK ((benefit = 'pickup') = (product_id IS NOT NULL AND pickup_price_cents IS NOT NULL)),
    CHECK (valid_from <= valid_until)
);
INSERT INTO voucher_batch_new (id, name, benefit, gift_id, amount_off_cents, percent_off, min_spend_cents, count,
    first_serial, valid_from, valid_until, community_id, channel_id, holder_name, holder_phone, voided_at,
    void_reason, created_at)
SELECT id, name, benefit, gift_id, amount_off_cents, percent_off, min_spend_cents, count,
    first_serial, valid_from, valid_until, community_id, channel_id, holder_name, holder_phone, voided_at,
    void_reason, created_at
FROM voucher_batch;
DROP TABLE voucher_batch;
ALTER TABLE voucher_batch_new RENAME TO voucher_batch;

-- A voucher handed to one customer out of a bearer batch (a flash sale's
-- buyer gets the next pickup voucher of the evening's batch).
ALTER TABLE voucher ADD COLUMN holder_name TEXT NOT NULL DEFAULT '';

-- Each buyer the owner records in a flash-sale session, in the order they
-- replied in the group. `seq` is the 接龙 line's own number when pasted, so
-- pasting the grown list again adds only the new lines. An undone entry is
-- kept (marked), its vouchers freed.
CREATE TABLE spike_order (
    id          INTEGER PRIMARY KEY,
    session_id  INTEGER NOT NULL REFERENCES campaign_session(id),
    seq         INTEGER,
    buyer       TEXT NOT NULL,
    -- The buyer as compared for the limit: full-width folded, spaces and case ignored.
    buyer_key   TEXT NOT NULL,
    quantity    INTEGER NOT NULL CHECK (quantity > 0),
    created_at  TEXT NOT NULL,
    undone_at   TEXT
);
CREATE INDEX spike_order_by_session ON spike_order(session_id, id);
CREATE UNIQUE INDEX spike_order_seq ON spike_order(session_id, seq) WHERE seq IS NOT NULL AND undone_at IS NULL;

-- Which vouchers an order holds.
CREATE TABLE spike_order_voucher (
    order_id INTEGER NOT NULL REFERENCES spike_order(id),
    serial   INTEGER NOT NULL REFERENCES voucher(serial),
    PRIMARY KEY (order_id, serial)
);

-- The pickup batch of each session (one voucher per unit on sale).
ALTER TABLE campaign_session ADD COLUMN batch_id INTEGER REFERENCES voucher_batch(id);
