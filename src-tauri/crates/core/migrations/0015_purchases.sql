-- What customers bought: a sale recorded at the counter (or, later, imported
-- from the till), optionally by a member, with the voucher redeemed with it
-- and the campaign it came from. Refunds are rows of their own, so a sale's
-- history stays whole; "sales after refunds" subtracts them.

CREATE TABLE purchase (
    id             INTEGER PRIMARY KEY,
    -- None: an anonymous sale (or a member erased since; the sale still counts).
    member_id      INTEGER REFERENCES member(id),
    occurred_at    TEXT NOT NULL,
    amount_cents   INTEGER NOT NULL CHECK (amount_cents > 0),
    items          TEXT NOT NULL DEFAULT '',
    source         TEXT NOT NULL CHECK (source IN ('counter', 'import')),
    voucher_serial INTEGER UNIQUE REFERENCES voucher(serial),
    campaign_id    INTEGER REFERENCES campaign(id),
    staff          TEXT NOT NULL DEFAULT '',
    -- An imported order: which system and its order number, so the same file
    -- imported twice adds nothing.
    external_system   TEXT,
    external_order_id TEXT,
    created_at     TEXT NOT NULL,
    CHECK ((external_system IS NULL) = (external_order_id IS NULL))
);
CREATE UNIQUE INDEX purchase_external ON purchase(external_system, external_order_id) WHERE external_system IS NOT NULL;
CREATE INDEX purchase_by_time ON purchase(occurred_at);
CREATE INDEX purchase_by_member ON purchase(member_id, occurred_at);

CREATE TABLE refund (
    id           INTEGER PRIMARY KEY,
    purchase_id  INTEGER NOT NULL REFERENCES purchase(id),
    amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
    reason       TEXT NOT NULL,
    staff        TEXT NOT NULL DEFAULT '',
    refunded_at  TEXT NOT NULL
);
CREATE INDEX refund_by_purchase ON refund(purchase_id);
