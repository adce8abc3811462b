-- The RFM segments' thresholds: fixed buckets the owner can edit (quintiles
-- are unstable in a shop with a few hundred buyers). One row.
CREATE TABLE rfm_threshold (
    id            INTEGER PRIMARY KEY CHECK (id = 1),
    -- Days since the last purchase: recent ≤ 30, lapsing ≤ 90, lost > 180.
    recent_days   INTEGER NOT NULL DEFAULT 30,
    lapsing_days  INTEGER NOT NULL DEFAULT 90,
    lost_days     INTEGER NOT NULL DEFAULT 180,
    -- Purchase days in the last year: a repeat buyer from 2, a regular from 4.
    repeat_days   INTEGER NOT NULL DEFAULT 2,
    regular_days  INTEGER NOT NULL DEFAULT 4,
    CHECK (0 < recent_days AND recent_days < lapsing_days AND lapsing_days < lost_days AND lost_days <= 3650),
    CHECK (1 < repeat_days AND repeat_days < regular_days AND regular_days <= 366)
);
INSERT INTO rfm_threshold (id) VALUES (1);
