-- Referral days (issue 15): a member's friend card brings a new customer; the
-- friend gets a welcome at the counter and the referral waits for the
-- friend's first purchase; qualified friends, up to a monthly cap, earn the
-- member reward vouchers at the thresholds the owner set. One level only:
-- a referral names one member who brought one friend, and nothing follows
-- from the friend's own referrals.
CREATE TABLE campaign_referral (
    campaign_id     INTEGER PRIMARY KEY REFERENCES campaign(id),
    -- Friend cards are taken at the counter from the first day to the last ("YYYY-MM-DD", local).
    first_day       TEXT NOT NULL,
    last_day        TEXT NOT NULL,
    welcome_gift_id INTEGER REFERENCES gift(id),
    welcome_cents   INTEGER CHECK (welcome_cents IS NULL OR welcome_cents > 0),
    welcome_min_spend_cents INTEGER,
    welcome_days    INTEGER NOT NULL CHECK (welcome_days >= 0),
    reward_days     INTEGER NOT NULL CHECK (reward_days >= 1),
    monthly_cap     INTEGER NOT NULL CHECK (monthly_cap >= 1),
    qualify_days    INTEGER NOT NULL CHECK (qualify_days >= 1),
    CHECK (last_day >= first_day),
    CHECK ((welcome_gift_id IS NULL) <> (welcome_cents IS NULL))
);

-- The reward for reaching `friends` qualified friends in a month: money off.
CREATE TABLE referral_tier (
    campaign_id INTEGER NOT NULL REFERENCES campaign(id),
    friends     INTEGER NOT NULL CHECK (friends >= 1),
    cents       INTEGER NOT NULL CHECK (cents > 0),
    PRIMARY KEY (campaign_id, friends)
) WITHOUT ROWID;

-- One friend, one referral, ever: the first card presented wins.
CREATE TABLE referral (
    id             INTEGER PRIMARY KEY,
    campaign_id    INTEGER NOT NULL REFERENCES campaign(id),
    referrer_id    INTEGER NOT NULL REFERENCES member(id),
    friend_id      INTEGER NOT NULL UNIQUE REFERENCES member(id),
    referred_at    TEXT NOT NULL,
    -- The friend's welcome voucher (none when the welcome was a gift handed over).
    welcome_serial INTEGER REFERENCES voucher(serial),
    staff          TEXT NOT NULL DEFAULT '',
    -- Set once, at the friend's first purchase within the campaign's days to qualify.
    qualified_at   TEXT,
    purchase_id    INTEGER REFERENCES purchase(id),
    -- The shop's local month of the qualification ("YYYY-MM").
    month          TEXT,
    -- Within the referrer's monthly cap: counts toward rewards and the leaderboard.
    counted        INTEGER NOT NULL DEFAULT 0 CHECK (counted IN (0, 1)),
    CHECK (referrer_id <> friend_id),
    CHECK ((qualified_at IS NULL) = (month IS NULL))
);
CREATE INDEX referral_by_referrer ON referral(referrer_id, month);
CREATE INDEX referral_counted_by_month ON referral(month, referrer_id, qualified_at) WHERE counted = 1;
CREATE INDEX referral_by_campaign ON referral(campaign_id);

-- A reward issued: one voucher named to the referrer per threshold per month.
CREATE TABLE referral_reward (
    campaign_id INTEGER NOT NULL REFERENCES campaign(id),
    referrer_id INTEGER NOT NULL REFERENCES member(id),
    month       TEXT NOT NULL,
    friends     INTEGER NOT NULL,
    serial      INTEGER NOT NULL UNIQUE REFERENCES voucher(serial),
    issued_at   TEXT NOT NULL,
    PRIMARY KEY (campaign_id, referrer_id, month, friends)
);

-- A qualification is history: once set it never changes, whatever code asks.
CREATE TRIGGER referral_qualified_once BEFORE UPDATE OF qualified_at, month, counted, purchase_id ON referral
WHEN OLD.qualified_at IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'a qualified referral never changes');
END;
