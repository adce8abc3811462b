-- A gift-package day's pickup codes: one voucher per package, named to the
-- address that ordered it, collected at the counter for the tier's price.
--
-- The batch table is rebuilt (SQLite cannot widen a CHECK in place) to know a
-- third kind of pickup, 'package', which names the campaign whose bundle it
-- hands over; the price is the address's, read from its settled order.
CREATE TABLE voucher_batch_new (
    id                 INTEGER PRIMARY KEY,
    name               TEXT NOT NULL,
    benefit            TEXT NOT NULL CHECK (benefit IN ('gift', 'amount_off', 'percent_off', 'pickup', 'package')),
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
    product_id         INTEGER REFERENCES product(id),
    pickup_price_cents INTEGER CHECK (pickup_price_cents > 0),
    -- A gift package: the campaign whose bundle each voucher collects.
    campaign_id        INTEGER REFERENCES campaign(id),
    CHECK ((benefit = 'gift') = (gift_id IS NOT NULL)),
    CHECK ((benefit = 'amount_off') = (amount_off_cents IS NOT NULL)),
    CHECK ((benefit = 'percent_off') = (percent_off IS NOT NULL)),
    CHECK ((benefit = 'pickup') = (product_id IS NOT NULL AND pickup_price_cents IS NOT NULL)),
    CHECK ((benefit = 'package') = (campaign_id IS NOT NULL)),
    CHECK (valid_from <= valid_until)
);
INSERT INTO voucher_batch_new (id, name, benefit, gift_id, amount_off_cents, percent_off, min_spend_cents, count,
    first_serial, valid_from, valid_until, community_id, channel_id, holder_name, holder_phone, voided_at,
    void_reason, created_at, product_id, pickup_price_cents)
SELECT id, name, benefit, gift_id, amount_off_cents, percent_off, min_spend_cents, count,
    first_serial, valid_from, valid_until, community_id, channel_id, holder_name, holder_phone, voided_at,
    void_reason, created_at, product_id, pickup_price_cents
FROM voucher_batch;
DROP TABLE voucher_batch;
ALTER TABLE voucher_batch_new RENAME TO voucher_batch;

-- Which address each package code belongs to, by the address as compared
-- (`ladder_order.address_key`), so settling again keeps an address's codes.
CREATE TABLE ladder_code (
    serial      INTEGER PRIMARY KEY REFERENCES voucher(serial),
    session_id  INTEGER NOT NULL REFERENCES campaign_session(id),
    address_key TEXT NOT NULL
);
CREATE INDEX ladder_code_by_address ON ladder_code(session_id, address_key);
