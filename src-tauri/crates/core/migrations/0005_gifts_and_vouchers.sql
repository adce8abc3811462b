-- Gifts and vouchers. Money is stored in fen (cents) as integers, never floats.
-- A voucher's code is not stored: it is derived from its serial and the shop's
-- secret key, and parsing a typed code gives the serial back.

CREATE TABLE gift (
    id              INTEGER PRIMARY KEY,
    name            TEXT NOT NULL,
    kind            TEXT NOT NULL CHECK (kind IN ('drainage', 'lottery', 'reward')),
    unit_cost_cents INTEGER NOT NULL CHECK (unit_cost_cents >= 0),
    value_cents     INTEGER NOT NULL CHECK (value_cents >= 0),
    -- May go below zero: a clerk hands over a gift the count said was gone;
    -- the shortfall shows as a warning instead of blocking the customer.
    stock           INTEGER NOT NULL,
    low_stock_at    INTEGER NOT NULL CHECK (low_stock_at >= 0),
    packaging       TEXT NOT NULL DEFAULT '',
    archived_at     TEXT,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);

-- Every change of a gift's stock and why, so the history explains the number.
CREATE TABLE gift_stock_move (
    id          INTEGER PRIMARY KEY,
    gift_id     INTEGER NOT NULL REFERENCES gift(id),
    change      INTEGER NOT NULL,
    stock_after INTEGER NOT NULL,
    reason      TEXT NOT NULL CHECK (reason IN ('added', 'restocked', 'counted', 'redeemed', 'redemption_undone')),
    serial      INTEGER REFERENCES voucher(serial),
    note        TEXT NOT NULL DEFAULT '',
    made_at     TEXT NOT NULL
);
CREATE INDEX gift_stock_move_by_gift ON gift_stock_move(gift_id, id);

-- The key that signs voucher codes, made once at the first issue; it never
-- leaves this file, so only this shop can make a code that checks out.
CREATE TABLE voucher_key (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    secret     BLOB NOT NULL CHECK (length(secret) = 32),
    created_at TEXT NOT NULL
);

CREATE TABLE voucher_batch (
    id               INTEGER PRIMARY KEY,
    name             TEXT NOT NULL,
    benefit          TEXT NOT NULL CHECK (benefit IN ('gift', 'amount_off', 'percent_off')),
    gift_id          INTEGER REFERENCES gift(id),
    amount_off_cents INTEGER CHECK (amount_off_cents > 0),
    percent_off      INTEGER CHECK (percent_off BETWEEN 1 AND 99),
    min_spend_cents  INTEGER CHECK (min_spend_cents > 0),
    count            INTEGER NOT NULL CHECK (count BETWEEN 1 AND 100000),
    first_serial     INTEGER NOT NULL,
    -- Calendar days in the shop's time zone, both included.
    valid_from       TEXT NOT NULL,
    valid_until      TEXT NOT NULL,
    community_id     INTEGER REFERENCES community(id),
    channel_id       INTEGER REFERENCES channel(id),
    holder_name      TEXT NOT NULL DEFAULT '',
    holder_phone     TEXT NOT NULL DEFAULT '',
    voided_at        TEXT,
    void_reason      TEXT NOT NULL DEFAULT '',
    created_at       TEXT NOT NULL,
    CHECK ((benefit = 'gift') = (gift_id IS NOT NULL)),
    CHECK ((benefit = 'amount_off') = (amount_off_cents IS NOT NULL)),
    CHECK ((benefit = 'percent_off') = (percent_off IS NOT NULL)),
    CHECK (valid_from <= valid_until)
);

-- One row per voucher, keyed by the serial its code carries, so a scan is one
-- primary-key lookup and a redemption one conditional update of that row.
CREATE TABLE voucher (
    serial      INTEGER PRIMARY KEY,
    batch_id    INTEGER NOT NULL REFERENCES voucher_batch(id),
    redeemed_at TEXT,
    redeemed_by TEXT NOT NULL DEFAULT '',
    voided_at   TEXT,
    void_reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX voucher_by_batch ON voucher(batch_id);

-- What happened at the counter, including undone redemptions and their reasons.
CREATE TABLE voucher_event (
    id     INTEGER PRIMARY KEY,
    serial INTEGER NOT NULL REFERENCES voucher(serial),
    action TEXT NOT NULL CHECK (action IN ('redeemed', 'undone', 'voided')),
    staff  TEXT NOT NULL DEFAULT '',
    reason TEXT NOT NULL DEFAULT '',
    at     TEXT NOT NULL
);
CREATE INDEX voucher_event_by_at ON voucher_event(at);
