-- Campaigns: a wizard's plan, written in one transaction with everything it
-- creates (schedules and content items; posters and voucher batches follow).
-- The status is derived, never stored stale: a draft until published; then
-- scheduled, running or ended by its dates; cancelled once cancelled, with
-- the reason. Nothing a campaign made is deleted.
CREATE TABLE campaign (
    id            INTEGER PRIMARY KEY,
    kind          TEXT NOT NULL CHECK (kind IN ('spike', 'ladder', 'drainage', 'draw', 'referral', 'alliance')),
    name          TEXT NOT NULL,
    -- The wizard's input as the owner left it (JSON): a draft resumes from it.
    input         TEXT NOT NULL,
    starts_at     TEXT,
    ends_at       TEXT,
    published_at  TEXT,
    cancelled_at  TEXT,
    cancel_reason TEXT NOT NULL DEFAULT '',
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);

CREATE TABLE campaign_community (
    campaign_id  INTEGER NOT NULL REFERENCES campaign(id),
    community_id INTEGER NOT NULL REFERENCES community(id),
    PRIMARY KEY (campaign_id, community_id)
);

-- A flash sale's terms, frozen when published (published promotion rules may
-- not change to the customer's loss). Quantity and limit are per session.
CREATE TABLE campaign_spike (
    campaign_id     INTEGER PRIMARY KEY REFERENCES campaign(id),
    product_id      INTEGER NOT NULL REFERENCES product(id),
    price_cents     INTEGER NOT NULL CHECK (price_cents > 0),
    reference_cents INTEGER NOT NULL CHECK (reference_cents > 0),
    quantity        INTEGER NOT NULL CHECK (quantity > 0),
    per_customer    INTEGER NOT NULL CHECK (per_customer > 0),
    minutes         INTEGER NOT NULL CHECK (minutes BETWEEN 1 AND 1440),
    pickup_days     INTEGER NOT NULL CHECK (pickup_days > 0)
);

-- Each session of a campaign: when it runs (a flash sale's evening).
CREATE TABLE campaign_session (
    id          INTEGER PRIMARY KEY,
    campaign_id INTEGER NOT NULL REFERENCES campaign(id),
    day         TEXT NOT NULL,
    starts_at   TEXT NOT NULL,
    ends_at     TEXT NOT NULL
);
CREATE INDEX campaign_session_by_time ON campaign_session(starts_at);

-- What a campaign made, so cancelling finds it.
CREATE TABLE campaign_item (
    campaign_id INTEGER NOT NULL REFERENCES campaign(id),
    kind        TEXT NOT NULL CHECK (kind IN ('schedule', 'content', 'poster', 'batch')),
    item_id     INTEGER NOT NULL,
    PRIMARY KEY (campaign_id, kind, item_id)
);

-- A post a cancelled campaign withdrew: kept (the report counts it), shown nowhere.
ALTER TABLE content_item ADD COLUMN withdrawn_at TEXT;
