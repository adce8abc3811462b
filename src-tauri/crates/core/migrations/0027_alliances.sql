-- Cross-store alliances (issue 15): a partner store hands out this shop's
-- vouchers to its own customers. Each partner is a channel (kind
-- partner_store) of one community, so joins through it are attributed; each
-- alliance gives every partner a batch of vouchers (the batch's channel is
-- the partner's) redeemable only here, and a poster for their counter.
CREATE TABLE partner (
    id             INTEGER PRIMARY KEY,
    channel_id     INTEGER NOT NULL UNIQUE REFERENCES channel(id),
    name           TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 40),
    business       TEXT NOT NULL DEFAULT '',
    contact        TEXT NOT NULL DEFAULT '',
    address        TEXT NOT NULL DEFAULT '',
    -- The agreement's days ("YYYY-MM-DD", local): its vouchers are valid within them only.
    agreement_from TEXT NOT NULL,
    agreement_to   TEXT NOT NULL,
    -- What this shop pays the partner per voucher redeemed, in fen (0: no fee).
    fee_cents      INTEGER NOT NULL DEFAULT 0 CHECK (fee_cents >= 0),
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    CHECK (agreement_to >= agreement_from)
);

CREATE TABLE alliance_partner (
    campaign_id INTEGER NOT NULL REFERENCES campaign(id),
    partner_id  INTEGER NOT NULL REFERENCES partner(id),
    batch_id    INTEGER NOT NULL UNIQUE REFERENCES voucher_batch(id),
    poster_id   INTEGER REFERENCES poster(id),
    PRIMARY KEY (campaign_id, partner_id)
) WITHOUT ROWID;
